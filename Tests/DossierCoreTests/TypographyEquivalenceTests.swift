import Testing
@testable import DossierMarkdown

/// The UTF-8 typography gives exactly what the scalar-by-scalar version gave (`ReferenceTypography`).
@Suite struct TypographyEquivalenceTests {
    /// Pieces that exercise every rule: punctuation, quotes of every kind, the three spaces, letters
    /// (ASCII, accented, decomposed, other scripts), digits, brackets, dashes, emoji.
    static let pieces: [String] = [
        "'", "\"", ";", ":", "!", "?", "«", "»", "\u{201C}", "\u{201D}", "\u{2019}", " ", "  ", "\u{00A0}", "\u{202F}",
        "\t", "\n", "a", "Z", "mot", "é", "e\u{0301}", "Ω", "日本", "٣", "5", "10", ".", ",", "…", "(", ")", "[", "]", "{", "}",
        "\u{2014}", "\u{2013}", "/", "https://x.org", "😀", "Ⅻ", "\u{2009}", "-", "%", "¼",
    ]

    static func randomText(_ rng: inout SplitMix64, maxPieces: Int) -> String {
        let count = Int.random(in: 0...maxPieces, using: &rng)
        return (0..<count).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &rng)] }.joined()
    }

    @Test func sameOutputAsTheScalarVersionOnRandomText() {
        var rng = SplitMix64(seed: 20_240_601)
        for _ in 0..<4_000 {
            var new = Typography(language: "fr")
            var old = ReferenceTypography(language: "fr")
            // A block of a few text pieces, with the events the renderer sends between them.
            for _ in 0..<Int.random(in: 1...6, using: &rng) {
                let text = Self.randomText(&rng, maxPieces: 12)
                switch Int.random(in: 0..<10, using: &rng) {
                case 0:
                    new.reset()
                    old.reset()
                case 1:
                    new.breakLine()
                    old.breakLine()
                case 2:
                    new.skip(text)
                    old.skip(text)
                    continue
                default:
                    break
                }
                let expected = old.correct(text)
                let actual = new.correct(text)
                #expect(actual == expected, "input \(Array(text.unicodeScalars))")
                #expect(Array(actual.utf8) == Array(expected.utf8))
                #expect(new.previous == old.previous, "input \(Array(text.unicodeScalars))")
            }
        }
    }

    @Test func byteEntryPointReportsWhetherTextChanged() {
        var typography = Typography(language: "fr")
        var output: [UInt8] = []
        var plain = "rien à changer ici"
        #expect(!plain.withUTF8 { typography.correct(utf8: $0, into: &output) })
        #expect(output.isEmpty)
        #expect(typography.previous == "i")
        // Work to look at, but nothing to change: a time, a URL, a narrow space already there.
        var unchanged = "à 10:30 sur https://x.org, Oui\u{202F}!"
        #expect(!unchanged.withUTF8 { typography.correct(utf8: $0, into: &output) })
        var changed = "Quoi ?"
        #expect(changed.withUTF8 { typography.correct(utf8: $0, into: &output) })
        #expect(String(decoding: output, as: UTF8.self) == "Quoi\u{202F}?")
    }

    @Test func mixedASCIIAndNonASCII() {
        var typography = Typography(language: "fr")
        #expect(typography.correct("Année : été ; café !") == "Année\u{202F}: été\u{202F}; café\u{202F}!")
        #expect(typography.correct("“Citation” et «autre»") == "«\u{202F}Citation\u{202F}» et «\u{202F}autre\u{202F}»")
        #expect(typography.correct("l'été d'Ω") == "l’été d’Ω")
        #expect(typography.correct("日本?") == "日本\u{202F}?")
    }

    @Test func textEndingWithPunctuationAndSpaces() {
        var typography = Typography(language: "fr")
        #expect(typography.correct("Fin :") == "Fin\u{202F}:")
        #expect(typography.previous == ":")
        #expect(typography.correct("mot \u{00A0} ?") == "mot\u{202F}?")
        #expect(typography.correct("« ") == "«\u{202F}")
        #expect(typography.previous == "\u{202F}")
        // The space after an opening guillemet in the next piece is kept (only the same piece's is eaten).
        #expect(typography.correct(" x »") == " x\u{202F}»")
    }

    @Test func quotesAcrossPieces() {
        var typography = Typography(language: "fr")
        #expect(typography.correct("Il dit \"oui") == "Il dit «\u{202F}oui")
        #expect(typography.correct("\" puis") == "\u{202F}» puis")
        typography.reset()
        #expect(typography.correct("x\"y") == "x\"y")
    }

    @Test func otherLanguagesAreUntouched() {
        var typography = Typography(language: "en")
        var output: [UInt8] = []
        var text = "Question: it's \"fine\"!"
        #expect(!text.withUTF8 { typography.correct(utf8: $0, into: &output) })
        #expect(typography.correct(text) == text)
    }
}
