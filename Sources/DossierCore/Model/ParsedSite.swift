/// The site once every file is read and placed: pages with their URLs, grouped into sections.
public struct ParsedSite: Sendable {
    public var config: SiteConfig
    /// Every page that will be built, sorted by source path.
    public var pages: [Page]
    /// Sections in display order.
    public var sections: [Section]
    /// Source paths of drafts left out of this build, to explain links to them.
    public var omittedDrafts: Set<String>
    /// Content paths of pages that exist but could not be read; their own errors are reported,
    /// so links to them are not reported again.
    public var unreadable: Set<String>
    /// Datasets of `content/data/`, sorted by name.
    public var datasets: [Dataset] = []
    /// The other files of `content/`, copied into the site (images, PDFs, `static/`), sorted by source path.
    public var files: [SiteFile] = []

    public init(config: SiteConfig, pages: [Page], sections: [Section], omittedDrafts: Set<String> = [], unreadable: Set<String> = []) {
        self.config = config
        self.pages = pages
        self.sections = sections
        self.omittedDrafts = omittedDrafts
        self.unreadable = unreadable
    }

    public var home: Page? { pages.first { $0.kind == .home } }

    /// Pages by their path relative to `content/`.
    public func pageIndex() -> [String: Int] {
        var index: [String: Int] = [:]
        for (i, page) in pages.enumerated() { index[page.contentPath] = i }
        return index
    }
}

/// A top-level folder of `content/`, listed on its own page.
public struct Section: Sendable, Equatable {
    /// The folder name under `content/`.
    public var name: String
    public var title: String
    public var summary: String?
    public var weight: Int
    /// URL relative to the site root, ending in `/`.
    public var urlPath: String
    /// Content path of the section's `index.md`, if it has one.
    public var indexPage: String?
    /// Content paths of the pages listed, in display order.
    public var pagePaths: [String]

    public init(name: String, title: String, summary: String?, weight: Int, urlPath: String, indexPage: String?, pagePaths: [String]) {
        self.name = name
        self.title = title
        self.summary = summary
        self.weight = weight
        self.urlPath = urlPath
        self.indexPage = indexPage
        self.pagePaths = pagePaths
    }
}
