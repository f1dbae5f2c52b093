/// The Markdown extensions backed by the site's datasets: ```` ```chart ````, ```` ```table ```` and
/// `` `=dataset.column[…]` ``.
struct DataExtensions: MarkdownExtensions {
    let datasets: [String: Dataset]
    let format: LocaleFormat
    let figure: FigureHTML
    /// The width of the phone version of each chart, drawn 1:1 on a 390 px screen.
    static let narrowWidth = ChartFrame.narrow.width

    init(datasets: [Dataset], language: String, portable: Bool) {
        self.init(datasets: datasets, config: SiteConfig(language: language, portable: portable))
    }

    /// Numbers, dates and words in the site's language, its `strings:` over the built-in ones.
    init(datasets: [Dataset], config: SiteConfig) {
        var byName: [String: Dataset] = [:]
        for dataset in datasets { byName[dataset.name] = dataset }
        self.datasets = byName
        self.format = config.localeFormat
        self.figure = FigureHTML(format: format, strings: InterfaceStrings.table(for: config), portable: config.portable)
    }

    func fencedBlock(info: String, body: String, at location: BlockLocation, index: Int) -> ExtensionOutput? {
        let kind = info.split(separator: " ").first.map(String.init) ?? ""
        guard kind == "chart" || kind == "table" else { return nil }
        var diagnostics = Diagnostics()
        guard let spec = FigureSpec.parse(body, isChart: kind == "chart", file: location.file, fenceLine: location.line, diagnostics: &diagnostics) else {
            return .failure(diagnostics.items)
        }
        let dataset: Dataset
        switch lookUp(spec.data, what: kind, file: location.file, line: spec.lines["data"] ?? location.line) {
        case .success(let found): dataset = found
        case .failure(let error): return .failure(diagnostics.items + [error])
        }
        let html: Result<[UInt8], Diagnostic>
        if kind == "chart" {
            let builder = ChartBuilder(spec: spec, dataset: dataset, format: format, file: location.file, fenceLine: location.line, id: "chart-\(index)")
            html = builder.build().map { chart in
                // Every drawing says the same in words: described once.
                let description = ChartRenderer.describe(chart, format: format)
                let table = ChartRenderer.dataTable(chart, format: format, missing: figure.strings["not_available"])
                return figure.chart(chart, table: table, caption: spec.caption, dataset: dataset, from: location.urlPath) { frame, html in
                    var drawn = chart
                    drawn.id += frame.idSuffix
                    ChartRenderer.appendSVG(drawn, format: format, width: frame.width, description: description, to: &html)
                }
            }
        } else {
            html = TableBlock(spec: spec, dataset: dataset, format: format, file: location.file, fenceLine: location.line)
                .html(figure: figure, urlPath: location.urlPath).map { Array($0.utf8) }
        }
        switch html {
        case .success(let markup): return ExtensionOutput(markup: markup, datasets: [dataset.name], diagnostics: diagnostics.items)
        case .failure(let error): return .failure(diagnostics.items + [error])
        }
    }

    func inlineCode(_ code: String, at location: BlockLocation) -> ExtensionOutput? {
        guard let parsed = InlineValue.parse(code) else { return nil }
        switch parsed {
        case .failure(let syntax):
            return .failure([.error("value: \(syntax.message)", file: location.file, line: location.line, column: location.column)])
        case .success(let value):
            let dataset: Dataset
            switch lookUp(value.dataset, what: "value", file: location.file, line: location.line, column: location.column) {
            case .success(let found): dataset = found
            case .failure(let error): return .failure([error])
            }
            switch value.html(in: dataset, format: format, file: location.file, line: location.line, column: location.column) {
            case .success(let html): return ExtensionOutput(html: html, datasets: [dataset.name])
            case .failure(let error): return .failure([error])
            }
        }
    }

    func lookUp(_ name: String, what: String, file: String, line: Int, column: Int = 1) -> Result<Dataset, Diagnostic> {
        if let dataset = datasets[name] { return .success(dataset) }
        var message = "\(what): no dataset \"\(name)\" in content/data/"
        let names = datasets.keys.sorted()
        if let suggestion = name.closest(among: names).map(\.candidate), name.editDistance(to: suggestion) <= 3 {
            message += "; did you mean \"\(suggestion)\"?"
        } else if !names.isEmpty {
            message += " (datasets: \(names.joined(separator: ", ")))"
        }
        return .failure(.error(message, file: file, line: line, column: column))
    }
}
