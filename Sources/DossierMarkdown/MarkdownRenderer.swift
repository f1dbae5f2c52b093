import CCmark
import Foundation
import DossierModel

/// Renders one page body: parse with cmark, transform the tree, render HTML.
///
/// Transforms work on the AST, never on HTML text: typography on text nodes, link rewriting on
/// link nodes, ids on headings.
package struct MarkdownRenderer: Sendable {
    package var unsafeHTML: Bool
    package var language: String
    /// Heading ids the templates already use on every page.
    var reservedIDs: Set<String>
    package var extensions: (any MarkdownExtensions)?
    /// The interface strings of the site (footnotes' title and links back, task boxes' names).
    package var strings: [String: String]
    /// Figures and tables show their number ("Figure 2 — …"), cross-references name it.
    package var numbered: Bool
    /// Check the fast paths against their references (`DOSSIER_VERIFY=1`): typography here, link
    /// paths in the `LinkResolver`.
    package var verify = false

    package init(unsafeHTML: Bool, language: String,
                reservedIDs: Set<String> = ["contenu", "content", "main", "sommaire", "toc", "sources", "footnotes-title"],
                extensions: (any MarkdownExtensions)? = nil, strings: [String: String]? = nil, numbered: Bool = true,
                verify: Bool = false) {
        self.numbered = numbered
        self.verify = verify
        self.unsafeHTML = unsafeHTML
        self.language = language
        self.reservedIDs = reservedIDs
        self.extensions = extensions
        self.strings = strings ?? InterfaceStrings.table(for: language)
    }

    /// GitHub-flavoured Markdown: smart punctuation, footnotes, table alignment as CSS, `~~strikethrough~~`.
    var options: Cmark.Options {
        var options: Cmark.Options = [.smart, .footnotes, .tableStyleAttributes, .doubleTildeStrikethrough]
        if unsafeHTML { options.insert(.unsafe) }
        return options
    }

    /// - Parameters:
    ///   - markdown: the body, after the front matter
    ///   - file: the source path, for diagnostics
    ///   - firstLine: the file line on which `markdown` starts
    ///   - contentPath / urlPath: where the page lives, to resolve its relative links
    ///   - sources: the `id`s of the page's sources, which `[@id]` cites
    package func render(_ markdown: String, file: String, firstLine: Int, contentPath: String, urlPath: String, links: LinkResolver,
                       sources: [String] = []) -> RenderedMarkdown {
        render(MarkdownText(markdown), file: file, firstLine: firstLine, contentPath: contentPath, urlPath: urlPath, links: links,
               sources: sources, utf8: false)
    }

    /// - Parameter utf8: keep the HTML as the UTF-8 bytes cmark writes (`RenderedMarkdown.Body`).
    package func render(_ markdown: MarkdownText, file: String, firstLine: Int, contentPath: String, urlPath: String, links: LinkResolver,
                sources: [String] = [], utf8: Bool) -> RenderedMarkdown {
        let result = Cmark.withDocument(utf8: markdown.utf8, options: options) { document -> RenderedMarkdown in
            var diagnostics = Diagnostics()
            let location = PageLocation(file: file, firstLine: firstLine, contentPath: contentPath, urlPath: urlPath)
            // Found before typography changes the text around them.
            let references = markdown.utf8.withUnsafeBufferPointer(CrossReferences.mayContain)
                ? CrossReferences.find(in: document, page: location, diagnostics: &diagnostics) : CrossReferences()
            var footnotes = Footnotes()
            var typography = CheckedTypography(language: language, verify: verify)
            let nodes = Self.collectNodes(in: document, typography: &typography, footnotes: &footnotes)
            if let mismatch = typography.mismatch {
                diagnostics.error(Verification.disagreement("typography on UTF-8 bytes", fast: mismatch.fast, reference: mismatch.reference)
                                  + " (text: \(mismatch.input.debugDescription))", file: file, line: firstLine, column: 1)
            }

            let anchors = Self.resolveLinks(nodes.links, page: location, links: links, diagnostics: &diagnostics)

            ImageMarkup.rewrite(nodes.images, page: location, links: links, diagnostics: &diagnostics)

            let figures = self.figures(codeBlocks: nodes.codeBlocks, tables: nodes.tables, page: location, diagnostics: &diagnostics)
            var datasets = figures.datasets
            if let extensions {
                Self.expandInlineCode(nodes.codeSpans, with: extensions, page: location, datasets: &datasets, diagnostics: &diagnostics)
            }
            let cited = references.resolve(sources: sources, figures: figures.entries, numbers: FigureNumbers(shown: numbered),
                                           strings: strings, page: location, diagnostics: &diagnostics)

            footnotes.rewrite(document: document, source: markdown, codeLines: nodes.codeLines, page: location, strings: strings,
                              options: options, diagnostics: &diagnostics)
            TaskItems.rewrite(nodes.tasks, strings: strings)
            PipeTables.rewrite(figures.tables, options: options)

            let reserved = reservedIDs.union(figures.entries.compactMap(\.anchor)).union(references.anchors(sources: cited))
            let headings = rewriteHeadings(nodes.headings, reserved: reserved, page: location, diagnostics: &diagnostics)

            let body: RenderedMarkdown.Body = utf8
                ? .utf8(Cmark.renderHTMLUTF8(document, options: options)) : .string(Cmark.renderHTML(document, options: options))
            return RenderedMarkdown(body: body, headings: headings, anchorReferences: anchors, datasets: datasets.sorted(), diagnostics: diagnostics,
                                    figures: figures.entries, citations: cited)
        }
        return result ?? RenderedMarkdown(
            html: "", headings: [], anchorReferences: [],
            diagnostics: Diagnostics([.error("cmark could not parse this page", file: file, line: firstLine, column: 1)])
        )
    }

    /// The nodes of a page that the passes after the walk rewrite, in document order.
    private struct PageNodes {
        var headings: [CmarkNode] = []
        var links: [CmarkNode] = []
        var images: [CmarkNode] = []
        /// Fenced code blocks with an info string (`chart`, `table`, a language).
        var codeBlocks: [CmarkNode] = []
        var codeSpans: [CmarkNode] = []
        var tables: [CmarkNode] = []
        var tasks: [CmarkNode] = []
        /// The lines of every code block, where a footnote reference is only text.
        var codeLines: [ClosedRange<Int>] = []
    }

    /// Walks the tree once: corrects the typography of each text node in place, lets `footnotes`
    /// see every node, and gathers the nodes the later passes rewrite.
    private static func collectNodes(in document: CmarkNode, typography: inout CheckedTypography, footnotes: inout Footnotes) -> PageNodes {
        var nodes = PageNodes()
        // The corrected text of one node, reused from node to node.
        var corrected: [UInt8] = []
        Cmark.walk(document) { node, entering in
            let type = node.type
            footnotes.collect(node, type: type, entering: entering)
            switch type {
            case CMARK_NODE_TEXT:
                // The literal is read once: footnotes look at it before typography corrects it.
                let changed = node.withLiteralUTF8 { literal -> Bool in
                    footnotes.collectText(node, literal: literal)
                    return typography.isActive && typography.correct(utf8: literal, into: &corrected)
                }
                if changed { node.setLiteral(utf8: &corrected) }
            case CMARK_NODE_CODE:
                if typography.isActive { node.withLiteralUTF8 { typography.skip(utf8: $0) } }
                nodes.codeSpans.append(node)
            case CMARK_NODE_CODE_BLOCK:
                if let info = node.fenceInfo, !info.isEmpty { nodes.codeBlocks.append(node) }
                nodes.codeLines.append(node.startLine...max(node.startLine, node.endLine))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                typography.breakLine()
            case CMARK_NODE_LINK:
                if entering { nodes.links.append(node) }
            case CMARK_NODE_IMAGE:
                if entering { nodes.images.append(node) }
            case CMARK_NODE_HEADING:
                if entering { typography.reset() } else { nodes.headings.append(node) }
            default:
                guard entering, CmarkNode.isBlock(type) else { break }
                typography.reset()
                // The extensions' blocks (tables) have types after the core ones; a task is an item
                // that the task list extension marked.
                if type == CMARK_NODE_ITEM || type.rawValue > CMARK_NODE_FOOTNOTE_DEFINITION.rawValue {
                    switch node.typeName {
                    case "table": nodes.tables.append(node)
                    case "tasklist": nodes.tasks.append(node)
                    default: break
                    }
                }
            }
        }
        return nodes
    }

    /// Rewrites each link's URL for where the page is published, reports the broken ones, and
    /// returns the `#anchor`s that links to other pages name (checked once every page is built).
    private static func resolveLinks(_ linkNodes: [CmarkNode], page: PageLocation, links: LinkResolver,
                                     diagnostics: inout Diagnostics) -> [AnchorReference] {
        var anchors: [AnchorReference] = []
        for node in linkNodes {
            guard let url = node.url else { continue }
            let position = node.positioned
            let line = page.firstLine - 1 + max(position.startLine, 1)
            switch links.resolve(url, from: page.contentPath, urlPath: page.urlPath) {
            case .unchanged:
                break
            case .file(let newURL, _):
                node.url = newURL
            case .page(let newURL, let target, let anchor):
                node.url = newURL
                if let anchor {
                    anchors.append(AnchorReference(targetPage: target, anchor: anchor, file: page.file, line: line, column: position.startColumn))
                }
            case .broken(let message):
                diagnostics.error(message, file: page.file, line: line, column: position.startColumn)
            }
        }
        return anchors
    }

    /// Hands each `` `code span` `` to the site's extensions, replacing it with the HTML they
    /// return and adding the datasets they read.
    private static func expandInlineCode(_ codeSpans: [CmarkNode], with extensions: any MarkdownExtensions, page: PageLocation,
                                         datasets: inout Set<String>, diagnostics: inout Diagnostics) {
        for node in codeSpans {
            let position = node.positioned
            let location = BlockLocation(file: page.file, line: page.firstLine - 1 + position.startLine, column: position.startColumn,
                                         urlPath: page.urlPath)
            guard let output = extensions.inlineCode(node.literal ?? "", at: location) else { continue }
            diagnostics.append(contentsOf: output.diagnostics)
            datasets.formUnion(output.datasets)
            if let html = output.html { node.replace(withInlineHTML: html) }
        }
    }

    /// Gives each heading an id (its `{#id}`, else a slug of its text, unique on the page and not
    /// one of `reserved`), replaces it with its HTML, and returns the headings for the contents.
    private func rewriteHeadings(_ headingNodes: [CmarkNode], reserved: Set<String>, page: PageLocation,
                                 diagnostics: inout Diagnostics) -> [Heading] {
        var headings: [Heading] = []
        var ids = HeadingIDs(reserved: reserved)
        for node in headingNodes {
            let explicitID = Self.takeExplicitID(from: node)
            let single = Self.onlyText(of: node)
            let text = Self.trimmingWhitespace(single ?? node.plainText)
            var base = explicitID ?? Slug.make(text)
            if base.isEmpty { base = "section" }
            let id = ids.take(base)
            if let explicitID, id != explicitID {
                let position = node.positioned
                diagnostics.error("heading id \"\(explicitID)\" is already used on this page", file: page.file,
                                  line: page.firstLine - 1 + position.startLine, column: position.startColumn)
            }
            let level = node.headingLevel
            headings.append(Heading(level: level, text: text, id: id))
            let inner = single.flatMap(Self.escapedText) ?? Self.innerHTML(of: node, level: level, options: options)
            node.replace(withHTMLBlock: Self.headingHTML(level: level, id: id, inner: inner))
        }
        return headings
    }

    /// `<hN id="id">inner</hN>` as UTF-8 bytes, for a heading of level 1 to 6.
    static func headingHTML(level: Int, id: String, inner: String) -> [UInt8] {
        let digit = UInt8(ascii: "0") + UInt8(level)
        var html: [UInt8] = []
        html.reserveCapacity(id.utf8.count + inner.utf8.count + 20)
        html.append(contentsOf: [UInt8(ascii: "<"), UInt8(ascii: "h"), digit])
        html.append(contentsOf: " id=\"".utf8)
        html.append(contentsOf: id.utf8)
        html.append(contentsOf: "\">".utf8)
        html.append(contentsOf: inner.utf8)
        html.append(contentsOf: [UInt8(ascii: "<"), UInt8(ascii: "/"), UInt8(ascii: "h"), digit, UInt8(ascii: ">")])
        return html
    }

    /// `text.trimmingCharacters(in: .whitespaces)`, without Foundation when `text` starts and ends
    /// with a printable ASCII character other than space (nothing to trim).
    static func trimmingWhitespace(_ text: String) -> String {
        if let first = text.utf8.first, let last = text.utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F {
            return text
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// Strips a trailing `{#id}` from a heading and returns the id.
    static func takeExplicitID(from heading: CmarkNode) -> String? {
        guard let last = heading.lastChild, last.type == CMARK_NODE_TEXT else { return nil }
        // No `}`, no `{#id}`: most headings are read no further.
        guard last.withLiteralUTF8({ $0.contains(UInt8(ascii: "}")) }), let literal = last.literal else { return nil }
        let trimmed = literal.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasSuffix("}"), let open = trimmed.range(of: "{#", options: .backwards) else { return nil }
        let id = String(trimmed[open.upperBound..<trimmed.index(before: trimmed.endIndex)])
        guard Slug.isValid(id) else { return nil }
        var rest = String(trimmed[..<open.lowerBound])
        while rest.last == " " || rest.last == "\u{202F}" || rest.last == "\u{00A0}" { rest.removeLast() }
        let leading = literal.prefix { $0 == " " }
        last.literal = leading + rest
        return id
    }

    /// The literal of a heading made of one text node (its plain text, and all its content).
    static func onlyText(of heading: CmarkNode) -> String? {
        guard let child = heading.firstChild, child.type == CMARK_NODE_TEXT, child.next == nil else { return nil }
        return child.literal
    }

    /// What `innerHTML` gives for a heading of one text node: the text escaped as cmark escapes it (`&`, `<`,
    /// `>`, `"`). Nil unless the text starts and ends with ASCII, so that it cannot join the tags around it
    /// into one character (which `innerHTML`, comparing characters, would not cut).
    static func escapedText(_ text: String) -> String? {
        if let first = text.utf8.first, let last = text.utf8.last, first >= 0x80 || last >= 0x80 { return nil }
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") }) else {
            return text
        }
        return XMLText.replacing(text) { byte in
            switch byte {
            case UInt8(ascii: "&"): return "&amp;"
            case UInt8(ascii: "<"): return "&lt;"
            case UInt8(ascii: ">"): return "&gt;"
            case UInt8(ascii: "\""): return "&quot;"
            default: return nil
            }
        }
    }

    /// The HTML of a heading's content: cmark renders `<hN>…</hN>\n`, we keep what is inside.
    static func innerHTML(of heading: CmarkNode, level: Int, options: Cmark.Options) -> String {
        var html = Cmark.renderHTML(heading, options: options)
        let open = "<h\(level)>", close = "</h\(level)>"
        while html.last == "\n" { html.removeLast() }
        if html.hasPrefix(open) && html.hasSuffix(close) {
            return String(html.dropFirst(open.count).dropLast(close.count))
        }
        return html
    }
}
