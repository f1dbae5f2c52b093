import Foundation

/// Reads the project folder: `content/site.yaml`, the Markdown pages, the templates and assets.
///
/// This is the only stage that reads the content from disk; later stages work on the values it returns.
public struct ProjectLoader: Sendable {
    public let root: String

    /// Files read by a previous load; a path not in `changed` is taken from here instead of disk.
    let previous: [String: SourceFile]
    let changed: Set<String>

    public init(root: String) {
        self.root = root
        self.previous = [:]
        self.changed = []
    }

    /// For `dossier serve`: reuses what a previous load read, except the paths the watcher saw change.
    init(root: String, previous: [String: SourceFile], changed: Set<String>) {
        self.root = root
        self.previous = previous
        self.changed = changed
    }

    public func load() -> (SourceTree, Diagnostics) {
        var diagnostics = Diagnostics()
        var walker = FileWalker(root: root)
        walker.previous = previous
        walker.changed = changed

        guard walker.isDirectory("content") else {
            diagnostics.error("no content/ folder: a Dossier project keeps its pages in content/ (run `dossier new brief \"Titre\"` to start one)", file: "content")
            return (SourceTree(root: root, siteConfig: nil, pages: [], templates: [], assets: []), diagnostics)
        }

        var siteConfig: SourceFile?
        if walker.isFile("content/site.yaml") {
            siteConfig = walker.read("content/site.yaml", diagnostics: &diagnostics)
        } else {
            diagnostics.error("missing content/site.yaml (it holds the site's title and language)", file: "content/site.yaml")
        }

        let pagePaths = walker.files(under: "content", diagnostics: &diagnostics) { path in
            path.hasSuffix(".md") && !path.hasPrefix("content/data/")
        }
        let pages = walker.read(pagePaths, diagnostics: &diagnostics)

        var dataFiles: [SourceFile] = []
        if walker.isDirectory("content/data") {
            let dataPaths = walker.files(under: "content/data", diagnostics: &diagnostics) { path in
                let name = String(path.dropFirst("content/data/".count))
                return !name.contains("/") && [".csv", ".json", ".yaml", ".yml"].contains { name.hasSuffix($0) }
            }
            dataFiles = dataPaths.compactMap { walker.read($0, diagnostics: &diagnostics) }
        }

        var templates: [SourceFile] = []
        var assets: [String] = []
        if walker.isDirectory("templates") {
            let templatePaths = walker.files(under: "templates", diagnostics: &diagnostics) { path in
                path.hasSuffix(".mustache") && !path.hasPrefix("templates/assets/")
            }
            templates = templatePaths.compactMap { walker.read($0, diagnostics: &diagnostics) }
            if walker.isDirectory("templates/assets") {
                assets = walker.files(under: "templates/assets", diagnostics: &diagnostics) { _ in true }
                    .map { String($0.dropFirst("templates/assets/".count)) }
            }
        } else {
            diagnostics.error("no templates/ folder: the site needs layout, home, section, page and 404 templates", file: "templates")
        }

        let tree = SourceTree(root: root, siteConfig: siteConfig, pages: pages, templates: templates, assets: assets, dataFiles: dataFiles)
        return (tree, diagnostics)
    }
}
