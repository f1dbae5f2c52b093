import DossierModel

/// A source of the page cited with `[@id]`: its number (in the order of first citation) and
/// how many times the text cites it (each citation has a link back from the source list).
package struct CitedSource: Sendable, Equatable {
    package var id: String
    package var number: Int
    package var count: Int

    package init(id: String, number: Int, count: Int) {
        self.id = id
        self.number = number
        self.count = count
    }

    /// The source list entry's HTML id.
    package static func anchor(_ id: String) -> String { "source-" + id }
    /// The HTML id of the `occurrence`-th citation (from 1) of a source.
    package static func citationAnchor(_ id: String, occurrence: Int) -> String { "cite-\(id)-\(occurrence)" }
}

extension CrossReferences {
    /// The HTML ids the references put on the page (citations), which headings must not take.
    func anchors(sources: [CitedSource]) -> Set<String> {
        var anchors: Set<String> = []
        for source in sources {
            for occurrence in 1...max(1, source.count) { anchors.insert(CitedSource.citationAnchor(source.id, occurrence: occurrence)) }
        }
        return anchors
    }

    /// Writes every placeholder's HTML and reports unknown names.
    /// - Returns: the cited sources, by number.
    func resolve(sources: [String], figures: [FigureEntry], numbers: FigureNumbers, strings: [String: String],
                 page: PageLocation, diagnostics: inout Diagnostics) -> [CitedSource] {
        var cited: [String: CitedSource] = [:]
        for reference in references {
            switch reference.target {
            case .sources(let ids):
                var links: [String] = []
                for id in ids {
                    guard sources.contains(id) else {
                        diagnostics.error(Self.unknownSource(id, among: sources), file: page.file, line: reference.line, column: reference.column)
                        continue
                    }
                    var source = cited[id] ?? CitedSource(id: id, number: cited.count + 1, count: 0)
                    source.count += 1
                    cited[id] = source
                    let anchor = CitedSource.citationAnchor(id, occurrence: source.count)
                    links.append("<a href=\"#\(CitedSource.anchor(id))\" id=\"\(anchor)\">\(source.number)</a>")
                }
                reference.node.setGeneratedHTML(links.count == ids.count
                    ? "<span class=\"citation\">[" + links.joined(separator: ", ") + "]</span>" : reference.text.xmlEscaped)
            case .figure(let kind, let id):
                guard let figure = figures.first(where: { $0.kind == kind && $0.id == id }), let anchor = figure.anchor else {
                    diagnostics.error(Self.unknownFigure(kind, id, among: figures), file: page.file, line: reference.line, column: reference.column)
                    reference.node.setGeneratedHTML(reference.text.xmlEscaped)
                    continue
                }
                let text = Self.linkText(figure, numbers: numbers, strings: strings, capitalized: reference.startsSentence)
                reference.node.setGeneratedHTML("<a href=\"#\(anchor)\" class=\"cross-reference\">\(text.xmlEscaped)</a>")
            }
        }
        return cited.values.sorted { $0.number < $1.number }
    }

    /// "figure 2" ("Figure 2" at the start of a sentence); the title when numbers are not shown.
    static func linkText(_ figure: FigureEntry, numbers: FigureNumbers, strings: [String: String], capitalized: Bool) -> String {
        let word = figure.kind == .figure ? strings["figure_ref"] ?? "figure" : strings["table_ref"] ?? "table"
        guard numbers.shown else {
            if let title = figure.title, !title.isEmpty { return title }
            return capitalized ? word.prefix(1).uppercased() + word.dropFirst() : word
        }
        let text = word + "\u{00A0}" + String(figure.number)
        return capitalized ? text.prefix(1).uppercased() + text.dropFirst() : text
    }

    static func unknownSource(_ id: String, among ids: [String]) -> String {
        guard !ids.isEmpty else {
            return "citation [@\(id)]: no source of this page has an `id`; give the source it cites `id: \(id)` in the front matter's `sources`"
        }
        var message = "citation [@\(id)]: no source of this page has the id \"\(id)\""
        if let suggestion = id.closest(among: ids).map(\.candidate), id.editDistance(to: suggestion) <= 3 {
            message += "; did you mean \"\(suggestion)\"?"
        } else {
            message += " (ids: \(ids.joined(separator: ", ")))"
        }
        return message
    }

    static func unknownFigure(_ kind: FigureEntry.Kind, _ id: String, among figures: [FigureEntry]) -> String {
        let what = kind == .figure ? "chart" : "table"
        let ids = figures.filter { $0.kind == kind }.compactMap(\.id)
        var message = "reference [@\(kind.referencePrefix):\(id)]: no \(what) of this page has the id \"\(id)\""
        if let suggestion = id.closest(among: ids).map(\.candidate), id.editDistance(to: suggestion) <= 3 {
            message += "; did you mean \"\(suggestion)\"?"
        } else if ids.isEmpty {
            message += kind == .figure ? " (give the chart block a line `id: \(id)`)"
                : " (give the table block a line `id: \(id)`, or a pipe table's caption `{#\(id)}`)"
        } else {
            message += " (ids: \(ids.joined(separator: ", ")))"
        }
        return message
    }
}
