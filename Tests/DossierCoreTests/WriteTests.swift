import Foundation
import Testing
@testable import DossierModel
@testable import DossierOutput

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

    /// Another project's folder holds a `.dossier/` scratch folder: it is no output marker.
    @Test func aScratchFolderIsNoOutputMarker() throws {
        let site = try TestSite(["other/.dossier/x.staging/.dossier": "", "other/content/site.yaml": "title: Autre\n"])
        defer { site.cleanUp() }
        #expect(throws: OutputGuard.Refusal.self) { try OutputGuard.check(output: site.root + "/other", root: site.root) }
    }

    @Test func refusesTheScratchFolder() throws {
        let site = try TestSite([:])
        defer { site.cleanUp() }
        for bad in [site.root + "/.dossier", site.root + "/.dossier/site"] {
            #expect(throws: OutputGuard.Refusal.self, "\(bad)") { try OutputGuard.check(output: bad, root: site.root) }
        }
    }

    /// Issue 16, item 6: with `content` a link, `--out content/pub2` is inside what it leads to.
    @Test func comparesPathsWithTheirLinksResolved() throws {
        let site = try TestSite(["real-content/site.yaml": "title: Essai\n", "real-templates/page.mustache": "x"], siteYAML: nil, templates: false)
        defer { site.cleanUp() }
        try FileManager.default.createSymbolicLink(atPath: site.root + "/content", withDestinationPath: site.root + "/real-content")
        try FileManager.default.createSymbolicLink(atPath: site.root + "/templates", withDestinationPath: "real-templates")
        for bad in [site.root + "/content/pub2", site.root + "/real-content/pub2", site.root + "/templates/out",
                    site.root + "/real-content", site.root + "/real-templates/x/.."] {
            #expect(throws: OutputGuard.Refusal.self, "\(bad)") { try OutputGuard.check(output: bad, root: site.root) }
        }
        try OutputGuard.check(output: site.root + "/public", root: site.root)
    }

    @Test func acceptsAPreviousOutput() throws {
        let site = try TestSite(["content/index.md": page("Accueil")])
        defer { site.cleanUp() }
        try site.buildAndWrite()
        try OutputGuard.check(output: site.output, root: site.root)
    }
}

@Suite struct OutputWriterTests {
    static func writer(_ site: TestSite) -> OutputWriter {
        OutputWriter(output: site.output, project: site.root)
    }

    /// The staging folder of `public/` in the project's scratch folder.
    static func staging(_ site: TestSite) -> String {
        let writer = writer(site)
        return StagingPlace.inScratch(writer.scratch ?? "", output: writer.output)
    }

