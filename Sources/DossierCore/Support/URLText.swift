/// Classifies link targets written by authors.
enum URLText {
    /// `http:`/`https:` URLs, the only ones accepted where a page cites a source.
    static func isSafeExternal(_ url: String) -> Bool {
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
