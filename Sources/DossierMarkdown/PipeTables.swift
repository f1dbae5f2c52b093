import CCmark
import Foundation
import DossierModel

/// GitHub pipe tables, as cmark-gfm parses them, made into the site's tables: a column whose
/// every cell is a number is aligned right, a paragraph `Table: …` just before the table becomes
/// its `<caption>`, and the table scrolls sideways inside its box on a narrow screen.
enum PipeTables {
    /// The words that start a caption paragraph (`Table: Ventes par année`), before a colon.
    static let captionWords = ["Table", "Tableau"]

    /// The text after `Table:` (or `Tableau :`, whatever the spaces typography put before the
    /// colon), or nil when the text is no caption.
    static func captionRemainder(_ literal: String) -> String? {
        for word in captionWords where literal.hasPrefix(word) {
            let rest = literal.dropFirst(word.count).drop { $0 == " " || $0 == "\u{202F}" || $0 == "\u{00A0}" }
            guard rest.hasPrefix(":") else { continue }
            return String(rest.dropFirst().drop { $0 == " " || $0 == "\u{00A0}" })
        }
        return nil
    }

    /// The paragraph `Table: …` just before a table, and the `{#id}` that ends it (taken out of
    /// the text).
    struct Caption {
        let paragraph: CmarkNode
        let id: String?
        /// The caption as a reader sees it, without markup.
        let plainText: String
    }

    /// One table to write, with its number and anchor when it is captioned.
    struct Job {
        let table: CmarkNode
        let caption: Caption?
        /// "Tableau 1", when tables are numbered.
        let label: String?
        let anchor: String?
    }

    static func caption(before table: CmarkNode) -> Caption? {
        guard let paragraph = table.previous, paragraph.type == CMARK_NODE_PARAGRAPH,
              let first = paragraph.firstChild, first.type == CMARK_NODE_TEXT, let literal = first.literal,
              captionRemainder(literal) != nil else { return nil }
        let id = MarkdownRenderer.takeExplicitID(from: paragraph)
        return Caption(paragraph: paragraph, id: id, plainText: captionRemainder(paragraph.plainText) ?? "")
    }

    static func rewrite(_ jobs: [Job], options: Cmark.Options) {
        for (index, job) in jobs.enumerated() {
            let table = job.table
            alignNumbers(table)
            let caption = job.caption.flatMap { takeCaption($0.paragraph, options: options) }
            // Rendered with raw HTML let through, for the markup made in its cells; the author's
            // own raw HTML and dangerous URLs are dealt with first, as safe mode would.
            if !options.contains(.unsafe) { applySafeMode(to: table) }
            var html = Cmark.renderHTML(table, options: options.union(.unsafe))
            var open = "<div class=\"table-scroll\" tabindex=\"0\">"
            if let caption, html.hasPrefix("<table>\n") {
                let id = "table-caption-\(index + 1)"
                open = "<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"\(id)\" tabindex=\"0\">"
                let number = job.label.map { "<span class=\"figure-number\">\($0.xmlEscaped)</span>" + (caption.isEmpty ? "" : " — ") } ?? ""
                let anchor = job.anchor.map { " id=\"\($0)\"" } ?? ""
                html = "<table\(anchor)>\n<caption id=\"\(id)\">\(number)\(caption)</caption>\n" + html.dropFirst("<table>\n".count)
            }
            table.replace(withHTMLBlock: open + "\n" + html + "</div>\n")
        }
    }

    /// What cmark's safe mode does, for a table rendered without it: raw HTML the author wrote
    /// is left out, and links and images to `javascript:`, `vbscript:`, `file:` or `data:`
    /// (but for images of the web's formats) lose their URL.
    static func applySafeMode(to table: CmarkNode) {
        var nodes: [CmarkNode] = []
        Cmark.walk(table) { node, entering in
            if entering, [CMARK_NODE_HTML_INLINE, CMARK_NODE_LINK, CMARK_NODE_IMAGE].contains(node.type) { nodes.append(node) }
        }
        for node in nodes {
            if node.type == CMARK_NODE_HTML_INLINE {
                if cmark_node_get_user_data(node.pointer) != Cmark.generatedMarker { node.literal = "<!-- raw HTML omitted -->" }
            } else if let url = node.url, isDangerous(url) {
                node.url = ""
            }
        }
    }

    static func isDangerous(_ url: String) -> Bool {
        let lower = url.lowercased()
        if ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains(where: lower.hasPrefix) { return false }
        return ["javascript:", "vbscript:", "file:", "data:"].contains(where: lower.hasPrefix)
    }

    /// Right-aligns the columns without an alignment of their own whose body cells are all numbers.
    static func alignNumbers(_ table: CmarkNode) {
        var alignments = table.tableAlignments
        guard !alignments.isEmpty else { return }
        let rows = table.children.dropFirst()  // the header row
        guard !rows.isEmpty else { return }
        var changed = false
        for column in alignments.indices where alignments[column] == 0 {
            let cells = rows.map { row in row.children.count > column ? row.children[column].plainText : "" }
            if cells.allSatisfy(isNumber) {
                alignments[column] = UInt8(ascii: "r")
                changed = true
            }
        }
        if changed { table.setTableAlignments(alignments) }
    }

    /// `1 234,5`, `-12.5 %`, `+3`, `2 100`: digits with signs, separators and a trailing percent.
    static func isNumber(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var digits = 0
        for (offset, scalar) in trimmed.unicodeScalars.enumerated() {
            switch scalar {
            case "0"..."9": digits += 1
            case ".", ",", " ", "\u{00A0}", "\u{202F}", "%": continue
            case "-", "+", "\u{2212}": if offset != 0 { return false }
            default: return false
            }
        }
        return digits > 0
    }

    /// The caption's HTML, without its `Table:`; the paragraph is then taken out of the document.
    static func takeCaption(_ paragraph: CmarkNode, options: Cmark.Options) -> String? {
        guard let first = paragraph.firstChild, first.type == CMARK_NODE_TEXT, let literal = first.literal,
              let remainder = captionRemainder(literal) else { return nil }
        first.literal = remainder
        var html = Cmark.renderHTML(paragraph, options: options)
        while html.last == "\n" { html.removeLast() }
        if html.hasPrefix("<p>"), html.hasSuffix("</p>") { html = String(html.dropFirst(3).dropLast(4)) }
        paragraph.unlinkAndFree()
        return html
    }
}
