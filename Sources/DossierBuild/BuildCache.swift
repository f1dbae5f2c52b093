import DossierModel
import DossierCharts
import DossierTemplates
import DossierMarkdown
import DossierParse
import DossierRender

/// What one build keeps for the next, so `dossier serve` redoes only what a change affects.
///
/// Every entry is keyed by its complete input (the bytes of a file, or the values a rendering
/// read), never by a timestamp: a hit gives exactly what a full build would. The dependency
/// graph is implicit in the keys: a page's HTML depends on its body, its front matter, its
/// neighbours, the menu, the sections and the templates; its body depends on its Markdown,
/// the URLs of all pages (links) and the datasets it reads.
struct BuildCache {
    /// A one-off build keeps nothing: less memory, and nothing to compare.
    var enabled = true
    // Parse: each page file by its bytes and datasets as a whole (the parser's memo); templates
    // as a whole.
    var parse = ParseMemo()
    var datasetVersions: [String: Int] = [:]
    var templateFiles: [SourceFile]?
    var templates: TemplateSet?
    var templateDiagnostics: [Diagnostic] = []
    var templatesVersion = 0

    // Markdown: each body, valid while its key and the datasets it read are unchanged.
    var linkTable: [String: String]?
    var linkVersion = 0
    var bodies: [String: BodyEntry] = [:]

    // Templates: each plain page's HTML.
    var pages: [String: PageEntry] = [:]

    /// Counts of what the last build redid, for the serve log.
    var rendered = 0

    // Load: every file read, and what the watcher says changed since (nil: unknown, read all).
    var files: [String: SourceFile] = [:]
    var changed: Set<String>?

    // Listings (home, sections, 404, data pages): all of them, by everything they show.
    var listings: (key: ListingKey, files: [(String, RenderedSite.Content)])?

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

    /// What every page shows of the rest of the site: settings, menu and sections.
    struct SiteShape: Equatable, Sendable {
        var config: SiteConfig
        var menu: [MenuResolver.Item]
        var sections: [Section]
        var hasDatasets: Bool
    }
}
