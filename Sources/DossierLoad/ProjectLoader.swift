import Foundation
import DossierModel
import DossierTheme

/// Reads the project folder: `content/site.yaml`, the Markdown pages, the data, the other files of
/// `content/`, and the theme (built in, overridden file by file by the project's `templates/`).
///
/// This is the only stage that reads the content from disk; later stages work on the values it returns.
package struct ProjectLoader: Sendable {
    package let root: String

    /// Files read by a previous load; a path not in `changed` is taken from here instead of disk.
    let previous: [String: SourceFile]
    let changed: Set<String>

    package init(root: String) {
        self.root = root
        self.previous = [:]
        self.changed = []
    }

    /// For `dossier serve`: reuses what a previous load read, except the paths the watcher saw change.
    package init(root: String, previous: [String: SourceFile], changed: Set<String>) {
        self.root = root
        self.previous = previous
        self.changed = changed
    }

    package func load() -> (SourceTree, Diagnostics) {
        var diagnostics = Diagnostics()
        var walker = FileWalker(root: root)
        walker.previous = previous
        walker.changed = changed
        let (templates, assets) = loadTheme(walker, diagnostics: &diagnostics)

        guard walker.staysInside("content", diagnostics: &diagnostics) else {
            return (SourceTree(root: root, siteConfig: nil, pages: [], templates: templates, assets: assets), diagnostics)
        }
        guard walker.isDirectory("content") else {
            diagnostics.error("no content/ folder: a Dossier project keeps its pages in content/ (run `dossier init` to start one)", file: "content")
            return (SourceTree(root: root, siteConfig: nil, pages: [], templates: templates, assets: assets), diagnostics)
        }

        var siteConfig: SourceFile?
        if walker.isFile("content/site.yaml") {
            siteConfig = walker.read("content/site.yaml", diagnostics: &diagnostics)
        } else {
            diagnostics.error("missing content/site.yaml (it holds the site's title and language; `dossier init` writes one)", file: "content/site.yaml")
        }

        let kinds = ContentKinds(walker.files(under: "content", diagnostics: &diagnostics) { _ in true })
        let pages = walker.read(kinds.pages, diagnostics: &diagnostics)
        let dataPaths = DataFileLimit.filter(kinds.data, absolute: walker.absolute, diagnostics: &diagnostics)
        let dataFiles = dataPaths.compactMap { walker.read($0, diagnostics: &diagnostics) }
        let reader = walker
        let contentFiles = kinds.others.parallelMap { path in
            ContentFile(path: path, imageSize: ImageSize.isImagePath(path) ? ImageSize.readHeader(of: reader.absolute(path)) : nil)
        }

        let tree = SourceTree(root: root, siteConfig: siteConfig, pages: pages, templates: templates, assets: assets,
                              dataFiles: dataFiles, contentFiles: contentFiles)
        return (tree, diagnostics)
    }

    /// The built-in theme, with each file the project's `templates/` has of the same path in its place.
    func loadTheme(_ walker: FileWalker, diagnostics: inout Diagnostics) -> (templates: [SourceFile], assets: [AssetFile]) {
        var templates = Dictionary(uniqueKeysWithValues: BuiltinTheme.templates.map { ($0.path, $0) })
        var assets = Dictionary(uniqueKeysWithValues: BuiltinTheme.assets.map { ($0.path, AssetFile(path: $0.path, source: .builtin($0.bytes))) })
        if walker.isDirectory("templates"), walker.staysInside("templates", diagnostics: &diagnostics) {
            let paths = walker.files(under: "templates", diagnostics: &diagnostics) { _ in true }
            for path in paths where path.hasPrefix("templates/assets/") {
                let name = String(path.dropFirst("templates/assets/".count))
                assets[name] = AssetFile(path: name, source: .project(path))
            }
            for path in paths where BuiltinTheme.isTemplate(String(path.dropFirst("templates/".count))) {
                if let file = walker.read(path, diagnostics: &diagnostics) { templates[path] = file }
            }
        }
        return (templates.values.sorted { $0.path < $1.path }, assets.values.sorted { $0.path < $1.path })
    }
}

/// The files of `content/`, sorted into pages, datasets and the files copied as they are.
struct ContentKinds {
    var pages: [String] = []
    var data: [String] = []
    var others: [String] = []

    init(_ paths: [String]) {
        for path in paths where path != "content/site.yaml" {
            if path.hasSuffix(".md") {
                if !path.hasPrefix("content/data/") { pages.append(path) }
            } else if Self.isData(path) {
                data.append(path)
            } else {
                others.append(path)
            }
        }
    }

    /// `.csv`, `.json` and `.yaml` files directly under `content/data/`.
    static func isData(_ path: String) -> Bool {
        guard path.hasPrefix("content/data/") else { return false }
        let name = path.dropFirst("content/data/".count)
        return !name.contains("/") && [".csv", ".json", ".yaml", ".yml"].contains { name.hasSuffix($0) }
    }
}
