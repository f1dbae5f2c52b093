/// Classifies link targets written by authors.
enum URLText {
    /// `http:`/`https:` URLs, the only ones accepted where a page cites a source.
    static func isSafeExternal(_ url: String) -> Bool {
        let bytes = url.utf8
        if bytes.allSatisfy({ $0 < 0x80 }) {
            // ASCII (the usual case), on bytes: the same answer without lowercasing a copy or
            // walking grapheme clusters. ASCII whitespace is U+0009...U+000D and the space.
            func hasPrefix(_ prefix: String) -> Bool {
                bytes.count >= prefix.utf8.count && zip(bytes, prefix.utf8).allSatisfy { byte, expected in
                    (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte) == expected
                }
            }
            return (hasPrefix("http://") || hasPrefix("https://")) && !bytes.contains { $0 == 0x20 || (0x09...0x0D).contains($0) }
        }
        let lower = url.lowercased()
        return (lower.hasPrefix("http://") || lower.hasPrefix("https://")) && !url.contains(where: { $0.isWhitespace })
    }

    /// Whether a link target names a scheme (`https:`, `mailto:`) or a host (`//host`), i.e. leaves the site.
    static func hasSchemeOrHost(_ url: String) -> Bool {
        if url.hasPrefix("//") { return true }
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        guard let first = scheme.first, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
            && !scheme.contains("/")
    }
}
