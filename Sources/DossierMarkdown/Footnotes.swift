import CCmark
import Foundation
import DossierModel

/// Footnotes (`text[^1]` and `[^1]: the note`), parsed by cmark-gfm and written in the site's
/// words: numbered in the order they are first cited, listed at the end of the body (before the
/// template's sources) with a link back to each citation.
///
/// cmark-gfm keeps a citation of an undefined note as plain text and drops a note that is never
/// cited; both are errors here, with their position.
struct Footnotes {
    var references: [CmarkNode] = []
    var definitions: [CmarkNode] = []
    /// Text nodes that may hold `[^label]` left as text (an undefined note), with their position.
    var suspectText: [(literal: String, line: Int, column: Int)] = []

    /// Notes the walk saw, by kind (`type` is the node's); text nodes go to `collectText`.
    mutating func collect(_ node: CmarkNode, type: cmark_node_type, entering: Bool) {
        guard entering else { return }
        switch type {
        case CMARK_NODE_FOOTNOTE_REFERENCE: references.append(node)
        case CMARK_NODE_FOOTNOTE_DEFINITION: definitions.append(node)
        default: break
        }
    }

    /// A text node, with its literal as the walk read it: kept when it holds `[^`.
    mutating func collectText(_ node: CmarkNode, literal: UnsafeBufferPointer<UInt8>) {
        guard Self.containsOpening(literal) else { return }
        suspectText.append((String(decoding: literal, as: UTF8.self), node.startLine, node.startColumn))
    }

    /// Whether text holds `[^`.
    static func containsOpening(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        BytePair.occurs(UInt8(ascii: "["), UInt8(ascii: "^"), in: bytes)
    }

    /// Reports undefined and unused notes, and rewrites the citations and the notes' list.
    func rewrite(document: CmarkNode, source: MarkdownText, codeLines: [ClosedRange<Int>], page: PageLocation,
                 strings: [String: String], options: Cmark.Options, diagnostics: inout Diagnostics) {
        reportUndefined(page: page, diagnostics: &diagnostics)
        reportUnused(source: source, codeLines: codeLines, page: page, diagnostics: &diagnostics)
        guard !definitions.isEmpty || !references.isEmpty else { return }
        var citations: [Int: Int] = [:]
        for reference in references {
            let number = Int(reference.literal ?? "") ?? 0
            citations[number, default: 0] += 1
            let count = citations[number] ?? 1
            let id = count == 1 ? "fnref-\(number)" : "fnref-\(number)-\(count)"
            reference.replace(withInlineHTML: "<sup class=\"footnote-ref\"><a href=\"#fn-\(number)\" id=\"\(id)\">\(number)</a></sup>")
        }
        let back = strings["footnote_back"] ?? "Back to the text"
        var items = ""
        for (index, definition) in definitions.enumerated() {
            let number = index + 1
            let links = (1...max(1, citations[number] ?? 1)).map { count -> String in
                let id = count == 1 ? "fnref-\(number)" : "fnref-\(number)-\(count)"
                return "<a href=\"#\(id)\" class=\"footnote-back\" aria-label=\"\(back.xmlEscaped) \(number)\(count > 1 ? "." + String(count) : "")\">↩</a>"
            }.joined(separator: " ")
            items += "<li id=\"fn-\(number)\">\n" + Self.body(of: definition, backLinks: links, options: options) + "</li>\n"
        }
        for definition in definitions { definition.unlinkAndFree() }
        let title = (strings["footnotes"] ?? "Notes").xmlEscaped
        document.appendHTMLBlock("<section class=\"footnotes\" aria-labelledby=\"footnotes-title\">\n<h2 id=\"footnotes-title\">\(title)</h2>\n<ol>\n\(items)</ol>\n</section>\n")
    }

    /// A note's HTML, the links back put at the end of its last paragraph.
    static func body(of definition: CmarkNode, backLinks: String, options: Cmark.Options) -> String {
        var html = definition.children.map { Cmark.renderHTML($0, options: options) }.joined()
        if html.hasSuffix("</p>\n") {
            html.removeLast("</p>\n".count)
            while html.last == " " { html.removeLast() }
            return html + " " + backLinks + "</p>\n"
        }
        return html + "<p>" + backLinks + "</p>\n"
    }

    /// `[^label]` left as text: a citation of a note that is not defined.
    func reportUndefined(page: PageLocation, diagnostics: inout Diagnostics) {
        for text in suspectText {
            for label in Self.labels(in: text.literal) {
                diagnostics.error("footnote [^\(label.name)] is not defined: add a line `[^\(label.name)]: the note` to the page",
                                  file: page.file, line: page.firstLine - 1 + text.line, column: text.column + label.offset)
            }
        }
    }

    /// Definitions in the source (`[^label]:` at the start of a line, outside code) that cmark-gfm
    /// dropped because nothing cites them.
    func reportUnused(source: MarkdownText, codeLines: [ClosedRange<Int>], page: PageLocation, diagnostics: inout Diagnostics) {
        // Most pages have no note: their bytes are scanned, no string is made of them.
        guard source.utf8.withUnsafeBufferPointer({ Self.containsOpening($0) }) else { return }
        let kept = Set(definitions.map(\.startLine))
        let text = String(decoding: source.utf8, as: UTF8.self)
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let indent = line.prefix { $0 == " " }.count
            guard indent <= 3, line.dropFirst(indent).hasPrefix("[^"), !kept.contains(number),
                  !codeLines.contains(where: { $0.contains(number) }),
                  let label = Self.labels(in: String(line.dropFirst(indent))).first, label.offset == 0,
                  line.dropFirst(indent + label.name.utf8.count + 3).hasPrefix(":") else { continue }
            diagnostics.error("footnote [^\(label.name)] is never cited: cite it with [^\(label.name)] in the text, or remove it",
                              file: page.file, line: page.firstLine - 1 + number, column: indent + 1)
        }
    }

    /// Every `[^label]` in a text, with its byte offset (labels without spaces or brackets).
    static func labels(in text: String) -> [(name: String, offset: Int)] {
        let bytes = Array(text.utf8)
        var found: [(String, Int)] = []
        var index = 0
        while index + 2 < bytes.count {
            guard bytes[index] == UInt8(ascii: "["), bytes[index + 1] == UInt8(ascii: "^") else { index += 1; continue }
            var end = index + 2
            while end < bytes.count, ![UInt8(ascii: "]"), UInt8(ascii: "["), UInt8(ascii: " "), 0x0A].contains(bytes[end]) { end += 1 }
            if end < bytes.count, bytes[end] == UInt8(ascii: "]"), end > index + 2 {
                found.append((String(decoding: bytes[(index + 2)..<end], as: UTF8.self), index))
            }
            index = end
        }
        return found
    }
}
