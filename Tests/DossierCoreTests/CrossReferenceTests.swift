import Foundation
import Testing
@testable import DossierModel
@testable import DossierMarkdown
@testable import DossierData
@testable import DossierFigures
@testable import DossierRender

/// Citations of a page's sources (`[@id]`), numbered figures and tables, and references to
/// them (`[@fig:id]`, `[@tbl:id]`).
@Suite struct CrossReferenceTests {
    static let parts: Dataset? = {
        var diagnostics = Diagnostics()
        let csv = SourceFile(path: "content/data/parts.csv", bytes: Array("annee,part\n2016,8.9\n2017,12.4\n".utf8))
        return DatasetParser.parseDataset(name: "parts", data: csv, metadata: nil, diagnostics: &diagnostics)
    }()

    static func render(_ markdown: String, sources: [String] = [], language: String = "fr", numbered: Bool = true) -> RenderedMarkdown {
        let config = SiteConfig(language: language, numbered: numbered)
        let renderer = MarkdownRenderer(unsafeHTML: false, language: language, extensions: DataExtensions(datasets: parts.map { [$0] } ?? [], config: config),
                                        strings: InterfaceStrings.table(for: config), numbered: numbered)
        let links = LinkResolver(pages: ["a.md": "a/"], drafts: [], portable: false)
        return renderer.render(markdown, file: "content/a.md", firstLine: 5, contentPath: "a.md", urlPath: "a/", links: links, sources: sources)
    }

    static let chart = "```chart\ntype: bar\ndata: parts\nx: annee\ny: part\nid: parts\ntitle: Part de Xiaomi\n```\n"
    static let table = "```table\ndata: parts\nid: detail\ntitle: Les parts\n```\n"

