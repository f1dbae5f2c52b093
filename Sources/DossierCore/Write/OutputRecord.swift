import Foundation

/// The record a build leaves beside its output (`.public.dossier-record`), so that the next
/// build need neither list the staging folder it writes over nor read its pages back to see
/// whether they changed (docs/PERFORMANCE.md, change 36).
///
/// For each of the two folders a build alternates between (the output and the staging folder,
/// which trade places at every build; each is known by its device and inode), it holds the
/// folders and files the build left there, with their stamps, and for each file the XXH64 hash
/// of its bytes. The next build trusts it only where the disk still shows the same stamps:
/// - a folder with the same stamp holds the same entries, so the record lists it;
/// - a file with the same stamp holds the same bytes, so a page whose hash is the recorded one
///   is already written.
///
/// Stamps made less than a margin (two seconds) before the record are not trusted: a file
/// system keeps its times in ticks of a few milliseconds (or seconds), and a change within the
/// tick of the last write would not show. Anything the record does not vouch for is listed and
/// compared byte for byte, as without a record.
struct OutputRecord: Sendable {
    struct File: Equatable, Sendable {
        var stamp: FileStamp
        var hash: UInt64
    }

    /// One folder as a build left it.
    struct Tree: Sendable {
        var device: UInt64
        var inode: UInt64
        /// When the record was made (nanoseconds since 1970, by the file system's clock; 0 until
        /// it is written): stamps made less than the margin before are not trusted.
        var made: Int64
        /// Every folder by its path inside the tree ("" for the tree itself).
        var folders: [String: FileStamp]
        var files: [String: File]
        /// The bytes of a tree read from a record, written back as they are (`encoded()`); set
        /// only by `decode`, for a tree nobody changes afterwards but through `patches`.
        var raw: ArraySlice<UInt8>? = nil
        /// Files of a tree read from a record whose entries changed (also in `files`): the tree
        /// is written as its bytes with these lines made anew, and dated anew.
        var patches: [String: File] = [:]

        /// Whether the tree is written anew, or in part, and so dated when written.
        var isNew: Bool { raw == nil || !patches.isEmpty }
    }

    /// Up to how many changed files a tree read from a record is patched rather than written
    /// anew.
    static let patchLimit = 256

    var trees: [Tree] = []
    /// The bytes the record was read from: a record that would be written the same is not
    /// written again.
    var source: [UInt8]?

    static let header = "dossier-record 3"
    /// The boot of the system that wrote the record (`currentBoot`).
    var boot: String?

    /// The running system's boot, from `/proc/sys/kernel/random/boot_id`; nil where there is none.
    static let currentBoot: String? = {
        guard let bytes = FileIO.read("/proc/sys/kernel/random/boot_id") else { return nil }
        let id = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return id.isEmpty || id.contains(" ") ? nil : id
    }()
    /// How long before the record a stamp must have been made to be trusted, in nanoseconds.
    static let margin: Int64 = 2_000_000_000

    func tree(device: UInt64, inode: UInt64) -> Tree? {
        trees.first { $0.device == device && $0.inode == inode }
    }

    /// The record's path for an output folder: beside it, as the staging folder is.
    static func path(parent: String, name: String) -> String {
        parent + "/.\(name).dossier-record"
    }

    // MARK: - Reading and writing

    /// The record at `path` (see `decode`); nil if there is none or it cannot be read whole.
    static func read(_ path: String, only wanted: (device: UInt64, inode: UInt64)? = nil) -> OutputRecord? {
        FileIO.read(path).flatMap { decode($0, only: wanted) }
    }

    /// Writes the record through a temporary file renamed into place, so that a reader sees the
    /// old record or the new one. A record that cannot be written is removed: the next build then
    /// lists and compares everything, as it would without one.
    ///
    /// A tree made by this build (`made` still 0) is dated by the file system's own clock, on
    /// which its stamps were made: the moment the temporary file is created, after every stamp
    /// it holds was read (as git dates its index). The machine's clock may differ from a network
    /// file system's.
    func write(to path: String) {
        let temporary = path + ".new"
        if !trees.contains(where: \.isNew), encoded() == source {
            unlink(temporary)  // left by a build killed while writing the record
            return
        }
        let descriptor = open(temporary, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        var info = stat()
        if descriptor >= 0, fstat(descriptor, &info) == 0 {
            var dated = self
            let now = FileStamp(info).modified
            for index in dated.trees.indices where dated.trees[index].isNew { dated.trees[index].made = now }
            let written = (try? dated.encoded().withUnsafeBytes { try FileIO.writeAll($0, to: descriptor, path: temporary) }) != nil
            close(descriptor)
            if written, rename(temporary, path) == 0 { return }
        } else if descriptor >= 0 {
            close(descriptor)
        }
        unlink(temporary)
        unlink(path)
    }
}
