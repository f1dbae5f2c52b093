import Foundation

/// A file operation that failed, with the path and the system's reason.
package struct FileError: Error, Sendable, CustomStringConvertible {
    let path: String
    package let code: Int32

    package var description: String { "\(path): \(String(cString: strerror(code)))" }

    package init(path: String, code: Int32) {
        self.path = path
        self.code = code
    }
}

/// Whole-file writes and copies with POSIX calls (Foundation's `Data.write` syncs each file to
/// disk, which made writing thousands of pages slow).
package enum FileIO {
    /// The canonical path with every symbolic link resolved, or nil if it does not exist.
    package static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func write(_ text: String, to path: String) throws {
        var text = text
        try text.withUTF8 { buffer in
            try write(UnsafeRawBufferPointer(buffer), to: path)
        }
    }

    /// Writes `buffer` as the whole file. A file that already holds exactly these bytes is left
    /// as it is: a rebuild reads the staging folder's copy instead of writing it again, which
    /// keeps its modification time (for `rsync` and the like) and spares the disk a write-back.
    /// A symbolic link at `path` is never followed (`O_NOFOLLOW`).
    package static func write(_ buffer: UnsafeRawBufferPointer, to path: String) throws {
        // No O_TRUNC: a file rewritten in place keeps its blocks, then is cut to its new length.
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { throw FileError(path: path, code: errno) }
        defer { close(descriptor) }
        var info = stat()
        let known = fstat(descriptor, &info) == 0
        if known, Int(info.st_size) == buffer.count, holds(descriptor, buffer) { return }
        try writeAll(buffer, to: descriptor, path: path)
        if !known || Int(info.st_size) > buffer.count, ftruncate(descriptor, off_t(buffer.count)) != 0 {
            throw FileError(path: path, code: errno)
        }
    }

    /// Writes `buffer` from the start of an open file.
    static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32, path: String) throws {
        guard let base = buffer.baseAddress else { return }
        var offset = 0
        while offset < buffer.count {
            let written = pwrite(descriptor, base + offset, buffer.count - offset, off_t(offset))
            if written < 0 {
                if errno == EINTR { continue }
                throw FileError(path: path, code: errno)
            }
            offset += written
        }
    }

    /// Whether the open file holds `buffer`'s bytes from its start (its size is known to match).
    private static func holds(_ descriptor: Int32, _ buffer: UnsafeRawBufferPointer) -> Bool {
        guard let expected = buffer.baseAddress else { return true }
        let existing = UnsafeMutableRawPointer.allocate(byteCount: buffer.count, alignment: 16)
        defer { existing.deallocate() }
        var count = 0
        while count < buffer.count {
            let got = pread(descriptor, existing + count, buffer.count - count, off_t(count))
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { return false }
            count += got
        }
        return memcmp(existing, expected, buffer.count) == 0
    }

    /// The bytes of the regular file at `path` if it holds exactly `size` of them; nil if it is
    /// missing, a link (never followed), another kind of file or of another size. A FIFO there
    /// does not block the opening (`O_NONBLOCK`, which changes nothing for a regular file).
    package static func contents(ofRegularFileAt path: String, size: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == size else { return nil }
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            guard let base = buffer.baseAddress else { return }
            while count < size {
                let got = pread(descriptor, base + count, size - count, off_t(count))
                if got < 0, errno == EINTR { continue }
                guard got > 0 else {
                    complete = false
                    return
                }
                count += got
            }
        }
        return complete ? bytes : nil
    }

    /// The whole file, or nil if it cannot be opened or read.
    package static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        // A regular file is read with one call: a byte more than its size is asked for, and a
        // read that stops at that size is its end. Anything else (another kind of file, one that
        // grew, a read cut short) goes on until `read` returns 0.
        let size = info.st_mode & S_IFMT == S_IFREG ? Int(info.st_size) : -1
        var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(bytes.count, 4096))) }
            let asked = bytes.count - count
            let got = bytes.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return -1 }
                return Glibc.read(descriptor, base + count, raw.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                return nil
            }
            count += got
            if got == 0 || (got < asked && count == size) { break }
        }
        bytes.removeLast(bytes.count - count)
        return bytes
    }
}
