import Foundation
import Testing
@testable import DossierServer

/// Collects a watcher's batches from a task, for assertions.
final class BatchCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var batches: [ChangeBatch] = []
    private var ended = false

    init(_ watcher: SourceWatcher) {
        Task {
            for await batch in watcher.batches { self.lock.withLock { self.batches.append(batch) } }
            self.lock.withLock { self.ended = true }
        }
    }

    var all: [ChangeBatch] { lock.withLock { batches } }
    var isEnded: Bool { lock.withLock { ended } }
    var paths: Set<String> { all.reduce(into: Set<String>()) { $0.formUnion($1.paths) } }
}

@Suite struct SourceWatcherTests {
    /// - Parameter debounce: longer for a test whose events must land in one batch even when a
    ///   busy machine pauses the test between two of its file operations.
    func watching(debounce: Duration = .milliseconds(30), maximumDelay: Duration = .milliseconds(500), _ body: (PreviewSite, SourceWatcher, BatchCollector) async throws -> Void,
                  polling: Bool = false) async throws {
        let site = try PreviewSite()
        defer { site.cleanUp() }
        let watcher = try SourceWatcher(root: site.root, debounce: debounce, maximumDelay: maximumDelay, polling: polling)
        let collector = BatchCollector(watcher)
        try await body(site, watcher, collector)
        watcher.stop()
        #expect(await eventually { collector.isEnded }, "the batches end after stop()")
    }

    @Test func reportsAWriteAsARootRelativePath() async throws {
        try await watching { site, _, collector in
            try site.write("content/briefs/accord.md", "---\ntitle: A\n---\n")
            #expect(await eventually { collector.paths.contains("content/briefs/accord.md") })
            #expect(collector.all.allSatisfy { $0.isComplete })
        }
    }

    @Test func seesEditorsThatSaveByRenamingATemporaryFile() async throws {
        try await watching { site, _, collector in
            try site.writeByRenaming("templates/page.mustache", "{{<layout}}{{$main}}x{{/main}}{{/layout}}")
            #expect(await eventually { collector.paths.contains("templates/page.mustache") })
            #expect(collector.paths == ["templates/page.mustache"], "the hidden temporary file is not reported")
        }
    }

    @Test func ignoresEditorFilesAndDebouncesOneSaveIntoOneBatch() async throws {
        try await watching(debounce: .milliseconds(500), maximumDelay: .seconds(3)) { site, _, collector in
            for name in ["accord.md~", ".#accord.md", ".accord.md.swp", "4913"] {
                try site.write("content/briefs/" + name, "x")
            }
            // `sed -i` style: a visible temporary file renamed over the real one, in one batch.
            try site.write("content/briefs/sedAb12Cd", "---\ntitle: B\n---\n")
            #expect(rename(site.absolute("content/briefs/sedAb12Cd"), site.absolute("content/briefs/accord.md")) == 0)
            #expect(await eventually { collector.paths.contains("content/briefs/accord.md") })
            try await Task.sleep(for: .milliseconds(200))
            #expect(collector.paths == ["content/briefs/accord.md"])
            #expect(collector.all.count == 1)
        }
    }

    @Test func watchesFoldersCreatedLaterAndReportsTheirFiles() async throws {
        try await watching { site, _, collector in
            try site.write("content/analyses/2017/chine.md", "---\ntitle: Chine\n---\n")
            #expect(await eventually { collector.paths.contains("content/analyses/2017/chine.md") })
            try site.write("content/analyses/2017/monde.md", "---\ntitle: Monde\n---\n")
            #expect(await eventually { collector.paths.contains("content/analyses/2017/monde.md") }, "the new folder is watched")
        }
    }

    @Test func deletionsAreReportedAndRemovedFoldersAskForAFullBuild() async throws {
        try await watching { site, _, collector in
            try FileManager.default.removeItem(atPath: site.absolute("content/briefs/nokia.md"))
            #expect(await eventually { collector.paths.contains("content/briefs/nokia.md") })
            try FileManager.default.removeItem(atPath: site.absolute("content/briefs"))
            #expect(await eventually { collector.all.contains { !$0.isComplete } })
        }
    }

    @Test func replacingTheContentFolderIsSeen() async throws {
        try await watching { site, _, collector in
            let fresh = site.absolute("content.new")
            try FileManager.default.copyItem(atPath: site.absolute("content"), toPath: fresh)
            try FileManager.default.removeItem(atPath: site.absolute("content"))
            #expect(rename(fresh, site.absolute("content")) == 0)
            #expect(await eventually { collector.all.contains { !$0.isComplete } })
            let before = collector.all.count
            try site.write("content/briefs/accord.md", "---\ntitle: C\n---\n")
            #expect(await eventually { collector.all.count > before && collector.paths.contains("content/briefs/accord.md") })
        }
    }

    @Test func thePollingFallbackReportsChangesToo() async throws {
        try await watching({ site, _, collector in
            try await Task.sleep(for: .milliseconds(50))
            try site.write("content/briefs/accord.md", "---\ntitle: Un titre plus long\n---\n")
            try site.write("content/briefs/nouveau.md", "---\ntitle: N\n---\n")
            #expect(await eventually { collector.paths.isSuperset(of: ["content/briefs/accord.md", "content/briefs/nouveau.md"]) })
        }, polling: true)
    }

    @Test func batchesMerge() {
        var batch = ChangeBatch(paths: ["a"])
        batch.merge(ChangeBatch(paths: ["b"]))
        #expect(batch == ChangeBatch(paths: ["a", "b"]))
        #expect(batch.changedPaths == ["a", "b"])
        batch.merge(ChangeBatch(isComplete: false))
        #expect(batch.changedPaths == nil)
        #expect(EditorFiles.isIgnored("accord.md~") && EditorFiles.isIgnored(".#accord.md") && EditorFiles.isIgnored("4913"))
        #expect(!EditorFiles.isIgnored("accord.md") && !EditorFiles.isIgnored("49130.md"))
    }
}
