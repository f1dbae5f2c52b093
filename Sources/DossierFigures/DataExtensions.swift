import DossierModel
import DossierCharts
import DossierMarkdown

/// The Markdown extensions backed by the site's datasets: ```` ```chart ````, ```` ```table ```` and
/// `` `=dataset.column[…]` ``.
package struct DataExtensions: MarkdownExtensions {
    let datasets: [String: Dataset]
    let format: LocaleFormat
    let figure: FigureHTML
    /// The width of the phone version of each chart, drawn 1:1 on a 390 px screen.
    static let narrowWidth = ChartFrame.narrow.width

    package init(datasets: [Dataset], language: String, portable: Bool) {
        self.init(datasets: datasets, config: SiteConfig(language: language, portable: portable))
    }

    /// Numbers, dates and words in the site's language, its `strings:` over the built-in ones.
    package init(datasets: [Dataset], config: SiteConfig) {
        var byName: [String: Dataset] = [:]
        for dataset in datasets { byName[dataset.name] = dataset }
        self.datasets = byName
        self.format = config.localeFormat
        self.figure = FigureHTML(format: format, strings: InterfaceStrings.table(for: config), portable: config.portable)
    }

    package func fencedBlock(info: String, body: String, at location: BlockLocation, index: Int, numbers: FigureNumbers) -> ExtensionOutput? {
        let word = info.split(separator: " ").first.map(String.init) ?? ""
        guard word == "chart" || word == "table" else { return nil }
        let kind: FigureEntry.Kind = word == "chart" ? .figure : .table
        var diagnostics = Diagnostics()
        guard let spec = FigureSpec.parse(body, isChart: kind == .figure, file: location.file, fenceLine: location.line,
                                          diagnostics: &diagnostics) else {
            return .failure(diagnostics.items)
        }
        let dataset: Dataset
        switch lookUp(spec.data, what: word, file: location.file, line: spec.lines["data"] ?? location.line) {
        case .success(let found): dataset = found
        case .failure(let error): return .failure(diagnostics.items + [error])
        }
        let number = numbers.next(kind)
        let label = numbers.label(kind, number: number, strings: figure.strings)
        let anchor = spec.id.map { FigureEntry.anchor(kind: kind, id: $0) }
        // A chart always has an HTML id (its SVG's ids derive from it); a table only when it has an `id`.
        let htmlID = anchor ?? (kind == .figure ? "chart-\(index)" : nil)
        let html: Result<[UInt8], Diagnostic>
        var export: ChartExport?
        if kind == .figure {
            html = chart(spec, dataset: dataset, id: htmlID ?? "", label: label, at: location).map { made in
                export = made.export
                return made.markup
            }
        } else {
            html = TableBlock(spec: spec, dataset: dataset, format: format, file: location.file, fenceLine: location.line)
                .html(figure: figure, urlPath: location.urlPath, anchor: anchor, label: label).map { Array($0.utf8) }
        }
        switch html {
        case .success(let markup):
            var entry = FigureEntry(kind: kind, number: number, id: spec.id, anchor: htmlID,
                                    title: figure.plain(spec.title ?? dataset.metadata.title ?? dataset.name), datasets: [dataset.name],
                                    line: spec.lines["id"] ?? location.line, column: spec.lines["id"] == nil ? location.column : 1)
            entry.export = export
            var output = ExtensionOutput(markup: markup, datasets: [dataset.name], diagnostics: diagnostics.items)
            output.figure = entry
            return output
        case .failure(let error): return .failure(diagnostics.items + [error])
        }
    }

    /// A chart's figure, drawn at each width (`ChartFrame`), and its shared files (`ChartExport`),
    /// the standalone SVG made from the text-column drawing.
    func chart(_ spec: FigureSpec, dataset: Dataset, id: String, label: String?,
               at location: BlockLocation) -> Result<(markup: [UInt8], export: ChartExport), Diagnostic> {
        let builder = ChartBuilder(spec: spec, dataset: dataset, format: format, file: location.file, fenceLine: location.line, id: id)
        return builder.build().map { chart in
            // Every drawing plots the same values and says the same in words: both made once.
            let values = ChartValues(chart)
            let description = ChartRenderer.describe(chart, values: values, format: format)
            let table = ChartRenderer.dataTable(chart, values: values, format: format, missing: figure.strings["not_available"])
            let title = spec.title.flatMap { $0.isEmpty ? nil : figure.plain($0) }
            let share = figure.shareLinks(id: id, name: label ?? title ?? "")
            var wide: [UInt8] = []
            let markup = figure.chart(chart, table: table, caption: spec.caption, label: label, dataset: dataset, from: location.urlPath,
                                      share: share) { frame, html in
                var drawn = chart
                drawn.id += frame.idSuffix
                let start = html.count
                ChartRenderer.appendSVG(drawn, values: values, format: format, width: frame.width, description: description, to: &html)
                if frame == .wide { wide = Array(html[start...]) }
            }
            let separator = figure.strings["label_separator"] ?? ": "
            let source = dataset.metadata.source ?? dataset.metadata.title ?? dataset.name
            let heading = [label, title].compactMap { $0 }.joined(separator: " — ")
            let made = StandaloneSVG.document(drawing: wide, title: heading.isEmpty ? figure.plain(chart.title) : heading,
                                             notes: [spec.caption.map(figure.plain) ?? "",
                                                     (figure.strings["source"] ?? "Source") + separator + figure.plain(source)],
                                             language: format.language)
            return (markup, ChartExport(svg: made.svg, csv: ChartCSV.csv(chart, format: format), description: description,
                                        width: made.width, height: made.height))
        }
    }

    package func inlineCode(_ code: String, at location: BlockLocation) -> ExtensionOutput? {
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
