import DossierModel

/// A chart or a table of a page, numbered in its kind's order on the page: what the page's
/// cross-references (`[@fig:id]`, `[@tbl:id]`) and the report's lists of figures point to.
package struct FigureEntry: Sendable, Equatable {
    package enum Kind: String, Sendable {
        case figure, table

        /// The prefix of a cross-reference to this kind (`fig` in `[@fig:id]`).
        var referencePrefix: String { self == .figure ? "fig" : "tbl" }
    }

    package var kind: Kind
    /// 1 for the page's first figure (or table), 2 for the next…
    package var number: Int
    /// The author's `id`, if any.
    package var id: String?
    /// The HTML id of the figure on its page.
    package var anchor: String?
    /// The title as a reader sees it, without markup.
    package var title: String?
    /// The datasets it shows.
    package var datasets: [String]
    /// Where the block starts, for diagnostics.
    package var line: Int
    package var column: Int
    /// A chart's shared files (`ID.svg`, `ID.csv`), written beside its page.
    package var export: ChartExport?

    package init(kind: Kind, number: Int, id: String? = nil, anchor: String? = nil, title: String? = nil,
                datasets: [String] = [], line: Int = 0, column: Int = 0) {
        self.kind = kind
        self.number = number
        self.id = id
        self.anchor = anchor
        self.title = title
        self.datasets = datasets
        self.line = line
        self.column = column
    }

    /// The HTML id of a figure or table with the author's `id`: `fig-ID`, `tbl-ID`.
    package static func anchor(kind: Kind, id: String) -> String { kind.referencePrefix + "-" + id }
}

/// The numbers the next figure and the next table of a page get, and whether they are shown.
package struct FigureNumbers: Sendable, Equatable {
    package var figure = 1
    package var table = 1
    /// `numbered` in site.yaml: false leaves the numbers out of titles and cross-references.
    package var shown: Bool

    package init(shown: Bool = true) {
        self.shown = shown
    }

    package func next(_ kind: FigureEntry.Kind) -> Int { kind == .figure ? figure : table }

    mutating func take(_ kind: FigureEntry.Kind) {
        if kind == .figure { figure += 1 } else { table += 1 }
    }

    /// "Figure 2", "Tableau 1" in the site's words (`figure_label`, `table_label`), the number
    /// kept on the word's line; nil when numbers are not shown.
    package func label(_ kind: FigureEntry.Kind, number: Int, strings: [String: String]) -> String? {
        guard shown else { return nil }
        let word = kind == .figure ? strings["figure_label"] ?? "Figure" : strings["table_label"] ?? "Table"
        return word + "\u{00A0}" + String(number)
    }
}
