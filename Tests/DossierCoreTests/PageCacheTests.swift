import Foundation
import Testing
@testable import DossierModel
@testable import DossierMarkdown
@testable import DossierOutput
@testable import DossierBuild

/// The page cache (`PageCache`): a rebuild takes a plain page from it only when nothing the page
/// is made from changed and the staging folder still holds its files; the output is always the
/// one a build without the cache writes.
@Suite struct PageCacheTests {
    static let chart = "```chart\ntype: line\ndata: parts\nx: trimestre\ny: part\nseries: constructeur\ntitle: Parts\n```\n"

    static func site() throws -> TestSite {
        var files = FigureTests.data
        files["content/index.md"] = page("Accueil", "Bienvenue.")
        files["content/notes/index.md"] = page("Notes", "Les notes.")
        files["content/notes/a.md"] = page("Alpha", "## Début\n\nVoir [b](b.md#suite).\n\n" + chart, extra: "weight: 1\n")
        files["content/notes/b.md"] = page("Bêta", "## Suite\n\nTexte de b.\n", extra: "weight: 2\n")
        files["content/notes/c.md"] = page("Gamma", "Texte de c, cité [^1].\n\n[^1]: Une note.\n", extra: "weight: 3\n")
        return try TestSite(files)
    }

    /// Builds into `public/`; returns the result (its diagnostics and how many pages it rendered).
    static func build(_ site: TestSite, cache: Bool = true, verify: Bool = false) -> SiteBuilder.Result {
        let options = BuildOptions(verify: verify, pageCache: cache)
        return SiteBuilder(root: site.root, options: options).build(writingTo: OutputWriter(output: site.output, project: site.root))
    }

