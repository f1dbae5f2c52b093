/// Classifies link targets written by authors.
package enum URLText {
    /// `http:`/`https:` URLs, the only ones accepted where a page cites a source.
    package static func isSafeExternal(_ url: String) -> Bool {
        if let ascii = url.utf8.withContiguousStorageIfAvailable(isSafeExternalASCII), let answer = ascii {
            return answer
        }
        let lower = url.lowercased()
        return (lower.hasPrefix("http://") || lower.hasPrefix("https://")) && !url.contains(where: { $0.isWhitespace })
    }

    /// The same answer on the bytes of an ASCII URL (the usual case), without lowercasing a copy
    /// or walking grapheme clusters; nil for any other. ASCII whitespace is U+0009...U+000D and the space.
    private static func isSafeExternalASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        var safe = true
        for byte in bytes {
            if byte >= 0x80 { return nil }
            if byte == 0x20 || (0x09...0x0D).contains(byte) { safe = false }
        }
        func hasPrefix(_ prefix: StaticString) -> Bool {
            guard bytes.count >= prefix.utf8CodeUnitCount else { return false }
            for offset in 0..<prefix.utf8CodeUnitCount {
                let byte = bytes[offset]
                let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
                if lower != prefix.utf8Start[offset] { return false }
            }
            return true
        }
        return safe && (hasPrefix("http://") || hasPrefix("https://"))
    }

    /// Whether a link target names a scheme (`https:`, `mailto:`) or a host (`//host`), i.e. leaves the site.
    package static func hasSchemeOrHost(_ url: String) -> Bool {
        if url.hasPrefix("//") { return true }
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        guard let first = scheme.first, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
            && !scheme.contains("/")
    }
}
