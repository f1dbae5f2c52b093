import Foundation
import Testing
@testable import DossierModel
@testable import DossierTheme
@testable import DossierBuild

/// End-to-end: fixture sites built into a temporary folder, checked file by file.
@Suite struct BuildTests {
    static let report: [String: String] = [
        "content/index.md": page("Accueil", "Lire [l'accord](briefs/accord.md#le-contenu).\n"),
        "content/briefs/index.md": page("Analyses", "Les analyses du dossier.\n", extra: "summary: Toutes les analyses\n"),
        "content/briefs/accord.md": page("L'accord", """
            ## Le contenu

            Voir [Nokia](nokia.md) et [l'accueil](../index.md).

            ## Ce qui n'a pas été dit
            """, extra: "date: 2017-07-05\nweight: 1\nsources:\n  - title: Reuters\n    url: https://www.reuters.com/a\n"),
        "content/briefs/nokia.md": page("Nokia", "## Ventes\n", extra: "date: 2017-05-23\nweight: 2\n"),
        "content/a-propos.md": page("À propos", "Méthode.\n"),
    ]

    @Test func writesEveryPageAndAsset() throws {
        let site = try TestSite(Self.report)
        defer { site.cleanUp() }
        let diagnostics = try site.buildAndWrite()
        #expect(!diagnostics.hasErrors, "\(diagnostics.sorted)")
        // The web fonts are there when tools/fonts.py ran before the build (docs/typography.md).
        let fonts = BuiltinTheme.hasFonts
            ? ["assets/fonts/LICENSE.txt", "assets/fonts/dossier-serif-bold.woff2", "assets/fonts/dossier-serif-italic.woff2",
               "assets/fonts/dossier-serif-regular.woff2"] : []
        #expect(site.outputFiles() == [
            ".dossier", "404.html", "a-propos/index.html", "assets/favicon.svg", "assets/fonts.css",
        ] + fonts + [
            "assets/style.css", "briefs/accord/index.html", "briefs/index.html", "briefs/nokia/index.html", "index.html",
        ])
    }

    @Test func rewritesLinksAndNavigation() throws {
        let site = try TestSite(Self.report)
        defer { site.cleanUp() }
        try site.buildAndWrite()
        let accord = try site.read("briefs/accord/index.html")
        #expect(accord.contains("<a href=\"../nokia/\">Nokia</a>"))
        #expect(accord.contains("<a href=\"../../\">l’accueil</a>"))
        #expect(accord.contains("href=\"../../assets/style.css\""))
        #expect(accord.contains("<a rel=\"next\" href=\"../nokia/\">Nokia</a>"))
        #expect(accord.contains("<li class=\"l2\"><a href=\"#le-contenu\">Le contenu</a></li>"))
        #expect(accord.contains("<h1>L’accord</h1>"))
        #expect(accord.contains("<a href=\"https://www.reuters.com/a\">Reuters</a>"))
        #expect(accord.contains("<time>5\u{00A0}juillet 2017</time>"))
        #expect(accord.contains("<a href=\"../\" class=\"active\">Analyses</a>"))
        #expect(try site.read("briefs/index.html").contains("<a href=\"./\" class=\"active\" aria-current=\"page\">Analyses</a>"))
        let home = try site.read("index.html")
        #expect(home.contains("<a href=\"briefs/accord/#le-contenu\">l’accord</a>"))
        #expect(home.contains("<a class=\"card\" href=\"briefs/accord/\">L’accord</a><a class=\"card\" href=\"briefs/nokia/\">Nokia</a>"))
        let section = try site.read("briefs/index.html")
        #expect(section.contains("<h1>Analyses</h1><p>Les analyses du dossier.</p>"))
    }

    @Test func portableBuildNamesIndexFiles() throws {
        let site = try TestSite(Self.report)
        defer { site.cleanUp() }
        try site.buildAndWrite(BuildOptions(portable: true))
        let accord = try site.read("briefs/accord/index.html")
        #expect(accord.contains("<a href=\"../nokia/index.html\">Nokia</a>"))
        #expect(accord.contains("<a href=\"../../index.html\">l’accueil</a>"))
    }

    @Test func noURLStartsAtTheDomainRoot() throws {
        let site = try TestSite(Self.report)
        defer { site.cleanUp() }
        try site.buildAndWrite()
        for path in site.outputFiles() where path.hasSuffix(".html") {
            let html = try site.read(path)
            #expect(!html.contains("href=\"/"), "\(path)")
            #expect(!html.contains("src=\"/"), "\(path)")
        }
    }

    @Test func feedAndSitemapOnlyWithBaseURL() throws {
        let site = try TestSite(Self.report, siteYAML: "title: Essai\nlanguage: fr\nbase_url: https://example.org/rapport\n")
        defer { site.cleanUp() }
        try site.buildAndWrite()
        let feed = try site.read("feed.xml")
        #expect(feed.contains("<id>https://example.org/rapport/briefs/accord/</id>"))
        #expect(feed.contains("<updated>2017-07-05T00:00:00Z</updated>"))
        #expect(feed.range(of: "briefs/accord/")!.lowerBound < feed.range(of: "briefs/nokia/")!.lowerBound)
        let sitemap = try site.read("sitemap.xml")
        #expect(sitemap.contains("<loc>https://example.org/rapport/briefs/nokia/</loc><lastmod>2017-05-23</lastmod>"))

        let plain = try TestSite(Self.report)
        defer { plain.cleanUp() }
        try plain.buildAndWrite()
        #expect(!plain.outputFiles().contains("feed.xml"))
        #expect(!plain.outputFiles().contains("sitemap.xml"))
    }

    /// A title or summary holding U+FFFE or U+FFFF (or a C0 control) made feed.xml not
    /// well-formed: XML 1.0 has no such characters, and they are dropped.
    @Test func feedAndSitemapAreWellFormedWhateverTheTitles() throws {
        var files = Self.report
        // YAML refuses the characters written as they are, but not escaped in a quoted string.
        files["content/briefs/accord.md"] = page(#""L'accord\uFFFE \uFFFF""#, "## Le contenu\n",
                                                extra: "date: 2017-07-05\n" + #"summary: "R\uFFFFésumé\u0007 \uFFFD""# + "\n")
        let site = try TestSite(files, siteYAML: #"title: "Essai\uFFFE""# + "\nlanguage: fr\nbase_url: https://example.org/r/\n")
        defer { site.cleanUp() }
        let diagnostics = try site.buildAndWrite()
        #expect(!diagnostics.hasErrors, "\(diagnostics.sorted)")
        let feed = try site.read("feed.xml")
        #expect(feed.contains("<title>L’accord </title>") || feed.contains("<title>L'accord </title>"), "\(feed)")
        #expect(feed.contains("<title>Essai</title>"), "\(feed)")
        #expect(feed.contains("<summary>Résumé \u{FFFD}</summary>"), "\(feed)")
        for name in ["feed.xml", "sitemap.xml"] {
            let xml = try site.read(name)
            #expect(SVGInspector.parse(xml) != nil, "\(name) is not well-formed: \(xml)")
            #expect(!xml.unicodeScalars.contains { $0.value == 0xFFFE || $0.value == 0xFFFF || ($0.value < 0x20 && $0 != "\n") })
        }
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let site = try TestSite(Self.report, siteYAML: "title: Essai\nlanguage: fr\nbase_url: https://example.org/\n")
        defer { site.cleanUp() }
        try site.buildAndWrite()
        let first = try site.snapshot()
        try site.buildAndWrite()
        #expect(try site.snapshot() == first)
    }

    @Test func failedBuildLeavesOutputUntouched() throws {
        let site = try TestSite(Self.report)
        defer { site.cleanUp() }
        try site.buildAndWrite()
        let before = try site.snapshot()
        try site.write("content/briefs/accord.md", page("L'accord", "[cassé](absent.md)\n"))
        let diagnostics = try site.buildAndWrite()
        #expect(diagnostics.hasErrors)
        #expect(try site.snapshot() == before)
    }

    @Test func reportsEveryErrorWithFileAndLine() throws {
        let site = try TestSite([
            "content/index.md": page("Accueil", "\n\nVoir [x](absent.md).\n"),
            "content/briefs/a.md": "---\ndate: 2017-13-01\n---\n",
            "content/briefs/b.md": page("B", "[y](a.md#nulle-part)\n"),
            "content/briefs/c.md": "pas de front matter\n",
        ])
        defer { site.cleanUp() }
        let result = site.build()
        #expect(result.site == nil)
        #expect(result.diagnostics.sorted.map(\.description) == [
            "content/briefs/a.md:1:1: error: front matter has no `title` (every page needs one, e.g. `title: L’accord`)",
            "content/briefs/a.md:2:7: error: `date` must be a calendar date written YYYY-MM-DD, found \"2017-13-01\"",
            "content/briefs/c.md:1:1: error: page has no front matter: start the file with a `---` line, then `title: …`, then `---`",
            "content/index.md:6:6: error: link to \"absent.md\": no page content/absent.md",
        ])
    }

    @Test func missingAnchorIsAnError() throws {
        let site = try TestSite([
            "content/index.md": page("Accueil", "[x](briefs/a.md#ventes) [y](#haut)\n"),
            "content/briefs/a.md": page("A", "## Vente\n"),
        ])
        defer { site.cleanUp() }
        let errors = site.build().diagnostics.sorted.map(\.description)
        #expect(errors == [
            "content/index.md:4:1: error: link to missing anchor \"#ventes\" on content/briefs/a.md; did you mean \"#vente\"?",
            "content/index.md:4:25: error: link to missing anchor \"#haut\" on content/index.md",
        ])
    }

    @Test func duplicateOutputPathNamesBothFiles() throws {
        let site = try TestSite([
            "content/briefs/accord.md": page("A"),
            "content/briefs/autre.md": page("B", extra: "slug: accord\n"),
        ])
        defer { site.cleanUp() }
        let errors = site.build().diagnostics.errors
        #expect(errors.count == 1)
        #expect(errors.first?.file == "content/briefs/autre.md")
        #expect(errors.first?.message.contains("content/briefs/accord.md") == true)
        #expect(errors.first?.message.contains("briefs/accord/index.html") == true)
    }

    @Test func draftsOnlyWithTheFlag() throws {
        let site = try TestSite([
            "content/briefs/brouillon.md": page("Brouillon", extra: "draft: true\n"),
            "content/briefs/publie.md": page("Publié"),
        ])
        defer { site.cleanUp() }
        try site.buildAndWrite()
        #expect(!site.outputFiles().contains("briefs/brouillon/index.html"))
        try site.buildAndWrite(BuildOptions(includeDrafts: true))
        #expect(site.outputFiles().contains("briefs/brouillon/index.html"))
    }

    @Test func hostileFrontMatterIsEscaped() throws {
        let site = try TestSite([
            "content/briefs/x.md": page("\"<script>alert(1)</script>\"", "Corps\n",
                                        extra: "summary: '\"><svg onload=alert(1)>'\ntags: [\"<b>\"]\n"),
        ])
        defer { site.cleanUp() }
        try site.buildAndWrite()
        let html = try site.read("briefs/x/index.html")
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<svg"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&gt;&lt;svg onload=alert(1)&gt;"))
        #expect(html.contains("&lt;b&gt;") || !html.contains("<b>"))
    }

    @Test func rawHTMLDroppedUnlessSiteAllowsIt() throws {
        let files = ["content/x.md": page("X", "<script>alert(1)</script>\n\n<em class=\"k\">ok</em>\n")]
        let safe = try TestSite(files)
        defer { safe.cleanUp() }
        try safe.buildAndWrite()
        let safeHTML = try safe.read("x/index.html")
        #expect(!safeHTML.contains("<script>"))
        #expect(!safeHTML.contains("<em class=\"k\">"))

        let unsafe = try TestSite(files, siteYAML: "title: Essai\nunsafe_html: true\n")
        defer { unsafe.cleanUp() }
        try unsafe.buildAndWrite()
        #expect(try unsafe.read("x/index.html").contains("<em class=\"k\">ok</em>"))
    }

    @Test func invalidUTF8IsLocated() throws {
        let site = try TestSite([:])
        defer { site.cleanUp() }
        try site.write("content/x.md", bytes: Array("---\ntitle: X\n---\nab".utf8) + [0xC3, 0x28])
        let error = site.build().diagnostics.errors.first
        #expect(error?.description == "content/x.md:4:3: error: file is not valid UTF-8 (save it as UTF-8)")
    }

    @Test func missingPartialFailsTheBuild() throws {
        let site = try TestSite(["templates/partials/footer.mustache": "{{> partials/absent}}"])
        defer { site.cleanUp() }
        let errors = site.build().diagnostics.errors
        #expect(errors.map(\.file) == ["templates/partials/footer.mustache"])
    }

    @Test func menuFromSiteYAML() throws {
        let site = try TestSite(Self.report, siteYAML: """
            title: Essai
            language: fr
            menu:
              - {title: Analyses, url: briefs/}
              - {title: Méthode, url: a-propos.md}
              - {title: Code, url: "https://example.org"}
            """)
        defer { site.cleanUp() }
        try site.buildAndWrite()
        let html = try site.read("a-propos/index.html")
        #expect(html.contains("<nav><a href=\"../briefs/\">Analyses</a><a href=\"./\" class=\"active\" aria-current=\"page\">Méthode</a><a href=\"https://example.org\">Code</a></nav>"))
    }

    @Test func brokenMenuEntryIsAnError() throws {
        let site = try TestSite(Self.report, siteYAML: "title: Essai\nmenu:\n  - {title: X, url: nulle-part.md}\n  - {title: Y, url: \"javascript:alert(1)\"}\n")
        defer { site.cleanUp() }
        let errors = site.build().diagnostics.errors
        #expect(errors.map(\.line) == [3, 4])
    }
}

@Suite struct NotFoundPageTests {
    @Test func usesAbsoluteLinksWhenTheSiteHasABaseURL() throws {
        let site = try TestSite(["content/briefs/a.md": page("A")], siteYAML: "title: Essai\nbase_url: https://example.org/rapport/\n")
        defer { site.cleanUp() }
        try site.buildAndWrite()
        let html = try site.read("404.html")
        #expect(html.contains("href=\"https://example.org/rapport/assets/style.css\""))
        #expect(html.contains("<a href=\"https://example.org/rapport/briefs/\">"))
        #expect(html.contains("<footer><a href=\"https://example.org/rapport/\">"))
    }

    @Test func usesRootRelativeLinksWithout() throws {
        let site = try TestSite(["content/briefs/a.md": page("A")])
        defer { site.cleanUp() }
        try site.buildAndWrite()
        let html = try site.read("404.html")
        #expect(html.contains("href=\"assets/style.css\""))
    }
}
