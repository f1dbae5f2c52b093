/// Language-specific typography applied to the text of a document (never to code).
///
/// Text arrives in pieces (one cmark text node at a time, split by emphasis or links), so the
/// corrector remembers the last character it saw; `reset()` is called at each new block.
/// It works on UTF-8 bytes: every character it looks at or inserts is a single Unicode scalar, and
/// everything it does not change is copied through in runs, so most text costs one scan.
package struct Typography {
    static let narrowNoBreakSpace: Unicode.Scalar = "\u{202F}"
    static let noBreakSpace: Unicode.Scalar = "\u{00A0}"

    let language: String
    /// Whether this language has rules here; others are left as written.
    let isActive: Bool
    private(set) var previous: Unicode.Scalar?
    private var quoteOpen = false

    package init(language: String) {
        self.language = language
        isActive = language == "fr"
    }

    mutating func reset() {
        previous = nil
        quoteOpen = false
    }

    /// Text that is not corrected (inline code) still counts as what came before.
    mutating func skip(_ text: String) {
        if let last = text.unicodeScalars.last { previous = last }
    }

    /// `skip(_:)` for text given as UTF-8 bytes.
    mutating func skip(utf8 text: UnsafeBufferPointer<UInt8>) {
        if let last = UTF8Scalars.last(of: text) { previous = last }
    }

    mutating func breakLine() {
        previous = " "
    }

    package mutating func correct(_ text: String) -> String {
        guard isActive else { return text }
        var copy = text
        var output: [UInt8] = []
        let changed = copy.withUTF8 { correct(utf8: $0, into: &output) }
        return changed ? String(decoding: output, as: UTF8.self) : text
    }

    /// Corrects `input` (valid UTF-8). Returns false when the text stays as it is (then `output` is
    /// left empty); true with the corrected text in `output` (replaced, not appended to) otherwise.
    mutating func correct(utf8 input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> Bool {
        output.removeAll(keepingCapacity: true)
        guard isActive else { return false }
        // Most text has nothing the rules look at: one scan, no copy.
        guard let first = input.firstIndex(where: Self.mayChange) else {
            if let last = UTF8Scalars.last(of: input) { previous = last }
            return false
        }
        output.reserveCapacity(input.count + 16)
        var state = Corrector(previous: previous, quoteOpen: quoteOpen)
        state.run(input, from: first, into: &output)
        quoteOpen = state.quoteOpen
        previous = output.withUnsafeBufferPointer { UTF8Scalars.last(of: $0) } ?? previous
        // A change that undoes itself (a narrow space put back where it was) leaves the text as it was.
        return output.count != input.count || !output.elementsEqual(input)
    }

    /// Whether `text` holds a byte the French rules may change.
    static func needsWork(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        text.contains(where: mayChange)
    }

    /// `'`, `"`, `;`, `:`, `!`, `?`, or the first byte of « » and of the no-break space (0xC2) or of “ ”
    /// and of the narrow no-break space (0xE2). Every other byte is copied through as it is.
    @inline(__always)
    static func mayChange(_ byte: UInt8) -> Bool {
        if byte < 64 { return (0x8C00_0086_0000_0000 as UInt64) >> UInt64(byte) & 1 != 0 }
        return byte == 0xC2 || byte == 0xE2
    }

    /// One pass over one text node.
    ///
    /// The output's last scalar stands in for "the character before" (`previous` while the output
    /// is empty). Spaces at the end of the output (`trailingSpaceBytes`) may be taken back before
    /// a closing guillemet or double punctuation.
    private struct Corrector {
        let previous: Unicode.Scalar?
        var quoteOpen: Bool
        private var trailingSpaceBytes = 0
        private var afterOpeningQuote = false

        init(previous: Unicode.Scalar?, quoteOpen: Bool) {
            self.previous = previous
            self.quoteOpen = quoteOpen
        }

        /// Corrects `input`, whose bytes before `start` need no change, into `output`.
        mutating func run(_ input: UnsafeBufferPointer<UInt8>, from start: Int, into output: inout [UInt8]) {
            let count = input.count
            appendRun(input, 0..<start, into: &output)
            var i = start
            while i < count {
                let byte = input[i]
                if afterOpeningQuote {
                    if UTF8Scalars.isSpace(input, at: i, lead: byte) {
                        i += UTF8Scalars.length(lead: byte)
                        continue
                    }
                    afterOpeningQuote = false
                }
                if !Typography.mayChange(byte) {
                    var end = i + 1
                    while end < count, !Typography.mayChange(input[end]) { end += 1 }
                    appendRun(input, i..<end, into: &output)
                    i = end
                } else if byte < 0x80 {
                    punctuation(byte, input: input, at: i, into: &output)
                    i += 1
                } else {
                    i = special(byte, input: input, at: i, into: &output)
                }
            }
        }

        /// Bytes copied as they are (no rule applies to them; spaces included).
        private mutating func appendRun(_ input: UnsafeBufferPointer<UInt8>, _ run: Range<Int>, into output: inout [UInt8]) {
            guard !run.isEmpty else { return }
            var spaces = 0
            while spaces < run.count, input[run.upperBound - 1 - spaces] == 0x20 { spaces += 1 }
            trailingSpaceBytes = spaces == run.count ? trailingSpaceBytes + spaces : spaces
            output.append(contentsOf: UnsafeBufferPointer(rebasing: input[run]))
        }

        /// The scalar starting with 0xC2 or 0xE2 at `input[index]`; returns where the next one starts.
        private mutating func special(_ byte: UInt8, input: UnsafeBufferPointer<UInt8>, at index: Int, into output: inout [UInt8]) -> Int {
            let end = min(input.count, index + UTF8Scalars.length(lead: byte))
            if end - index == (byte == 0xC2 ? 2 : 3) {
                let second = input[index + 1]
                let third: UInt8 = byte == 0xE2 ? input[index + 2] : 0
                if (byte == 0xC2 && second == 0xAB) || (byte == 0xE2 && second == 0x80 && third == 0x9C) {  // « “
                    Self.appendOpeningGuillemet(&output)
                    trailingSpaceBytes = 3
                    afterOpeningQuote = true
                    return end
                }
                if (byte == 0xC2 && second == 0xBB) || (byte == 0xE2 && second == 0x80 && third == 0x9D) {  // » ”
                    trimSpaces(&output)
                    Self.appendClosingGuillemet(&output)
                    trailingSpaceBytes = 0
                    return end
                }
            }
            // Any other scalar, as it is.
            let isSpace = UTF8Scalars.isSpace(input, at: index, lead: byte)
            output.append(contentsOf: UnsafeBufferPointer(rebasing: input[index..<end]))
            trailingSpaceBytes = isSpace ? trailingSpaceBytes + (end - index) : 0
            return end
        }

        /// `«` and a narrow no-break space.
        private static func appendOpeningGuillemet(_ output: inout [UInt8]) {
            output.append(0xC2)
            output.append(0xAB)
            appendNarrowSpace(&output)
        }

        /// A narrow no-break space and `»`.
        private static func appendClosingGuillemet(_ output: inout [UInt8]) {
            appendNarrowSpace(&output)
            output.append(0xC2)
            output.append(0xBB)
        }

        private static func appendNarrowSpace(_ output: inout [UInt8]) {
            output.append(0xE2)
            output.append(0x80)
            output.append(0xAF)
        }

        /// `'`, `"`, `;`, `:`, `!` or `?` at `input[index]`.
        private mutating func punctuation(_ byte: UInt8, input: UnsafeBufferPointer<UInt8>, at index: Int, into output: inout [UInt8]) {
            switch byte {
            case UInt8(ascii: "'"):
                output.append(0xE2)  // ’
                output.append(0x80)
                output.append(0x99)
                trailingSpaceBytes = 0
            case UInt8(ascii: "\"") where quoteOpen:
                trimSpaces(&output)
                Self.appendClosingGuillemet(&output)
                trailingSpaceBytes = 0
                quoteOpen = false
            case UInt8(ascii: "\""):
                let last = lastScalar(output)
                if last.map({ Self.isWhitespace($0) || Self.opensQuote($0) }) ?? true {
                    Self.appendOpeningGuillemet(&output)
                    trailingSpaceBytes = 3
                    quoteOpen = true
                    afterOpeningQuote = true
                } else {
                    output.append(byte)
                    trailingSpaceBytes = 0
                }
            default:  // ; : ! ?
                let following = UTF8Scalars.scalar(in: input, at: index + 1)
                let endsWord = following.map { Self.isWhitespace($0) || Self.isClosing($0) } ?? true
                if trailingSpaceBytes > 0 {
                    trimSpaces(&output)
                    Self.appendNarrowSpace(&output)
                } else if let before = lastScalar(output), Self.endsWordBefore(before), endsWord {
                    Self.appendNarrowSpace(&output)
                }
                output.append(byte)
                trailingSpaceBytes = 0
            }
        }

        /// Removes the spaces at the end of the output.
        private mutating func trimSpaces(_ output: inout [UInt8]) {
            output.removeLast(trailingSpaceBytes)
            trailingSpaceBytes = 0
        }

        /// The character before the next one: the output's last, or the one before this text.
        private func lastScalar(_ output: [UInt8]) -> Unicode.Scalar? {
            output.withUnsafeBufferPointer { UTF8Scalars.last(of: $0) } ?? previous
        }

        /// Before a straight double quote, what makes it an opening one (besides whitespace).
        private static func opensQuote(_ c: Unicode.Scalar) -> Bool {
            c == "(" || c == "[" || c == "{" || c == "\u{2014}" || c == "\u{2013}"
        }

        /// A letter, a digit, or `»)]’`: a word ends there, so `;:!?` after it gets its narrow space.
        private static func endsWordBefore(_ c: Unicode.Scalar) -> Bool {
            if c.isASCII {
                let v = c.value
                return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) || c == ")" || c == "]"
            }
            return c.properties.isAlphabetic || c.properties.numericType != nil || c == "»" || c == "\u{2019}"
        }

        private static func isWhitespace(_ c: Unicode.Scalar) -> Bool {
            if c.isASCII { return c == " " || (c.value >= 0x09 && c.value <= 0x0D) }
            return c.properties.isWhitespace
        }

        /// What may follow `;:!?` at the end of a word (not `/`, so `https://` is left alone).
        private static func isClosing(_ c: Unicode.Scalar) -> Bool {
            switch c {
            case ")", "]", "}", "»", "\u{201D}", "\u{2019}", ".", ",", ";", ":", "!", "?", "…", "\"", "'": return true
            default: return false
            }
        }
    }

    package init(language: String, isActive: Bool, previous: Unicode.Scalar? = nil) {
        self.language = language
        self.isActive = isActive
        self.previous = previous
    }
}

