import Foundation
import DossierModel

/// The HTML escaping swift-mustache applies to `{{name}}`, reproduced exactly so that a stamped
/// page is byte-identical to the page swift-mustache renders.
///
/// swift-mustache escapes `<`, `>`, `&`, `"` and `'` when such a character is a whole grapheme
/// cluster on its own. Between two ASCII characters it always is; next to a non-ASCII byte a
/// combining mark or a prepended character may join it to its neighbour, so those strings take
/// the slow path, which walks the `Character`s as swift-mustache does.
enum MustacheEscape {
    static func html(_ text: String) -> String {
        var copy = text
        let plan = copy.withUTF8 { bytes -> (special: Bool, slow: Bool) in
            var special = false
            for (index, byte) in bytes.enumerated() where isSpecial(byte) {
                special = true
                if index > 0, bytes[index - 1] >= 0x80 { return (true, true) }
                if index + 1 < bytes.count, bytes[index + 1] >= 0x80 { return (true, true) }
            }
            return (special, false)
        }
        if !plan.special { return text }
        if plan.slow { return slowPath(text) }
        // Every special byte has ASCII neighbours, so each is a whole character.
        return XMLText.replacing(text) { byte in
            switch byte {
            case UInt8(ascii: "<"): return "&lt;"
            case UInt8(ascii: ">"): return "&gt;"
            case UInt8(ascii: "&"): return "&amp;"
            case UInt8(ascii: "\""): return "&quot;"
            case UInt8(ascii: "'"): return "&#39;"
            default: return nil
            }
        }
    }

    static func isSpecial(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }

    /// swift-mustache's own loop over `Character`s.
    static func slowPath(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}

/// The private-use characters that mark a value's place in a stamp (see `TemplateStamp`).
enum StampMarker {
    static let open: Unicode.Scalar = "\u{E000}"
    static let close: Unicode.Scalar = "\u{E001}"

    static func isMarker(_ scalar: Unicode.Scalar) -> Bool { scalar == open || scalar == close }

    /// True when `text` contains either marker (both start with the bytes EE 80).
    static func occurs(in text: String) -> Bool {
        var text = text
        return text.withUTF8 { occurs(in: $0) }
    }

    static func occurs(in bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { occurs(in: $0) }
    }

    static func occurs(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, bytes.count >= 3 else { return false }
        var start = 0
        while start < bytes.count - 2 {
            guard let found = memchr(base + start, 0xEE, bytes.count - 2 - start) else { return false }
            let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 || bytes[index + 2] == 0x81 { return true }
            start = index + 1
        }
        return false
    }
}