    /// The hidden entries beside `public/` in the project folder.
    static func besideOutput(_ site: TestSite) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: site.root).filter { $0.hasPrefix(".") }.sorted()
    }

    @Test func replacesTheWholeFolderAndKeepsThePreviousSiteInTheScratchFolder() throws {
        let site = try TestSite([:])
        defer { site.cleanUp() }
        let writer = Self.writer(site)
        try writer.write(RenderedSite(files: ["a/index.html": .text("A"), "b.txt": .text("B")]))
        try writer.write(RenderedSite(files: ["c.txt": .text("C")]))
        #expect(site.outputFiles() == [".dossier", "c.txt"])
        let staging = Self.staging(site)
        #expect(staging.hasPrefix(OutputGuard.canonical(site.root) + "/.dossier/"))
        #expect(FileManager.default.fileExists(atPath: staging + "/b.txt"), "the previous site is kept to be written over")
        try writer.write(RenderedSite(files: ["c.txt": .text("CC"), "d/e.txt": .text("E")]))
        #expect(site.outputFiles() == [".dossier", "c.txt", "d/e.txt"])
        #expect(try site.read("c.txt") == "CC")
        #expect(!FileManager.default.fileExists(atPath: staging + "/a"), "stale folders of the reused site are removed")
        #expect(try Self.besideOutput(site) == [".dossier"], "only the scratch folder, inside the project")
    }

    @Test func foldersWithoutFilesAreRemovedWhenEveryFileIsWrittenAgain() throws {
        let site = try TestSite([:])
        defer { site.cleanUp() }
        let writer = Self.writer(site)
        let files: [String: RenderedSite.Content] = ["a/index.html": .text("A"), "b.txt": .text("B")]
        try writer.write(RenderedSite(files: files))
        try writer.write(RenderedSite(files: files))
        let staging = Self.staging(site)
        try FileManager.default.createDirectory(atPath: staging + "/empty/deeper", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: staging + "/a/empty", withIntermediateDirectories: true)
        try writer.write(RenderedSite(files: files))
        #expect(site.outputFiles() == [".dossier", "a/index.html", "b.txt"])
        #expect(!FileManager.default.fileExists(atPath: site.output + "/empty"))
        #expect(!FileManager.default.fileExists(atPath: site.output + "/a/empty"))
        #expect(FileManager.default.fileExists(atPath: site.output + "/a/index.html"))
    }

    /// A path that was a file in an older site and is a folder now, or the other way round:
    /// the staging folder's stale entry gives way.
    @Test func aFileBecomesAFolderAndAFolderAFile() throws {
        let site = try TestSite([:])
        defer { site.cleanUp() }
        let writer = Self.writer(site)
        let asFile: [String: RenderedSite.Content] = ["x": .text("file"), "y/index.html": .text("Y")]
        let asFolder: [String: RenderedSite.Content] = ["x/index.html": .text("folder"), "x/deeper/page.html": .text("D"), "y": .text("file")]
        for files in [asFile, asFile, asFolder, asFolder, asFile, asFile] {
            try writer.write(RenderedSite(files: files))
            #expect(site.outputFiles() == [".dossier"] + files.keys.sorted())
        }
    }

    @Test func aKilledBuildsStagingIsReusedWithoutItsLeftovers() throws {
        let site = try TestSite([:])
        defer { site.cleanUp() }
        let staging = Self.staging(site)
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        try Data().write(to: URL(fileURLWithPath: staging + "/.dossier"))
        try Data("half".utf8).write(to: URL(fileURLWithPath: staging + "/half-written.html"))
        try Self.writer(site).write(RenderedSite(files: ["a.txt": .text("A")]))
        #expect(site.outputFiles() == [".dossier", "a.txt"])
    }

    @Test func anEmptyUnmarkedStagingFolderIsTaken() throws {
        let site = try TestSite([:])
        defer { site.cleanUp() }
        try FileManager.default.createDirectory(atPath: Self.staging(site), withIntermediateDirectories: true)
        try Self.writer(site).write(RenderedSite(files: ["a.txt": .text("A")]))
        #expect(site.outputFiles() == [".dossier", "a.txt"])
    }

    @Test func aStagingFolderNotMadeByDossierIsRefused() throws {
        let site = try TestSite([:])
        defer { site.cleanUp() }
        let staging = Self.staging(site)
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: URL(fileURLWithPath: staging + "/mine.txt"))
        #expect(throws: OutputWriter.Failure.self) { try Self.writer(site).write(RenderedSite(files: ["a.txt": .text("A")])) }
        #expect(try String(contentsOfFile: staging + "/mine.txt", encoding: .utf8) == "mine")
    }

    @Test func linksInAReusedStagingFolderAreNeverFollowed() throws {
        let site = try TestSite(["outside/secret.txt": "keep"])
        defer { site.cleanUp() }
        let staging = Self.staging(site)
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        try Data().write(to: URL(fileURLWithPath: staging + "/.dossier"))
        try FileManager.default.createSymbolicLink(atPath: staging + "/a.txt", withDestinationPath: site.root + "/outside/secret.txt")
        try Self.writer(site).write(RenderedSite(files: ["a.txt": .text("A")]))
        #expect(try String(contentsOfFile: site.root + "/outside/secret.txt", encoding: .utf8) == "keep")
        #expect(try site.read("a.txt") == "A")
    }

    @Test func theStagingFolderAndRecordOfEarlierVersionsAreRemovedFromBesideTheOutput() throws {
        let site = try TestSite([".public.dossier-staging/.dossier": "", ".public.dossier-staging/old/index.html": "old",
                                 ".public.dossier-record": "dossier-record 3\n"])
        defer { site.cleanUp() }
        try Self.writer(site).write(RenderedSite(files: ["a.txt": .text("A")]))
        #expect(try Self.besideOutput(site) == [".dossier"])
    }
}