/// Scalars read straight from valid UTF-8 bytes.
enum UTF8Scalars {
    /// Bytes in the scalar that starts with `lead` (1 for a stray continuation byte).
    @inline(__always)
    static func length(lead: UInt8) -> Int {
        if lead < 0xC0 { return 1 }
        if lead < 0xE0 { return 2 }
        if lead < 0xF0 { return 3 }
        return 4
    }

    /// Whether the scalar at `index` is one of the spaces typography adds or removes: space, U+00A0, U+202F.
    @inline(__always)
    static func isSpace(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, lead: UInt8) -> Bool {
        switch lead {
        case 0x20: return true
        case 0xC2: return index + 1 < bytes.count && bytes[index + 1] == 0xA0
        case 0xE2: return index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0xAF
        default: return false
        }
    }

    /// The scalar starting at `index`, nil past the end.
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Unicode.Scalar? {
        guard index < bytes.count else { return nil }
        let end = min(bytes.count, index + length(lead: bytes[index]))
        return decode(UnsafeBufferPointer(rebasing: bytes[index..<end]))
    }

    /// The last scalar, nil for no bytes.
    static func last(of bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        guard var start = bytes.indices.last else { return nil }
        let lastByte = bytes[start]
        if lastByte < 0x80 { return Unicode.Scalar(lastByte) }
        while start > 0 && bytes[start] & 0xC0 == 0x80 && bytes.count - start < 4 { start -= 1 }
        return decode(UnsafeBufferPointer(rebasing: bytes[start...]))
    }

    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        switch decoder.decode(&iterator) {
        case .scalarValue(let scalar): return scalar
        case .emptyInput, .error: return "\u{FFFD}"
        }
    }
}
