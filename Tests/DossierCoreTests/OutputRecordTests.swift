import Foundation
import Testing
@testable import DossierCore

@Suite struct XXHash64Tests {
    /// Values from the reference implementation (Python's `xxhash.xxh64(data).intdigest()`),
    /// covering the short path, the 32-byte stripes and every size of tail.
    @Test func matchesTheReferenceImplementation() {
        let cases: [([UInt8], UInt64)] = [
            ([], 0xEF46_DB37_51D8_E999),
            (Array("a".utf8), 0xD24E_C4F1_A98C_6E5B),
            (Array("abc".utf8), 0x44BC_2CF5_AD77_0999),
            (Array("Nokia".utf8), 0xF65A_853E_5833_EA6D),
            (Array(repeating: UInt8(ascii: "x"), count: 31), 0x60DD_0D01_083B_99F0),
            (Array(repeating: UInt8(ascii: "y"), count: 32), 0x64DA_1F1D_3495_CE66),
            (Array(repeating: UInt8(ascii: "z"), count: 33), 0xC524_1253_C64E_0268),
            (Array("brevets de Nokia : l’accord".utf8), 0x1038_F180_07AD_4816),
            (Array((0..<768).map { UInt8($0 % 256) }), 0x8E03_C838_C596_036F),
        ]
        for (bytes, expected) in cases {
            #expect(XXHash64.hash(bytes) == expected, "\(bytes.count) bytes")
        }
    }
}

/// A record's text with its trailer: the hash of everything before it.
func sealedRecord(_ text: String) -> [UInt8] {
    var bytes = Array(text.utf8)
    bytes += Array("end \(String(XXHash64.hash(bytes), radix: 16))\n".utf8)
    return bytes
}

@Suite struct OutputRecordTests {
    private func stamp(_ seed: Int64) -> FileStamp {
        FileStamp(inode: UInt64(seed) * 7, size: seed * 100, modified: seed * 1_000_000_007, changed: -seed)
    }

    private var sample: OutputRecord {
        var record = OutputRecord()
        record.trees = [
            OutputRecord.Tree(device: 65024, inode: 12, made: 1_795_768_915_348_787_630,
                              folders: ["": stamp(1), "notes": stamp(2), "un dossier": stamp(10), "un dossier/avec espaces": stamp(3)],
                              files: [".dossier": .init(stamp: stamp(4), hash: 0), "notes/index.html": .init(stamp: stamp(5), hash: .max),
                                      "un dossier/avec espaces/page été.html": .init(stamp: stamp(6), hash: 0xABCDEF)]),
            OutputRecord.Tree(device: 65024, inode: 13, made: 5, folders: ["": stamp(7)],
                              files: ["a.txt": .init(stamp: stamp(8), hash: 42),
                                      "extremes": .init(stamp: FileStamp(inode: .max, size: 0, modified: .min, changed: .max), hash: 0)]),
        ]
        return record
    }

    @Test func readsBackWhatItWrites() throws {
        let bytes = sample.encoded()
        let read = try #require(OutputRecord.decode(bytes))
        #expect(read.trees.count == 2)
        for (tree, original) in zip(read.trees, sample.trees) {
            #expect(tree.device == original.device && tree.inode == original.inode && tree.made == original.made)
            #expect(tree.folders == original.folders)
            #expect(tree.files == original.files)
        }
        // Written back unchanged, a record is the same bytes (and is then not written again).
        #expect(read.encoded() == bytes)
    }

    /// A tree read from a record with a few files changed is written as its old bytes with those
    /// lines made anew: it reads back as the tree written whole would.
    @Test func aPatchedTreeReadsBackAsTheWholeTree() throws {
        let original = sample.encoded()
        var read = try #require(OutputRecord.decode(original))
        let changed = OutputRecord.File(stamp: stamp(12), hash: 0xFEED)
        read.trees[0].files["notes/index.html"] = changed
        read.trees[0].patches["notes/index.html"] = changed
        read.trees[0].made = 99
        let patched = read.encoded()
        let again = try #require(OutputRecord.decode(patched))
        #expect(again.trees[0].made == 99 && again.trees[0].files == read.trees[0].files && again.trees[0].folders == sample.trees[0].folders)
        // Every other line is the old one, in its place.
        func lines(_ bytes: [UInt8]) -> [String] {
            String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
                .filter { !$0.hasPrefix("tree ") && !$0.hasPrefix("end ") && !$0.hasSuffix(" notes/index.html") }
        }
        #expect(lines(patched) == lines(original))
        #expect(again.trees[1].files == sample.trees[1].files)
        // A patch that matches no line: the tree is written whole instead.
        let stray = OutputRecord.File(stamp: stamp(13), hash: 1)
        read.trees[1].files["b.txt"] = stray
        read.trees[1].patches["b.txt"] = stray
        #expect(try #require(OutputRecord.decode(read.encoded())).trees[1].files == read.trees[1].files)
    }

