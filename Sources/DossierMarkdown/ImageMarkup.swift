import CCmark
import DossierModel
import Foundation

/// The `<img>` a Markdown image becomes: its URL rewritten like a link's, its size read from the
/// file (so the page does not move while it loads), and `loading="lazy"`.
///
/// cmark's own `<img>` has neither size nor loading attribute, so the image node is replaced by
/// generated markup (a custom inline, which safe mode leaves alone: every value in it is escaped
/// here, and only `http(s):` or site-relative URLs are written).
enum ImageMarkup {
    /// - Returns: the HTML for the image, or nil to leave the node to cmark (a URL with another
    ///   scheme, which cmark's safe mode judges).
    static func html(source: String, alt: String, title: String?, size: ImageSize?) -> String {
        var html = "<img src=\"\(source.xmlEscaped)\" alt=\"\(alt.xmlEscaped)\""
        if let size { html += " width=\"\(size.width)\" height=\"\(size.height)\"" }
        if let title, !title.isEmpty { html += " title=\"\(title.xmlEscaped)\"" }
        return html + " loading=\"lazy\" />"
    }

    /// Whether an external image URL may be written as it is.
    static func isWebURL(_ url: String) -> Bool {
        let lower = url.lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://")
    }

    /// Resolves and replaces every image node of a page.
    static func rewrite(_ images: [CmarkNode], page: PageLocation, links: LinkResolver, diagnostics: inout Diagnostics) {
        for node in images {
            let position = node.positioned
            let line = page.firstLine - 1 + max(position.startLine, 1)
            let destination = node.url ?? ""
            let alt = node.plainText.trimmingCharacters(in: .whitespacesAndNewlines)
            if alt.isEmpty {
                diagnostics.warning("image \"\(destination)\" has no text alternative: describe it between the brackets, ![like this](\(destination))",
                                    file: page.file, line: line, column: position.startColumn)
            }
            let title = node.title
            switch links.resolve(destination, from: page.contentPath, urlPath: page.urlPath) {
            case .file(let url, let file):
                node.replace(withInlineHTML: html(source: url, alt: alt, title: title, size: file.imageSize))
            case .unchanged where isWebURL(destination):
                node.replace(withInlineHTML: html(source: destination, alt: alt, title: title, size: nil))
            case .unchanged:
                break
            case .page:
                diagnostics.error("image \"\(destination)\" is a page, not an image file", file: page.file, line: line, column: position.startColumn)
            case .broken(let message):
                diagnostics.error(message.replacingOccurrences(of: "link to", with: "image"), file: page.file, line: line, column: position.startColumn)
            }
        }
    }
}

/// Where a page body is, for its links and diagnostics.
struct PageLocation {
    let file: String
    let firstLine: Int
    let contentPath: String
    let urlPath: String
}
