#if os(Linux)
import Foundation
import Glibc

/// inotify on every folder below the watched ones, plus the root (for `content/` or `templates/`
/// appearing, vanishing or being replaced).
///
/// A folder created or moved in gets its own watches, and the files already in it are reported
/// (they may have been written before the watch existed). A folder removed or moved away makes
/// the batch incomplete, as does a queue overflow: the next build is then a full one.
final class InotifyBackend: WatchBackend {
    private static let fileEvents = UInt32(IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_CREATE | IN_DELETE)
    private static let folderMask = fileEvents | UInt32(IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)
    private static let rootMask = UInt32(IN_MOVED_FROM | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_ONLYDIR)

    let root: String
    let folders: Set<String>
    private let fd: Int32
    /// Watch descriptor → folder relative to the root ("" for the root itself).
    private var folderByWatch: [Int32: String] = [:]
    private var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    /// Files that appeared during the current batch: if one goes away again before the batch
    /// ends (`sed -i` writes `sedXXXXXX`, then renames it), it was never part of the site.
    private var arrivedInBatch = Set<String>()

    var descriptor: Int32? { fd }
    var pollInterval: Duration? { nil }

    init(root: String, folders: [String]) throws {
        self.root = root
        self.folders = Set(folders)
        fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else {
            throw WatchError("cannot start inotify: \(String(cString: strerror(errno)))")
        }
        guard addWatch("", mask: Self.rootMask) else {
            let reason = String(cString: strerror(errno))
            Glibc.close(fd)
            throw WatchError("cannot watch \(root): \(reason)")
        }
        var ignored = Set<String>()
        for folder in folders { addTree(folder, files: &ignored) }
    }

    func close() {
        Glibc.close(fd)
    }

    func startBatch() {
        arrivedInBatch = []
    }

    func collect(into batch: inout ChangeBatch) -> Bool {
        var relevant = false
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count <= 0 { break }  // EAGAIN: drained
            var offset = 0
            while offset + 16 <= count {
                let (watch, mask, length) = buffer.withUnsafeBytes { raw in
                    (raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                     raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                     Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                let nameBytes = buffer[(offset + 16)..<min(offset + 16 + length, count)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset += 16 + length
                relevant = handle(watch: watch, mask: mask, name: name, batch: &batch) || relevant
            }
        }
        return relevant
    }

    private func handle(watch: Int32, mask: UInt32, name: String, batch: inout ChangeBatch) -> Bool {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            batch.isComplete = false
            return true
        }
        if mask & UInt32(IN_IGNORED) != 0 {
            folderByWatch[watch] = nil
            return false
        }
        // Events about a watched folder itself: its parent reports the same change.
        guard let folder = folderByWatch[watch], !name.isEmpty else { return false }
        let isFolder = mask & UInt32(IN_ISDIR) != 0
        let arrived = mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0
        let left = mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0

        if folder.isEmpty {
            guard isFolder, folders.contains(name) else { return false }
            removeTree(name)
            if arrived { addTree(name, files: &batch.paths) }
            batch.isComplete = false
            return true
        }
        guard !EditorFiles.isIgnored(name) else { return false }
        let path = folder + "/" + name
        if isFolder {
            if left {
                removeTree(path)
                batch.isComplete = false
            }
            if arrived { addTree(path, files: &batch.paths) }
            return left || arrived
        }
        guard mask & Self.fileEvents != 0 else { return false }
        if arrived { arrivedInBatch.insert(path) }
        if left, arrivedInBatch.remove(path) != nil {
            batch.paths.remove(path)
        } else {
            batch.paths.insert(path)
        }
        return true
    }

    /// Watches `folder` and the folders below it; adds the files found to `files`.
    private func addTree(_ folder: String, files: inout Set<String>) {
        var pending = [folder]
        while let current = pending.popLast() {
            guard addWatch(current, mask: Self.folderMask) else { continue }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: absolute(current))) ?? []
            for name in names where !EditorFiles.isIgnored(name) {
                let path = current + "/" + name
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: absolute(path), isDirectory: &isFolder) else { continue }
                if isFolder.boolValue { pending.append(path) } else { files.insert(path) }
            }
        }
    }

    /// False if the folder cannot be watched, or is already watched under another name (a
    /// symbolic link to a folder seen before: following it again could loop).
    private func addWatch(_ folder: String, mask: UInt32) -> Bool {
        let watch = inotify_add_watch(fd, absolute(folder), mask)
        guard watch >= 0 else { return false }
        if let known = folderByWatch[watch], known != folder { return false }
        folderByWatch[watch] = folder
        return true
    }

    private func removeTree(_ folder: String) {
        for (watch, path) in folderByWatch where path == folder || path.hasPrefix(folder + "/") {
            inotify_rm_watch(fd, watch)
            folderByWatch[watch] = nil
        }
    }

    private func absolute(_ relative: String) -> String {
        relative.isEmpty ? root : (root as NSString).appendingPathComponent(relative)
    }
}
#endif
