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
    /// The theme's assets: the built-in ones, each replaced by the project's file of the same path
    /// under `templates/assets/`, plus the project's own; sorted by path.
    public var assets: [AssetFile]
    /// `.csv`, `.json` and `.yaml` files directly under `content/data/`, sorted by path.
    public var dataFiles: [SourceFile]
    /// Every other file under `content/` (images, PDFs, `static/`), copied into the site; sorted.
    public var contentFiles: [ContentFile]

    public init(root: String, siteConfig: SourceFile?, pages: [SourceFile], templates: [SourceFile], assets: [AssetFile],
                dataFiles: [SourceFile] = [], contentFiles: [ContentFile] = []) {
        self.root = root
        self.siteConfig = siteConfig
        self.pages = pages
        self.templates = templates
        self.assets = assets
        self.dataFiles = dataFiles
        self.contentFiles = contentFiles
    }
}

/// A file of the theme's `assets/` folder, copied to the site's `assets/`.
public struct AssetFile: Sendable, Equatable {
    public enum Source: Sendable, Equatable {
        /// The project's file, by path relative to the project root (`templates/assets/style.css`).
        case project(String)
        /// The built-in theme's bytes.
        case builtin([UInt8])
    }

    /// Path relative to `assets/` (`style.css`).
    public var path: String
    public var source: Source

    public init(path: String, source: Source) {
        self.path = path
        self.source = source
    }
}

/// A file under `content/` that is neither a page nor a dataset: copied beside its page.
public struct ContentFile: Sendable, Equatable {
    /// Path relative to the project root (`content/briefs/accord/figure.png`).
    public var path: String
    /// For an image whose header could be read: its size in pixels, for `<img width height>`.
    public var imageSize: ImageSize?

    public init(path: String, imageSize: ImageSize? = nil) {
        self.path = path
        self.imageSize = imageSize
    }

    /// The path relative to `content/`.
    public var contentPath: String { String(path.dropFirst("content/".count)) }
}