    @Test func readsOnlyTheTreeAskedForAndKeepsTheOthersBytes() throws {
        let bytes = sample.encoded()
        let read = try #require(OutputRecord.decode(bytes, only: (device: 65024, inode: 13)))
        #expect(read.trees[0].files.isEmpty && read.trees[0].folders.isEmpty)
        #expect(read.trees[1].files == sample.trees[1].files)
        #expect(read.encoded() == bytes)
    }

    @Test func refusesAnythingButAWholeRecord() {
        let bytes = sample.encoded()
        #expect(OutputRecord.decode(Array(bytes.dropLast())) == nil, "cut short")
        #expect(OutputRecord.decode(Array(bytes.prefix(bytes.count / 2))) == nil, "cut short")
        // Cut at the end of a line, or a line lost from the middle: the trailer's hash tells.
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        for dropped in 1..<(lines.count - 2) {
            var shorter = lines
            shorter.remove(at: dropped)
            #expect(OutputRecord.decode(Array(shorter.joined(separator: [UInt8(ascii: "\n")]))) == nil, "line \(dropped) lost")
        }
        #expect(OutputRecord.decode(Array(lines.dropLast(2).joined(separator: [UInt8(ascii: "\n")])) + [UInt8(ascii: "\n")]) == nil, "no trailer")
        #expect(OutputRecord.decode(sealedRecord("dossier-record 2\n")) == nil, "another version")
        #expect(OutputRecord.decode(sealedRecord("dossier-record 3\nd 1 2 3 4 x\n")) == nil, "a folder before any tree")
        #expect(OutputRecord.decode(sealedRecord("dossier-record 3\ntree 1 2 3\nd 1 2 3 4 \nf 1 2 3 4 zz x\n")) == nil, "not a hash")
        #expect(OutputRecord.decode(sealedRecord("dossier-record 3\ntree 1 2 99999999999999999999999\nd 1 2 3 4 \n")) == nil, "out of range")
        #expect(OutputRecord.decode(sealedRecord("dossier-record 3\nboot two words\n")) == nil, "a boot of two words")
        var invalid = Array("dossier-record 3\ntree 1 2 3\nd 1 2 3 4 \nf 1 2 3 4 5 ".utf8) + [0xFF, 0x0A]
        invalid += Array("end \(String(XXHash64.hash(invalid), radix: 16))\n".utf8)
        #expect(OutputRecord.decode(invalid) == nil, "not UTF-8")
        // The same lines, well formed, are read.
        #expect(OutputRecord.decode(sealedRecord("dossier-record 3\nboot b\ntree 1 2 3\nd 1 2 3 4 \nf 1 2 3 4 5 x\n"))?.trees.first?.files["x"]?.hash == 5)
        #expect(OutputRecord.decode(Array("dossier-record 3\n".utf8)) == nil, "no trailer")
        #expect(OutputRecord.decode(OutputRecord().encoded())?.trees.isEmpty == true)
    }

    /// A record names only plain relative paths inside folders it names: nothing a later build
    /// would remove can lie outside the folder.
    @Test func refusesPathsThatLeaveTheFolder() {
        for path in ["../notes.txt", "a/../../b", "/etc/passwd", "a//b", "./a", "a/.", "orphan/index.html"] {
            var record = sample
            record.trees[1].files[path] = .init(stamp: stamp(9), hash: 1)
            #expect(OutputRecord.decode(record.encoded()) == nil, "\(path)")
        }
        var record = sample
        record.trees[1].folders["a/b"] = stamp(9)
        #expect(OutputRecord.decode(record.encoded()) == nil, "a folder outside any folder")
        // Consistent otherwise: each path in a folder the record names.
        let cases: [([String], String)] = [([".."], "../notes.txt"), (["."], "./a"), ([".."], "../.."), (["x"], "x/.."), (["x/.."], "x/../y"),
                                           (["/", "/etc"], "/etc/passwd")]
        for (folders, file) in cases {
            var record = sample
            record.trees[1].folders["x"] = stamp(11)
            for folder in folders { record.trees[1].folders[folder] = stamp(9) }
            record.trees[1].files[file] = .init(stamp: stamp(10), hash: 1)
            #expect(OutputRecord.decode(record.encoded()) == nil, "\(folders), \(file)")
        }
    }