    @Test func citationsAreNumberedInTheOrderOfFirstCitation() {
        let rendered = Self.render("Selon Reuters [@reuters] et IDC [@idc; @reuters].\n\nEncore [@idc].\n", sources: ["idc", "reuters", "afp"])
        #expect(rendered.diagnostics.items.isEmpty, "\(rendered.diagnostics.sorted)")
        #expect(rendered.html.contains("Selon Reuters\u{00A0}<span class=\"citation\">[<a href=\"#source-reuters\" id=\"cite-reuters-1\">1</a>]</span>"),
                "\(rendered.html)")
        #expect(rendered.html.contains("[<a href=\"#source-idc\" id=\"cite-idc-1\">2</a>, <a href=\"#source-reuters\" id=\"cite-reuters-2\">1</a>]"))
        #expect(rendered.html.contains("<a href=\"#source-idc\" id=\"cite-idc-2\">2</a>"))
        #expect(rendered.citations == [CitedSource(id: "reuters", number: 1, count: 2), CitedSource(id: "idc", number: 2, count: 2)])
    }

    @Test func figuresAndTablesAreNumberedAndReferencedWithTheirWord() {
        let markdown = "[@fig:parts] montre la hausse ; le [@tbl:detail] et le [@tbl:main] la détaillent.\n\n" + Self.chart + "\n" + Self.table
            + "\nTableau : Saisi à la main {#main}\n\n| Année | Part |\n| --- | --- |\n| 2017 | 12,4 |\n"
        let rendered = Self.render(markdown)
        #expect(rendered.diagnostics.items.isEmpty, "\(rendered.diagnostics.sorted)")
        let html = rendered.html
        #expect(html.hasPrefix("<p><a href=\"#fig-parts\" class=\"cross-reference\">Figure\u{00A0}1</a> montre"), "\(html)")
        #expect(html.contains("le <a href=\"#tbl-detail\" class=\"cross-reference\">tableau\u{00A0}1</a>"))
        #expect(html.contains("le <a href=\"#tbl-main\" class=\"cross-reference\">tableau\u{00A0}2</a>"))
        #expect(html.contains("<figure class=\"figure figure-chart figure-bar\" id=\"fig-parts\">\n<p class=\"figure-title\"><span class=\"figure-number\">Figure\u{00A0}1</span> — Part de Xiaomi</p>"))
        #expect(html.contains("<figure class=\"figure figure-table\" id=\"tbl-detail\">\n<p class=\"figure-title\"><span class=\"figure-number\">Tableau\u{00A0}1</span> — Les parts</p>"))
        #expect(html.contains("<table id=\"tbl-main\">\n<caption id=\"table-caption-1\"><span class=\"figure-number\">Tableau\u{00A0}2</span> — Saisi à la main</caption>"))
        #expect(!html.contains("{#main}"))
        #expect(rendered.figures.map(\.kind) == [.figure, .table, .table])
        #expect(rendered.figures.map(\.number) == [1, 1, 2])
        #expect(rendered.figures.first?.title == "Part de Xiaomi")
        #expect(rendered.figures.first?.datasets == ["parts"])
    }

    @Test func withoutNumbersAReferenceNamesTheFiguresTitle() {
        let rendered = Self.render("Voir [@fig:parts].\n\n" + Self.chart, numbered: false)
        #expect(rendered.html.contains("Voir <a href=\"#fig-parts\" class=\"cross-reference\">Part de Xiaomi</a>."), "\(rendered.html)")
        #expect(rendered.html.contains("<p class=\"figure-title\">Part de Xiaomi</p>"))
        #expect(!rendered.html.contains("figure-number"))
    }

    @Test func englishWordsInAnEnglishSite() {
        let rendered = Self.render("As [@fig:parts] shows.\n\n" + Self.chart, language: "en")
        #expect(rendered.html.contains("As <a href=\"#fig-parts\" class=\"cross-reference\">figure\u{00A0}1</a> shows."), "\(rendered.html)")
    }

    @Test func referencesInCodeAndLinksStayText() {
        let rendered = Self.render("`[@idc]` et [voir [@idc]](https://example.org)\n\n    [@idc]\n", sources: ["idc"])
        #expect(rendered.diagnostics.items.isEmpty, "\(rendered.diagnostics.sorted)")
        #expect(!rendered.html.contains("citation"))
        #expect(rendered.citations.isEmpty)
    }

    @Test func headingsDoNotTakeTheIDsOfFigures() {
        let rendered = Self.render("## Fig parts\n\n" + Self.chart)
        #expect(rendered.headings.first?.id == "fig-parts-1", "\(rendered.headings)")
    }

    static let mistakes: [(markdown: String, message: String)] = [
        ("Voir [@idk].\n", "content/a.md:5:6: error: citation [@idk]: no source of this page has the id \"idk\"; did you mean \"idc\"?"),
        ("Voir [@fig:part].\n\n" + chart, "content/a.md:5:6: error: reference [@fig:part]: no chart of this page has the id \"part\"; did you mean \"parts\"?"),
        ("Voir [@tbl:x].\n", "content/a.md:5:6: error: reference [@tbl:x]: no table of this page has the id \"x\""),
        ("Voir [@idc; @fig:parts].\n\n" + chart, "content/a.md:5:6: error: a reference to a figure or a table names one of them alone"),
        ("Voir [@idc\n", "content/a.md:5:6: error: `[@` is not closed by `]`"),
        ("Voir [@idc,@x].\n", "content/a.md:5:6: error: names are separated by `;`"),
        (chart + "\n" + chart, "content/a.md:19:1: error: chart id \"parts\" is already used on this page (line 10)"),
    ]

    @Test(arguments: mistakes) func aMistakeIsAnErrorWithItsPosition(markdown: String, message: String) {
        let rendered = Self.render(markdown, sources: ["idc"])
        let messages = rendered.diagnostics.sorted.map(\.description)
        #expect(messages.contains { $0.hasPrefix(message) }, "\(messages)")
    }

    @Test func aPageWithoutSourceIDsSaysHowToGiveOne() {
        let messages = Self.render("Voir [@idc].\n").diagnostics.sorted.map(\.description)
        #expect(messages == ["content/a.md:5:6: error: citation [@idc]: no source of this page has an `id`; give the source it cites `id: idc` in the front matter's `sources`"])
    }

    @Test(arguments: ["[@", "[@]", "[@ x]", "a [@@] b", "[@a;", "[@a; ]", "[@fig:]", "[@" + String(repeating: "a", count: 100_000),
                      String(repeating: "[@a] ", count: 10_000), "[^n] [@a]\n\n[^n]: [@a] [@fig:x]\n", "| [@a |\n| --- |\n| [@a] |\n"])
    func hostileReferencesRenderWithoutCrashing(markdown: String) {
        _ = Self.render(markdown, sources: ["a"])
    }
}

