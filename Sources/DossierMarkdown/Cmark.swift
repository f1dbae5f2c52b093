import CCmark
import Foundation
import DossierModel

/// The only code that calls cmark-gfm (GitHub's fork of the CommonMark reference library).
///
/// Ownership: `Cmark.withDocument` parses a tree with cmark-gfm's own allocator, hands it to its
/// closure and frees it, with its parser, when the closure returns or throws. `CmarkNode` values
/// are borrowed views into that tree: they must not outlive the closure, so nothing in the rest
/// of the program ever holds a C pointer.
enum Cmark {
    struct Options: OptionSet {
        let rawValue: Int32
        static let sourcePositions = Options(rawValue: CMARK_OPT_SOURCEPOS)
        static let unsafe = Options(rawValue: CMARK_OPT_UNSAFE)
        static let smart = Options(rawValue: CMARK_OPT_SMART)
        static let validateUTF8 = Options(rawValue: CMARK_OPT_VALIDATE_UTF8)
        static let footnotes = Options(rawValue: CMARK_OPT_FOOTNOTES)
        /// Table cells aligned with `style="text-align: …"`: HTML5 has no `align` attribute.
        static let tableStyleAttributes = Options(rawValue: CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES)
        /// Strikethrough only with two tildes (`~~struck~~`), as GitHub writes it.
        static let doubleTildeStrikethrough = Options(rawValue: CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE)
    }

    /// The GitHub extensions every page is parsed with.
    static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]

    /// The extensions, registered once for the process; the same list serves every parse and render.
    private static let extensions: Extensions = Extensions(names: extensionNames)

    /// cmark-gfm's extension list (a C linked list, kept for the life of the process).
    private final class Extensions: @unchecked Sendable {
        let found: [OpaquePointer]
        let list: UnsafeMutablePointer<cmark_llist>?

        init(names: [String]) {
            cmark_gfm_core_extensions_ensure_registered()
            found = names.compactMap { cmark_find_syntax_extension($0) }
            var list: UnsafeMutablePointer<cmark_llist>?
            for extensionPointer in found {
                list = cmark_llist_append(cmark_get_default_mem_allocator(), list, UnsafeMutableRawPointer(extensionPointer))
            }
            self.list = list
        }
    }

    /// Parses `markdown` and runs `body` on the document node; the tree is released afterwards.
    static func withDocument<Result>(_ markdown: String, options: Options, _ body: (CmarkNode) throws -> Result) rethrows -> Result? {
        var text = markdown
        return try text.withUTF8 { try withDocument($0, options: options, body) }
    }

    /// `withDocument` on UTF-8 bytes (a page's `MarkdownText`).
    static func withDocument<Result>(utf8 markdown: ArraySlice<UInt8>, options: Options, _ body: (CmarkNode) throws -> Result) rethrows -> Result? {
        try markdown.withUnsafeBufferPointer { try withDocument($0, options: options, body) }
    }

    /// cmark-gfm is not re-entrant while it parses: its inline parser adds the extensions'
    /// characters (`~`, `w`, `:`…) to a table shared by the whole process, and takes them out
    /// again when a document is done, so two documents parsed at once on two threads can read a
    /// half-changed table (wrong output) or crash (github/cmark-gfm#176). Parsing is done under
    /// this lock; what follows (the tree's changes, the HTML) runs in parallel.
    private static let parseLock = NSLock()

    private static func withDocument<Result>(_ utf8: UnsafeBufferPointer<UInt8>, options: Options, _ body: (CmarkNode) throws -> Result) rethrows -> Result? {
        guard let parser = cmark_parser_new(options.rawValue) else { return nil }
        defer { cmark_parser_free(parser) }
        for extensionPointer in extensions.found { cmark_parser_attach_syntax_extension(parser, extensionPointer) }
        let parsed: OpaquePointer? = parseLock.withLock {
            utf8.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
            return cmark_parser_finish(parser)
        }
        guard let root = parsed else { return nil }
        defer { cmark_node_free(root) }
        return try body(CmarkNode(root))
    }


    /// The user data of the HTML inlines this program makes (in table cells), to tell them from
    /// an author's raw HTML.
    static var generatedMarker: UnsafeMutableRawPointer? { UnsafeMutableRawPointer(bitPattern: 0xD055_1E42) }

    /// The allocator every node and buffer of these trees comes from.
    static var allocator: UnsafeMutablePointer<cmark_mem> { cmark_get_default_mem_allocator() }

    /// Frees what cmark returned (rendered HTML), with the allocator it came from.
    private static func release(_ buffer: UnsafeMutablePointer<CChar>) {
        allocator.pointee.free(buffer)
    }

    /// HTML for `node` and its descendants.
    static func renderHTML(_ node: CmarkNode, options: Options) -> String {
        guard let buffer = cmark_render_html(node.pointer, options.rawValue, extensions.list) else { return "" }
        defer { release(buffer) }
        // One copy, straight from the C buffer (invalid UTF-8 would be repaired, as `String(cString:)` does).
        return buffer.withMemoryRebound(to: UInt8.self, capacity: 1) { bytes in
            String(decoding: UnsafeBufferPointer(start: bytes, count: strlen(buffer)), as: UTF8.self)
        }
    }

    /// `renderHTML` as UTF-8 bytes, checked (bytes that are not UTF-8 are repaired, as there).
    static func renderHTMLUTF8(_ node: CmarkNode, options: Options) -> [UInt8] {
        guard let buffer = cmark_render_html(node.pointer, options.rawValue, extensions.list) else { return [] }
        defer { release(buffer) }
        return buffer.withMemoryRebound(to: UInt8.self, capacity: 1) { bytes in
            let html = UnsafeBufferPointer(start: bytes, count: strlen(buffer))
            return UTF8Check.isValid(html) ? Array(html) : Array(String(decoding: html, as: UTF8.self).utf8)
        }
    }

    /// cmark-gfm's own rendering of a whole document with the same extensions and options: the
    /// reference the Markdown stage is tested against.
    static func referenceHTML(_ markdown: String, options: Options) -> String {
        withDocument(markdown, options: options) { renderHTML($0, options: options) } ?? ""
    }

    /// Calls `visit` for every node in document order; `entering` is false on the way out of a
    /// container. The tree must not be restructured during the walk: collect nodes, change them after.
    static func walk(_ root: CmarkNode, _ visit: (CmarkNode, _ entering: Bool) -> Void) {
        guard let iterator = cmark_iter_new(root.pointer) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            visit(CmarkNode(node), event == CMARK_EVENT_ENTER)
        }
    }
}