    /// The output a build without the cache writes, for the same sources.
    static func reference(_ site: TestSite) throws -> [String: Data] {
        let result = build(site, cache: false)
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.items)")
        return try site.snapshot()
    }

    /// Three builds: the first writes the output, the second the staging folder; the third finds
    /// every plain page in both.
    static func warm(_ site: TestSite) {
        for _ in 0..<3 { _ = build(site) }
    }

    /// The output's staging folder in `.dossier/`; its page cache is beside it (`.pages`).
    static func stagingFolder(_ site: TestSite) throws -> String {
        let scratch = site.root + "/.dossier"
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: scratch).first { $0.hasSuffix(".staging") })
        return scratch + "/" + name
    }

    /// The pages always rendered: the home page and the section's index (listings read their text).
    static let indexPages = 2

    @Test func anUnchangedRebuildRendersNoPlainPageAndWritesTheSameSite() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        Self.warm(site)
        let result = Self.build(site)
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.items)")
        #expect(result.stats.rendered == Self.indexPages)
        let cached = try site.snapshot()
        #expect(cached.keys.contains("notes/a/chart-1.svg"))
        #expect(cached == (try Self.reference(site)))
        #expect(Self.build(site, cache: false).stats.rendered == Self.indexPages + 3, "the reference renders every page")
    }

    @Test func aBodyEditRendersThatPageAlone() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        Self.warm(site)
        try site.write("content/notes/c.md", page("Gamma", "Un autre texte de c.\n", extra: "weight: 3\n"))
        let result = Self.build(site)
        #expect(result.stats.rendered == Self.indexPages + 1)
        let cached = try site.snapshot()
        #expect(try site.read("notes/c/index.html").contains("Un autre texte de c."))
        #expect(cached == (try Self.reference(site)))
    }

    /// A page shows its neighbours' titles, every section and the menu: whatever is not a plain
    /// page's own body renders every page again.
    @Test(arguments: [
        ("content/notes/b.md", page("Bêta renommé", "## Suite\n\nTexte de b.\n", extra: "weight: 2\n")),
        ("content/site.yaml", "title: Essai renommé\nlanguage: fr\n"),
        ("templates/partials/footer.mustache", "<footer>Pied</footer>"),
        ("content/data/parts.csv", "trimestre,constructeur,part\n2017Q1,Xiaomi,9.0\n2017Q2,Xiaomi,14.0\n"),
        ("content/notes/index.md", page("Carnets", "Les notes.")),
        ("content/notes/photo.png", "pas une image"),
    ])
    func anEditOutsideAPageBodyRendersEveryPage(path: String, text: String) throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        Self.warm(site)
        try site.write(path, text)
        let result = Self.build(site)
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.items)")
        #expect(result.stats.rendered == Self.indexPages + 3)
        // The next build finds the pages in the output (the staging folder holds the old ones).
        #expect(Self.build(site).stats.rendered == Self.indexPages)
        #expect(try site.snapshot() == (try Self.reference(site)))
    }

    /// The staging folder holds the site of two builds ago: a file of it that is not what the
    /// cache recorded (edited there, older, missing) is copied from the output when the output's
    /// is, and the page is rendered again when neither is.
    @Test func aStagedFileThatDiffersIsCopiedFromTheOutputOrRendered() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        Self.warm(site)
        var staging = try Self.stagingFolder(site)
        try "altéré".write(toFile: staging + "/notes/b/index.html", atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(atPath: staging + "/notes/a/chart-1.csv")
        #expect(Self.build(site).stats.rendered == Self.indexPages)
        #expect(try site.snapshot() == (try Self.reference(site)))

        Self.warm(site)
        staging = try Self.stagingFolder(site)
        for folder in [staging, site.output] {
            try "altéré".write(toFile: folder + "/notes/b/index.html", atomically: false, encoding: .utf8)
        }
        #expect(Self.build(site).stats.rendered == Self.indexPages + 1)
        #expect(try site.snapshot() == (try Self.reference(site)))

        // A link in the output, even to the right bytes, is never followed.
        Self.warm(site)
        staging = try Self.stagingFolder(site)
        let right = site.root + "/right.html"
        try FileManager.default.copyItem(atPath: site.output + "/notes/b/index.html", toPath: right)
        try "altéré".write(toFile: staging + "/notes/b/index.html", atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(atPath: site.output + "/notes/b/index.html")
        try FileManager.default.createSymbolicLink(atPath: site.output + "/notes/b/index.html", withDestinationPath: right)
        #expect(Self.build(site).stats.rendered == Self.indexPages + 1)
        #expect(FileKind.of(site.output + "/notes/b/index.html") == .file)
    }

    @Test func aDamagedCacheIsIgnored() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        Self.warm(site)
        let path = try Self.stagingFolder(site) + ".pages"
        let bytes = try #require(FileIO.read(path))
        for damaged in [Array(bytes.prefix(bytes.count / 2)), Array("autre chose".utf8), bytes + [0]] {
            try site.write(String(path.dropFirst(site.root.count + 1)), bytes: damaged)
            let result = Self.build(site)
            #expect(!result.diagnostics.hasErrors)
            #expect(result.stats.rendered == Self.indexPages + 3)
        }
    }

    /// `DOSSIER_VERIFY=1` renders every page the cache gives and fails the build where they differ.
    @Test func verifyModeCatchesACacheThatDisagreesWithTheRender() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        Self.warm(site)
        #expect(!Self.build(site, verify: true).diagnostics.hasErrors, "an honest cache passes")
        let path = try Self.stagingFolder(site) + ".pages"
        let stored = try #require(FileIO.read(path))
        var cache = try #require(PageCache(decoding: stored))
        cache.entries["content/notes/b.md"]?.facts.headings = [Heading(level: 2, text: "Fausse", id: "suite")]
        try cache.save(path)
        let result = Self.build(site, verify: true)
        let errors = result.diagnostics.errors
        #expect(errors.count == 1)
        #expect(errors.first?.file == "content/notes/b.md")
        #expect(errors.first?.message.contains("page cache") == true)
    }

    @Test func theStoredFormReadsBackWhatWasWritten() throws {
        var figure = FigureEntry(kind: .figure, number: 1, id: "parts", anchor: "fig-parts", title: "Parts « en Chine »",
                                 datasets: ["parts"], line: 7, column: 1)
        figure.export = ChartExport(svg: "", csv: "", description: "Une ligne.", width: 640.5, height: 400)
        let facts = PageCache.Facts(
            headings: [Heading(level: 2, text: "Début", id: "debut")],
            anchorReferences: [AnchorReference(targetPage: "notes/b.md", anchor: "suite", file: "content/notes/a.md", line: 3, column: 6)],
            datasets: ["parts"],
            diagnostics: [.warning("lien ⚠", file: "content/notes/a.md", line: 2, column: 1)],
            figures: [figure, FigureEntry(kind: .table, number: 1)],
            citations: [CitedSource(id: "idc", number: 1, count: 2)])
        let cache = PageCache(entries: [
            "content/notes/a.md": .init(key: .max, files: [.init(path: "notes/a/index.html", size: 1234, hash: 1 << 63)], facts: facts),
            "content/notes/b.md": .init(key: 0, files: [], facts: PageCache.Facts(RenderedMarkdown(html: "", headings: [], anchorReferences: [], diagnostics: Diagnostics()))),
        ])
        let bytes = cache.encoded()
        #expect(PageCache(decoding: bytes) == cache)
        #expect(bytes == cache.encoded(), "the same cache, the same bytes")
        for cut in stride(from: 0, to: bytes.count, by: 7) {
            #expect(PageCache(decoding: Array(bytes.prefix(cut))) == nil, "cut at \(cut)")
        }
    }

    @Test func theContentHashIsStableAndTellsInputsApart() {
        func hash(_ parts: [String]) -> UInt64 {
            var hash = ContentHash()
            for part in parts { hash.combine(part) }
            return hash.value
        }
        // Stored keys outlive the process: the same bytes must give the same value everywhere.
        #expect(hash(["dossier"]) == hash(["dossier"]))
        #expect(hash(["dossier"]) == 0xF6A4_44FA_30CE_9B52)
        var seen: [UInt64: [String]] = [:]
        let inputs = [[], [""], ["", ""], ["a"], ["ab", "c"], ["a", "bc"], ["abc"], ["abcdefgh"], ["abcdefgi"], ["abcdefghi"],
                      ["abcdefgh", ""], [String(repeating: "x", count: 64)], [String(repeating: "x", count: 65)]]
        for input in inputs {
            let value = hash(input)
            #expect(seen[value] == nil, "\(input) and \(seen[value] ?? []) collide")
            seen[value] = input
        }
    }

    @Test func theProgramsHashFollowsItsFile() throws {
        let site = try TestSite([:])
        defer { site.cleanUp() }
        let path = site.root + "/program"
        try site.write("program", String(repeating: "a", count: 3 << 20))
        let first = try #require(PageKeys.program(path))
        try site.write("program", String(repeating: "a", count: 3 << 20) + "b")
        #expect(PageKeys.program(path) != first)
        #expect(PageKeys.program(site.root + "/missing") == nil)
    }

    @Test func theProgramIsKnownByItsBuildID() throws {
        #if os(Linux)
        let id = try #require(PageKeys.buildID(), "Swift's toolchain links with --build-id on Linux")
        #expect(id.count >= 8)
        #expect(PageKeys.identity("/proc/self/exe") == id.withUnsafeBytes { ContentHash.of($0) })
        #expect(PageKeys.currentProgram != nil)
        #endif
        func note(_ name: String, type: UInt32, _ descriptor: [UInt8]) -> [UInt8] {
            var bytes: [UInt8] = []
            let name = Array(name.utf8) + [0]
            for value in [UInt32(name.count), UInt32(descriptor.count), type] { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
            bytes += name + Array(repeating: 0, count: (4 - name.count % 4) % 4)
            bytes += descriptor + Array(repeating: 0, count: (4 - descriptor.count % 4) % 4)
            return bytes
        }
        let notes = note("GNU", type: 1, [4, 0, 0, 0]) + note("Go", type: 3, [9, 9]) + note("GNU", type: 3, [1, 2, 3, 4, 5, 6])
        #expect(notes.withUnsafeBytes { PageKeys.gnuBuildID(in: $0) } == [1, 2, 3, 4, 5, 6])
        #expect(notes.dropLast(4).withUnsafeBytes { PageKeys.gnuBuildID(in: UnsafeRawBufferPointer($0)) } == nil, "a cut note")
        let site = try TestSite(["not-a-program": "#!/bin/sh\n"])
        defer { site.cleanUp() }
        #expect(PageKeys.buildID(site.root + "/not-a-program") == nil)
        #expect(PageKeys.buildID(site.root + "/missing") == nil)

        // The shared libraries a process has mapped, each once, a path with spaces whole.
        try site.write("maps", """
            55d0c000-55d0d000 r--p 00000000 fd:00 1234   /usr/bin/dossier
            7f00a000-7f00b000 r-xp 00001000 fd:00 42     /usr/lib/x86_64-linux-gnu/libcmark-gfm.so.0.29.0.gfm.6
            7f00b000-7f00c000 r--p 00002000 fd:00 42     /usr/lib/x86_64-linux-gnu/libcmark-gfm.so.0.29.0.gfm.6
            7f00c000-7f00d000 r--p 00000000 fd:00 43     /opt/my swift/lib/libFoundation.so
            7f00d000-7f00e000 rw-p 00000000 00:00 0      [heap]
            7f00e000-7f00f000 rw-p 00000000 00:00 0

            """)
        #expect(PageKeys.loadedLibraries(site.root + "/maps") == ["/opt/my swift/lib/libFoundation.so",
                                                                  "/usr/lib/x86_64-linux-gnu/libcmark-gfm.so.0.29.0.gfm.6"])
        #expect(PageKeys.loadedLibraries().contains { $0.contains("libc.so") }, "this process has loaded libc")
    }
}
