/// A file of `content/` placed in the site.
package struct SiteFile: Sendable, Equatable {
    /// Path relative to the project root (`content/briefs/accord/figure.png`).
    package var sourcePath: String
    /// Path relative to the output folder (`briefs/accord/figure.png`).
    package var outputPath: String
    package var imageSize: ImageSize?

    /// The path relative to `content/`, as links in Markdown name it.
    package var contentPath: String { String(sourcePath.dropFirst("content/".count)) }

    package init(sourcePath: String, outputPath: String, imageSize: ImageSize? = nil) {
        self.sourcePath = sourcePath
        self.outputPath = outputPath
        self.imageSize = imageSize
    }
}
