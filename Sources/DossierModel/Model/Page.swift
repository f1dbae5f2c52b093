/// What a page is, once its front matter is read and its place in the site is known.
package struct Page: Sendable, Equatable {
    package enum Kind: String, Sendable {
        /// `content/index.md`.
        case home
        /// `content/SECTION/index.md`: the introduction of a section's listing.
        case sectionIndex
        /// Any other Markdown file.
        case page
    }

    /// Path relative to the project root (`content/briefs/accord.md`).
    package var sourcePath: String
    /// Path relative to `content/` (`briefs/accord.md`).
    package var contentPath: String
    package var kind: Kind
    /// Top-level folder under `content/`, nil for pages at the top.
    package var section: String?
    package var frontMatter: FrontMatter
    /// The Markdown after the front matter.
    package var body: MarkdownText
    /// Line of the file on which `body` starts (1-based).
    package var bodyStartLine: Int
    /// The page's URL relative to the site root, ending in `/` (`briefs/accord/`; empty for home).
    package var urlPath: String

    package init(
        sourcePath: String,
        contentPath: String,
        kind: Kind,
        section: String?,
        frontMatter: FrontMatter,
        body: MarkdownText,
        bodyStartLine: Int,
        urlPath: String
    ) {
        self.sourcePath = sourcePath
        self.contentPath = contentPath
        self.kind = kind
        self.section = section
        self.frontMatter = frontMatter
        self.body = body
        self.bodyStartLine = bodyStartLine
        self.urlPath = urlPath
    }

    /// The file written for this page, relative to the output folder.
    package var outputPath: String { urlPath + "index.html" }
}
