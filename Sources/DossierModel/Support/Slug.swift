import Foundation

/// Turns titles and file names into URL path segments and anchor ids.
package enum Slug {
    /// Lowercase ASCII letters, digits and single hyphens: `L’accord du 5 juillet` → `l-accord-du-5-juillet`.
    package static func make(_ text: String) -> String {
        makeASCII(text) ?? makeUnicode(text)
    }

    /// `make` for ASCII text, on its bytes (letters lowercased, digits kept, anything else a hyphen); nil for other text.
    static func makeASCII(_ text: String) -> String? {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
            if (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || (lower >= UInt8(ascii: "0") && lower <= UInt8(ascii: "9")) {
                if pendingHyphen && !result.isEmpty { result.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                result.append(lower)
            } else {
                pendingHyphen = true
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// `make` for any text, scalar by scalar.
    static func makeUnicode(_ text: String) -> String {
        // Accents go with canonical decomposition (é = e + ◌́) and dropping the marks; ICU's
        // transliterator did the same at many times the cost.
        let folded: String
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            folded = text
        } else {
            let decomposed = text.decomposedStringWithCanonicalMapping.unicodeScalars
            folded = String(String.UnicodeScalarView(decomposed.filter { $0.properties.generalCategory != .nonspacingMark }))
        }
        var result = ""
        var pendingHyphen = false
        /// Starts a kept piece: the hyphen that stands for what was dropped before it, if any.
        func keep() {
            if pendingHyphen && !result.isEmpty { result.append("-") }
            pendingHyphen = false
        }
        for scalar in folded.unicodeScalars {
            if scalar.isASCII {
                // ASCII letters and digits are the only ASCII alphanumerics; lowercasing them is `| 0x20`.
                let value = UInt8(scalar.value)
                switch value {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    keep()
                    result.unicodeScalars.append(Unicode.Scalar(value >= UInt8(ascii: "A") ? value | 0x20 : value))
                default:
                    pendingHyphen = true
                }
                continue
            }
            let lower = scalar.properties.lowercaseMapping
            if lower.unicodeScalars.count == 1, let c = lower.unicodeScalars.first, c.isASCII,
               CharacterSet.alphanumerics.contains(c) {
                keep()
                result.unicodeScalars.append(c)
            } else if let ligature = Self.ligatures[scalar] {
                keep()
                result += ligature
            } else {
                pendingHyphen = true
            }
        }
        return result
    }

    /// Letters that fold to two ASCII letters.
    private static let ligatures: [Unicode.Scalar: String] = ["œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"]

    /// Whether `text` can be used as it is as one URL path segment.
    package static func isValid(_ text: String) -> Bool {
        !text.isEmpty && text != "." && text != ".." && text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == "_" || scalar == ".")
        } && !text.hasPrefix(".")
    }
}
