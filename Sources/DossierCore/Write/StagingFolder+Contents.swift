import Foundation

extension StagingFolder {
    /// What a staging folder held before this build: from the output record where the disk
    /// still shows what it says, else read in one walk.
    struct Contents {
        var files = Set<String>()
        var folders = Set<String>([""])
        /// A symbolic link anywhere means the folder is not reused (a write could follow it out),
        /// and so does a name that is not UTF-8 (it could not be removed by its name).
        var mustRemove = false
        /// Whether a folder below the root holds no file, however deep: one that a build writing
        /// every file already there would still have to remove.
        var hasFilelessFolder = false
        /// The record found beside the output, whichever folder it vouches for.
        var record: OutputRecord?
        var known: [String: OutputRecord.File] = [:]
        /// The record's tree of the folder, when every folder in it was found unchanged.
        var unchangedTree: OutputRecord.Tree?
        /// Held until the build is swapped in or given up (`OutputLock`).
        var lock: OutputLock?

        /// Reads the record at `recordPath`; lists the folder from it if every folder it names
        /// is unchanged, else walks it.
        /// - Parameter boot: the running system's boot (`OutputRecord.currentBoot`): files stamped
        ///   before another boot are not trusted, since a power cut can lose written bytes while
        ///   their stamps survive.
        static func load(_ root: String, recordPath: String, margin: Int64 = OutputRecord.margin,
                         boot: String? = OutputRecord.currentBoot) -> Contents {
            let found = FileStamp.of(root)
            let identity = found.map { (device: $0.device, inode: $0.stamp.inode) }
            let record = OutputRecord.read(recordPath, only: identity)
            var contents: Contents
            if let record, let found, found.kind == S_IFDIR, let tree = record.tree(device: found.device, inode: found.stamp.inode) {
                let trusted = tree.made - margin
                contents = unchanged(tree, root: root, before: trusted) ?? scan(root)
                if boot != nil, record.boot == boot {
                    contents.known = tree.files.values.allSatisfy { $0.stamp.isOlder(than: trusted) }
                        ? tree.files : tree.files.filter { $0.value.stamp.isOlder(than: trusted) }
                }
            } else {
                contents = scan(root)
            }
            contents.record = record
            return contents
        }

        /// The folder as the record lists it, if every folder the record names is still there
        /// with its stamp (then none gained or lost an entry since); nil otherwise.
        private static func unchanged(_ tree: OutputRecord.Tree, root: String, before trusted: Int64) -> Contents? {
            // The folder itself is renamed by every exchange, which moves its change time: its
            // entries are read instead.
            guard rootMatches(tree, root: root) else { return nil }
            for (path, stamp) in tree.folders where !path.isEmpty {
                guard stamp.isOlder(than: trusted), let found = FileStamp.of(root + "/" + path),
                      found.kind == S_IFDIR, found.stamp == stamp else { return nil }
            }
            var contents = Contents()
            contents.files = Set(tree.files.keys)
            contents.folders = Set(tree.folders.keys)
            // A tree is recorded only after `removeStaleFiles` left no folder without a file
            // (`recordTree`), and none was added since: its folders are unchanged.
            contents.hasFilelessFolder = false
            contents.unchangedTree = tree
            return contents
        }

        /// Whether the names directly in the folder are the record's, each a file or a folder as
        /// recorded (anything else, a link say, is for the walk to find).
        private static func rootMatches(_ tree: OutputRecord.Tree, root: String) -> Bool {
            guard let directory = opendir(root) else { return false }
            defer { closedir(directory) }
            var count = 0
            while let entry = readdir(directory) {
                // A name that is not UTF-8 is for the walk to find.
                guard let name = name(of: entry) else { return false }
                if name == "." || name == ".." { continue }
                count += 1
                switch entry.pointee.d_type {
                case UInt8(DT_DIR): guard tree.folders[name] != nil else { return false }
                case UInt8(DT_REG): guard tree.files[name] != nil else { return false }
                default: return false
                }
            }
            let slash = UInt8(ascii: "/")
            let recorded = tree.files.keys.count { !$0.utf8.contains(slash) } + tree.folders.keys.count { !$0.isEmpty && !$0.utf8.contains(slash) }
            return count == recorded
        }

        /// An entry's name; nil when it is not UTF-8.
        private static func name(of entry: UnsafeMutablePointer<dirent>) -> String? {
            withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(validating: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
        }

        static func scan(_ root: String) -> Contents {
            var contents = Contents()
            _ = scan(root, relative: "", into: &contents)
            return contents
        }

        /// `readdir` with the entry types it reports, so no file is stat-ed on ext4, xfs, btrfs, tmpfs.
        /// Returns whether the folder holds a file (or a link), however deep; false for a folder
        /// that cannot be read, which sends `removeStaleFiles` down its full path.
        private static func scan(_ folder: String, relative: String, into contents: inout Contents) -> Bool {
            guard let directory = opendir(folder) else { return false }
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
                var type = entry.pointee.d_type
                if type == UInt8(DT_UNKNOWN) {
                    var info = stat()
                    guard lstat(folder + "/" + name, &info) == 0 else { continue }
                    switch info.st_mode & S_IFMT {
                    case S_IFDIR: type = UInt8(DT_DIR)
                    case S_IFLNK: type = UInt8(DT_LNK)
                    default: type = UInt8(DT_REG)
                    }
                }
                switch type {
                case UInt8(DT_DIR):
                    contents.folders.insert(path)
                    if scan(folder + "/" + name, relative: path, into: &contents) {
                        holdsFile = true
                    } else {
                        contents.hasFilelessFolder = true
                    }
                case UInt8(DT_LNK):
                    contents.mustRemove = true
                    holdsFile = true
                default:
                    contents.files.insert(path)
                    holdsFile = true
                }
            }
            return holdsFile
        }
    }
}
