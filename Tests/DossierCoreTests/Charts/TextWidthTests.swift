import Testing
@testable import DossierCharts

/// Text measuring read scalar by scalar gives what measuring character by character gave.
@Suite struct TextWidthTests {
    static func referenceOf(_ text: String, fontSize: Double) -> Double {
        var units = 0.0
        for character in text { units += Double(TextWidth.width(of: character)) }
        return units / 1000 * fontSize * TextWidth.safetyFactor
    }

    static func referenceTruncate(_ text: String, toWidth maxWidth: Double, fontSize: Double) -> String {
        if referenceOf(text, fontSize: fontSize) <= maxWidth { return text }
        let ellipsisWidth = referenceOf("…", fontSize: fontSize)
        var result = ""
        var used = 0.0
        for character in text {
            let w = Double(TextWidth.width(of: character)) / 1000 * fontSize * TextWidth.safetyFactor
            if used + w + ellipsisWidth > maxWidth { break }
            result.append(character)
            used += w
        }
        while result.last == " " { result.removeLast() }
        return result + "…"
    }

    static let pieces = ["a", "W", " ", "é", "Ç", "ß", "œ", "Æ", "\u{00A0}", "\u{202F}", "\u{2009}", "T3", "2017", "€", "−", "…", "’",
                         "e\u{0301}", "\u{0301}", "\u{00AD}", "日本", "한", "😀", "👍🏽", "🇫🇷", "\r\n", "\t", "ǅ", "ḁ", "Ω", "‰", "\u{200D}"]

    @Test func sameWidthsAsCharacterByCharacter() {
        var rng = SplitMix64(seed: 3)
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...10, using: &rng)).map { _ in Self.pieces[Int.random(in: 0..<Self.pieces.count, using: &rng)] }.joined()
            let size = [15.0, 16][Int.random(in: 0...1, using: &rng)]
            #expect(TextWidth.of(text, fontSize: size) == Self.referenceOf(text, fontSize: size), "\(Array(text.unicodeScalars))")
            let width = Double.random(in: 0...120, using: &rng)
            #expect(TextWidth.truncate(text, toWidth: width, fontSize: size) == Self.referenceTruncate(text, toWidth: width, fontSize: size))
        }
    }

    @Test func everyLatinScalarMeasuresAsItsCharacter() {
        for value in UInt32(0x20)..<0x2300 {
            guard let scalar = Unicode.Scalar(value), let width = TextWidth.singleScalarWidth(scalar) else { continue }
            #expect(width == TextWidth.width(of: Character(scalar)), "U+\(String(value, radix: 16))")
        }
        #expect(TextWidth.singleScalarWidth("\u{0301}") == nil)
        #expect(TextWidth.singleScalarWidth("\u{00AD}") == nil)
        #expect(TextWidth.of("Année T3\u{00A0}2017", fontSize: 16) == Self.referenceOf("Année T3\u{00A0}2017", fontSize: 16))
    }
}
