import Foundation
import Testing
@testable import DossierMarkdown
@testable import DossierModel

/// GitHub-flavoured Markdown through cmark-gfm: the extensions as cmark-gfm renders them, and what
/// the site adds (table captions, number alignment, footnotes in the site's words).
@Suite struct GFMTests {
    static func render(_ markdown: String, language: String = "en") -> RenderedMarkdown {
        let renderer = MarkdownRenderer(unsafeHTML: false, language: language)
        let links = LinkResolver(pages: ["a.md": "a/"], drafts: [], portable: false)
        return renderer.render(markdown, file: "content/a.md", firstLine: 5, contentPath: "a.md", urlPath: "a/", links: links)
    }

    /// cmark-gfm's own HTML with what the site changes on purpose: each table in its scrolling box,
    /// each task's checkbox named.
    static func expected(_ markdown: String) -> String {
        var html = Cmark.referenceHTML(markdown, options: MarkdownRenderer(unsafeHTML: false, language: "en").options)
        html = html.replacingOccurrences(of: "<table>\n", with: "<div class=\"table-scroll\" tabindex=\"0\">\n<table>\n")
        html = html.replacingOccurrences(of: "</table>\n", with: "</table>\n</div>\n")
        html = html.replacingOccurrences(of: "<input type=\"checkbox\" checked=\"\" disabled=\"\" />", with: "<input type=\"checkbox\" disabled=\"\" checked=\"\" aria-label=\"Done\" />")
        html = html.replacingOccurrences(of: "<input type=\"checkbox\" disabled=\"\" />", with: "<input type=\"checkbox\" disabled=\"\" aria-label=\"To do\" />")
        return html
    }

    /// Cases written after the GFM spec's sections on tables, strikethrough, autolinks and task lists.
    static let extensionCases: [String] = [
        // Tables
        "| name | kind |\n| --- | --- |\n| cmark | library |\n",
        "| left | centre | right |\n|:-----|:------:|------:|\n| a | b | c |\n",
        "| a \\| b | c |\n| --- | --- |\n| `x \\| y` | **z** |\n",
        "| a | b |\n| --- | --- |\n| one | two |\nnot a row > quote\n\ntext after\n",
        "| a | b |\n| --- | --- |\n| one |\n| one | two | three |\n",
        "| a | b |\n| -- |\n| x |\n",
        "| head |\n| --- |\n",
        "a | b\n--- | ---\nc | d\n",
        "| a |\n| --- |\n| *emph* and [a link](https://example.org) |\n",
        "> | quoted | table |\n> | --- | --- |\n> | x | y |\n",
        // Strikethrough
        "~~struck~~ text\n",
        "~~two\nlines~~\n",
        "a ~single~ tilde stays\n",
        "~~~\ncode, not struck\n~~~\n",
        "**~~both~~**\n",
        // Autolinks
        "www.example.org\n",
        "Visit www.example.org/path?x=1, then https://example.org/a_(b).\n",
        "mail foo@example.org please\n",
        "http://example.org/<script>\n",
        "(www.example.org/a)\n",
        // Task lists
        "- [ ] to do\n- [x] done\n",
        "- [x] done\n  - [ ] nested\n",
        "1. [X] upper case\n2. [ ] open\n",
        "- [ ]not a task\n",
    ]

    @Test(arguments: extensionCases) func extensionsRenderAsCmarkGFMDoes(markdown: String) {
        let rendered = Self.render(markdown)
        #expect(rendered.diagnostics.items.isEmpty, "\(rendered.diagnostics.sorted)")
        #expect(rendered.html == Self.expected(markdown))
    }

    @Test func aCaptionParagraphBecomesTheTablesCaptionAndNumbersAlignRight() {
        let markdown = "Table: Ventes *par année*\n\n| Année | Ventes | Pays |\n| --- | --- | --- |\n| 2016 | 1 200,5 | Chine |\n| 2017 | −3 % | Inde |\n"
        let html = Self.render(markdown, language: "fr").html
        #expect(html.hasPrefix("<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"table-caption-1\" tabindex=\"0\">\n<table>\n<caption id=\"table-caption-1\"><span class=\"figure-number\">Tableau\u{00A0}1</span> — Ventes <em>par année</em></caption>\n"), "\(html)")
        #expect(html.contains("<th style=\"text-align: right\">Ventes</th>"))
        #expect(html.contains("<td style=\"text-align: right\">1 200,5</td>"))
        #expect(html.contains("<th>Pays</th>"), "a text column keeps no alignment")
        #expect(!html.contains("<p>Table"))
    }

