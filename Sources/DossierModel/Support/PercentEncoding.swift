/// Percent-encoding of URL text on its UTF-8 bytes: every byte the caller's set does not keep
/// becomes `%XX` in upper-case hex, as Foundation's `addingPercentEncoding(withAllowedCharacters:)`
/// writes it (for the ASCII sets below), without building a `CharacterSet`.
package enum PercentEncoding {
    package static func encode(_ text: Substring, keeping keeps: (UInt8) -> Bool) -> String {
        guard text.utf8.contains(where: { !keeps($0) }) else { return String(text) }
        let hex = Array("0123456789ABCDEF".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count * 3)
        for byte in text.utf8 {
            if keeps(byte) {
                output.append(byte)
            } else {
                output.append(contentsOf: [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// RFC 3986's unreserved characters: ASCII letters and digits and `-._~`.
    package static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// `CharacterSet.urlPathAllowed`: the unreserved characters and `!$&'()*+,/:;=@`.
    package static func isPathAllowed(_ byte: UInt8) -> Bool {
        isUnreserved(byte) || "!$&'()*+,/:;=@".utf8.contains(byte)
    }
}