    @Test func aTreeWithALineBreakInAPathIsLeftOut() throws {
        var record = sample
        record.trees[0].files["deux\nlignes.html"] = .init(stamp: stamp(9), hash: 1)
        let read = try #require(OutputRecord.decode(record.encoded()))
        #expect(read.trees.map(\.inode) == [13])
    }
}

/// Builds over a staging folder the output record vouches for: what changed behind the
/// record's back is found and written over, whatever the record says.
@Suite struct OutputRecordBuildTests {
    /// Trusts stamps however recent, even of the record's own tick: the margin is for changes a
    /// coarse clock would hide, and these tests make every change with times that tell.
    private let trustAll: Int64 = -1_000_000_000

    private func writer(_ site: TestSite) -> OutputWriter {
        var writer = OutputWriter(output: site.output)
        writer.recordMargin = trustAll
        return writer
    }

    private let files: [String: RenderedSite.Content] = [
        "index.html": .text("<p>accueil</p>"), "notes/a/index.html": .text("<p>A</p>"), "notes/b/index.html": .utf8(Array("<p>B</p>".utf8)),
    ]

    /// Two builds: the output and the staging folder each hold the site, and the record both.
    private func twoBuilds(_ site: TestSite) throws -> (writer: OutputWriter, staging: String) {
        let writer = writer(site)
        try writer.write(RenderedSite(files: files))
        try writer.write(RenderedSite(files: files))
        return (writer, site.root + "/.public.dossier-staging")
    }

