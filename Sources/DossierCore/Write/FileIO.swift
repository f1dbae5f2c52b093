import Foundation

/// A file operation that failed, with the path and the system's reason.
struct FileError: Error, Sendable, CustomStringConvertible {
    let path: String
    let code: Int32

    var description: String { "\(path): \(String(cString: strerror(code)))" }
}

/// Whole-file writes and copies with POSIX calls (Foundation's `Data.write` syncs each file to
/// disk, which made writing thousands of pages slow).
enum FileIO {
    static func write(_ text: String, to path: String) throws {
        var text = text
        try text.withUTF8 { buffer in
            try write(UnsafeRawBufferPointer(buffer), to: path)
        }
    }

    static func write(_ buffer: UnsafeRawBufferPointer, to path: String) throws {
        // No O_TRUNC: a file rewritten in place keeps its blocks, then is cut to its new length.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { throw FileError(path: path, code: errno) }
        defer { close(descriptor) }
        var offset = 0
        while offset < buffer.count {
            let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw FileError(path: path, code: errno)
            }
            offset += written
        }
        if ftruncate(descriptor, off_t(buffer.count)) != 0 { throw FileError(path: path, code: errno) }
    }

    static func copy(_ source: String, to path: String) throws {
        guard let data = FileManager().contents(atPath: source) else { throw FileError(path: source, code: ENOENT) }
        try data.withUnsafeBytes { try write($0, to: path) }
    }
}
