import Testing
import Foundation
@testable import DossierMarkdown
@testable import DossierModel

@Suite struct MarkdownRendererTests {
    let resolver = LinkResolver(
        pages: ["briefs/accord.md": "briefs/accord/", "briefs/nokia.md": "briefs/nokia/", "index.md": ""],
        drafts: ["briefs/brouillon.md"], portable: false)

    func render(_ markdown: String, language: String = "fr", unsafe: Bool = false, portable: Bool = false) -> RenderedMarkdown {
        let links = LinkResolver(pages: resolver.pages, drafts: resolver.drafts, portable: portable)
        return MarkdownRenderer(unsafeHTML: unsafe, language: language)
            .render(markdown, file: "content/briefs/accord.md", firstLine: 5, contentPath: "briefs/accord.md", urlPath: "briefs/accord/", links: links)
    }

    @Test func headingsGetUniqueStableIDs() {
        let result = render("## Le contenu\n\n## Le contenu\n\n### Autre titre {#autre}\n\n## Contenu\n")
        #expect(result.headings.map(\.id) == ["le-contenu", "le-contenu-1", "autre", "contenu-1"])
        #expect(result.html.contains("<h2 id=\"le-contenu\">Le contenu</h2>"))
        #expect(result.html.contains("<h3 id=\"autre\">Autre titre</h3>"))
        #expect(!result.html.contains("{#"))
    }

    @Test func headingMarkupIsKept() {
        let result = render("## Les *brevets* de `Nokia`\n")
        #expect(result.html.contains("<h2 id=\"les-brevets-de-nokia\">Les <em>brevets</em> de <code>Nokia</code></h2>"))
        #expect(result.headings.first?.text == "Les brevets de Nokia")
    }

    @Test func linksToMarkdownFilesAreRewritten() {
        let result = render("[a](nokia.md) [b](nokia.md#ventes) [c](../index.md) [d](/briefs/nokia.md) [e](https://example.org/x.md) [f](#local)")
        #expect(result.html.contains("<a href=\"../nokia/\">a</a>"))
        #expect(result.html.contains("<a href=\"../nokia/#ventes\">b</a>"))
        #expect(result.html.contains("<a href=\"../../\">c</a>"))
        #expect(result.html.contains("<a href=\"../nokia/\">d</a>"))
        #expect(result.html.contains("<a href=\"https://example.org/x.md\">e</a>"))
        #expect(result.anchorReferences.map(\.anchor) == ["ventes", "local"])
        #expect(result.anchorReferences.first?.targetPage == "briefs/nokia.md")
        #expect(result.diagnostics.items.isEmpty)
    }

    @Test func portableLinksNameIndexHTML() {
        let result = render("[a](nokia.md) [c](../index.md)", portable: true)
        #expect(result.html.contains("<a href=\"../nokia/index.html\">a</a>"))
        #expect(result.html.contains("<a href=\"../../index.html\">c</a>"))
    }

    @Test func brokenLinksAreErrorsWithLineAndColumn() {
        let result = render("Texte\n\nVoir [x](nokai.md) et [y](brouillon.md).\n")
        let errors = result.diagnostics.errors
        #expect(errors.count == 2)
        #expect(errors[0].line == 7 && errors[0].column == 6)
        #expect(errors[0].message.contains("did you mean \"nokia.md\"?"))
        #expect(errors[1].message.contains("is a draft"))
    }

    @Test func rawHTMLIsDroppedInSafeMode() {
        let result = render("<script>alert(1)</script>\n\nTexte <b onclick=\"x\">gras</b> [x](javascript:alert(1))\n")
        #expect(!result.html.contains("<script"))
        #expect(!result.html.contains("onclick"))
        #expect(!result.html.contains("javascript:"))
        #expect(result.html.contains("raw HTML omitted"))
    }

    @Test func rawHTMLPassesWhenUnsafe() {
        let result = render("<div class=\"x\">ok</div>\n", unsafe: true)
        #expect(result.html.contains("<div class=\"x\">ok</div>"))
    }

    @Test func frenchTypographyOnTextButNeverCode() {
        let result = render("Question : l'accord ? Oui! \"Citation\" `a : b 'c'`\n\n    code ; ici\n")
        #expect(result.html.contains("Question\u{202F}: l’accord\u{202F}? Oui\u{202F}! «\u{202F}Citation\u{202F}»"))
        #expect(result.html.contains("<code>a : b 'c'</code>"))
        #expect(result.html.contains("code ; ici"))
    }

    @Test func noFrenchRulesInEnglish() {
        let result = render("Question: it's \"fine\"!", language: "en")
        #expect(result.html.contains("Question: it’s “fine”!"))
    }
}

