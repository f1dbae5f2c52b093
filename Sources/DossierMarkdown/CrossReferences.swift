import CCmark
import DossierModel

/// `[@id]` citations of the page's sources (`[@a; @b]` cites several) and `[@fig:id]`,
/// `[@tbl:id]` references to its numbered figures and tables.
///
/// They are found in the text before anything else changes it (typography would put a space
/// before `;`), each replaced by a placeholder node; once the page's figures are numbered,
/// `resolve` writes the placeholders' HTML: `[1]` linking to the source list, "figure 2"
/// linking to the figure.
struct CrossReferences {
    enum Target: Equatable {
        case sources([String])
        case figure(FigureEntry.Kind, String)
    }

    struct Reference {
        var target: Target
        /// The generated inline that takes the reference's place.
        var node: CmarkNode
        /// As written, for a reference that cannot be resolved.
        var text: String
        var line: Int
        var column: Int
        /// The reference starts a sentence ("Figure 2 montre…").
        var startsSentence: Bool
    }

    private(set) var references: [Reference] = []

    /// Whether the Markdown may hold a reference: most pages are looked at no further.
    static func mayContain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        BytePair.occurs(UInt8(ascii: "["), UInt8(ascii: "@"), in: bytes)
    }

    /// Finds the references in the document's text and puts placeholders in their place;
    /// reports a `[@` that starts a reference but is not one.
    static func find(in document: CmarkNode, page: PageLocation, diagnostics: inout Diagnostics) -> CrossReferences {
        cmark_consolidate_text_nodes(document.pointer)
        var texts: [CmarkNode] = []
        var linkDepth = 0
        Cmark.walk(document) { node, entering in
            switch node.type {
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE: linkDepth += entering ? 1 : -1
            case CMARK_NODE_TEXT:
                if linkDepth == 0, node.withLiteralUTF8(mayContain) { texts.append(node) }
            default: break
            }
        }
        var found = CrossReferences()
        for node in texts {
            found.split(node, page: page, diagnostics: &diagnostics)
        }
        return found
    }

    /// Cuts `node` around its references, each becoming a placeholder.
    private mutating func split(_ node: CmarkNode, page: PageLocation, diagnostics: inout Diagnostics) {
        guard let literal = node.literal else { return }
        let bytes = Array(literal.utf8)
        let line = page.firstLine - 1 + node.startLine
        var pieces: [(range: Range<Int>, target: Target)] = []
        var index = 0
        while index + 1 < bytes.count {
            guard bytes[index] == UInt8(ascii: "["), bytes[index + 1] == UInt8(ascii: "@") else { index += 1; continue }
            switch ReferenceSyntax.parse(bytes, at: index) {
            case .reference(let end, let target):
                pieces.append((index..<end, target))
                index = end
            case .notReference:
                index += 2
            case .malformed(let message):
                diagnostics.error(message, file: page.file, line: line, column: node.startColumn + index)
                index += 2
            }
        }
        guard !pieces.isEmpty else { return }
        var last = node
        var start = 0
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        for piece in pieces {
            var before = text(start..<piece.range.lowerBound)
            // A citation stays on the line of the word it follows.
            if case .sources = piece.target, before.last == " " { before = before.dropLast() + "\u{00A0}" }
            if start == 0 { node.literal = before } else if !before.isEmpty { last = last.insertTextAfter(before) ?? last }
            guard let placeholder = last.insertGeneratedInlineAfter() else { return }
            last = placeholder
            let preceding = text(0..<piece.range.lowerBound)
            let startsSentence = node.previous == nil && preceding.allSatisfy(\.isWhitespace) || Self.endsSentence(preceding)
            references.append(Reference(target: piece.target, node: placeholder, text: text(piece.range), line: line,
                                        column: node.startColumn + piece.range.lowerBound, startsSentence: startsSentence))
            start = piece.range.upperBound
        }
        let after = text(start..<bytes.count)
        if !after.isEmpty { _ = last.insertTextAfter(after) }
        if node.literal?.isEmpty == true, node.next != nil { node.unlinkAndFree() }
    }

    /// Whether text ends a sentence (". ", "! ", "? "), so that what follows starts one.
    static func endsSentence(_ text: String) -> Bool {
        let trimmed = text.reversed().drop { $0.isWhitespace }
        guard let last = trimmed.first, text.last?.isWhitespace == true else { return false }
        return last == "." || last == "!" || last == "?"
    }
}

/// How a `[@…]` reference is written: `[@id]`, `[@a; @b]`, `[@fig:id]`, `[@tbl:id]`.
enum ReferenceSyntax {
    enum Parsed: Equatable {
        case reference(end: Int, target: CrossReferences.Target)
        /// `[@` followed by no name: text, as written.
        case notReference
        case malformed(String)
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
    }

    /// Reads the reference whose `[@` is at `start`.
    static func parse(_ bytes: [UInt8], at start: Int) -> Parsed {
        var index = start + 1
        var names: [String] = []
        while true {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "@") else {
                return names.isEmpty ? .notReference : .malformed(usage("expected `@` before each name"))
            }
            var end = index + 1
            while end < bytes.count, isNameByte(bytes[end]) { end += 1 }
            // A name ends with a letter or digit (`[@a].` is `a` then `.`; `[@a.]` is not a name).
            while end > index + 1, [UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: "-")].contains(bytes[end - 1]) { end -= 1 }
            guard end > index + 1 else { return names.isEmpty ? .notReference : .malformed(usage("a name is missing after `@`")) }
            names.append(String(decoding: bytes[(index + 1)..<end], as: UTF8.self))
            index = end
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
            guard index < bytes.count else { return .malformed(usage("`[@` is not closed by `]`")) }
            if bytes[index] == UInt8(ascii: "]") { break }
            guard bytes[index] == UInt8(ascii: ";") else { return .malformed(usage("names are separated by `;` and the list ends with `]`")) }
            index += 1
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
        }
        return target(names).map { .reference(end: index + 1, target: $0) } ?? .malformed(
            "a reference to a figure or a table names one of them alone, as in `[@fig:parts]`; cite sources together as `[@a; @b]`")
    }

    static func usage(_ problem: String) -> String {
        "\(problem): cite a source as `[@id]` or `[@a; @b]`, a figure as `[@fig:id]`, a table as `[@tbl:id]`"
    }

    static func target(_ names: [String]) -> CrossReferences.Target? {
        let figures = names.filter { $0.hasPrefix("fig:") || $0.hasPrefix("tbl:") }
        if figures.isEmpty { return .sources(names) }
        guard names.count == 1, let name = names.first else { return nil }
        return .figure(name.hasPrefix("fig:") ? .figure : .table, String(name.dropFirst(4)))
    }
}
