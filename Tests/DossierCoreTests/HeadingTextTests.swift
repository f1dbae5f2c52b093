import Testing
@testable import DossierCore

/// The ASCII shortcuts used for headings give what the general code gives.
@Suite struct HeadingTextTests {
    @Test func asciiSlugsMatchTheUnicodeCode() {
        var rng = TypographyEquivalenceTests.SplitMix(state: 11)
        for _ in 0..<5_000 {
            let text = String(decoding: (0..<Int.random(in: 0...20, using: &rng)).map { _ in UInt8.random(in: 0..<0x80, using: &rng) }, as: UTF8.self)
            #expect(Slug.makeASCII(text) == Slug.makeUnicode(text), "\(Array(text.utf8))")
        }
        #expect(Slug.makeASCII("Partie 1 -- Les Brevets!") == "partie-1-les-brevets")
        #expect(Slug.makeASCII("l’accord") == nil)
        #expect(Slug.make("L’accord du 5 juillet") == "l-accord-du-5-juillet")
    }

    @Test func trimmingMatchesFoundation() {
        let samples = ["", " ", "Partie 1", " Partie 1", "Partie 1\t", "\u{00A0}x\u{202F}", "é", "x é", "a\u{3000}", "\u{2003}b", "a\n", "ok"]
        for text in samples {
            #expect(MarkdownRenderer.trimmingWhitespace(text) == text.trimmingCharacters(in: .whitespaces), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func explicitIDsAreStillRead() {
        let renderer = MarkdownRenderer(unsafeHTML: false, language: "fr")
        let links = LinkResolver(pages: [:], drafts: [], portable: false)
        let result = renderer.render("## Titre {#mon-id}\n\n## Sans {accolade\n\n## Fin }\n", file: "x.md", firstLine: 1, contentPath: "x.md", urlPath: "x/", links: links)
        #expect(result.headings.map(\.id) == ["mon-id", "sans-accolade", "fin"])
    }
}
