/// A file read from the project, before any parsing.
package struct SourceFile: Sendable, Equatable {
    /// Path relative to the project root, with `/` separators (`content/briefs/accord.md`).
    package var path: String
    package var bytes: [UInt8]

    package init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}

/// Everything the build reads from disk, gathered in one pass.
package struct SourceTree: Sendable {
    package var root: String
    package var siteConfig: SourceFile?
    /// Markdown files under `content/`, sorted by path.
    package var pages: [SourceFile]
    /// Mustache templates under `templates/`, sorted by path.
    package var templates: [SourceFile]
    /// The theme's assets: the built-in ones, each replaced by the project's file of the same path
    /// under `templates/assets/`, plus the project's own; sorted by path.
    package var assets: [AssetFile]
    /// `.csv`, `.json` and `.yaml` files directly under `content/data/`, sorted by path.
    package var dataFiles: [SourceFile]
    /// Every other file under `content/` (images, PDFs, `static/`), copied into the site; sorted.
    package var contentFiles: [ContentFile]

    package init(root: String, siteConfig: SourceFile?, pages: [SourceFile], templates: [SourceFile], assets: [AssetFile],
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
package struct AssetFile: Sendable, Equatable {
    package enum Source: Sendable, Equatable {
        /// The project's file, by path relative to the project root (`templates/assets/style.css`).
        case project(String)
        /// The built-in theme's bytes.
        case builtin([UInt8])
    }

    /// Path relative to `assets/` (`style.css`).
    package var path: String
    package var source: Source

    package init(path: String, source: Source) {
        self.path = path
        self.source = source
    }
}

/// A file under `content/` that is neither a page nor a dataset: copied beside its page.
package struct ContentFile: Sendable, Equatable {
    /// Path relative to the project root (`content/briefs/accord/figure.png`).
    package var path: String
    /// For an image whose header could be read: its size in pixels, for `<img width height>`.
    package var imageSize: ImageSize?

    package init(path: String, imageSize: ImageSize? = nil) {
        self.path = path
        self.imageSize = imageSize
    }

    /// The path relative to `content/`.
    package var contentPath: String { String(path.dropFirst("content/".count)) }
}
