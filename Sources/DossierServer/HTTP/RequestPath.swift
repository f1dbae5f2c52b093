import DossierModel

/// What a request target asks the preview server for.
enum RequestTarget: Equatable, Sendable {
    /// A key of the in-memory site.
    case file(String)
    /// A folder asked for without its trailing slash: `/briefs` → `/briefs/`.
    case redirect(location: String)
    case notFound
    case badRequest
}

/// Turns the target of a request line into a key of the in-memory site, refusing anything that
/// could name a file outside it.
///
/// The server never maps a URL onto the file system: it only looks keys up in the dictionary the
/// build produced. Still, a target that is not a plain path of plain segments is refused outright
/// (400): `..` or `.` segments, in clear or percent-encoded, an encoded `/`, backslashes, NUL and
/// other control characters, empty segments (`//x`), and absolute URLs.
enum RequestPath {
    /// - Parameters:
    ///   - target: the request target as sent (`/briefs/accord/?x=1`), still percent-encoded.
    ///   - exists: whether the site has a file at a key.
    static func resolve(_ target: String, exists: (String) -> Bool) -> RequestTarget {
        guard let (segments, trailingSlash) = segments(of: target) else { return .badRequest }
        let folder = segments.joined(separator: "/")
        if trailingSlash || segments.isEmpty {
            let key = segments.isEmpty ? "index.html" : folder + "/index.html"
            return exists(key) ? .file(key) : .notFound
        }
        if exists(folder) { return .file(folder) }
        if exists(folder + "/index.html") {
            return .redirect(location: "/" + segments.map(percentEncoded).joined(separator: "/") + "/")
        }
        return .notFound
    }

    /// The decoded segments of the path of `target` and whether it ends with `/`; nil when the
    /// target is not acceptable.
    static func segments(of target: String) -> (segments: [String], trailingSlash: Bool)? {
        var path = Substring(target)
        if let mark = path.firstIndex(where: { $0 == "?" || $0 == "#" }) {
            path = path[..<mark]
        }
        guard path.first == "/" else { return nil }
        guard !path.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\\") }) else { return nil }
        var parts = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        var trailingSlash = false
        if parts.last == "" {
            parts.removeLast()
            trailingSlash = true
        }
        var segments: [String] = []
        for part in parts {
            guard let segment = percentDecoded(part), isPlainSegment(segment) else { return nil }
            segments.append(segment)
        }
        return (segments, trailingSlash)
    }

    /// A segment that names one entry of one folder and nothing else.
    static func isPlainSegment(_ segment: String) -> Bool {
        guard !segment.isEmpty, segment != ".", segment != ".." else { return false }
        return !segment.unicodeScalars.contains { scalar in
            scalar == "/" || scalar == "\\" || scalar.value < 0x20 || scalar.value == 0x7F
        }
    }

    /// Decodes `%XX` escapes; nil for a malformed escape or bytes that are not UTF-8.
    static func percentDecoded(_ text: Substring) -> String? {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return String(text) }
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
            bytes.append(high << 4 | low)
        }
        // Invalid UTF-8 would decode to replacement characters, which do not give the bytes back.
        let decoded = String(decoding: bytes, as: UTF8.self)
        return decoded.utf8.elementsEqual(bytes) ? decoded : nil
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Escapes everything but the characters RFC 3986 allows unescaped in a path segment.
    static func percentEncoded(_ segment: String) -> String {
        PercentEncoding.encode(Substring(segment), keeping: PercentEncoding.isUnreserved)
    }
}
