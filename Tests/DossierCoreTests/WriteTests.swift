import Foundation
import Testing
@testable import DossierCore

@Suite struct OutputGuardTests {
    @Test func refusesProjectContentTemplatesAndTheirParents() throws {
        let site = try TestSite([:])
        defer { site.cleanUp() }
        for bad in [site.root, site.root + "/content", site.root + "/templates", site.root + "/content/sub",
                    PathText.parent(site.root), "/", site.root + "/content/../"] {
            #expect(throws: OutputGuard.Refusal.self, "\(bad)") { try OutputGuard.check(output: bad, root: site.root) }
        }
        try OutputGuard.check(output: site.root + "/public", root: site.root)
        try OutputGuard.check(output: site.root + "/out/site", root: site.root)
    }

    @Test func refusesAFolderOfOtherFiles() throws {
        let site = try TestSite(["elsewhere/notes.txt": "mine"])
        defer { site.cleanUp() }
        #expect(throws: OutputGuard.Refusal.self) { try OutputGuard.check(output: site.root + "/elsewhere", root: site.root) }
    }

    @Test func acceptsAPreviousOutput() throws {
        let site = try TestSite(["content/index.md": page("Accueil")])
        defer { site.cleanUp() }
        try site.buildAndWrite()
        try OutputGuard.check(output: site.output, root: site.root)
    }
}

@Suite struct OutputWriterTests {
    @Test func replacesTheWholeFolderAndCleansStaging() throws {
        let site = try TestSite([:])
        defer { site.cleanUp() }
        let writer = OutputWriter(output: site.output)
        try writer.write(RenderedSite(files: ["a/index.html": .text("A"), "b.txt": .text("B")]))
        try writer.write(RenderedSite(files: ["c.txt": .text("C")]))
        #expect(site.outputFiles() == [".dossier", "c.txt"])
        let siblings = try FileManager.default.contentsOfDirectory(atPath: site.root)
        #expect(!siblings.contains { $0.contains("staging") })
    }

    @Test func removesLeftoverStagingFoldersFromAKilledBuild() throws {
        let site = try TestSite([".public.dossier-staging-99999/.dossier": "", ".public.dossier-staging-99999/x": "half"])
        defer { site.cleanUp() }
        try OutputWriter(output: site.output).write(RenderedSite(files: ["a.txt": .text("A")]))
        let siblings = try FileManager.default.contentsOfDirectory(atPath: site.root)
        #expect(!siblings.contains(".public.dossier-staging-99999"))
    }
}
