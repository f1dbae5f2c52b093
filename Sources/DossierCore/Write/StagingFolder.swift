import Foundation

/// The folder a build writes into before it becomes the output. Thread-safe.
public final class StagingFolder: OutputSink, @unchecked Sendable {
    public let root: String
    private let lock = NSLock()
    private var folders: Set<String> = [""]
    private var written: Set<String> = []
    /// Files the folder held before this build (the site before the previous one).
    private let previous: Set<String>
    /// Whether a folder held no file before this build (`Contents.hasFilelessFolder`).
    private let hadFilelessFolder: Bool
    /// Whether this build made the folder (it holds nothing but this build's files).
    private let created: Bool
    /// The output record found when the build began.
    let previousRecord: OutputRecord?
    private let outputLock: OutputLock?

    /// The files the output record vouches for: a page with the same hash is already there.
    private let known: [String: OutputRecord.File]
    /// What the next record says of this folder's files.
    private var recorded: [String: OutputRecord.File] = [:]
    /// Folders whose entries this build changed: their stamps must be read again.
    private var touched: Set<String> = []
    private var removedFolders: Set<String> = []
    /// False once something happened that the record could not tell (a file without a stamp,
    /// a stale file that could not be removed).
    private var recordable = true
    /// The record's tree of this folder, when every folder in it was found unchanged.
    private let unchangedTree: OutputRecord.Tree?
    /// The files put so far that the record did not vouch for (written, or compared).
    private var unknown: Set<String> = []

    init(root: String, contents: Contents, created: Bool = false) {
        self.root = root
        previous = contents.files
        hadFilelessFolder = contents.hasFilelessFolder
        folders = contents.folders
        known = contents.known
        previousRecord = contents.record
        outputLock = contents.lock
        unchangedTree = contents.unchangedTree
        self.created = created
    }

    public func put(_ path: String, _ content: RenderedSite.Content) throws {
        let folder = PathText.parent(path)
        try makeFolder(folder)
        let target = root + "/" + path
        let put: (file: OutputRecord.File?, known: Bool)
        switch content {
        case .text(var text): put = try text.withUTF8 { try self.put(UnsafeRawBufferPointer($0), path: path, at: target) }
        case .utf8(let bytes): put = try bytes.withUnsafeBytes { try self.put($0, path: path, at: target) }
        case .copy(let source):
            guard let data = FileManager().contents(atPath: source) else { throw FileError(path: source, code: ENOENT) }
            put = try data.withUnsafeBytes { try self.put($0, path: path, at: target) }
        }
        lock.lock()
        written.insert(path)
        if let file = put.file { recorded[path] = file } else { recordable = false }
        if !put.known { unknown.insert(path) }
        if !previous.contains(path) { touched.insert(folder) }
        lock.unlock()
    }

    /// Writes the file unless the record vouches that it already holds these bytes; returns
    /// what the next record says of it, and whether the record vouched for it.
    private func put(_ bytes: UnsafeRawBufferPointer, path: String, at target: String) throws -> (file: OutputRecord.File?, known: Bool) {
        let hash = XXHash64.hash(bytes)
        if let known = known[path], known.hash == hash, known.stamp.size == bytes.count,
           let found = FileStamp.of(target), found.kind == S_IFREG, found.stamp == known.stamp {
            return (known, true)
        }
        let stamp: FileStamp?
        do {
            stamp = try FileIO.write(bytes, to: target)
        } catch let error as FileError where error.code == EISDIR {
            // A folder of an older site where this one has a file: it is stale, and goes.
            try FileManager().removeItem(atPath: target)
            stamp = try FileIO.write(bytes, to: target)
        }
        return (stamp.map { OutputRecord.File(stamp: $0, hash: hash) }, false)
    }

    private func makeFolder(_ folder: String) throws {
        lock.lock()
        let known = folders.contains(folder)
        lock.unlock()
        if known { return }
        try makeFolder(PathText.parent(folder))
        let target = root + "/" + folder
        if mkdir(target, 0o755) != 0 {
            guard errno == EEXIST else { throw FileError(path: target, code: errno) }
            // A file (or link) of an older site where this one has a folder: it is stale, and goes.
            if let found = FileStamp.of(target), found.kind != S_IFDIR {
                guard unlink(target) == 0, mkdir(target, 0o755) == 0 else { throw FileError(path: target, code: errno) }
            }
        }
        lock.lock()
        folders.insert(folder)
        touched.insert(folder)
        touched.insert(PathText.parent(folder))
        lock.unlock()
    }

