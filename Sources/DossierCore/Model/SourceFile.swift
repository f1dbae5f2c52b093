/// A file read from the project, before any parsing.
public struct SourceFile: Sendable, Equatable {
    /// Path relative to the project root, with `/` separators (`content/briefs/accord.md`).
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}

/// Everything the build reads from disk, gathered in one pass.
public struct SourceTree: Sendable {
    public var root: String
    public var siteConfig: SourceFile?
    /// Markdown files under `content/`, sorted by path.
    public var pages: [SourceFile]
    /// Mustache templates under `templates/`, sorted by path.
    public var templates: [SourceFile]
    /// Files under `templates/assets/`, as paths relative to that folder, sorted.
    public var assets: [String]
    /// `.csv`, `.json` and `.yaml` files directly under `content/data/`, sorted by path.
    public var dataFiles: [SourceFile]

    public init(root: String, siteConfig: SourceFile?, pages: [SourceFile], templates: [SourceFile], assets: [String], dataFiles: [SourceFile] = []) {
        self.root = root
        self.siteConfig = siteConfig
        self.pages = pages
        self.templates = templates
        self.assets = assets
        self.dataFiles = dataFiles
    }
}
