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
        /// The bytes of a tree read from a record, written back as they are (`encoded()`).
        fileprivate(set) var raw: ArraySlice<UInt8>? = nil
    }

    var trees: [Tree] = []
    /// The bytes the record was read from: a record that would be written the same is not
    /// written again.
    fileprivate(set) var source: [UInt8]?

    static let header = "dossier-record 2"
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
        if trees.allSatisfy({ $0.raw != nil }), encoded() == source {
            unlink(temporary)  // left by a build killed while writing the record
            return
        }
        let descriptor = open(temporary, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        var info = stat()
        if descriptor >= 0, fstat(descriptor, &info) == 0 {
            var dated = self
            let now = FileStamp(info).modified
            for index in dated.trees.indices where dated.trees[index].raw == nil { dated.trees[index].made = now }
            let written = (try? dated.encoded().withUnsafeBytes { try FileIO.writeAll($0, to: descriptor, path: temporary) }) != nil
            close(descriptor)
            if written, rename(temporary, path) == 0 { return }
        } else if descriptor >= 0 {
            close(descriptor)
        }
        unlink(temporary)
        unlink(path)
    }

    /// One line per tree, folder and file; a path is the rest of its line. A tree read from a
    /// record is written back as the bytes it was read from.
    ///
    /// Numbers are hexadecimal (times may be negative, with a minus sign).
    ///
    ///     dossier-record 2
    ///     tree DEVICE INODE MADE
    ///     d INODE SIZE MODIFIED CHANGED PATH
    ///     f INODE SIZE MODIFIED CHANGED HASH PATH
    ///     end HASH
    ///
    /// The last line holds the XXH64 of everything before it: a record cut short, even at the end
    /// of a line (a crash right after it was renamed into place, before it reached the disk), is
    /// refused.
    func encoded() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(trees.reduce(64) { $0 + ($1.raw?.count ?? 100 * ($1.folders.count + $1.files.count)) })
        bytes.appendUTF8(Self.header)
        bytes.append(Self.newline)
        for tree in trees {
            if let raw = tree.raw {
                bytes.append(contentsOf: raw)
                continue
            }
            // A path holding a line break cannot be written on a line: such a tree is left out.
            guard !tree.folders.keys.contains(where: { $0.utf8.contains(Self.newline) }),
                  !tree.files.keys.contains(where: { $0.utf8.contains(Self.newline) }) else { continue }
            bytes.appendUTF8("tree ")
            Self.append(tree.device, to: &bytes)
            bytes.append(Self.space)
            Self.append(tree.inode, to: &bytes)
            bytes.append(Self.space)
            Self.append(tree.made, to: &bytes)
            bytes.append(Self.newline)
            for (path, stamp) in tree.folders {
                bytes.append(UInt8(ascii: "d"))
                Self.append(stamp, to: &bytes)
                bytes.appendUTF8(path)
                bytes.append(Self.newline)
            }
            for (path, file) in tree.files {
                bytes.append(UInt8(ascii: "f"))
                Self.append(file.stamp, to: &bytes)
                Self.append(file.hash, to: &bytes)
                bytes.append(Self.space)
                bytes.appendUTF8(path)
                bytes.append(Self.newline)
            }
        }
        let sum = XXHash64.hash(bytes)
        bytes.appendUTF8("end ")
        Self.append(sum, to: &bytes)
        bytes.append(Self.newline)
        return bytes
    }

    private static let newline = UInt8(ascii: "\n")
    private static let space = UInt8(ascii: " ")

    /// " INODE SIZE MODIFIED CHANGED ", each field after a space.
    private static func append(_ stamp: FileStamp, to bytes: inout [UInt8]) {
        bytes.append(space)
        append(stamp.inode, to: &bytes)
        bytes.append(space)
        append(stamp.size, to: &bytes)
        bytes.append(space)
        append(stamp.modified, to: &bytes)
        bytes.append(space)
        append(stamp.changed, to: &bytes)
        bytes.append(space)
    }

    private static func append(_ value: Int64, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        append(value.magnitude, to: &bytes)
    }

    /// Hexadecimal, without leading zeros: shifts, where decimal digits cost a division each.
    private static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        var shift = max(0, (63 - value.leadingZeroBitCount) / 4 * 4)
        while shift >= 0 {
            let digit = UInt8(truncatingIfNeeded: value >> UInt64(shift)) & 0xF
            bytes.append(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
            shift -= 4
        }
    }

    /// Nil for anything but a whole record of this version. Only the tree of `only` (a folder's
    /// device and inode), when given, is read into folders and files: the others keep just their
    /// bytes, to be written back.
    static func decode(_ bytes: [UInt8], only wanted: (device: UInt64, inode: UInt64)? = nil) -> OutputRecord? {
        let headerLine = Array((header + "\n").utf8)
        guard bytes.last == newline, bytes.starts(with: headerLine) else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> OutputRecord? in
            guard let base = buffer.baseAddress else { return nil }
            // The last line: "end" and the hash of everything before it.
            var bodyEnd = buffer.count - 1
            while bodyEnd > 0, base[bodyEnd - 1] != newline { bodyEnd -= 1 }
            var trailer = Fields(buffer, from: bodyEnd, to: buffer.count - 1)
            guard bodyEnd >= headerLine.count, trailer.word() == "end", let sum = trailer.unsigned(), trailer.atEnd,
                  XXHash64.hash(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: buffer[..<bodyEnd]))) == sum else { return nil }
            /// The end of the line that starts at `start`.
            func lineEnd(_ start: Int) -> Int {
                guard let found = memchr(base + start, Int32(newline), bodyEnd - start) else { return bodyEnd }
                return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
            }
            func startsTree(_ start: Int) -> Bool {
                bodyEnd - start > 5 && base[start] == UInt8(ascii: "t") && base[start + 4] == space
            }
            var record = OutputRecord()
            record.source = bytes
            var index = headerLine.count
            while index < bodyEnd {
                let start = index
                var end = lineEnd(index)
                var fields = Fields(buffer, from: index, to: end)
                guard fields.word() == "tree", let device = fields.unsigned(), let inode = fields.unsigned(),
                      let made = fields.signed(), fields.atEnd else { return nil }
                var tree = Tree(device: device, inode: inode, made: made, folders: [:], files: [:])
                let reads = wanted.map { $0.device == device && $0.inode == inode } ?? true
                index = end + 1
                while index < bodyEnd, !startsTree(index) {
                    end = lineEnd(index)
                    if reads {
                        var fields = Fields(buffer, from: index, to: end)
                        switch fields.word() {
                        case "d":
                            guard let stamp = fields.stamp(), let path = fields.rest(), path.isEmpty || isPlain(path) else { return nil }
                            tree.folders[path] = stamp
                        case "f":
                            guard let stamp = fields.stamp(), let hash = fields.unsigned(), let path = fields.rest(), isPlain(path) else { return nil }
                            tree.files[path] = File(stamp: stamp, hash: hash)
                        default:
                            return nil
                        }
                    }
                    index = end + 1
                }
                // Every folder and file in a folder of the tree, the tree's own first.
                if reads {
                    guard tree.folders[""] != nil,
                          tree.folders.keys.allSatisfy({ $0.isEmpty || tree.folders[PathText.parent($0)] != nil }),
                          tree.files.keys.allSatisfy({ tree.folders[PathText.parent($0)] != nil }) else { return nil }
                }
                tree.raw = bytes[start..<index]
                record.trees.append(tree)
            }
            return record
        }
    }

    /// A relative path of plain names: what a build writes, and all that a record may name for
    /// a later build to remove (no "", "." or ".." component, no leading "/").
    private static func isPlain(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { bytes in
            // Each name: its length, and whether it held only dots.
            var length = 0, dots = 0
            for byte in bytes {
                if byte == UInt8(ascii: "/") {
                    guard length > 0, !(dots == length && dots <= 2) else { return false }
                    length = 0
                    dots = 0
                } else {
                    length += 1
                    if byte == UInt8(ascii: ".") { dots += 1 }
                }
            }
            return length > 0 && !(dots == length && dots <= 2)
        }
    }

    /// Space-separated fields of one line of a record.
    private struct Fields {
        let buffer: UnsafeBufferPointer<UInt8>
        var index: Int
        let end: Int

        init(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
            self.buffer = buffer
            index = start
            self.end = end
        }

        var atEnd: Bool { index == end }

        /// The next field, and the space after it.
        mutating func field() -> UnsafeBufferPointer<UInt8>? {
            guard index < end else { return nil }
            let start = index
            while index < end, buffer[index] != UInt8(ascii: " ") { index += 1 }
            let field = UnsafeBufferPointer(rebasing: buffer[start..<index])
            if index < end { index += 1 }
            return field.isEmpty ? nil : field
        }

        mutating func word() -> String? {
            field().map { String(decoding: $0, as: UTF8.self) }
        }

        /// A hexadecimal number of at most 16 digits.
        mutating func unsigned() -> UInt64? {
            guard let field = field(), field.count <= 16 else { return nil }
            var value: UInt64 = 0
            for byte in field {
                let digit: UInt64
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt64(byte - UInt8(ascii: "a")) + 10
                default: return nil
                }
                value = value << 4 | digit
            }
            return value
        }

        mutating func signed() -> Int64? {
            var negative = false
            if index < end, buffer[index] == UInt8(ascii: "-") {
                negative = true
                index += 1
            }
            guard let magnitude = unsigned(), magnitude <= (negative ? Int64.min.magnitude : UInt64(Int64.max)) else { return nil }
            return negative ? Int64(truncatingIfNeeded: 0 &- magnitude) : Int64(magnitude)
        }

        mutating func stamp() -> FileStamp? {
            guard let inode = unsigned(), let size = signed(), let modified = signed(), let changed = signed() else { return nil }
            return FileStamp(inode: inode, size: size, modified: modified, changed: changed)
        }

        /// The rest of the line, which may hold spaces, or be empty (the tree's own folder).
        mutating func rest() -> String? {
            defer { index = end }
            return String(validating: UnsafeBufferPointer(rebasing: buffer[index..<end]), as: UTF8.self)
        }
    }
}
