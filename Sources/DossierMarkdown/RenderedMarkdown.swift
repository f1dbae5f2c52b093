import DossierModel

/// A page body turned into HTML, with what later stages need to know about it.
package struct RenderedMarkdown: Sendable, Equatable {
    /// The HTML as a string, or as the UTF-8 bytes cmark wrote (checked): a page built in one
    /// pass copies them into its file without making a Swift string of them (`SiteBuilder`).
    package typealias Body = HeldText

    package var body: Body

    package var html: String {
        get { body.string }
        set { body = .string(newValue) }
    }

    /// Headings in order, with the ids written into the HTML.
    package var headings: [Heading]
    /// `#anchor` links whose target page is only known once every page is rendered.
    package var anchorReferences: [AnchorReference]
    /// Names of the datasets the page's charts, tables and values use, sorted.
    package var datasets: [String]
    package var diagnostics: Diagnostics
    /// The page's charts and tables that are numbered, in order.
    package var figures: [FigureEntry]
    /// The sources the text cites (`[@id]`), by number.
    package var citations: [CitedSource]

    package init(html: String, headings: [Heading], anchorReferences: [AnchorReference], datasets: [String] = [], diagnostics: Diagnostics,
                figures: [FigureEntry] = [], citations: [CitedSource] = []) {
        self.init(body: .string(html), headings: headings, anchorReferences: anchorReferences, datasets: datasets, diagnostics: diagnostics,
                  figures: figures, citations: citations)
    }

    init(body: Body, headings: [Heading], anchorReferences: [AnchorReference], datasets: [String] = [], diagnostics: Diagnostics,
         figures: [FigureEntry] = [], citations: [CitedSource] = []) {
        self.body = body
        self.figures = figures
        self.citations = citations
        self.headings = headings
        self.anchorReferences = anchorReferences
        self.datasets = datasets
        self.diagnostics = diagnostics
    }
}

package struct Heading: Sendable, Equatable {
    package var level: Int
    /// The heading as a reader sees it, without markup.
    package var text: String
    package var id: String

    package init(level: Int, text: String, id: String) {
        self.level = level
        self.text = text
        self.id = id
    }
}

/// A link to `#anchor` on a page, checked once all pages' headings are known.
package struct AnchorReference: Sendable, Equatable {
    /// Content path of the page the link points to.
    package var targetPage: String
    package var anchor: String
    package var file: String
    package var line: Int
    package var column: Int

    package init(targetPage: String, anchor: String, file: String, line: Int, column: Int) {
        self.targetPage = targetPage
        self.anchor = anchor
        self.file = file
        self.line = line
        self.column = column
    }
}
