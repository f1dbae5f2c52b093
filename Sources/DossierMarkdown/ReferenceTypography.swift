/// The scalar-by-scalar French typography as it was before the UTF-8 rewrite, kept verbatim
/// (renamed) as the reference of `Typography`: `TypographyEquivalenceTests` compares the two on
/// many inputs, and under `DOSSIER_VERIFY=1` every text a build corrects goes through both
/// (`CheckedTypography`).
///
/// Text arrives in pieces (one cmark text node at a time, split by emphasis or links), so the
/// corrector remembers the last character it saw; `reset()` is called at each new block.
/// It works on Unicode scalars: every character it looks at or inserts is a single scalar.
struct ReferenceTypography {
    static let narrowNoBreakSpace: Unicode.Scalar = "\u{202F}"
    static let noBreakSpace: Unicode.Scalar = "\u{00A0}"

    let language: String
    private(set) var previous: Unicode.Scalar?
    private var quoteOpen = false

    init(language: String) {
        self.language = language
    }

    /// Whether this language has rules here; others are left as written.
    var isActive: Bool { language == "fr" }

    mutating func reset() {
        previous = nil
        quoteOpen = false
    }

    /// Text that is not corrected (inline code) still counts as what came before.
    mutating func skip(_ text: String) {
        if let last = text.unicodeScalars.last { previous = last }
    }

    mutating func breakLine() {
        previous = " "
    }

    /// Whether `text` holds a character the French rules change (checked on UTF-8 bytes).
    private static func needsWork(_ text: String) -> Bool {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: ";"), UInt8(ascii: ":"),
                 UInt8(ascii: "!"), UInt8(ascii: "?"), 0xC2, 0xE2:  // 0xC2: « » ; 0xE2: “ ” and others
                return true
            default:
                continue
            }
        }
        return false
    }

    mutating func correct(_ text: String) -> String {
        guard isActive else { return text }
        guard Self.needsWork(text) else {
            if let last = text.unicodeScalars.last { previous = last }
            return text
        }
        let scalars = Array(text.unicodeScalars)
        var output = Output()
        output.bytes.reserveCapacity(text.utf8.count + 16)
        var last = previous
        var afterOpeningQuote = false
        for (i, c) in scalars.enumerated() {
            let following: Unicode.Scalar? = i + 1 < scalars.count ? scalars[i + 1] : nil
            if afterOpeningQuote && Self.isSpace(c) { continue }
            afterOpeningQuote = false
            switch c {
            case "'":
                output.append("\u{2019}")
            case "\"" where quoteOpen:
                output.trimSpaces()
                output.append(Self.narrowNoBreakSpace)
                output.append("»")
                quoteOpen = false
            case "\"" where last == nil || last!.properties.isWhitespace || "([{\u{2014}\u{2013}".unicodeScalars.contains(last!):
                output.append("«")
                output.append(Self.narrowNoBreakSpace)
                quoteOpen = true
                afterOpeningQuote = true
            case "«", "\u{201C}":
                output.append("«")
                output.append(Self.narrowNoBreakSpace)
                afterOpeningQuote = true
            case "»", "\u{201D}":
                output.trimSpaces()
                output.append(Self.narrowNoBreakSpace)
                output.append("»")
            case ";", ":", "!", "?":
                let endsWord = following.map { $0.properties.isWhitespace || Self.closing.contains($0) } ?? true
                if let end = output.last, Self.isSpace(end) {
                    output.trimSpaces()
                    output.append(Self.narrowNoBreakSpace)
                } else if let before = last, before.properties.isAlphabetic || before.properties.numericType != nil
                            || "»)]\u{2019}".unicodeScalars.contains(before), endsWord {
                    output.append(Self.narrowNoBreakSpace)
                }
                output.append(c)
            default:
                output.append(c)
            }
            last = output.last ?? last
        }
        previous = last
        return String(decoding: output.bytes, as: UTF8.self)
    }

    /// UTF-8 output that knows its last scalar, so trailing spaces can be taken back.
    private struct Output {
        var bytes: [UInt8] = []
        /// Byte length of each scalar appended since the last space run started (enough to trim spaces).
        private var lengths: [Int] = []
        private(set) var last: Unicode.Scalar?

        mutating func append(_ scalar: Unicode.Scalar) {
            let before = bytes.count
            UTF8.encode(scalar) { bytes.append($0) }
            if ReferenceTypography.isSpace(scalar) {
                lengths.append(bytes.count - before)
            } else {
                lengths.removeAll(keepingCapacity: true)
            }
            last = scalar
        }

        /// Removes the spaces at the end of the output.
        mutating func trimSpaces() {
            while let length = lengths.popLast() {
                bytes.removeLast(length)
            }
            last = bytes.isEmpty ? nil : Self.lastScalar(of: bytes)
        }

        private static func lastScalar(of bytes: [UInt8]) -> Unicode.Scalar? {
            var start = bytes.count - 1
            while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
            return String(decoding: bytes[start...], as: UTF8.self).unicodeScalars.first
        }
    }

    /// What may follow `;:!?` at the end of a word (not `/`, so `https://` is left alone).
    private static let closing: Set<Unicode.Scalar> = [")", "]", "}", "»", "\u{201D}", "\u{2019}", ".", ",", ";", ":", "!", "?", "…", "\"", "'"]

    fileprivate static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == noBreakSpace || c == narrowNoBreakSpace
    }

}
