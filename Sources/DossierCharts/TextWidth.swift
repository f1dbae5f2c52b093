import Foundation

/// Estimated width of a label, so the drawers can tell whether labels fit without a font engine.
///
/// Widths are Helvetica/Arial advance widths (thousandths of an em; Liberation Sans has the same
/// metrics), times a small safety factor for the wider fonts a reader's system may substitute.
package enum TextWidth {
    /// Covers the difference between Arial and wider system fonts (San Francisco, Segoe UI, Roboto).
    static let safetyFactor = 1.1

    /// Advance widths of U+0020 … U+007E.
    private static let ascii: [UInt16] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space … /
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 … ?
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ … O
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P … _
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` … o
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p … ~
    ]

    /// Width in user units of `text` set at `fontSize`.
    static func of(_ text: String, fontSize: Double) -> Double {
        // Whole numbers of thousandths: the sum is the same in any order, and exact.
        var units = 0
        if let scalars = singleScalarWidths(text) {
            units = scalars
        } else {
            for character in text { units += width(of: character) }
        }
        return Double(units) / 1000 * fontSize * safetyFactor
    }

    /// The summed width of `text` when each of its scalars is a character by itself (see
    /// `isSingleScalarCharacter`), read scalar by scalar; nil otherwise.
    private static func singleScalarWidths(_ text: String) -> Int? {
        var units = 0
        for scalar in text.unicodeScalars {
            guard let width = singleScalarWidth(scalar) else { return nil }
            units += width
        }
        return units
    }

    /// `width(of: Character(scalar))` for a scalar that can only be a character by itself; nil for
    /// any other scalar.
    ///
    /// Printable ASCII, Latin-1 and Latin Extended-A/B letters (not the soft hyphen), general
    /// punctuation from ‐ to ‧ and from the narrow no-break space to ⁞, currency signs and the minus:
    /// their grapheme break property is "Other", so there is a character boundary on both sides of
    /// each whatever its neighbours are in this set. Combining marks, joiners, controls, Hangul and
    /// emoji are not in it: text with any of them is measured character by character.
    @inline(__always)
    static func singleScalarWidth(_ scalar: Unicode.Scalar) -> Int? {
        let value = scalar.value
        if value >= 0x20 && value <= 0x7E { return Int(ascii[Int(value - 0x20)]) }
        if value >= 0xA0 && value < 0x250 {
            return value == 0xAD ? nil : Int(latinWidths[Int(value - 0xA0)])
        }
        if (value >= 0x2010 && value <= 0x2027) || (value >= 0x202F && value <= 0x205E) || (value >= 0x20A0 && value <= 0x20C0) || value == 0x2212 {
            return width(of: Character(scalar))
        }
        return nil
    }

    /// `width(of:)` of U+00A0 … U+024F, each as a character by itself (accented letters need a
    /// canonical decomposition, done once here rather than at every measure).
    private static let latinWidths: [UInt16] = (0xA0..<0x250).map { value in
        Unicode.Scalar(UInt32(value)).map { UInt16(width(of: Character($0))) } ?? 600
    }

    /// Thousandths of an em for one character.
    static func width(of character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        let value = scalar.value
        if value >= 0x20 && value <= 0x7E { return Int(ascii[Int(value - 0x20)]) }
        switch value {
        case 0x00A0: return 278  // no-break space
        case 0x202F, 0x2009: return 200  // narrow no-break space, thin space
        case 0x2212, 0x00D7, 0x00F7, 0x00B1: return 584  // − × ÷ ±
        case 0x2013: return 556  // –
        case 0x2014, 0x2026, 0x2030: return 1000  // — … ‰
        case 0x2018, 0x2019, 0x201A: return 222  // ‘ ’ ‚
        case 0x201C, 0x201D, 0x201E: return 333  // “ ” „
        case 0x00AB, 0x00BB: return 556  // « »
        case 0x20AC, 0x00A3, 0x00A5: return 556  // € £ ¥
        case 0x00B0: return 400  // °
        case 0x00C6: return 1000  // Æ
        case 0x00E6: return 889  // æ
        case 0x0152: return 1000  // Œ
        case 0x0153: return 944  // œ
        case 0x00DF: return 611  // ß
        case 0x0300...0x036F, 0x200B...0x200D, 0xFE00...0xFE0F: return 0  // combining marks, zero-width
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1FAFF, 0x20000...0x3FFFD:
            return 1000  // CJK, Hangul, full-width forms, emoji
        default:
            break
        }
        // Accented Latin letters are as wide as their base letter: é → e, Ç → C.
        if value < 0x0250 || (value >= 0x1E00 && value <= 0x1EFF) {
            let base = String(character).decomposedStringWithCanonicalMapping.unicodeScalars.first?.value ?? value
            if base >= 0x20 && base <= 0x7E { return Int(ascii[Int(base - 0x20)]) }
        }
        return 600
    }

    /// `text` cut at a word or character boundary, with an ellipsis, so it fits `maxWidth`.
    static func truncate(_ text: String, toWidth maxWidth: Double, fontSize: Double) -> String {
        if of(text, fontSize: fontSize) <= maxWidth { return text }
        let ellipsisWidth = of("…", fontSize: fontSize)
        var result = ""
        var used = 0.0
        if singleScalarWidths(text) != nil {
            // Every scalar a character: the same steps, without breaking the text into characters.
            for scalar in text.unicodeScalars {
                let w = Double(singleScalarWidth(scalar) ?? 0) / 1000 * fontSize * safetyFactor
                if used + w + ellipsisWidth > maxWidth { break }
                result.unicodeScalars.append(scalar)
                used += w
            }
        } else {
            for character in text {
                let w = Double(width(of: character)) / 1000 * fontSize * safetyFactor
                if used + w + ellipsisWidth > maxWidth { break }
                result.append(character)
                used += w
            }
        }
        while result.last == " " { result.removeLast() }
        return result + "…"
    }

    /// `text` split at spaces into at most `maxLines` lines of balanced width (the widest as narrow as
    /// possible). A label without spaces stays one line.
    static func wrap(_ text: String, maxLines: Int, fontSize: Double) -> [String] {
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard maxLines >= 2, words.count >= 2 else { return [text] }
        if maxLines == 2 || words.count == 2 {
            return bestSplit(words, fontSize: fontSize)
        }
        // Three lines: try every pair of break points (labels are short, so this stays cheap).
        var best = bestSplit(words, fontSize: fontSize)
        var bestWidth = widest(best, fontSize: fontSize)
        if words.count <= 40 {
            for i in 1..<(words.count - 1) {
                for j in (i + 1)..<words.count {
                    let lines = [words[0..<i], words[i..<j], words[j...]].map { $0.joined(separator: " ") }
                    let w = widest(lines, fontSize: fontSize)
                    if w < bestWidth - 0.01 {
                        best = lines
                        bestWidth = w
                    }
                }
            }
        }
        return best
    }

    /// `text` on at most `maxLines` lines of at most `maxWidth`, each filled with as many whole words as fit;
    /// what is left for the last line (or a word wider than a line) is shortened with “…”.
    package static func fill(_ text: String, maxLines: Int, maxWidth: Double, fontSize: Double) -> [String] {
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard maxLines > 1, words.count > 1 else { return [truncate(text, toWidth: maxWidth, fontSize: fontSize)] }
        var lines: [String] = []
        var rest = words[...]
        while let word = rest.first, lines.count < maxLines - 1 {
            var line = word
            rest = rest.dropFirst()
            while let next = rest.first, of(line + " " + next, fontSize: fontSize) <= maxWidth {
                line += " " + next
                rest = rest.dropFirst()
            }
            lines.append(truncate(line, toWidth: maxWidth, fontSize: fontSize))
        }
        if !rest.isEmpty { lines.append(truncate(rest.joined(separator: " "), toWidth: maxWidth, fontSize: fontSize)) }
        return lines
    }

    private static func bestSplit(_ words: [String], fontSize: Double) -> [String] {
        var best = [words.joined(separator: " ")]
        var bestWidth = Double.infinity
        for i in 1..<words.count {
            let lines = [words[..<i].joined(separator: " "), words[i...].joined(separator: " ")]
            let w = widest(lines, fontSize: fontSize)
            if w < bestWidth - 0.01 {
                best = lines
                bestWidth = w
            }
        }
        return best
    }

    static func widest(_ lines: [String], fontSize: Double) -> Double {
        lines.map { of($0, fontSize: fontSize) }.max() ?? 0
    }
}
