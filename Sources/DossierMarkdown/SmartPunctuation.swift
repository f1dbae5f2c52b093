/// Typographic punctuation for text that is not Markdown: the titles and summaries of front
/// matter. Markdown text gets it from cmark's smart option; this does the same on plain text:
/// `--` and `---` become dashes, `...` an ellipsis, straight quotes and apostrophes curly ones.
/// French text then gets its own rules (`Typography`): « » and narrow no-break spaces.
package enum SmartPunctuation {
    /// `text` with typographic punctuation in `language` (a primary language subtag).
    package static func correct(_ text: String, language: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "'") || $0 == UInt8(ascii: "\"") })
            || language == "fr"
        else { return text }
        var typography = Typography(language: language)
        // French rules turn the straight quotes into « » and ’ themselves.
        let smart = apply(text, quotes: !typography.isActive)
        return typography.isActive ? typography.correct(smart) : smart
    }

    /// Dashes and ellipses, and curly quotes when `quotes` is true (cmark's rules). The text is
    /// read as UTF-8: every character it changes is ASCII, so the runs between them are copied
    /// whole, and only a quote decodes its neighbours.
    static func apply(_ text: String, quotes: Bool) -> String {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 8)
        var index = 0
        var copied = 0
        /// Copies the unchanged bytes before `index`, then appends `scalars`.
        func replace(upTo end: Int, with scalars: [Unicode.Scalar]) {
            output.append(contentsOf: bytes[copied..<index])
            for scalar in scalars { output.append(contentsOf: String(scalar).utf8) }
            index = end
            copied = end
        }
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "-"):
                var end = index
                while end < bytes.count, bytes[end] == UInt8(ascii: "-") { end += 1 }
                if end - index == 1 { index = end } else { replace(upTo: end, with: dashes(count: end - index)) }
            case UInt8(ascii: ".") where index + 2 < bytes.count && bytes[index + 1] == UInt8(ascii: ".") && bytes[index + 2] == UInt8(ascii: "."):
                replace(upTo: index + 3, with: ["\u{2026}"])
            case UInt8(ascii: "\"") where quotes:
                replace(upTo: index + 1, with: [opens(after: scalar(in: bytes, before: index)) ? "\u{201C}" : "\u{201D}"])
            case UInt8(ascii: "'") where quotes:
                let next = scalar(in: bytes, at: index + 1)
                let opening = opens(after: scalar(in: bytes, before: index)) && next.map { !$0.properties.isWhitespace } == true
                replace(upTo: index + 1, with: [opening ? "\u{2018}" : "\u{2019}"])
            default:
                index += 1
            }
        }
        output.append(contentsOf: bytes[copied...])
        return String(decoding: output, as: UTF8.self)
    }

    /// The scalar whose UTF-8 starts at `position`; nil at the end.
    static func scalar(in bytes: [UInt8], at position: Int) -> Unicode.Scalar? {
        guard position < bytes.count else { return nil }
        var iterator = bytes[position...].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }

    /// The scalar that ends just before `position`; nil at the start.
    static func scalar(in bytes: [UInt8], before position: Int) -> Unicode.Scalar? {
        var start = position - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return start >= 0 ? scalar(in: bytes, at: start) : nil
    }

    /// A run of `count` hyphens, as cmark writes it: one stays a hyphen; otherwise em dashes
    /// when the count divides by 3, en dashes when by 2, else em dashes then one or two en dashes.
    static func dashes(count: Int) -> [Unicode.Scalar] {
        guard count > 1 else { return Array(repeating: "-", count: count) }
        let (em, en): (Int, Int)
        if count % 3 == 0 {
            (em, en) = (count / 3, 0)
        } else if count % 2 == 0 {
            (em, en) = (0, count / 2)
        } else if count % 3 == 2 {
            (em, en) = ((count - 2) / 3, 1)
        } else {
            (em, en) = ((count - 4) / 3, 2)
        }
        return Array(repeating: "\u{2014}", count: em) + Array(repeating: "\u{2013}", count: en)
    }

    /// Whether a quote after `previous` opens: at the start, after a space, a bracket or a dash.
    private static func opens(after previous: Unicode.Scalar?) -> Bool {
        guard let previous else { return true }
        return previous.properties.isWhitespace || "([{\u{2014}\u{2013}\u{201C}\u{2018}".unicodeScalars.contains(previous)
    }
}