    @Test func generatedMarkupWorksInCellsAndAuthorsHTMLStaysOut() {
        let markdown = "| a | b |\n| --- | --- |\n| note[^n] | <b>raw</b> [x](javascript:alert(1)) |\n\n[^n]: La note.\n"
        let rendered = Self.render(markdown)
        #expect(rendered.diagnostics.items.isEmpty, "\(rendered.diagnostics.sorted)")
        #expect(rendered.html.contains("<td>note<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\">1</a></sup></td>"), "\(rendered.html)")
        #expect(rendered.html.contains("<!-- raw HTML omitted -->raw<!-- raw HTML omitted -->"))
        #expect(rendered.html.contains("<a href=\"\">x</a>"))
        #expect(!rendered.html.contains("javascript"))
        #expect(rendered.html.contains("<li id=\"fn-1\">"))
    }

    @Test func frenchTypographyAppliesInCellsAndNotesButNotInCode() {
        let markdown = "| Question | Code |\n| --- | --- |\n| Pourquoi ? | `a ? b : c` |\n\nTexte[^n].\n\n[^n]: « Note » : oui !\n"
        let html = Self.render(markdown, language: "fr").html
        #expect(html.contains("<td>Pourquoi\u{202F}?</td>"))
        #expect(html.contains("<code>a ? b : c</code>"))
        #expect(html.contains("«\u{202F}Note\u{202F}»\u{202F}: oui\u{202F}!"))
    }

    @Test func footnotesAreNumberedInCitationOrderWithLinksBackInTheSitesWords() {
        let markdown = "First[^b] then[^a] and again[^b].\n\n[^a]: Note A.\n[^b]: Note B.\n"
        let html = Self.render(markdown, language: "fr").html
        #expect(html.contains("First<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\">1</a></sup>"))
        #expect(html.contains("then<sup class=\"footnote-ref\"><a href=\"#fn-2\" id=\"fnref-2\">2</a></sup>"))
        #expect(html.contains("again<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1-2\">1</a></sup>"))
        #expect(html.hasSuffix("""
            <section class="footnotes" aria-labelledby="footnotes-title">
            <h2 id="footnotes-title">Notes</h2>
            <ol>
            <li id="fn-1">
            <p>Note B. <a href="#fnref-1" class="footnote-back" aria-label="Retour au texte, appel 1">↩</a> <a href="#fnref-1-2" class="footnote-back" aria-label="Retour au texte, appel 1.2">↩</a></p>
            </li>
            <li id="fn-2">
            <p>Note A. <a href="#fnref-2" class="footnote-back" aria-label="Retour au texte, appel 2">↩</a></p>
            </li>
            </ol>
            </section>

            """), "\(html)")
    }

    @Test func anUndefinedOrUnusedFootnoteIsAnErrorWithItsPosition() {
        let markdown = "Text[^missing] here.\n\n[^unused]: Never cited.\n\n```\n[^code]: not a note\n```\n"
        let messages = Self.render(markdown).diagnostics.sorted.map(\.description)
        #expect(messages == [
            "content/a.md:5:5: error: footnote [^missing] is not defined: add a line `[^missing]: the note` to the page",
            "content/a.md:7:1: error: footnote [^unused] is never cited: cite it with [^unused] in the text, or remove it",
        ])
    }

    /// Inputs that must give cmark-gfm's documented behaviour or a clear error, never a crash.
    static let hostileCases: [String] = [
        "| a | b |\n| --- | --- |\n" + String(repeating: "| 1 |\n| 1 | 2 | 3 | 4 |\n", count: 50),
        "| a | b |\n| c | d |\n",
        "|" + String(repeating: " x |", count: 10_000) + "\n|" + String(repeating: " --- |", count: 10_000) + "\n",
        "- item[^a]\n\n  [^a]: defined in a list\n\n> quote[^b]\n>\n> [^b]: defined in a quote\n",
        "Self[^s].\n\n[^s]: cites itself[^s].\n",
        "[^a]: loop[^b]\n[^b]: loop[^a]\n\nText[^a].\n",
        "Unterminated [@ citation and [^ note and [^\n",
        "[^]: empty label\n\n[^ spaced]: label\n",
    ]

    @Test(arguments: hostileCases) func hostileMarkdownRendersWithoutCrashing(markdown: String) {
        let rendered = Self.render(markdown)
        #expect(!rendered.html.isEmpty || !rendered.diagnostics.items.isEmpty)
    }

    @Test func aHundredThousandRowTableRenders() {
        let rows = String(repeating: "| 1 | x |\n", count: 100_000)
        let html = Self.render("| n | t |\n| --- | --- |\n" + rows).html
        #expect(html.components(separatedBy: "<tr>").count == 100_002)
        #expect(html.contains("<td style=\"text-align: right\">1</td>"))
    }
}
