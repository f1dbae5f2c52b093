/// Files that changed together (one save, one `git checkout`), as the watcher reports them.
struct ChangeBatch: Sendable, Equatable {
    /// Paths relative to the project root: `content/briefs/accord.md`.
    package var paths: Set<String>
    /// False when something changed that `paths` does not describe (a folder removed or moved
    /// away, events lost): the next build must be complete.
    var isComplete: Bool

    package init(paths: Set<String> = [], isComplete: Bool = true) {
        self.paths = paths
        self.isComplete = isComplete
    }

    package var isEmpty: Bool { paths.isEmpty && isComplete }

    /// What `IncrementalBuilder.build(changed:)` takes: nil means "rebuild everything".
    var changedPaths: Set<String>? { isComplete ? paths : nil }

    package mutating func merge(_ other: ChangeBatch) {
        paths.formUnion(other.paths)
        isComplete = isComplete && other.isComplete
    }
}

/// Names of files that editors write beside the real one and that never belong to the site:
/// backups (`accord.md~`), Emacs locks (`.#accord.md`), Vim swap files (`.accord.md.swp`) and its
/// write test (`4913`). Hidden files in general are skipped, as the build skips them.
enum EditorFiles {
    static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name == "4913"
            || name.hasSuffix(".swp") || name.hasSuffix(".swx") || name.hasSuffix(".swpx")
    }
}
