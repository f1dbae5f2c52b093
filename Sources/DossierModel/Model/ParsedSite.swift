/// The site once every file is read and placed: pages with their URLs, grouped into sections.
package struct ParsedSite: Sendable {
    package var config: SiteConfig
    /// Every page that will be built, sorted by source path.
    package var pages: [Page]
    /// Sections in display order.
    package var sections: [Section]
    /// Source paths of drafts left out of this build, to explain links to them.
    package var omittedDrafts: Set<String>
    /// Content paths of pages that exist but could not be read; their own errors are reported,
    /// so links to them are not reported again.
    package var unreadable: Set<String>
    /// Datasets of `content/data/`, sorted by name.
    package var datasets: [Dataset] = []
    /// The other files of `content/`, copied into the site (images, PDFs, `static/`), sorted by source path.
    package var files: [SiteFile] = []

    package init(config: SiteConfig, pages: [Page], sections: [Section], omittedDrafts: Set<String> = [], unreadable: Set<String> = []) {
        self.config = config
        self.pages = pages
        self.sections = sections
        self.omittedDrafts = omittedDrafts
        self.unreadable = unreadable
    }

    package var home: Page? { pages.first { $0.kind == .home } }

    /// Pages by their path relative to `content/`.
    package func pageIndex() -> [String: Int] {
        var index: [String: Int] = [:]
        for (i, page) in pages.enumerated() { index[page.contentPath] = i }
        return index
    }
}

/// A top-level folder of `content/`, listed on its own page.
package struct Section: Sendable, Equatable {
    /// The folder name under `content/`.
    package var name: String
    package var title: String
    package var summary: String?
    package var weight: Int
    /// URL relative to the site root, ending in `/`.
    package var urlPath: String
    /// Content path of the section's `index.md`, if it has one.
    package var indexPage: String?
    /// Content paths of the pages listed, in display order.
    package var pagePaths: [String]

    package init(name: String, title: String, summary: String?, weight: Int, urlPath: String, indexPage: String?, pagePaths: [String]) {
        self.name = name
        self.title = title
        self.summary = summary
        self.weight = weight
        self.urlPath = urlPath
        self.indexPage = indexPage
        self.pagePaths = pagePaths
    }
}