    /// Sets a modification time no build made, so that the change shows whatever the clock's tick.
    private func backdate(_ path: String) throws {
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000_000)], ofItemAtPath: path)
    }

    @Test func theRecordListsTheStagingFolderAndVouchesForItsFiles() throws {
        let site = try TestSite([:])
        defer { site.cleanUp() }
        let (writer, staging) = try twoBuilds(site)
        let contents = StagingFolder.Contents.load(staging, recordPath: writer.recordPath, margin: trustAll)
        #expect(contents.unchangedTree != nil, "every folder found as recorded: no walk")
        #expect(contents.files == Set(files.keys).union([".dossier"]))
        #expect(contents.folders == ["", "notes", "notes/a", "notes/b"])
        #expect(Set(contents.known.keys) == contents.files)

        // With the real margin, stamps made just now are not trusted: everything is listed and compared.
        let recent = StagingFolder.Contents.load(staging, recordPath: writer.recordPath)
        #expect(recent.unchangedTree == nil && recent.known.isEmpty)
        #expect(recent.files == contents.files)
    }

    @Test func aFileChangedBehindTheRecordsBackIsWrittenOver() throws {
        let site = try TestSite([:])
        defer { site.cleanUp() }
        let (writer, staging) = try twoBuilds(site)
        try "<p>X</p>".write(toFile: staging + "/notes/a/index.html", atomically: false, encoding: .utf8)  // same size
        try backdate(staging + "/notes/a/index.html")
        try writer.write(RenderedSite(files: files))
        #expect(try site.read("notes/a/index.html") == "<p>A</p>")
    }

    @Test func aPageThatChangedIsWrittenEvenAtTheSameSize() throws {
        let site = try TestSite([:])
        defer { site.cleanUp() }
        let (writer, _) = try twoBuilds(site)
        usleep(20_000)  // so that the page's new stamps fall in a later tick of the file system's clock
        var next = files
        next["notes/b/index.html"] = .text("<p>C</p>")
        try writer.write(RenderedSite(files: next))
        try writer.write(RenderedSite(files: next))
        #expect(try site.read("notes/b/index.html") == "<p>C</p>")
        // Each folder's record was patched with the page's new stamp, and vouches for it.
        let staging = site.root + "/.public.dossier-staging"
        let contents = StagingFolder.Contents.load(staging, recordPath: writer.recordPath, margin: trustAll)
        #expect(contents.unchangedTree != nil && contents.known.count == contents.files.count)
        #expect(contents.known["notes/b/index.html"]?.stamp == FileStamp.of(staging + "/notes/b/index.html")?.stamp)
        // Both trees were dated anew, after the page's new stamps.
        for tree in try #require(OutputRecord.read(writer.recordPath)).trees {
            let page = try #require(tree.files["notes/b/index.html"])
            #expect(tree.made >= page.stamp.changed)
        }
        try writer.write(RenderedSite(files: files))
        #expect(try site.read("notes/b/index.html") == "<p>B</p>")
    }

    @Test func aFileAddedBehindTheRecordsBackIsRemoved() throws {
        let site = try TestSite([:])
        defer { site.cleanUp() }
        let (writer, staging) = try twoBuilds(site)
        try "extra".write(toFile: staging + "/notes/a/extra.txt", atomically: false, encoding: .utf8)
        try backdate(staging + "/notes/a")
        try FileManager.default.createDirectory(atPath: staging + "/empty", withIntermediateDirectories: false)
        try backdate(staging)
        #expect(StagingFolder.Contents.load(staging, recordPath: writer.recordPath, margin: trustAll).unchangedTree == nil)
        try writer.write(RenderedSite(files: files))
        #expect(site.outputFiles() == [".dossier", "index.html", "notes/a/index.html", "notes/b/index.html"])
        #expect(!FileManager.default.fileExists(atPath: site.output + "/empty"))
    }

    @Test func aFileRemovedBehindTheRecordsBackIsWrittenAgain() throws {
        let site = try TestSite([:])
        defer { site.cleanUp() }
        let (writer, staging) = try twoBuilds(site)
        try FileManager.default.removeItem(atPath: staging + "/notes/b/index.html")
        try backdate(staging + "/notes/b")
        try writer.write(RenderedSite(files: files))
        #expect(try site.read("notes/b/index.html") == "<p>B</p>")
    }

    /// A record that lost a line (cut short at the end of a line) would list the staging folder
    /// without a file it holds: it is refused, and the folder walked.
    @Test func aDamagedRecordIsIgnored() throws {
        let site = try TestSite([:])
        defer { site.cleanUp() }
        let (writer, staging) = try twoBuilds(site)
        let record = try #require(FileIO.read(writer.recordPath))
        var lines = record.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let lost = try #require(lines.firstIndex { String(decoding: $0, as: UTF8.self).hasSuffix(" notes/b/index.html") })
        lines.remove(at: lost)
        try Data(Array(lines.joined(separator: [UInt8(ascii: "\n")]))).write(to: URL(fileURLWithPath: writer.recordPath))
        let contents = StagingFolder.Contents.load(staging, recordPath: writer.recordPath, margin: trustAll)
        #expect(contents.record == nil && contents.unchangedTree == nil)
        #expect(contents.files.contains("notes/b/index.html"), "found by the walk")
        try writer.write(RenderedSite(files: files.filter { $0.key != "notes/b/index.html" }))
        #expect(site.outputFiles() == [".dossier", "index.html", "notes/a/index.html"])
        #expect(OutputRecord.read(writer.recordPath)?.trees.count == 1, "written anew, of the staging folder alone")
    }

    /// The staging folder itself is renamed at every exchange, so its change time proves
    /// nothing: its entries are read. A file or a link added to it, with its modification time
    /// put back as it was, is still found (and the link never followed).
    @Test func anEntryAddedToTheFolderItselfIsFoundWhateverItsTimes() throws {
        let site = try TestSite(["outside/secret.txt": "keep"])
        defer { site.cleanUp() }
        let (writer, staging) = try twoBuilds(site)
        var before = stat()
        #expect(lstat(staging, &before) == 0)
        try "stale".write(toFile: staging + "/stale.txt", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: staging + "/blog", withDestinationPath: site.root + "/outside")
        var times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, staging, &times, AT_SYMLINK_NOFOLLOW) == 0)
        var after = stat()
        #expect(lstat(staging, &after) == 0 && after.st_mtim.tv_sec == before.st_mtim.tv_sec && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec)
        #expect(StagingFolder.Contents.load(staging, recordPath: writer.recordPath, margin: trustAll).unchangedTree == nil)
        var next = files
        next["blog/secret.txt"] = .text("replaced")
        try writer.write(RenderedSite(files: next))
        #expect(try String(contentsOfFile: site.root + "/outside/secret.txt", encoding: .utf8) == "keep")
        #expect(site.outputFiles() == [".dossier", "blog/secret.txt", "index.html", "notes/a/index.html", "notes/b/index.html"])
    }

    /// A page edited behind the record's back with its size and its modification time put back
    /// as they were: the change time still tells.
    @Test func aFileEditedWithItsModificationTimePutBackIsFound() throws {
        let site = try TestSite([:])
        defer { site.cleanUp() }
        let (writer, staging) = try twoBuilds(site)
        let path = staging + "/notes/a/index.html"
        let recorded = try #require(FileStamp.of(path)?.stamp)
        // Until the change time moves on (the file system's clock ticks every few milliseconds).
        for _ in 0..<200 {
            var before = stat()
            #expect(lstat(path, &before) == 0)
            try "<p>X</p>".write(toFile: path, atomically: false, encoding: .utf8)
            var times = [before.st_atim, before.st_mtim]
            #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
            if FileStamp.of(path)?.stamp.changed != recorded.changed { break }
            usleep(2_000)
        }
        let now = try #require(FileStamp.of(path)?.stamp)
        #expect(now.modified == recorded.modified && now.size == recorded.size && now.changed != recorded.changed)
        try writer.write(RenderedSite(files: files))
        #expect(try site.read("notes/a/index.html") == "<p>A</p>")
    }

    /// A tree is dated by the file system's clock, on which its stamps were made: after the
    /// newest of them, and no later than the record file's own modification.
    @Test func theRecordIsDatedByTheFileSystemsClock() throws {
        let site = try TestSite([:])
        defer { site.cleanUp() }
        let (writer, _) = try twoBuilds(site)
        let record = try #require(OutputRecord.read(writer.recordPath))
        let written = try #require(FileStamp.of(writer.recordPath)?.stamp.modified)
        for tree in record.trees {
            let newest = (tree.folders.values.map(\.modified) + tree.files.values.map(\.stamp.modified)).max() ?? 0
            #expect(tree.made >= newest && tree.made <= written)
        }
    }

    /// A power cut can lose a page's new bytes while its new stamps survive: after another boot,
    /// no page is taken on its stamp (each is compared), and the other folder's tree, written
    /// before the boot, is dropped.
    @Test func afterAnotherBootNoPageIsTakenOnItsStamp() throws {
        let site = try TestSite([:])
        defer { site.cleanUp() }
        let (writer, staging) = try twoBuilds(site)
        let now = StagingFolder.Contents.load(staging, recordPath: writer.recordPath, margin: trustAll)
        #expect(!now.known.isEmpty || OutputRecord.currentBoot == nil)
        let other = StagingFolder.Contents.load(staging, recordPath: writer.recordPath, margin: trustAll, boot: "another-boot")
        #expect(other.known.isEmpty && other.unchangedTree != nil, "the folders are still listed from the record")

        var record = try #require(OutputRecord.read(writer.recordPath))
        record.boot = "an-earlier-boot"
        try Data(record.encoded()).write(to: URL(fileURLWithPath: writer.recordPath))
        try writer.write(RenderedSite(files: files))
        let after = try #require(OutputRecord.read(writer.recordPath))
        #expect(after.trees.count == 1 && after.boot == OutputRecord.currentBoot, "the staging folder's tree alone")
    }

    /// A name that is not UTF-8 cannot be removed by its name as the build holds it: a staging
    /// folder holding one is not reused, and the site is written into a new one.
    @Test func aNameThatIsNotUTF8MakesANewStagingFolder() throws {
        let site = try TestSite([:])
        defer { site.cleanUp() }
        let (writer, staging) = try twoBuilds(site)
        let name = Array((staging + "/notes/caf").utf8) + [0xE9] + Array(".html".utf8) + [0]
        let descriptor = name.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) } }
        #expect(descriptor >= 0)
        close(descriptor)
        #expect(StagingFolder.Contents.load(staging, recordPath: writer.recordPath, margin: trustAll).mustRemove)
        try writer.write(RenderedSite(files: files))
        #expect(site.outputFiles() == [".dossier", "index.html", "notes/a/index.html", "notes/b/index.html"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.output + "/notes").sorted() == ["a", "b"])
    }

    /// Rebuilding the same site leaves the record's bytes as they were.
    @Test func aRebuildThatChangesNothingKeepsTheRecord() throws {
        let site = try TestSite([:])
        defer { site.cleanUp() }
        let (writer, _) = try twoBuilds(site)
        try writer.write(RenderedSite(files: files))
        try writer.write(RenderedSite(files: files))
        let before = FileIO.read(writer.recordPath)
        try writer.write(RenderedSite(files: files))
        try writer.write(RenderedSite(files: files))
        #expect(FileIO.read(writer.recordPath) == before)
        #expect(!FileManager.default.fileExists(atPath: writer.recordPath + ".new"))
    }
}
