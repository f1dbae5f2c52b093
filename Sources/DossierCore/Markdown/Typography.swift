/// Language-specific typography applied to the text of a document (never to code).
///
/// Text arrives in pieces (one cmark text node at a time, split by emphasis or links), so the
/// corrector remembers the last character it saw; `reset()` is called at each new block.
struct Typography {
    static let narrowNoBreakSpace: Character = "\u{202F}"
    static let noBreakSpace: Character = "\u{00A0}"

    let language: String
    private(set) var previous: Character?
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
        if let last = text.last { previous = last }
    }

    mutating func breakLine() {
        previous = " "
    }

    mutating func correct(_ text: String) -> String {
        guard isActive else { return text }
        var output: [Character] = []
        output.reserveCapacity(text.count + 4)
        let characters = Array(text)
        var last = previous
        var afterOpeningQuote = false
        for (i, c) in characters.enumerated() {
            let following: Character? = i + 1 < characters.count ? characters[i + 1] : nil
            if afterOpeningQuote && Self.isSpace(c) { continue }
            afterOpeningQuote = false
            switch c {
            case "'":
                output.append("\u{2019}")
            case "\"" where quoteOpen:
                Self.trimSpaces(&output)
                output.append(contentsOf: [Self.narrowNoBreakSpace, "»"])
                quoteOpen = false
            case "\"" where last == nil || last!.isWhitespace || "([{\u{2014}\u{2013}".contains(last!):
                output.append(contentsOf: ["«", Self.narrowNoBreakSpace])
                quoteOpen = true
                afterOpeningQuote = true
            case "«", "\u{201C}":
                output.append(contentsOf: ["«", Self.narrowNoBreakSpace])
                afterOpeningQuote = true
            case "»", "\u{201D}":
                Self.trimSpaces(&output)
                output.append(contentsOf: [Self.narrowNoBreakSpace, "»"])
            case ";", ":", "!", "?":
                let endsWord = following.map { $0.isWhitespace || Self.closing.contains($0) } ?? true
                if let end = output.last, Self.isSpace(end) {
                    Self.trimSpaces(&output)
                    output.append(Self.narrowNoBreakSpace)
                } else if let before = last, before.isLetter || before.isNumber || "»)]\u{2019}".contains(before), endsWord {
                    output.append(Self.narrowNoBreakSpace)
                }
                output.append(c)
            default:
                output.append(c)
            }
            last = output.last ?? last
        }
        previous = last
        return String(output)
    }

    /// What may follow `;:!?` at the end of a word (not `/`, so `https://` is left alone).
    private static let closing: Set<Character> = [")", "]", "}", "»", "\u{201D}", "\u{2019}", ".", ",", ";", ":", "!", "?", "…", "\"", "'"]

    private static func isSpace(_ c: Character) -> Bool {
        c == " " || c == noBreakSpace || c == narrowNoBreakSpace
    }

    private static func trimSpaces(_ output: inout [Character]) {
        while let c = output.last, isSpace(c) {
            output.removeLast()
        }
    }
}