    /// Deletes files and then empty folders that this build did not write.
    func removeStaleFiles() {
        lock.lock()
        // The common rebuild: every file the folder held was written again. Then a folder is
        // stale only if it held no file, and every folder this build made holds one.
        if !hadFilelessFolder, previous.count <= written.count, previous.allSatisfy(written.contains) {
            lock.unlock()
            return
        }
        let stale = previous.subtracting(written)
        let needed = Set(written.map { PathText.parent($0) })
        let allFolders = folders
        lock.unlock()
        var keep = Set<String>([""])
        for folder in needed {
            var current = folder
            while keep.insert(current).inserted { current = PathText.parent(current) }
        }
        var changed = Set<String>()
        var failed = false
        // A stale file's path may be a folder of this site now, and a stale folder's a file.
        // Gone already (ENOENT), or under a folder this build replaced by a file (ENOTDIR): removed.
        for path in stale where !keep.contains(path) {
            if unlink(root + "/" + path) != 0 && errno != ENOENT && errno != ENOTDIR { failed = true }
            changed.insert(PathText.parent(path))
        }
        var removed = Set<String>()
        for folder in allFolders.subtracting(keep).subtracting(written).sorted(by: { $0.count > $1.count }) {
            let path = root + "/" + folder
            // ENOTDIR: gone with a folder this build replaced by a file (then nothing is there),
            // or a file in its place (then it stays, and the record cannot vouch for the folder).
            if rmdir(path) == 0 || errno == ENOENT || (errno == ENOTDIR && FileStamp.of(path) == nil) {
                removed.insert(folder)
                changed.insert(PathText.parent(folder))
            } else {
                failed = true
            }
        }
        lock.lock()
        touched.formUnion(changed)
        removedFolders.formUnion(removed)
        if failed { recordable = false }
        lock.unlock()
    }

    /// What the output record says of this folder once this build is written and its stale
    /// files removed: nil when something in it cannot be vouched for.
    func recordTree() -> OutputRecord.Tree? {
        lock.lock()
        defer { lock.unlock() }
        guard recordable, recorded.count == written.count else { return nil }
        // The common rebuilds: the same files and folders, found as the record left them. The
        // record of this folder stays as it was, bytes and all, or with the lines of the few
        // files written or compared anew.
        if var tree = unchangedTree, touched.isEmpty, removedFolders.isEmpty, recorded.count == tree.files.count,
           unknown.count <= OutputRecord.patchLimit {
            for path in unknown {
                guard let file = recorded[path], tree.files[path] != nil else { break }
                tree.files[path] = file
                tree.patches[path] = file
            }
            if tree.patches.count == unknown.count { return tree }
        }
        guard let found = FileStamp.of(root), found.kind == S_IFDIR else { return nil }
        var stamps: [String: FileStamp] = [:]
        // (A folder of the older site that this build replaced by a file is no folder any more.)
        for folder in folders.subtracting(removedFolders).subtracting(written) {
            // A folder found as the record left it keeps its stamp unless this build changed its entries.
            if !touched.contains(folder), let stamp = unchangedTree?.folders[folder] {
                stamps[folder] = stamp
            } else {
                guard let now = FileStamp.of(folder.isEmpty ? root : root + "/" + folder), now.kind == S_IFDIR else { return nil }
                stamps[folder] = now.stamp
            }
        }
        // Dated when the record is written, after every stamp it holds (`OutputRecord.write`).
        return OutputRecord.Tree(device: found.device, inode: found.stamp.inode, made: 0, folders: stamps, files: recorded)
    }

    /// Abandons the build (pages are written as they are rendered, before the build knows it
    /// will fail). A folder this build made is removed, since it holds nothing but this build's
    /// files; an older one stays, marked, for the next build to write over.
    public func discard() {
        defer { releaseLock() }
        guard created else { return }
        try? FileManager().removeItem(atPath: root)
    }

    /// Lets another build of the same output begin (after `commit` or `discard`).
    func releaseLock() {
        outputLock?.release()
    }
}