@Suite struct TypographyTests {
    func fr(_ text: String) -> String {
        var typography = Typography(language: "fr")
        return typography.correct(text)
    }

    @Test func narrowSpacesBeforeDoublePunctuation() {
        #expect(fr("Quoi ? Oui ! Ainsi : voilà ; fin") == "Quoi\u{202F}? Oui\u{202F}! Ainsi\u{202F}: voilà\u{202F}; fin")
        #expect(fr("Quoi?!") == "Quoi\u{202F}?!")
    }

    @Test func leavesTimesAndURLsAlone() {
        #expect(fr("à 10:30 sur https://x.org") == "à 10:30 sur https://x.org")
    }

    @Test func guillemetsGetNarrowSpaces() {
        #expect(fr("« Bonjour »") == "«\u{202F}Bonjour\u{202F}»")
        #expect(fr("«Bonjour»") == "«\u{202F}Bonjour\u{202F}»")
    }

    @Test func carriesContextAcrossTextPieces() {
        var typography = Typography(language: "fr")
        _ = typography.correct("Voir ceci")
        #expect(typography.correct("!") == "\u{202F}!")
    }
}

@Suite struct RelativeURLTests {
    @Test func linksBetweenPages() {
        #expect(RelativeURL.link(from: "briefs/accord/", to: "briefs/nokia/", portable: false) == "../nokia/")
        #expect(RelativeURL.link(from: "briefs/accord/", to: "", portable: false) == "../../")
        #expect(RelativeURL.link(from: "", to: "briefs/", portable: false) == "briefs/")
        #expect(RelativeURL.link(from: "", to: "", portable: false) == "./")
        #expect(RelativeURL.link(from: "", to: "", portable: true) == "index.html")
        #expect(RelativeURL.link(from: "briefs/", to: "briefs/accord/", portable: true) == "accord/index.html")
        #expect(RelativeURL.root(from: "briefs/accord/") == "../../")
        #expect(RelativeURL.root(from: "") == "")
    }

    @Test func percentEncodesFilePathsAsFoundationDoes() {
        let allowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: ";"))
        let ascii = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        for text in ascii + ["carte été.svg", "e\u{301}t\u{301}e\u{301}", "日本.csv", "a%20b;c", "🇫🇷 x?.png", ""] {
            #expect(RelativeURL.percentEncoded(Substring(text)) == text.addingPercentEncoding(withAllowedCharacters: allowed), "\(text.debugDescription)")
        }
        #expect(RelativeURL.file(from: "briefs/a/", to: "briefs/a/fig 1.svg") == "fig%201.svg")
        #expect(RelativeURL.file(from: "briefs/a/", to: "images/été.png") == "../../images/%C3%A9t%C3%A9.png")
    }

    @Test func normalizesPaths() {
        #expect(LinkResolver.normalize("../index.md", relativeTo: "briefs/a.md") == "index.md")
        #expect(LinkResolver.normalize("./b.md", relativeTo: "briefs/a.md") == "briefs/b.md")
        #expect(LinkResolver.normalize("../../x.md", relativeTo: "briefs/a.md") == nil)
    }
}

@Suite struct SuggestionTests {
    @Test func tiesAreBrokenByTheCandidateNotByOrder() {
        let candidates = ["briefs/accorf.md", "briefs/accord.md", "briefs/accore.md"]
        for order in [candidates, candidates.reversed(), [candidates[1], candidates[2], candidates[0]]] {
            #expect("briefs/accorx.md".closest(among: order)?.candidate == "briefs/accord.md")
            #expect(Set(order).count == 3 && "briefs/accorx.md".closest(among: Set(order))?.candidate == "briefs/accord.md")
        }
        #expect("a".closest(among: [String]()) == nil)
    }
}

@Suite struct BytePairTests {
    /// Against a plain scan, on texts of `[`, `^` and `a` of every length up to 7, so that pairs at
    /// the start, at the end and after a lone `[` are all seen.
    @Test func findsWhatAPlainScanFinds() {
        let alphabet: [UInt8] = Array("[^a".utf8)
        var texts: [[UInt8]] = [[]]
        for _ in 0..<7 {
            texts += texts.filter { $0.count == texts.last!.count }.flatMap { text in alphabet.map { text + [$0] } }
        }
        for text in texts {
            let plain = zip(text, text.dropFirst()).contains { $0 == UInt8(ascii: "[") && $1 == UInt8(ascii: "^") }
            let found = text.withUnsafeBufferPointer { BytePair.occurs(UInt8(ascii: "["), UInt8(ascii: "^"), in: $0) }
            #expect(found == plain, "\(String(decoding: text, as: UTF8.self))")
        }
    }
}
