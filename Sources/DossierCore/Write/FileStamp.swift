import Foundation

/// What a file or folder looked like on disk. Any change to it gives another stamp: a file
/// replaced has another inode, and any write, rename or change of metadata moves its change
/// time (`st_ctime`), which, unlike the modification time, cannot be set back by hand.
struct FileStamp: Equatable, Sendable {
    var inode: UInt64
    var size: Int64
    /// Nanoseconds since 1970.
    var modified: Int64
    var changed: Int64

    init(inode: UInt64, size: Int64, modified: Int64, changed: Int64) {
        self.inode = inode
        self.size = size
        self.modified = modified
        self.changed = changed
    }

    init(_ info: stat) {
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        // Wrapping: a time set past the year 2262 (`touch -d`) must not stop the build.
        modified = Int64(info.st_mtim.tv_sec) &* 1_000_000_000 &+ Int64(info.st_mtim.tv_nsec)
        changed = Int64(info.st_ctim.tv_sec) &* 1_000_000_000 &+ Int64(info.st_ctim.tv_nsec)
    }

    /// The stamp of what is at `path` (a link is not followed), with its device and kind; nil
    /// if there is nothing.
    static func of(_ path: String) -> (stamp: FileStamp, device: UInt64, kind: mode_t)? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return (FileStamp(info), UInt64(info.st_dev), info.st_mode & S_IFMT)
    }

    /// Whether the stamp was made before `time` (nanoseconds since 1970).
    func isOlder(than time: Int64) -> Bool {
        modified < time && changed < time
    }
}
