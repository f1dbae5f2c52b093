import DossierModel
import DossierCharts
import DossierTemplates
import DossierMarkdown
import DossierData
import DossierParse
import DossierFigures
import DossierRender

/// Entry points for the libFuzzer targets under `Sources/Fuzz/` (`make fuzz`): each runs one of the
/// build's parsers or renderers on arbitrary input, the way a build would, and throws the result
/// away. A fuzz target is an executable, which cannot `@testable import` this module; these few
/// package functions are its only way in. Not for any other use.
package enum FuzzEntryPoints {
    /// A page file, as `SiteParser` reads it: UTF-8 check, front-matter split, front-matter YAML
    /// and French typography of the title and summary. The same bytes are also read as `site.yaml`.
    /// The shortcuts are checked against the reference paths they stand for: the byte-level split
    /// against the split of the decoded text, and the fast front-matter reader against Yams.
    package static func page(_ bytes: [UInt8]) {
        var diagnostics = Diagnostics()
        let parser = SiteParser(options: BuildOptions())
        _ = parser.parsePage(SourceFile(path: "content/briefs/fuzz.md", bytes: bytes), language: "fr", diagnostics: &diagnostics)
        _ = SiteConfigDecoder.decode(SourceFile(path: "content/site.yaml", bytes: bytes), diagnostics: &diagnostics)
        consume(diagnostics)
        if case .success(let text) = UTF8Text.decode(bytes), case .success(let split) = FrontMatterSplitter.split(text) {
            if let fromBytes = FrontMatterSplitter.split(utf8: UTF8Text.withoutByteOrderMark(bytes)) {
                precondition(fromBytes == split, "the byte-level split disagrees with the split of the text")
            }
            if let fast = FrontMatterFastReader.read(split.yaml) {
                var reference = Diagnostics()
                let value = FrontMatterDecoder.decodeWithYAML(split.yaml, file: "content/briefs/fuzz.md", firstLine: 2, diagnostics: &reference)
                precondition(value == fast && reference.items.isEmpty, "the fast front-matter reader disagrees with Yams")
            }
        }
    }

    /// Templates as `TemplateSet` reads them: the input is `partials/fuzz.mustache`, then after a
    /// NUL byte, when there is one, `layout.mustache`, beside fixed `page` and `home` templates
    /// that include the partial and inherit the layout. A set with no error renders the page, so
    /// recursive partials, self-inheriting layouts and deep nesting meet the checks before
    /// swift-mustache does.
    package static func templates(_ bytes: [UInt8]) {
        let nul = bytes.firstIndex(of: 0)
        let partial = nul.map { Array(bytes[..<$0]) } ?? bytes
        let layout = nul.map { Array(bytes[($0 + 1)...]) } ?? Array("<main>{{$main}}{{/main}}</main>{{> partials/fuzz}}".utf8)
        let files = [
            SourceFile(path: "templates/partials/fuzz.mustache", bytes: partial),
            SourceFile(path: "templates/layout.mustache", bytes: layout),
            SourceFile(path: "templates/page.mustache", bytes: Array("{{<layout}}{{$main}}{{page.title}}{{> partials/fuzz}}{{/main}}{{/layout}}".utf8)),
            SourceFile(path: "templates/home.mustache", bytes: Array("{{<layout}}{{/layout}}".utf8)),
        ]
        var diagnostics = Diagnostics()
        let set = TemplateSet(files: files, diagnostics: &diagnostics)
        consume(diagnostics)
        guard !diagnostics.hasErrors else { return }
        let context: TemplateContext = [
            "page": ["title": "Titre", "items": .list([["name": "a"], ["name": "b"]]), "content": "<p>x</p>"],
            "site": ["title": "Site"], "t": ["home": "Accueil"],
        ]
        _ = try? set.render("page", context: context)
    }

    /// A dataset file (`content/data/fuzz.csv`, or `.json`) with optional metadata
    /// (`content/data/fuzz.yaml`), as `DatasetParser` reads them. When the dataset is valid, every
    /// cell is formatted as the dataset's page shows it, and it is drawn as a `table` block and as
    /// a chart of its first column against its first numeric one (the chart type is picked from
    /// `chartSelector`), at both widths.
    package static func dataset(_ data: [UInt8], metadata: [UInt8]?, json: Bool, chartSelector: Int = 0) {
        var files = [SourceFile(path: "content/data/fuzz." + (json ? "json" : "csv"), bytes: data)]
        if let metadata { files.append(SourceFile(path: "content/data/fuzz.yaml", bytes: metadata)) }
        var diagnostics = Diagnostics()
        let datasets = DatasetParser.parse(files, diagnostics: &diagnostics)
        consume(diagnostics)
        guard let dataset = datasets.first else { return }
        for language in ["fr", "en", "de"] {
            let format = LocaleFormat(language: language)
            var length = 0
            for row in dataset.rows.prefix(DatasetPages.maximumRowsShown) {
                for (index, column) in dataset.columns.enumerated() where index < row.count {
                    length += format.cell(row[index], type: column.type, unit: column.type == .percent ? "%" : nil,
                                          decimals: column.decimals).xmlEscaped.utf8.count
                }
            }
            _ = length
        }
        let figures = Figures(datasets: [dataset])
        let location = BlockLocation(file: "content/fuzz.md", line: 1, column: 1, urlPath: "")
        _ = figures.extensions.fencedBlock(info: "table", body: "data: fuzz", at: location, index: 1, numbers: FigureNumbers())
        guard let x = dataset.columns.first,
              let y = dataset.columns.dropFirst().first(where: { $0.type == .number || $0.type == .percent }) else { return }
        let types = ChartType.allCases
        let type = types[((chartSelector % types.count) + types.count) % types.count]
        let spec = "type: \(type.rawValue)\ndata: fuzz\nx: \(yamlQuoted(x.name))\ny: \(yamlQuoted(y.name))\n"
        _ = figures.extensions.fencedBlock(info: "chart", body: spec, at: location, index: 2, numbers: FigureNumbers())
    }

    /// Fixed datasets for the chart and Markdown targets, parsed once.
    package struct Figures: Sendable {
        let extensions: DataExtensions
        let links: LinkResolver

        /// - Parameter files: dataset files (`content/data/NAME.csv` and `.yaml`); they must be valid.
        package init(datasetFiles files: [SourceFile]) {
            var diagnostics = Diagnostics()
            let datasets = DatasetParser.parse(files, diagnostics: &diagnostics)
            precondition(!diagnostics.hasErrors, "fuzz datasets do not parse: \(diagnostics.errors)")
            self.init(datasets: datasets)
        }

        init(datasets: [Dataset]) {
            extensions = DataExtensions(datasets: datasets, language: "fr", portable: false)
            links = LinkResolver(
                pages: ["index.md": "", "briefs/index.md": "briefs/", "briefs/accord.md": "briefs/accord/",
                        "briefs/nokia-licences.md": "briefs/nokia-licences/", "a-propos/index.md": "a-propos/"],
                drafts: ["briefs/brouillon.md"], unreadable: ["briefs/casse.md"],
                datasets: Set(datasets.map(\.name)), portable: false)
        }

        /// A ```` ```chart ```` block's YAML against the fixed datasets: spec, data selection, the
        /// SVG at 640 and at 360 units, the description and the table (`DataExtensions`); then the
        /// same YAML as a ```` ```table ```` block.
        package func chart(_ bytes: [UInt8]) {
            let body = String(decoding: bytes, as: UTF8.self)
            let location = BlockLocation(file: "content/briefs/accord.md", line: 12, column: 1, urlPath: "briefs/accord/")
            consume(extensions.fencedBlock(info: "chart", body: body, at: location, index: 1, numbers: FigureNumbers()))
            consume(extensions.fencedBlock(info: "table", body: body, at: location, index: 2, numbers: FigureNumbers()))
        }

        /// A page body through `MarkdownRenderer`: cmark, French typography, heading ids, the
        /// link resolver and the data extensions (charts, tables, inline values). `unsafeHTML`
        /// follows the first byte, so both of cmark's modes are covered.
        package func markdown(_ bytes: [UInt8]) {
            let text = String(decoding: bytes, as: UTF8.self)
            let renderer = MarkdownRenderer(unsafeHTML: bytes.first.map { $0 & 1 == 1 } ?? false, language: "fr", extensions: extensions)
            let rendered = renderer.render(text, file: "content/briefs/accord.md", firstLine: 5, contentPath: "briefs/accord.md",
                                           urlPath: "briefs/accord/", links: links)
            _ = rendered.html.utf8.count
            consume(rendered.diagnostics)
        }
    }

    static func yamlQuoted(_ text: String) -> String {
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF {
                    let hex = String(scalar.value, radix: 16)
                    quoted += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    quoted.unicodeScalars.append(scalar)
                }
            }
        }
        return quoted + "\""
    }

    /// Formats every diagnostic, as the command line prints them.
    static func consume(_ diagnostics: Diagnostics) {
        _ = diagnostics.sorted.map(\.description)
    }

    static func consume(_ diagnostics: [Diagnostic]) {
        _ = diagnostics.map(\.description)
    }

    static func consume(_ output: ExtensionOutput?) {
        guard let output else { return }
        _ = output.html?.utf8.count
        consume(output.diagnostics)
    }
}
