import Foundation

/// What is at a path, read with `lstat`: a symbolic link is reported as a link, never followed.
package enum FileKind: Equatable, Sendable {
    case missing, folder, file, link, other

    package static func of(_ path: String) -> FileKind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG: return .file
        case S_IFLNK: return .link
        default: return .other
        }
    }

    /// The device of the folder at `path`, or of its nearest existing parent (a folder not yet
    /// made will be on its parent's file system); nil if none can be read.
    package static func device(of path: String) -> UInt64? {
        var current = path
        while true {
            var info = stat()
            if stat(current, &info) == 0 { return UInt64(info.st_dev) }
            guard errno == ENOENT, current != "/", !current.isEmpty else { return nil }
            current = PathText.parent(current)
        }
    }
}
