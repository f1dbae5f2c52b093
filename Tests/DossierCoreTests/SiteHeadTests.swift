import Foundation
import Testing
@testable import DossierModel
@testable import DossierRender

/// Builds with the repository's own templates: the head's OpenGraph and Twitter card tags, what
/// empty settings leave out, the sitemap, and a site in a language without built-in strings.
@Suite struct SiteHeadTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let pages: [String: String] = [
        "content/index.md": page("Accueil", "Bonjour.\n"),
        "content/briefs/accord.md": page("L'accord <b> & \"co\"", "Texte.\n", extra: "date: 2017-07-05\nsummary: Ce que dit l'accord & le reste\n"),
        "content/briefs/vide.md": page("Vide", "Texte.\n", extra: "summary: \"\"\n"),
        "content/data/parts.csv": "trimestre,part\n2017Q3,13.8\n2017Q4,1234.5\n",
        "content/data/parts.yaml": "title: Parts\ndescription: \"\"\nsource: \"\"\n",
    ]

    /// A site of `files` over `pages`, with the repository's templates, written to `public/`.
    static func build(_ files: [String: String] = [:], siteYAML: String) throws -> (TestSite, Diagnostics) {
        let site = try TestSite(pages.merging(files) { _, new in new }, siteYAML: siteYAML, templates: false)
        try FileManager.default.copyItem(atPath: repository.appendingPathComponent("theme").path, toPath: site.root + "/templates")
        return (site, try site.buildAndWrite())
    }

    @Test func openGraphTagsWithABaseURL() throws {
        let (site, diagnostics) = try Self.build(siteYAML: "title: 'Essai \"&\" co'\nlanguage: fr\ndescription: Un essai\nbase_url: https://example.org/r\n")
        defer { site.cleanUp() }
        #expect(!diagnostics.hasErrors, "\(diagnostics.sorted)")
        let accord = try site.read("briefs/accord/index.html")
        #expect(accord.contains("<meta property=\"og:title\" content=\"L’accord &lt;b&gt; &amp; «\u{202F}co\u{202F}»\">"))
        #expect(accord.contains("<meta property=\"og:description\" content=\"Ce que dit l’accord &amp; le reste\">"))
        #expect(accord.contains("<meta property=\"og:site_name\" content=\"Essai &quot;&amp;&quot; co\">"))
        #expect(accord.contains("<meta property=\"og:locale\" content=\"fr_FR\">"))
        #expect(accord.contains("<meta property=\"og:type\" content=\"article\">"))
        #expect(accord.contains("<meta property=\"og:url\" content=\"https://example.org/r/briefs/accord/\">"))
        #expect(accord.contains("<link rel=\"canonical\" href=\"https://example.org/r/briefs/accord/\">"))
        #expect(accord.contains("<meta name=\"twitter:card\" content=\"summary\">"))
        let home = try site.read("index.html")
        #expect(home.contains("<meta property=\"og:type\" content=\"website\">"))
        #expect(home.contains("<link rel=\"canonical\" href=\"https://example.org/r/\">"))
        #expect(home.contains("<meta property=\"og:description\" content=\"Un essai\">"))
        let dataset = try site.read("data/parts/index.html")
        #expect(dataset.contains("<link rel=\"canonical\" href=\"https://example.org/r/data/parts/\">"))
        #expect(!(try site.read("404.html")).contains("rel=\"canonical\""))
    }

    @Test func noURLTagsWithoutABaseURL() throws {
        let (site, _) = try Self.build(siteYAML: "title: Essai\nlanguage: en-GB\n")
        defer { site.cleanUp() }
        let accord = try site.read("briefs/accord/index.html")
        #expect(accord.contains("<meta property=\"og:locale\" content=\"en_GB\">"))
        #expect(accord.contains("<meta property=\"og:title\""))
        #expect(!accord.contains("og:url"))
        #expect(!accord.contains("rel=\"canonical\""))
    }

    @Test func openGraphLocales() {
        #expect(ContextBuilder.openGraphLocale("fr") == "fr_FR")
        #expect(ContextBuilder.openGraphLocale("en") == "en_US")
        #expect(ContextBuilder.openGraphLocale("de") == "de_DE")
        #expect(ContextBuilder.openGraphLocale("en-GB") == "en_GB")
        #expect(ContextBuilder.openGraphLocale("pt-br") == "pt_BR")
        #expect(ContextBuilder.openGraphLocale("nl") == "nl")
    }

    @Test func emptySettingsLeaveNoEmptyTags() throws {
        let (site, diagnostics) = try Self.build(siteYAML: "title: Essai\nlanguage: fr\ndescription: \"\"\nauthor: \"\"\n")
        defer { site.cleanUp() }
        #expect(!diagnostics.hasErrors, "\(diagnostics.sorted)")
        for path in site.outputFiles() where path.hasSuffix(".html") {
            let html = try site.read(path)
            #expect(!html.contains("content=\"\""), "\(path)")
            #expect(!html.contains("<p class=\"lede\">\n</p>") && !html.contains("<p class=\"lede\"></p>"), "\(path)")
            #expect(!html.contains("<p class=\"card-summary\"></p>"), "\(path)")
            #expect(!html.contains("footer-description"), "\(path)")
            #expect(!html.contains(" · "), "\(path)")
        }
        #expect(!(try site.read("briefs/vide/index.html")).contains("description"))
        #expect(!(try site.read("index.html")).contains("description"))
    }

    @Test func sitemapListsEveryPage() throws {
        let (site, _) = try Self.build(siteYAML: "title: Essai\nlanguage: fr\nbase_url: https://example.org/\n")
        defer { site.cleanUp() }
        let sitemap = try site.read("sitemap.xml")
        let locations = sitemap.components(separatedBy: "<loc>").dropFirst().compactMap { $0.components(separatedBy: "</loc>").first }
        #expect(locations == [
            "https://example.org/", "https://example.org/briefs/", "https://example.org/briefs/accord/",
            "https://example.org/briefs/vide/", "https://example.org/charts/", "https://example.org/data/", "https://example.org/data/parts/",
        ])
        // Every HTML page but the 404 is listed.
        let pages = site.outputFiles().filter { $0.hasSuffix("index.html") }.map { "https://example.org/" + $0.dropLast("index.html".count) }
        #expect(Set(pages) == Set(locations))
    }

    @Test func aGermanSite() throws {
        let yaml = "title: Bericht\nlanguage: de\nstrings:\n  contents: Inhalt\n  home: Startseite\n"
        let body = "## Eins\n\nAnteil: `=parts.part[trimestre=2017Q4]`.\n"
        let (site, diagnostics) = try Self.build(["content/briefs/accord.md": page("Xiaomi's \"Deal\"", body, extra: "date: 2017-07-05\n")], siteYAML: yaml)
        defer { site.cleanUp() }
        #expect(diagnostics.warnings.contains { $0.message.contains("fall back to English") && $0.line == 2 })
        let accord = try site.read("briefs/accord/index.html")
        #expect(accord.contains(">Inhalt</h2>"))
        #expect(accord.contains(">Startseite</a>"))
        #expect(accord.contains("1.234,5"))
        #expect(accord.contains("5. Juli 2017"))
        #expect(accord.contains("<h1>Xiaomi’s “Deal”</h1>"))
        #expect(accord.contains("<meta property=\"og:locale\" content=\"de_DE\">"))
        let dataset = try site.read("data/parts/index.html")
        #expect(dataset.contains("Q3\u{00A0}2017"))
        #expect(dataset.contains(">13,8<") && dataset.contains(">1.234,5<"))
    }
}