/// Issue 16, item 5: `ln -s /tmp/v .public.dossier-staging`, with `/tmp/v/.dossier` present,
/// must not lead a build to write into /tmp/v or delete anything there.
@Suite struct SymlinkedScratchTests {
    /// A folder outside the project that looks like a staging folder (it has the marker).
    static func decoy() throws -> (path: String, files: [String: String]) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-decoy-\(UUID().uuidString)").path
        let files = [".dossier": "", "precious.txt": "keep me", "notes/index.html": "mine"]
        for (name, text) in files {
            let url = URL(fileURLWithPath: path + "/" + name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return (path, files)
    }

    static func expectUntouched(_ decoy: (path: String, files: [String: String])) throws {
        let found = try FileManager.default.subpathsOfDirectory(atPath: decoy.path).filter { !$0.hasSuffix("notes") }.sorted()
        #expect(found == decoy.files.keys.sorted(), "the folder the link leads to gained or lost files")
        for (name, text) in decoy.files {
            #expect(try String(contentsOfFile: decoy.path + "/" + name, encoding: .utf8) == text)
        }
    }

    static func expectRealOutput(_ site: TestSite) throws {
        #expect(FileKind.of(site.output) == .folder, "public/ must be a real folder, not a link")
        #expect(site.outputFiles() == [".dossier", "a.txt"])
    }

    @Test(arguments: [true, false])
    func aLinkInPlaceOfTheStagingFolderBesideTheOutputIsNeverFollowed(scratch: Bool) throws {
        let site = try TestSite([:])
        let decoy = try Self.decoy()
        defer { site.cleanUp(); try? FileManager.default.removeItem(atPath: decoy.path) }
        try FileManager.default.createSymbolicLink(atPath: site.root + "/.public.dossier-staging", withDestinationPath: decoy.path)
        let writer = scratch ? OutputWriter(output: site.output, project: site.root) : OutputWriter(output: site.output, scratch: nil)
        try writer.write(RenderedSite(files: ["a.txt": .text("A")]))
        try writer.write(RenderedSite(files: ["a.txt": .text("A")]))
        try Self.expectUntouched(decoy)
        try Self.expectRealOutput(site)
        #expect(FileKind.of(site.root + "/.public.dossier-staging") == .missing, "the link is removed, and nothing is left beside the output")
    }

    @Test func aLinkInPlaceOfTheScratchFolderIsNeverFollowed() throws {
        let site = try TestSite([:])
        let decoy = try Self.decoy()
        defer { site.cleanUp(); try? FileManager.default.removeItem(atPath: decoy.path) }
        try FileManager.default.createSymbolicLink(atPath: site.root + "/.dossier", withDestinationPath: decoy.path)
        try OutputWriter(output: site.output, project: site.root).write(RenderedSite(files: ["a.txt": .text("A")]))
        try Self.expectUntouched(decoy)
        try Self.expectRealOutput(site)
        #expect(FileKind.of(site.root + "/.dossier") == .folder)
    }

    @Test func aLinkInPlaceOfTheStagingFolderInTheScratchFolderIsNeverFollowed() throws {
        let site = try TestSite([:])
        let decoy = try Self.decoy()
        defer { site.cleanUp(); try? FileManager.default.removeItem(atPath: decoy.path) }
        let staging = OutputWriterTests.staging(site)
        try FileManager.default.createDirectory(atPath: PathText.parent(staging), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: staging, withDestinationPath: decoy.path)
        let writer = OutputWriter(output: site.output, project: site.root)
        try writer.write(RenderedSite(files: ["a.txt": .text("A")]))
        try writer.write(RenderedSite(files: ["a.txt": .text("A")]))
        try Self.expectUntouched(decoy)
        try Self.expectRealOutput(site)
        #expect(FileKind.of(staging) == .folder)
    }
}

/// When the scratch folder cannot hold the staging folder (another file system), it is made
/// beside the output and removed before the build returns, whether the build succeeds or fails.
@Suite struct StagingBesideTheOutputTests {
    @Test func nothingIsLeftBesideTheOutput() throws {
        let site = try TestSite([:])
        defer { site.cleanUp() }
        let writer = OutputWriter(output: site.output, scratch: nil)
        for files in [["a.txt": "A", "b/c.txt": "C"], ["a.txt": "AA"], ["d.txt": "D"]] {
            try writer.write(RenderedSite(files: files.mapValues { .text($0) }))
            #expect(site.outputFiles() == [".dossier"] + files.keys.sorted())
            #expect(try OutputWriterTests.besideOutput(site) == [], "left beside public/")
        }
        let staging = try writer.begin()
        try staging.put("e.txt", .text("E"))
        staging.discard()
        #expect(try OutputWriterTests.besideOutput(site) == [], "an abandoned build left its staging folder")
        #expect(site.outputFiles() == [".dossier", "d.txt"])
    }
}
@Suite struct FileIOTests {
    /// The file's bytes and modification time (seconds), after moving it an hour into the past.
    static func aged(_ path: String) throws -> Date {
        let past = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 - 3600).rounded())
        try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: path)
        return past
    }

    static func modified(_ path: String) throws -> Date? {
        try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
    }

    @Test func unchangedBytesAreNotWrittenAgainAndChangedOnesAre() throws {
        let site = try TestSite([:])
        defer { site.cleanUp() }
        let path = site.root + "/page.html"
        try FileIO.write("<p>été</p>", to: path)
        let past = try Self.aged(path)
        try FileIO.write("<p>été</p>", to: path)
        #expect(try Self.modified(path) == past, "the same bytes leave the file untouched")
        #expect(FileIO.read(path) == Array("<p>été</p>".utf8))

        for next in ["<p>ete</p>!!", "<p>hiver</p>", "<p>x</p>", "", "<p>long, longer, longest</p>"] {
            _ = try Self.aged(path)
            try FileIO.write(next, to: path)
            #expect(FileIO.read(path) == Array(next.utf8), "\(next)")
            if !next.isEmpty { #expect(try Self.modified(path) != past, "\(next)") }
        }
    }
}

