extension String {
    /// Escapes text for XML and HTML element content and attribute values.
    public var xmlEscaped: String {
        // Most text has nothing to escape: it is returned as it is, without a copy.
        guard utf8.contains(where: XMLText.changes) else { return self }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 16)
        XMLText.appendEscaped(self, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// XML escaping on UTF-8 bytes (every byte it changes is ASCII, so multi-byte characters pass through).
enum XMLText {
    /// Whether `byte` is escaped or dropped.
    @inline(__always)
    static func changes(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): return true
        case 0x0A, 0x09, 0x0D: return false
        case ..<0x20: return true
        default: return false
        }
    }

    /// `text.xmlEscaped`, appended as UTF-8.
    static func appendEscaped(_ text: String, to bytes: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): bytes.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): bytes.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): bytes.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): bytes.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): bytes.append(contentsOf: "&#39;".utf8)
            case 0x0A, 0x09, 0x0D: bytes.append(byte)
            case ..<0x20: continue  // Control characters are not allowed in XML 1.0.
            default: bytes.append(byte)
            }
        }
    }
}
