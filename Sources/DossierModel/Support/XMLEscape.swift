extension String {
    /// Escapes text for XML and HTML element content and attribute values.
    package var xmlEscaped: String {
        // Most text has nothing to escape: it is returned as it is, without a copy.
        guard utf8.contains(where: XMLText.changes) else { return self }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 16)
        XMLText.appendEscaped(self, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// XML escaping on UTF-8 bytes. Markup characters are escaped, and the characters XML 1.0 does not
/// allow (outside #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]) are
/// dropped, so every feed, sitemap and SVG is well-formed whatever its text. A Swift string holds
/// no surrogate, so those characters are the C0 controls but tab, line feed and carriage return,
/// and the noncharacters U+FFFE and U+FFFF (UTF-8 `EF BF BE` and `EF BF BF`).
package enum XMLText {
    /// Whether `byte` is escaped or dropped, or may start a sequence that is (the lead byte of
    /// U+F000…U+FFFF: the caller then takes the careful path).
    @inline(__always)
    static func changes(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): return true
        case 0x0A, 0x09, 0x0D: return false
        case ..<0x20: return true
        case 0xEF: return true
        default: return false
        }
    }

    /// `text.xmlEscaped`, appended as UTF-8.
    package static func appendEscaped(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { source in
            var start = 0
            var index = 0
            while index < source.count {
                let byte = source[index]
                let length = byte == 0xEF ? nonCharacterLength(source, at: index) : 1
                guard let replaced = length == 3 ? "" : escape(byte) else {
                    index += 1
                    continue
                }
                if start < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[start..<index])) }
                replaced.withUTF8Buffer { bytes.append(contentsOf: $0) }
                index += length
                start = index
            }
            if start < source.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[start...])) }
        }
    }

    /// The replacement of one ASCII byte: an entity, "" for a control character XML 1.0 does not
    /// allow, nil to keep it.
    @inline(__always)
    static func escape(_ byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "&"): return "&amp;"
        case UInt8(ascii: "<"): return "&lt;"
        case UInt8(ascii: ">"): return "&gt;"
        case UInt8(ascii: "\""): return "&quot;"
        case UInt8(ascii: "'"): return "&#39;"
        case 0x0A, 0x09, 0x0D: return nil
        case ..<0x20: return ""
        default: return nil
        }
    }

    /// 3 when the bytes at `index` are U+FFFE or U+FFFF (`EF BF BE`, `EF BF BF`), else 1.
    @inline(__always)
    static func nonCharacterLength(_ source: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        guard index + 2 < source.count, source[index + 1] == 0xBF, source[index + 2] >= 0xBE else { return 1 }
        return 3
    }

    /// Appends `text` as UTF-8 with each byte that `replacement` maps replaced by its text (nil:
    /// the byte as it is). Only ASCII bytes may be mapped, so multi-byte characters pass through.
    /// The one loop behind every escaper that must match another's output byte for byte (XML
    /// here, cmark's for headings, swift-mustache's for templates).
    /// The bytes between two replaced ones are appended as one run.
    @inline(__always)
    static func appendReplacing(_ text: String, to bytes: inout [UInt8], _ replacement: (UInt8) -> StaticString?) {
        var text = text
        text.withUTF8 { source in
            var start = 0
            for index in source.indices {
                guard let replaced = replacement(source[index]) else { continue }
                if start < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[start..<index])) }
                replaced.withUTF8Buffer { bytes.append(contentsOf: $0) }
                start = index + 1
            }
            if start < source.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[start...])) }
        }
    }

    /// `appendReplacing` into a new string.
    @inline(__always)
    package static func replacing(_ text: String, _ replacement: (UInt8) -> StaticString?) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        appendReplacing(text, to: &bytes, replacement)
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// HTML built as UTF-8 bytes: literal markup appended without a `String` concatenation each,
/// text escaped as `xmlEscaped` escapes it, and one `String` made at the end.
package struct HTMLBytes {
    private(set) var bytes: [UInt8] = []

    package mutating func reserve(_ count: Int) { bytes.reserveCapacity(count) }

    package static func += (html: inout HTMLBytes, markup: StaticString) {
        markup.withUTF8Buffer { html.bytes.append(contentsOf: $0) }
    }

    /// `text.xmlEscaped`, appended.
    package mutating func escaped(_ text: String) { XMLText.appendEscaped(text, to: &bytes) }

    package var string: String { String(decoding: bytes, as: UTF8.self) }

    package init(bytes: [UInt8] = []) {
        self.bytes = bytes
    }
}
