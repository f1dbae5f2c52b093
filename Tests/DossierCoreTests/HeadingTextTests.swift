import CCmark
import Testing
@testable import DossierModel
@testable import DossierCharts
@testable import DossierMarkdown
import Foundation

/// The ASCII shortcuts used for headings give what the general code gives.
@Suite struct HeadingTextTests {
    @Test func asciiSlugsMatchTheUnicodeCode() {
        var rng = SplitMix64(seed: 11)
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

    @Test func textHeadingsEscapeAsCmarkRendersThem() {
        var rng = SplitMix64(seed: 17)
        let pieces = ["a", "Partie 1", " ", "&", "<", ">", "\"", "'", "é", "\u{0301}", "’", "&amp;", "\\<", "x\u{0600}", "😀", "/", "1."]
        var compared = 0
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 1...6, using: &rng)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &rng)] }.joined()
            let options: Cmark.Options = [.smart]
            _ = Cmark.withDocument("## " + text + "\n", options: options) { document in
                guard let heading = document.firstChild, heading.type == CMARK_NODE_HEADING,
                      let literal = MarkdownRenderer.onlyText(of: heading), let fast = MarkdownRenderer.escapedText(literal) else { return }
                compared += 1
                #expect(fast == MarkdownRenderer.innerHTML(of: heading, level: 2, options: options), "\(Array(text.unicodeScalars))")
                #expect(literal == heading.plainText)
            }
        }
        #expect(compared > 1_000)
        #expect(MarkdownRenderer.escapedText("\u{0301}x") == nil)
        #expect(MarkdownRenderer.escapedText("a < \"b\" & c") == "a &lt; &quot;b&quot; &amp; c")
    }

    @Test func otherSeriesNamesOnBytes() {
        for name in ["Autres", " autres\t", "OTHER", "others\n", "Other s", "Autre", "", "x", "\u{0B}Others\u{0C}", "autres."] {
            #expect(ChartPalette.isOtherASCII(name) == {
                let key = name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
                return key == "autres" || key == "other" || key == "others"
            }(), "\(name)")
        }
        #expect(ChartPalette.isOtherASCII("Autres\u{00A0}") == nil)
    }
}
