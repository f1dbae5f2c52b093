import Foundation
import Testing
import DossierBuild
import DossierModel

/// Files beside the pages (images, PDFs, `static/`): copied, linked relative to the page, checked.
@Suite struct ContentFilesTests {
    /// A PNG header of the given size (enough for `ImageSize`; browsers are not shown it).
    static func png(width: UInt32, height: UInt32) -> [UInt8] {
        func bigEndian(_ value: UInt32) -> [UInt8] { [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8) + bigEndian(width) + bigEndian(height)
            + [8, 2, 0, 0, 0, 0, 0, 0, 0]
    }

    static func site(_ body: String, files: [String: [UInt8]] = [:], slug: String? = nil) throws -> TestSite {
        let extra = slug.map { "slug: \($0)\n" } ?? ""
        let site = try TestSite(["content/briefs/accord.md": page("L'accord", body, extra: extra)])
        for (path, bytes) in files { try site.write(path, bytes: bytes) }
        return site
    }

    @Test func aBundledImageIsCopiedBesideItsPageWithItsSize() throws {
        let site = try Self.site("![Le siège de Nokia](accord/siege.png)\n", files: ["content/briefs/accord/siege.png": Self.png(width: 640, height: 480)])
        defer { site.cleanUp() }
        let diagnostics = try site.buildAndWrite()
        #expect(diagnostics.items.isEmpty, "\(diagnostics.sorted)")
        #expect(site.outputFiles().contains("briefs/accord/siege.png"))
        let html = try site.read("briefs/accord/index.html")
        #expect(html.contains("<img src=\"siege.png\" alt=\"Le siège de Nokia\" width=\"640\" height=\"480\" loading=\"lazy\" />"))
    }

    @Test func aBundleFollowsItsPagesSlug() throws {
        let site = try Self.site("![Carte](accord/carte.png)\n", files: ["content/briefs/accord/carte.png": Self.png(width: 10, height: 20)], slug: "autre")
        defer { site.cleanUp() }
        #expect(try site.buildAndWrite().items.isEmpty)
        #expect(site.outputFiles().contains("briefs/autre/carte.png"))
        #expect(try site.read("briefs/autre/index.html").contains("src=\"carte.png\""))
    }

    @Test func filesOutsideBundlesKeepTheirFolderAndRootPathsMeanContent() throws {
        let site = try Self.site("[Le rapport](<rapport annuel.pdf>), ![Logo](/static/logo.png)\n", files: [
            "content/briefs/rapport annuel.pdf": Array("%PDF".utf8),
            "content/static/logo.png": Self.png(width: 1, height: 1),
            "content/static/robots.txt": Array("User-agent: *\n".utf8),
        ])
        defer { site.cleanUp() }
        #expect(try site.buildAndWrite().items.isEmpty)
        let files = site.outputFiles()
        #expect(files.contains("briefs/rapport annuel.pdf"))
        #expect(files.contains("robots.txt"))
        #expect(files.contains("logo.png"))
        let html = try site.read("briefs/accord/index.html")
        #expect(html.contains("href=\"../rapport%20annuel.pdf\""))
        #expect(html.contains("src=\"../../logo.png\""))
    }

    @Test func aMissingImageOrFileIsAnErrorWithItsPosition() throws {
        let site = try Self.site("Texte.\n\n![Photo](accord/absente.png)\n\nVoir [le PDF](../docs/rapport.pdf).\n")
        defer { site.cleanUp() }
        let result = site.build()
        let messages = result.diagnostics.sorted.map(\.description)
        #expect(messages.contains { $0.hasPrefix("content/briefs/accord.md:6:1: error: image \"accord/absente.png\": no file content/briefs/accord/absente.png") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("content/briefs/accord.md:8:6: error: link to \"../docs/rapport.pdf\": no file content/docs/rapport.pdf") }, "\(messages)")
        #expect(result.site == nil)
    }

    @Test func aLinkLeavingContentIsAnError() throws {
        let site = try Self.site("![x](../../../etc/passwd.png)\n")
        defer { site.cleanUp() }
        let messages = site.build().diagnostics.sorted.map(\.description)
        #expect(messages.contains { $0.contains("error: image \"../../../etc/passwd.png\" leads outside content/") }, "\(messages)")
    }

    @Test func aFileLinkedThroughALinkLeavingTheProjectIsRefused() throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-outside-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: outside) }
        try Data(Self.png(width: 2, height: 2)).write(to: URL(fileURLWithPath: outside + "/secret.png"))
        let site = try Self.site("![Secret](accord/secret.png)\n")
        defer { site.cleanUp() }
        try FileManager.default.createDirectory(atPath: site.root + "/content/briefs/accord", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: site.root + "/content/briefs/accord/secret.png", withDestinationPath: outside + "/secret.png")
        let messages = site.build().diagnostics.sorted.map(\.description)
        #expect(messages.contains { $0.contains("content/briefs/accord/secret.png is a link that leads outside the project") }, "\(messages)")
        #expect(messages.contains { $0.contains("error: image \"accord/secret.png\": no file") }, "\(messages)")
    }

    @Test func anImageWithoutAlternativeTextIsAWarning() throws {
        let site = try Self.site("![](accord/a.png)\n", files: ["content/briefs/accord/a.png": Self.png(width: 3, height: 4)])
        defer { site.cleanUp() }
        let diagnostics = site.build().diagnostics
        #expect(diagnostics.items.count == 1)
        #expect(diagnostics.sorted.first?.description.hasPrefix("content/briefs/accord.md:4:1: warning: image \"accord/a.png\" has no text alternative") == true)
    }

    @Test func twoFilesForOneOutputPathAreAnErrorNamingBoth() throws {
        let site = try Self.site("Texte.\n", files: [
            "content/static/briefs/x.txt": Array("a".utf8),
            "content/briefs/x.txt": Array("b".utf8),
            "content/static/assets/style.css": Array("c".utf8),
        ])
        defer { site.cleanUp() }
        let messages = site.build().diagnostics.sorted.map(\.description)
        #expect(messages.contains("content/static/briefs/x.txt: error: content/static/briefs/x.txt would be copied to briefs/x.txt, which content/briefs/x.txt writes; rename or move one of them"), "\(messages)")
        #expect(messages.contains { $0.hasPrefix("content/static/assets/style.css: error:") && $0.contains("the theme's asset assets/style.css") }, "\(messages)")
    }

    @Test func aPageWhereTheDataIndexGoesIsAnError() throws {
        let site = try TestSite([
            "content/data.md": page("Données"),
            "content/data/ventes.csv": "annee,ventes\n2020,1\n",
        ])
        defer { site.cleanUp() }
        let messages = site.build().diagnostics.sorted.map(\.description)
        #expect(messages.contains { $0.hasPrefix("content/data.md:1:1: error: page would be written to data/index.html, where the data index goes") }, "\(messages)")
    }

    @Test func anExternalImageIsLazyAndOtherSchemesStayWithCmark() throws {
        let site = try Self.site("![Carte](https://example.org/a.png) ![x](javascript:alert(1))\n")
        defer { site.cleanUp() }
        let html = try #require(site.build().site?.files["briefs/accord/index.html"]?.text)
        #expect(html.contains("<img src=\"https://example.org/a.png\" alt=\"Carte\" loading=\"lazy\" />"))
        #expect(!html.contains("javascript:"))
    }
}
