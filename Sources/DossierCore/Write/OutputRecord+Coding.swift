import Foundation

/// The record as text: encoded, and decoded with every check a record must pass.
extension OutputRecord {
    /// One line per tree, folder and file; a path is the rest of its line. A tree read from a
    /// record is written back as the bytes it was read from.
    ///
    /// Numbers are hexadecimal (times may be negative, with a minus sign).
    ///
    ///     dossier-record 3
    ///     boot BOOT-ID
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
        if let boot, !boot.utf8.contains(Self.newline), !boot.utf8.contains(Self.space) {
            bytes.appendUTF8("boot " + boot)
            bytes.append(Self.newline)
        }
        for tree in trees {
            if let raw = tree.raw {
                if tree.patches.isEmpty {
                    bytes.append(contentsOf: raw)
                    continue
                }
                if let patched = Self.patched(tree, raw: raw) {
                    bytes.append(contentsOf: patched)
                    continue
                }
            }
            // A path holding a line break cannot be written on a line: such a tree is left out.
            guard !tree.folders.keys.contains(where: { $0.utf8.contains(Self.newline) }),
                  !tree.files.keys.contains(where: { $0.utf8.contains(Self.newline) }) else { continue }
            Self.appendHeader(tree, to: &bytes)
            for (path, stamp) in tree.folders {
                bytes.append(UInt8(ascii: "d"))
                Self.append(stamp, to: &bytes)
                bytes.appendUTF8(path)
                bytes.append(Self.newline)
            }
            for (path, file) in tree.files { Self.appendFile(path, file, to: &bytes) }
        }
        let sum = XXHash64.hash(bytes)
        bytes.appendUTF8("end ")
        Self.append(sum, to: &bytes)
        bytes.append(Self.newline)
        return bytes
    }

    private static let newline = UInt8(ascii: "\n")
    private static let space = UInt8(ascii: " ")

    private static func appendHeader(_ tree: Tree, to bytes: inout [UInt8]) {
        bytes.appendUTF8("tree ")
        append(tree.device, to: &bytes)
        bytes.append(space)
        append(tree.inode, to: &bytes)
        bytes.append(space)
        append(tree.made, to: &bytes)
        bytes.append(newline)
    }

    private static func appendFile(_ path: String, _ file: File, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "f"))
        append(file.stamp, to: &bytes)
        append(file.hash, to: &bytes)
        bytes.append(space)
        bytes.appendUTF8(path)
        bytes.append(newline)
    }

    /// The position of the first line break from `start`, or `limit` when there is none before it.
    private static func lineEnd(_ base: UnsafePointer<UInt8>, from start: Int, before limit: Int) -> Int {
        guard let found = memchr(base + start, Int32(newline), limit - start) else { return limit }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
    }

    /// A tree read from a record, with its header made anew and the lines of its patched files
    /// replaced; the others copied as they were. Nil unless every patch replaced one line.
    private static func patched(_ tree: Tree, raw: ArraySlice<UInt8>) -> [UInt8]? {
        var byLength: [Int: [(path: [UInt8], name: String, file: File)]] = [:]
        for (path, file) in tree.patches { byLength[path.utf8.count, default: []].append((Array(path.utf8), path, file)) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count + 64 * tree.patches.count)
        appendHeader(tree, to: &bytes)
        var replaced = 0
        let complete = raw.withUnsafeBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress, let headerEnd = buffer.firstIndex(of: newline) else { return false }
            var index = headerEnd + 1
            var copied = index
            while index < buffer.count {
                let end = lineEnd(base, from: index, before: buffer.count)
                if base[index] == UInt8(ascii: "f") {
                    // The path follows the sixth space: f INODE SIZE MODIFIED CHANGED HASH PATH.
                    var start = index, spaces = 0
                    while start < end, spaces < 6 {
                        if base[start] == space { spaces += 1 }
                        start += 1
                    }
                    if spaces == 6, let candidates = byLength[end - start],
                       let patch = candidates.first(where: { $0.path.elementsEqual(UnsafeBufferPointer(start: base + start, count: end - start)) }) {
                        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[copied..<index]))
                        appendFile(patch.name, patch.file, to: &bytes)
                        copied = min(end + 1, buffer.count)
                        replaced += 1
                    }
                }
                index = end + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[min(copied, buffer.count)...]))
            return true
        }
        return complete && replaced == tree.patches.count ? bytes : nil
    }

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
            func lineEnd(_ start: Int) -> Int { Self.lineEnd(base, from: start, before: bodyEnd) }
            func startsTree(_ start: Int) -> Bool {
                bodyEnd - start > 5 && base[start] == UInt8(ascii: "t") && base[start + 4] == space
            }
            var record = OutputRecord()
            record.source = bytes
            var index = headerLine.count
            if bodyEnd - index > 5, base[index] == UInt8(ascii: "b") {
                let end = lineEnd(index)
                var fields = Fields(buffer, from: index, to: end)
                guard fields.word() == "boot", let boot = fields.word(), fields.atEnd else { return nil }
                record.boot = boot
                index = end + 1
            }
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