/// A report whose page has a pipe table, a footnote, citations and numbered figures, built end to end.
@Suite struct CrossReferenceBuildTests {
    static let files: [String: String] = [
        "content/data/parts.csv": "annee,part\n2016,8.9\n2017,12.4\n",
        "content/data/parts.yaml": "title: Parts\nsource: Counterpoint\n",
        "content/briefs/chine.md": page("Chine", """
            Selon IDC [@idc], la [@fig:parts] le montre[^n] ; le [@tbl:main] aussi.

            ```chart
            type: line
            data: parts
            x: annee
            y: part
            id: parts
            title: Part de Xiaomi
            ```

            Tableau : Les parts {#main}

            | Année | Part |
            | --- | --- |
            | 2017 | 12,4 [@afp] |

            [^n]: Une note.
            """, extra: "sources:\n  - title: Jamais citée\n  - id: afp\n    title: AFP\n  - id: idc\n    title: IDC\n    lang: en\n"),
    ]

    @Test func thePageTheHomeAndTheDataPagesShowTheFiguresAndCitations() throws {
        let site = try TestSite(Self.files, templates: false)
        defer { site.cleanUp() }
        let diagnostics = try site.buildAndWrite()
        #expect(!diagnostics.hasErrors, "\(diagnostics.sorted)")
        let html = try site.read("briefs/chine/index.html")
        #expect(html.contains("Selon IDC\u{00A0}<span class=\"citation\">[<a href=\"#source-idc\" id=\"cite-idc-1\">1</a>]</span>, la <a href=\"#fig-parts\" class=\"cross-reference\">figure\u{00A0}1</a> le montre<sup class=\"footnote-ref\">"))
        #expect(html.contains("<p class=\"figure-title\"><span class=\"figure-number\">Figure\u{00A0}1</span> — Part de Xiaomi</p>"))
        #expect(html.contains("<caption id=\"table-caption-1\"><span class=\"figure-number\">Tableau\u{00A0}1</span> — Les parts</caption>"))
        #expect(html.contains("<section class=\"footnotes\""))
        // The cited sources first, by number, each with a link back; then the others.
        let idc = try #require(html.range(of: "<li class=\"source\" id=\"source-idc\"><span class=\"source-title\" lang=\"en\">IDC</span> <a href=\"#cite-idc-1\" class=\"source-back\" aria-label=\"Retour au texte, citation 1\">↩</a></li>"))
        let afp = try #require(html.range(of: "<li class=\"source\" id=\"source-afp\">"))
        let other = try #require(html.range(of: "<li class=\"source\"><span class=\"source-title\">Jamais citée</span></li>"))
        #expect(idc.lowerBound < afp.lowerBound && afp.lowerBound < other.lowerBound)
        #expect(ContextBuilder.letter(1) == "a" && ContextBuilder.letter(26) == "z" && ContextBuilder.letter(27) == "aa")
        #expect(try site.read("index.html").contains("<li><a href=\"briefs/chine/#fig-parts\">Part de Xiaomi</a><span class=\"figure-list-page\"> — Chine, Figure\u{00A0}1</span></li>"))
        #expect(try site.read("data/parts/index.html").contains("<li><a href=\"../../briefs/chine/#fig-parts\">Part de Xiaomi</a>"))
        #expect(try site.read("data/index.html").contains("<a href=\"../briefs/chine/#fig-parts\">Part de Xiaomi</a>"))
    }

    @Test func numberedFalseInSiteYAMLLeavesTheNumbersOut() throws {
        var files = Self.files
        files["content/site.yaml"] = "title: Essai\nlanguage: fr\nnumbered: false\n"
        let site = try TestSite(files, templates: false)
        defer { site.cleanUp() }
        let diagnostics = try site.buildAndWrite()
        #expect(!diagnostics.hasErrors, "\(diagnostics.sorted)")
        let html = try site.read("briefs/chine/index.html")
        #expect(!html.contains("figure-number"))
        #expect(html.contains("la <a href=\"#fig-parts\" class=\"cross-reference\">Part de Xiaomi</a> le montre"))
        #expect(html.contains("le <a href=\"#tbl-main\" class=\"cross-reference\">Les parts</a> aussi"))
    }
}
