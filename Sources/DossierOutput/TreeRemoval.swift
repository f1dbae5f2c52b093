import Foundation
import DossierModel

/// Removes a file, a link or a whole folder without ever following a symbolic link: a link is
/// removed, never what it leads to. Folders are opened with `O_NOFOLLOW` and emptied through
/// their descriptor (`unlinkat`), so a link put in place of a folder cannot send the removal
/// elsewhere; names that are not UTF-8 are removed too.
enum TreeRemoval {
    static func remove(_ path: String) throws(FileError) {
        if unlink(path) == 0 || errno == ENOENT { return }
        guard errno == EISDIR || errno == EPERM else { throw FileError(path: path, code: errno) }
        let folder = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard folder >= 0 else { throw FileError(path: path, code: errno) }
        defer { close(folder) }
        try empty(folder, path: path)
        guard rmdir(path) == 0 || errno == ENOENT else { throw FileError(path: path, code: errno) }
    }

    /// Removes everything inside the open folder `descriptor` (its path is for messages).
    private static func empty(_ descriptor: Int32, path: String) throws(FileError) {
        for name in try names(in: descriptor, path: path) {
            if unlinkat(descriptor, name, 0) == 0 || errno == ENOENT { continue }
            let shown = path + "/" + String(decoding: name.map { UInt8(bitPattern: $0) }.dropLast(), as: UTF8.self)
            guard errno == EISDIR || errno == EPERM else { throw FileError(path: shown, code: errno) }
            let child = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard child >= 0 else { throw FileError(path: shown, code: errno) }
            defer { close(child) }
            try empty(child, path: shown)
            guard unlinkat(descriptor, name, AT_REMOVEDIR) == 0 || errno == ENOENT else { throw FileError(path: shown, code: errno) }
        }
    }

    /// The entries of an open folder, as NUL-terminated names (read before any is removed).
    private static func names(in descriptor: Int32, path: String) throws(FileError) -> [[CChar]] {
        let copy = dup(descriptor)
        guard copy >= 0, let directory = fdopendir(copy) else {
            let code = errno
            if copy >= 0 { close(copy) }
            throw FileError(path: path, code: code)
        }
        defer { closedir(directory) }
        var names: [[CChar]] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 }).map { CChar(bitPattern: $0) } + [0]
            }
            if name == [46, 0] || name == [46, 46, 0] { continue }  // "." and ".."
            names.append(name)
        }
        return names
    }
}
