/// A page body turned into HTML, with what later stages need to know about it.
public struct RenderedMarkdown: Sendable, Equatable {
    /// The HTML as a string, or as the UTF-8 bytes cmark wrote (checked): a page built in one
    /// pass copies them into its file without making a Swift string of them (`SiteBuilder`).
    typealias Body = HeldText

    var body: Body

    public var html: String {
        get { body.string }
        set { body = .string(newValue) }
    }

    /// The HTML as a template value, without a string when it is held as bytes.
    var templateValue: TemplateValue {
        switch body {
        case .string(let string): return .string(string)
        case .utf8(let bytes): return .utf8(bytes)
        }
    }

    /// Headings in order, with the ids written into the HTML.
    public var headings: [Heading]
    /// `#anchor` links whose target page is only known once every page is rendered.
    public var anchorReferences: [AnchorReference]
    /// Names of the datasets the page's charts, tables and values use, sorted.
    public var datasets: [String]
    public var diagnostics: Diagnostics
    /// The page's charts and tables that are numbered, in order.
    public var figures: [FigureEntry]
    /// The sources the text cites (`[@id]`), by number.
    public var citations: [CitedSource]

    public init(html: String, headings: [Heading], anchorReferences: [AnchorReference], datasets: [String] = [], diagnostics: Diagnostics,
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

public struct Heading: Sendable, Equatable {
    public var level: Int
    /// The heading as a reader sees it, without markup.
    public var text: String
    public var id: String

    public init(level: Int, text: String, id: String) {
        self.level = level
        self.text = text
        self.id = id
    }
}

/// A link to `#anchor` on a page, checked once all pages' headings are known.
public struct AnchorReference: Sendable, Equatable {
    /// Content path of the page the link points to.
    public var targetPage: String
    public var anchor: String
    public var file: String
    public var line: Int
    public var column: Int
}
