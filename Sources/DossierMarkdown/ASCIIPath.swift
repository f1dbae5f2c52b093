/// Link and path arithmetic done on the UTF-8 bytes of printable-ASCII text.
///
/// In such text every byte is one character, so cutting at `/`, `#`, `?` and `:` byte by byte gives
/// exactly what the character-based code in `LinkResolver`, `RelativeURL` and `URLText` gives, without
/// its arrays of substrings. Every function returns nil for any other text, which then takes that code.
enum ASCIIPath {
    private static let slash = UInt8(ascii: "/")
    private static let dot = UInt8(ascii: ".")

    /// A link destination: the path (before `?` and `#`) and the fragment (after `#`).
    struct Destination: Equatable {
        /// The destination names a scheme (`https:`, `mailto:`) or a host (`//host`): it leaves the site.
        var leavesSite: Bool
        var path: String
        var fragment: String?
    }

    /// Every byte printable ASCII (no control characters, nothing past `~`).
    static func isPrintable(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte < 0x20 || byte > 0x7E { return false }
        return true
    }

    /// `destination` cut into its parts; nil unless it is printable ASCII without `%` (nothing to decode).
    static func destination(_ destination: String) -> Destination? {
        var text = destination
        return text.withUTF8 { bytes -> Destination? in
            guard isPrintable(bytes), !bytes.contains(UInt8(ascii: "%")) else { return nil }
            if hasSchemeOrHost(bytes) { return Destination(leavesSite: true, path: "", fragment: nil) }
            let hash = bytes.firstIndex(of: UInt8(ascii: "#"))
            let beforeHash = hash ?? bytes.count
            let pathEnd = bytes[..<beforeHash].firstIndex(of: UInt8(ascii: "?")) ?? beforeHash
            let path = String(decoding: UnsafeBufferPointer(rebasing: bytes[..<pathEnd]), as: UTF8.self)
            let fragment = hash.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[($0 + 1)...]), as: UTF8.self) }
            return Destination(leavesSite: false, path: path, fragment: fragment)
        }
    }

    /// `URLText.hasSchemeOrHost` for printable ASCII.
    static func hasSchemeOrHost(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.count >= 2 && bytes[0] == slash && bytes[1] == slash { return true }
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0, isLetter(bytes[0]) else { return false }
        for byte in bytes[..<colon] {
            let allowed = isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == dot
            if !allowed { return false }
        }
        return true
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    /// The non-empty `/`-separated parts of `bytes`, in order, as ranges.
    private struct Components: Sequence, IteratorProtocol {
        let bytes: UnsafeBufferPointer<UInt8>
        var position: Int

        init(_ bytes: UnsafeBufferPointer<UInt8>, from position: Int = 0) {
            self.bytes = bytes
            self.position = position
        }

        mutating func next() -> Range<Int>? {
            while position < bytes.count && bytes[position] == ASCIIPath.slash { position += 1 }
            guard position < bytes.count else { return nil }
            let start = position
            while position < bytes.count && bytes[position] != ASCIIPath.slash { position += 1 }
            return start..<position
        }
    }

    /// `LinkResolver.normalize` for printable ASCII: nil when the text is not, `.some(nil)` when the
    /// path leads outside `content/`.
    static func normalize(_ path: String, relativeTo contentPath: String) -> String?? {
        var path = path, contentPath = contentPath
        return path.withUTF8 { path in
            contentPath.withUTF8 { contentPath -> String?? in
                guard isPrintable(path), isPrintable(contentPath) else { return nil }
                var output: [UInt8] = []
                output.reserveCapacity(contentPath.count + path.count)
                func push(_ part: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>) {
                    if !output.isEmpty { output.append(slash) }
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[part]))
                }
                if path.first != slash {
                    // The folder of the page: every component but the file name.
                    var folder = Components(contentPath)
                    var pending = folder.next()
                    while let current = pending, let following = folder.next() {
                        push(current, of: contentPath)
                        pending = following
                    }
                }
                for part in Components(path) {
                    if part.count == 1 && path[part.lowerBound] == dot { continue }
                    if part.count == 2 && path[part.lowerBound] == dot && path[part.lowerBound + 1] == dot {
                        // Components are never empty: no output, no component to go up from.
                        guard !output.isEmpty else { return .some(nil) }
                        // The last component, with the `/` before it when there is one.
                        output.removeSubrange((output.lastIndex(of: slash) ?? 0)...)
                        continue
                    }
                    push(part, of: path)
                }
                return .some(String(decoding: output, as: UTF8.self))
            }
        }
    }

    /// `RelativeURL.link` for printable ASCII; nil when either path is not.
    static func link(from: String, to: String, portable: Bool) -> String? {
        var from = from, to = to
        return from.withUTF8 { a in
            to.withUTF8 { b -> String? in
                guard isPrintable(a), isPrintable(b) else { return nil }
                var fromParts = Components(a), toParts = Components(b)
                // Skip the components both paths share.
                var aRest = fromParts.position, bRest = toParts.position
                while let x = fromParts.next(), let y = toParts.next(),
                      UnsafeBufferPointer(rebasing: a[x]).elementsEqual(UnsafeBufferPointer(rebasing: b[y])) {
                    aRest = fromParts.position
                    bRest = toParts.position
                }
                var output: [UInt8] = []
                output.reserveCapacity(b.count + 16)
                for _ in Components(a, from: aRest) { output.append(contentsOf: [dot, dot, slash]) }
                for part in Components(b, from: bRest) {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: b[part]))
                    output.append(slash)
                }
                if portable { output.append(contentsOf: "index.html".utf8) } else if output.isEmpty { output.append(contentsOf: [dot, slash]) }
                return String(decoding: output, as: UTF8.self)
            }
        }
    }
}