@Suite struct FailedBuildTests {
    /// Pages are written to the staging folder as they are rendered; a build with an error must
    /// still leave the output as it was, and not leave behind a staging folder it made.
    @Test func aFailedBuildLeavesTheOutputAndRemovesOnlyAStagingFolderItMade() throws {
        let site = try TestSite([
            "content/index.md": page("Accueil"),
            "content/notes/a.md": page("A", "Voir [b](b.md)."),
            "content/notes/b.md": page("B", "[absent](absent.md)"),
        ])
        defer { site.cleanUp() }
        let staging = OutputWriterTests.staging(site)

        #expect(try site.buildAndWrite().hasErrors)
        #expect(!FileManager.default.fileExists(atPath: site.output))
        #expect(!FileManager.default.fileExists(atPath: staging), "a staging folder this build made is removed")

        try site.write("content/notes/b.md", page("B", "Rien à signaler."))
        #expect(try !site.buildAndWrite().hasErrors)
        #expect(try !site.buildAndWrite().hasErrors)  // the exchange leaves the first site in the staging folder
        let built = try site.snapshot()
        #expect(built["notes/a/index.html"] != nil)

        try site.write("content/notes/b.md", page("B", "[absent](absent.md)"))
        try site.write("content/notes/a.md", page("A modifié", "Voir [b](b.md)."))
        #expect(try site.buildAndWrite().hasErrors)
        #expect(try site.snapshot() == built, "the output is the last good build")
        #expect(FileManager.default.fileExists(atPath: staging + "/.dossier"), "an older staging folder stays for reuse")
    }
}

@Suite struct PathTextTests {
    @Test func parentAndLastComponentSplitAtTheLastSlashByte() {
        let cases: [(String, String, String)] = [
            ("/a/b/c", "/a/b", "c"), ("/a", "/", "a"), ("c", "", "c"), ("notes/été/index.html", "notes/été", "index.html"),
            ("a/b/", "a/b", ""), ("/", "/", ""), ("", "", ""),
            // A slash followed by a combining mark is one character but still the system's separator.
            ("dossier/\u{301}x", "dossier", "\u{301}x"),
        ]
        for (path, parent, last) in cases {
            #expect(PathText.parent(path) == parent, "\(path)")
            #expect(PathText.lastComponent(path) == last, "\(path)")
        }
    }
}

@Suite struct OutputLockTests {
    /// Two builds of the same output run one after the other: while one holds the lock, the
    /// other waits before it even reads the staging folder, then writes its site whole.
    @Test func aSecondBuildWaitsForTheFirst() throws {
        let site = try TestSite([:])
        defer { site.cleanUp() }
        let writer = OutputWriterTests.writer(site)
        try writer.write(RenderedSite(files: ["a.txt": .text("A")]))
        let held = try #require(OutputLock(folder: site.root))
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            try? writer.write(RenderedSite(files: ["a.txt": .text("B"), "b.txt": .text("B")]))
            done.signal()
        }
        #expect(done.wait(timeout: .now() + 0.5) == .timedOut, "the second build waits for the lock")
        #expect(try site.read("a.txt") == "A")
        held.release()
        #expect(done.wait(timeout: .now() + 60) == .success)
        #expect(try site.read("a.txt") == "B")
        #expect(site.outputFiles() == [".dossier", "a.txt", "b.txt"])
        // And the lock was given back: a third build does not wait.
        let third = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            try? writer.write(RenderedSite(files: ["c.txt": .text("C")]))
            third.signal()
        }
        #expect(third.wait(timeout: .now() + 60) == .success, "the lock was left held")
        #expect(site.outputFiles() == [".dossier", "c.txt"])
    }
}
