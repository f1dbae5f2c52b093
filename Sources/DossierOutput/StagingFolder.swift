import Foundation
import DossierModel

/// The folder a build writes into before it becomes the output. Thread-safe.
///
/// It usually holds an older site (the output before the previous build, which took its place
/// in the exchange): each file is written over in place, and a file that already holds the
/// page's bytes is left as it is (`FileIO.write`). What the older site had and this build did
/// not write is removed before the exchange (`removeStaleFiles`).
package final class StagingFolder: OutputSink, @unchecked Sendable {
    package let root: String
    private let lock = NSLock()
    private var folders: Set<String> = [""]
    private var written: Set<String> = []
    /// Files the folder held before this build.
    private let previous: Set<String>
    /// Whether a folder held no file before this build (`Contents.hasFilelessFolder`).
    private let hadFilelessFolder: Bool
    /// Whether an abandoned build removes the folder: one this build made (it holds nothing but
    /// this build's files), or one beside the output, which never outlives a build.
    private let removedOnDiscard: Bool
    private let outputLock: OutputLock?
    /// Whether the folder is in the project's scratch folder (`.dossier/`) rather than beside the output.
    private let inScratch: Bool

    init(root: String, contents: Contents, lock: OutputLock? = nil, removedOnDiscard: Bool = false, inScratch: Bool = false) {
        self.inScratch = inScratch
        self.root = root
        previous = contents.files
        hadFilelessFolder = contents.hasFilelessFolder
        folders = contents.folders
        outputLock = lock
        self.removedOnDiscard = removedOnDiscard
    }

    package func put(_ path: String, _ content: RenderedSite.Content) throws {
        try makeFolder(PathText.parent(path))
        let target = root + "/" + path
        switch content {
        case .text(var text): try text.withUTF8 { try write(UnsafeRawBufferPointer($0), at: target) }
        case .utf8(let bytes): try bytes.withUnsafeBytes { try write($0, at: target) }
        case .copy(let source):
            guard let data = FileManager().contents(atPath: source) else { throw FileError(path: source, code: ENOENT) }
            try data.withUnsafeBytes { try write($0, at: target) }
        }
        lock.lock()
        written.insert(path)
        lock.unlock()
    }

    /// Whether the folder holds the file the page cache recorded at `path` (`size` bytes with
    /// this `ContentHash`), read back; or else whether `output`, the live output folder, holds it,
    /// in which case it is copied in. The folder holds the site of two builds ago, the output
    /// that of the last build: a page that last build rendered anew is found there. Either way
    /// the file then counts as written by this build.
    package func keep(_ path: String, size: Int, hash: UInt64, output: String?) -> Bool {
        func recorded(in folder: String) -> [UInt8]? {
            guard let bytes = FileIO.contents(ofRegularFileAt: folder + "/" + path, size: size),
                  bytes.withUnsafeBytes(ContentHash.of) == hash else { return nil }
            return bytes
        }
        if recorded(in: root) != nil {
            lock.lock()
            written.insert(path)
            lock.unlock()
            return true
        }
        guard let output, let bytes = recorded(in: output) else { return false }
        return (try? put(path, .utf8(bytes))) != nil
    }

    /// Where the page cache of this output lives: beside the staging folder in the project's
    /// scratch folder, never in the output; nil for a staging folder beside the output, which does
    /// not outlive its build.
    package var pageCachePath: String? {
        inScratch ? root + ".pages" : nil
    }

    private func write(_ bytes: UnsafeRawBufferPointer, at target: String) throws {
        do {
            try FileIO.write(bytes, to: target)
        } catch let error as FileError where error.code == EISDIR {
            // A folder of an older site where this one has a file: it is stale, and goes.
            try TreeRemoval.remove(target)
            try FileIO.write(bytes, to: target)
        }
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
            if FileKind.of(target) != .folder {
                guard unlink(target) == 0, mkdir(target, 0o755) == 0 else { throw FileError(path: target, code: errno) }
            }
        }
        lock.lock()
        folders.insert(folder)
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
        // A stale file's path may be a folder of this site now, and a stale folder's a file.
        // Gone already (ENOENT), or under a folder this build replaced by a file (ENOTDIR): removed.
        for path in stale where !keep.contains(path) {
            _ = unlink(root + "/" + path)
        }
        for folder in allFolders.subtracting(keep).subtracting(written).sorted(by: { $0.count > $1.count }) {
            _ = rmdir(root + "/" + folder)
        }
    }

    /// Abandons the build (pages are written as they are rendered, before the build knows it
    /// will fail). An older folder in the scratch folder stays, marked, for the next build to
    /// write over.
    package func discard() {
        defer { releaseLock() }
        guard removedOnDiscard else { return }
        try? TreeRemoval.remove(root)
    }

    /// Lets another build of the same output begin (after `commit` or `discard`).
    package func releaseLock() {
        outputLock?.release()
    }
}
