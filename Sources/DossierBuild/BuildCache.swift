import DossierModel
import DossierTemplates
import DossierMarkdown
import DossierParse
import DossierRender

/// What one build of `dossier serve` keeps for the next, so that a rebuild redoes only what a
/// change affects. `IncrementalBuilder` owns it; the stages never see it.
///
/// Every entry is keyed by its complete input (the bytes of a file, or the values a rendering
/// read), never by a timestamp: a hit gives exactly what a full build would. The dependency
/// graph is implicit in the keys: a page's HTML depends on its body, its front matter, its
/// neighbours, the menu, the sections and the templates; its body depends on its Markdown,
/// the URLs of all pages (links) and the datasets it reads.
struct BuildCache {
    // Load: every file read (the watcher says which changed since).
    var files: [String: SourceFile] = [:]

    // Parse: each page file by its bytes and the datasets as a whole (the parser's memo), the
    // templates as a whole; a version per dataset, for the bodies that read it.
    var parse = ParseMemo()
    var templates = TemplateMemo()
    var datasetVersions: [String: Int] = [:]

    // Markdown: each body, valid while its key and the datasets it read are unchanged.
    var linkTable: [String: String]?
    var linkVersion = 0
    var bodies: [String: BodyEntry] = [:]

    // Templates: each plain page's HTML, and the listings as a whole.
    var pages: [String: PageEntry] = [:]
    var listings: (key: ListingKey, files: [(String, RenderedSite.Content)])?

    /// Remembers the files a load read, for the next load to reuse those that did not change.
    mutating func remember(_ tree: SourceTree) {
        var files: [String: SourceFile] = [:]
        for file in tree.pages + tree.templates + tree.dataFiles { files[file.path] = file }
        if let config = tree.siteConfig { files[config.path] = config }
        self.files = files
    }

    /// After a parse: the datasets it found changed get a new version.
    mutating func countChangedDatasets() {
        for name in parse.changedDatasets { datasetVersions[name, default: 0] += 1 }
    }

    struct BodyKey: Equatable {
        var body: MarkdownText
        var firstLine: Int
        var contentPath: String
        var urlPath: String
        var linkVersion: Int
        /// The ids `[@id]` may cite (front matter, not body).
        var sources: [String]
    }

    struct BodyEntry {
        var key: BodyKey
        var datasetVersions: [String: Int]
        var result: RenderedMarkdown
    }

    struct PageKey: Equatable, Sendable {
        var templatesVersion: Int
        var page: Page
        var body: RenderedMarkdown
        var neighbours: [String]
        var shape: SiteShape
    }

    struct PageEntry {
        var key: PageKey
        var html: String
    }

    struct ListingKey: Equatable {
        var templatesVersion: Int
        var shape: SiteShape
        /// Every page but its body: cards, titles, URLs.
        var pages: [Page]
        /// Bodies of the pages a listing shows in full (home, section introductions), and the
        /// datasets each page reads (for the data pages' "used in").
        var bodies: [String]
        var datasetUsers: [[String]]
        /// The figures of each page (the home page and the data pages list them).
        var figures: [[FigureEntry]]
        var datasets: [Dataset]
    }

    /// What every page shows of the rest of the site: settings, menu and sections.
    struct SiteShape: Equatable, Sendable {
        var config: SiteConfig
        var menu: [MenuResolver.Item]
        var sections: [Section]
        var hasDatasets: Bool
    }
}
