import Foundation
import Testing
@testable import DossierModel
@testable import DossierMarkdown
@testable import DossierParse

/// Typographic punctuation in front-matter titles and summaries, in every language.
@Suite struct TitlePunctuationTests {
    func title(_ raw: String, language: String) -> String? {
        var diagnostics = Diagnostics()
        let text = "---\ntitle: '\(raw.replacingOccurrences(of: "'", with: "''"))'\nsummary: \"It's done...\"\n---\n"
        return SiteParser(options: BuildOptions()).parsePage(SourceFile(path: "content/a.md", bytes: Array(text.utf8)), language: language, diagnostics: &diagnostics)?.frontMatter.title
    }

    @Test func englishTitlesGetTypographicPunctuation() {
        #expect(title("Xiaomi's \"big\" deal -- and more...", language: "en") == "Xiaomi\u{2019}s \u{201C}big\u{201D} deal \u{2013} and more\u{2026}")
        #expect(title("'Quoted' --- then", language: "de") == "\u{2018}Quoted\u{2019} \u{2014} then")
        #expect(title("a-b", language: "en") == "a-b")
    }

    @Test func frenchTitlesKeepTheirSpacing() {
        #expect(title("L'accord \"secret\" -- enfin...", language: "fr") == "L\u{2019}accord «\u{202F}secret\u{202F}» \u{2013} enfin\u{2026}")
        #expect(title("Pourquoi ?", language: "fr") == "Pourquoi\u{202F}?")
        #expect(title("Why?", language: "en") == "Why?")
    }

    @Test func quotesReadTheCharactersAroundThemWhateverTheirLength() {
        // After an em dash (three bytes of UTF-8) a quote opens; after é (two) or an emoji (four) it closes.
        #expect(title("Il a dit —\"oui\"", language: "en") == "Il a dit —\u{201C}oui\u{201D}")
        #expect(title("café's 😀'", language: "en") == "café\u{2019}s 😀\u{2019}")
        // Before a no-break space, an apostrophe does not open.
        #expect(title("x '\u{00A0}y", language: "en") == "x \u{2019}\u{00A0}y")
        #expect(title("Été -- « déjà »... 😀", language: "fr") == "Été \u{2013} «\u{202F}déjà\u{202F}»\u{2026} 😀")
    }

    @Test func summariesToo() {
        var diagnostics = Diagnostics()
        let text = "---\ntitle: T\nsummary: \"It's done...\"\n---\n"
        let page = SiteParser(options: BuildOptions()).parsePage(SourceFile(path: "content/a.md", bytes: Array(text.utf8)), language: "en", diagnostics: &diagnostics)
        #expect(page?.frontMatter.summary == "It\u{2019}s done\u{2026}")
    }

    @Test func hyphenRunsFollowCmark() {
        func run(_ count: Int) -> String { String(String.UnicodeScalarView(SmartPunctuation.dashes(count: count))) }
        #expect(run(1) == "-")
        #expect(run(2) == "\u{2013}")
        #expect(run(3) == "\u{2014}")
        #expect(run(4) == "\u{2013}\u{2013}")
        #expect(run(5) == "\u{2014}\u{2013}")
        #expect(run(7) == "\u{2014}\u{2013}\u{2013}")
    }
}
