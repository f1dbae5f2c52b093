import Foundation
import DossierModel

extension StagingFolder {
    /// What a staging folder held before this build, read in one walk.
    struct Contents {
        var files = Set<String>()
        var folders = Set<String>([""])
        /// A symbolic link anywhere (the folder itself included) means the folder is not reused
        /// (a write could follow it out), and so does a name that is not UTF-8 (it could not be
        /// removed by its name).
        var mustRemove = false
        /// Whether a folder below the root holds no file, however deep: one that a build writing
        /// every file already there would still have to remove.
        var hasFilelessFolder = false

        /// The folder's files and folders; nothing if it does not exist.
        static func scan(_ root: String) -> Contents {
            var contents = Contents()
            switch FileKind.of(root) {
            case .missing: break
            case .folder: _ = scan(root, relative: "", into: &contents)
            case .link, .file, .other: contents.mustRemove = true
            }
            return contents
        }

        /// An entry's name; nil when it is not UTF-8.
        private static func name(of entry: UnsafeMutablePointer<dirent>) -> String? {
            withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(validating: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
        }

        /// A folder opened without following a link in its place.
        private static func openFolder(_ path: String) -> OpaquePointer? {
            let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard descriptor >= 0 else { return nil }
            guard let directory = fdopendir(descriptor) else {
                close(descriptor)
                return nil
            }
            return directory
        }

        /// `readdir` with the entry types it reports, so no file is stat-ed on ext4, xfs, btrfs, tmpfs.
        /// Returns whether the folder holds a file (or a link), however deep; false for a folder
        /// that cannot be read, which sends `removeStaleFiles` down its full path.
        private static func scan(_ folder: String, relative: String, into contents: inout Contents) -> Bool {
            guard let directory = openFolder(folder) else {
                if errno == ELOOP || errno == ENOTDIR { contents.mustRemove = true }
                return false
            }
            defer { closedir(directory) }
            var holdsFile = false
            while let entry = readdir(directory) {
                guard let name = name(of: entry) else {
                    contents.mustRemove = true
                    holdsFile = true
                    continue
                }
                if name == "." || name == ".." { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                var kind: FileKind
                switch entry.pointee.d_type {
                case UInt8(DT_DIR): kind = .folder
                case UInt8(DT_LNK): kind = .link
                case UInt8(DT_UNKNOWN): kind = FileKind.of(folder + "/" + name)
                default: kind = .file
                }
                switch kind {
                case .missing: continue
                case .folder:
                    contents.folders.insert(path)
                    if scan(folder + "/" + name, relative: path, into: &contents) {
                        holdsFile = true
                    } else {
                        contents.hasFilelessFolder = true
                    }
                case .link:
                    contents.mustRemove = true
                    holdsFile = true
                case .file, .other:
                    contents.files.insert(path)
                    holdsFile = true
                }
            }
            return holdsFile
        }
    }
}