/// A borrowed node of a tree owned by `Cmark.withDocument`.
struct CmarkNode {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) {
        self.pointer = pointer
    }

    var type: cmark_node_type { cmark_node_get_type(pointer) }

    var literal: String? {
        get { cmark_node_get_literal(pointer).map { String(cString: $0) } }
        nonmutating set { _ = cmark_node_set_literal(pointer, newValue) }
    }

    /// Runs `body` on the node's literal as UTF-8 bytes borrowed from cmark (empty when there is none),
    /// so text that needs no change is never copied into a `String`. The bytes must not escape `body`.
    func withLiteralUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        guard let literal = cmark_node_get_literal(pointer) else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return literal.withMemoryRebound(to: UInt8.self, capacity: 1) { bytes in
            body(UnsafeBufferPointer(start: bytes, count: strlen(literal)))
        }
    }

    /// Sets the literal from UTF-8 bytes (without a terminating NUL; cmark copies them).
    func setLiteral(utf8 bytes: inout [UInt8]) {
        bytes.append(0)
        defer { bytes.removeLast() }
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                _ = cmark_node_set_literal(pointer, chars.baseAddress)
            }
        }
    }

    var url: String? {
        get { cmark_node_get_url(pointer).map { String(cString: $0) } }
        // `withCString` lends the string's own bytes; passing the string itself would copy them first.
        nonmutating set {
            guard let newValue else { _ = cmark_node_set_url(pointer, nil); return }
            _ = newValue.withCString { cmark_node_set_url(pointer, $0) }
        }
    }

    var title: String? { cmark_node_get_title(pointer).map { String(cString: $0) } }
    var fenceInfo: String? { cmark_node_get_fence_info(pointer).map { String(cString: $0) } }
    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }
    var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }
    var parent: CmarkNode? { cmark_node_parent(pointer).map(CmarkNode.init) }
    var firstChild: CmarkNode? { cmark_node_first_child(pointer).map(CmarkNode.init) }
    var lastChild: CmarkNode? { cmark_node_last_child(pointer).map(CmarkNode.init) }
    var next: CmarkNode? { cmark_node_next(pointer).map(CmarkNode.init) }

    var isBlock: Bool { Self.isBlock(type) }

    /// Whether nodes of `type` are blocks (paragraphs, lists, tables…), not inlines.
    static func isBlock(_ type: cmark_node_type) -> Bool {
        (type.rawValue & UInt32(CMARK_NODE_TYPE_MASK)) == UInt32(CMARK_NODE_TYPE_BLOCK)
    }

    /// The name of the node's type, for the extensions' types (`table`, `table_cell`, `strikethrough`, `tasklist`).
    var typeName: String { cmark_node_get_type_string(pointer).map { String(cString: $0) } ?? "" }

    /// The nearest node, this one or an ancestor, that knows its position in the source.
    var positioned: CmarkNode {
        var node: CmarkNode? = self
        while let current = node {
            if current.startLine > 0 { return current }
            node = current.parent
        }
        return self
    }

    /// The text of the node's descendants, as a reader sees it (for headings and anchors).
    var plainText: String {
        var text = ""
        Cmark.walk(self) { node, entering in
            guard entering else { return }
            switch node.type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += node.literal ?? ""
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: break
            }
        }
        return text
    }

    /// Replaces this inline node by raw HTML (a custom inline); this node is released with the tree.
    func replace(withInlineHTML html: String) {
        // A table cell may hold raw HTML but no custom inline (cmark-gfm's table extension):
        // there the markup goes into an HTML inline marked as generated (`PipeTables` renders it).
        if let parent, parent.type.rawValue > CMARK_NODE_FOOTNOTE_DEFINITION.rawValue, parent.typeName == "table_cell" {
            guard let inline = cmark_node_new_with_mem(CMARK_NODE_HTML_INLINE, Cmark.allocator) else { return }
            _ = cmark_node_set_literal(inline, html)
            _ = cmark_node_set_user_data(inline, Cmark.generatedMarker)
            if cmark_node_replace(pointer, inline) == 1 { cmark_node_free(pointer) } else { cmark_node_free(inline) }
            return
        }
        guard let inline = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_INLINE, Cmark.allocator) else { return }
        _ = cmark_node_set_on_enter(inline, html)
        _ = cmark_node_set_on_exit(inline, "")
        if cmark_node_replace(pointer, inline) == 1 {
            cmark_node_free(pointer)
        } else {
            cmark_node_free(inline)
        }
    }

    /// Replaces this node by a custom block that prints `html` as it is; this node is released with
    /// the tree.
    /// This is how generated markup enters the document while author HTML stays under safe mode.
    func replace(withHTMLBlock html: String) {
        guard let block = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, Cmark.allocator) else { return }
        _ = cmark_node_set_on_enter(block, html)
        replace(withBlock: block)
    }

    /// `replace(withHTMLBlock:)` from UTF-8 bytes (cmark copies them; like a C string, they end
    /// at a NUL byte).
    func replace(withHTMLBlock html: [UInt8]) {
        guard let block = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, Cmark.allocator) else { return }
        var terminated = html
        terminated.append(0)
        _ = terminated.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_node_set_on_enter(block, $0.baseAddress) }
        }
        replace(withBlock: block)
    }

    /// Puts `block` (a new custom block) in this node's place.
    private func replace(withBlock block: OpaquePointer) {
        _ = cmark_node_set_on_exit(block, "")
        if cmark_node_replace(pointer, block) == 1 {
            cmark_node_free(pointer)
        } else {
            cmark_node_free(block)
        }
    }
}
