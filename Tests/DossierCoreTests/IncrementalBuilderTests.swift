import Foundation
import Testing
@testable import DossierBuild
@testable import DossierModel

/// After any change, an incremental rebuild must give exactly what a full build gives,
/// while redoing only the pages the change affects.
@Suite struct IncrementalBuilderTests {
    static let files: [String: String] = {
        var files = FigureTests.data
        files["content/index.md"] = page("Accueil", "[A](briefs/a.md)\n")
        files["content/briefs/a.md"] = page("A", "## Un\n\n[B](b.md#deux)\n", extra: "weight: 1\n")
        files["content/briefs/b.md"] = page("B", "## Deux\n\n`=parts.part[constructeur=Xiaomi, trimestre=2017Q1]`\n", extra: "weight: 2\n")
        files["content/briefs/c.md"] = page("C", "Texte.\n", extra: "weight: 3\n")
        return files
    }()

    func expectSameAsFullBuild(_ incremental: SiteBuilder.Result, _ site: TestSite, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let full = site.build()
        #expect(incremental.site?.files == full.site?.files, sourceLocation: sourceLocation)
        #expect(incremental.diagnostics == full.diagnostics, sourceLocation: sourceLocation)
    }

    @Test func editingABodyRedoesOnlyThatPage() throws {
        let site = try TestSite(Self.files)
        defer { site.cleanUp() }
        let builder = IncrementalBuilder(root: site.root)
        let first = builder.build()
        expectSameAsFullBuild(first, site)
        #expect(first.stats.rendered == 4)

        let unchanged = builder.build(changed: [])
        #expect(unchanged.stats.rendered == 0)
        expectSameAsFullBuild(unchanged, site)

        try site.write("content/briefs/c.md", page("C", "Texte modifié.\n", extra: "weight: 3\n"))
        let edited = builder.build(changed: ["content/briefs/c.md"])
        #expect(edited.stats.rendered == 1)
        expectSameAsFullBuild(edited, site)
        #expect(edited.site?.files["briefs/c/index.html"].map { if case .text(let html) = $0 { html.contains("Texte modifié.") } else { false } } == true)
    }

    @Test func changingATitleUpdatesItsNeighbours() throws {
        let site = try TestSite(Self.files)
        defer { site.cleanUp() }
        let builder = IncrementalBuilder(root: site.root)
        _ = builder.build()
        try site.write("content/briefs/b.md", page("B renommé", "## Deux\n\n`=parts.part[constructeur=Xiaomi, trimestre=2017Q1]`\n", extra: "weight: 2\n"))
        let result = builder.build(changed: ["content/briefs/b.md"])
        expectSameAsFullBuild(result, site)
        #expect(result.stats.rendered == 3)
    }

    @Test func templatesAndDatasetsInvalidateWhatReadsThem() throws {
        let site = try TestSite(Self.files)
        defer { site.cleanUp() }
        let builder = IncrementalBuilder(root: site.root)
        _ = builder.build()
        try site.write("content/data/parts.csv", "trimestre,constructeur,part\n2017Q1,Xiaomi,9.5\n2017Q2,Xiaomi,13.0\n")
        let data = builder.build(changed: ["content/data/parts.csv"])
        expectSameAsFullBuild(data, site)
        #expect(data.stats.rendered == 1)

        try site.write("templates/page.mustache", "{{<layout}}{{$main}}<h1 class=\"new\">{{page.title}}</h1>{{{page.content}}}{{/main}}{{/layout}}")
        let template = builder.build(changed: ["templates/page.mustache"])
        expectSameAsFullBuild(template, site)
        #expect(template.stats.rendered == 3)
    }

    @Test func errorsAppearAndClear() throws {
        let site = try TestSite(Self.files)
        defer { site.cleanUp() }
        let builder = IncrementalBuilder(root: site.root)
        _ = builder.build()
        try site.write("content/briefs/c.md", page("C", "[x](absent.md)\n", extra: "weight: 3\n"))
        let broken = builder.build(changed: ["content/briefs/c.md"])
        #expect(broken.site == nil)
        #expect(broken.diagnostics.errors.map(\.file) == ["content/briefs/c.md"])
        try site.remove("content/briefs/b.md")
        let removed = builder.build(changed: ["content/briefs/b.md"])
        expectSameAsFullBuild(removed, site)
        try site.write("content/briefs/c.md", page("C", "Réparé.\n", extra: "weight: 3\n"))
        try site.write("content/briefs/a.md", page("A", "## Un\n", extra: "weight: 1\n"))
        let fixed = builder.build(changed: ["content/briefs/c.md", "content/briefs/a.md"])
        #expect(fixed.site != nil)
        expectSameAsFullBuild(fixed, site)
    }
}
