import Foundation
import DossierModel

/// Lists and reads files below a project root, refusing anything that leads outside it.
struct FileWalker {
    let root: String
    /// Files already read, reused unless their path is in `changed` (see `ProjectLoader`).
    var previous: [String: SourceFile] = [:]
    var changed: Set<String> = []
    private let fileManager = FileManager()
    private let realRoot: String

    init(root: String) {
        self.root = root
        self.realRoot = FileIO.realPath(root) ?? root
    }

    func absolute(_ relative: String) -> String {
        (root as NSString).appendingPathComponent(relative)
    }

    func isDirectory(_ relative: String) -> Bool {
        var isDir: ObjCBool = false
        return fileManager.fileExists(atPath: absolute(relative), isDirectory: &isDir) && isDir.boolValue
    }

    func isFile(_ relative: String) -> Bool {
        var isDir: ObjCBool = false
        return fileManager.fileExists(atPath: absolute(relative), isDirectory: &isDir) && !isDir.boolValue
    }

    /// Whether the top folder `relative` (`content`, `templates`) may be read: a symbolic link
    /// there must lead inside the project, like any link below it. Reports the link otherwise.
    func staysInside(_ relative: String, diagnostics: inout Diagnostics) -> Bool {
        guard FileKind.of(absolute(relative)) == .link, let real = FileIO.realPath(absolute(relative)),
              !isInsideRoot(real: real) else { return true }
        diagnostics.error("\(relative) is a link that leads outside the project (to \(real)); links leaving the project are refused: make \(relative)/ a folder of the project", file: relative)
        return false
    }

    /// Files below `folder` (relative paths from the root, sorted), skipping hidden entries.
    ///
    /// A link to a folder is followed unless it leads outside the project, or back to a folder of
    /// the walk that led to it (or a parent of one): a loop, which would be walked forever.
    func files(under folder: String, diagnostics: inout Diagnostics, where keep: (String) -> Bool) -> [String] {
        var result: [String] = []
        var pending = [Visit(path: folder, real: FileIO.realPath(absolute(folder)) ?? absolute(folder), walked: [])]
        while let current = pending.popLast() {
            guard let entries = Self.entries(of: absolute(current.path)) else {
                diagnostics.error("cannot read folder: \(String(cString: strerror(errno)))", file: current.path)
                continue
            }
            for entry in entries where !entry.name.hasPrefix(".") && !entry.name.hasSuffix("~") {
                let relative = current.path + "/" + entry.name
                // A plain file or folder found in a folder inside the root is inside the root;
                // only a link (or an entry of unknown kind) needs resolving.
                switch entry.kind {
                case .folder:
                    pending.append(Visit(path: relative, real: current.real + "/" + entry.name, walked: current.chain))
                case .file:
                    if keep(relative) { result.append(relative) }
                case .other:
                    guard let real = FileIO.realPath(absolute(relative)), isInsideRoot(real: real) else {
                        diagnostics.error("\(relative) is a link that leads outside the project; copy the file in instead", file: relative)
                        continue
                    }
                    if !isDirectory(relative) {
                        if keep(relative) { result.append(relative) }
                    } else if current.chain.contains(where: { Self.contains(real, $0) }) {
                        diagnostics.error("symbolic link loops back to \(shown(real)) (already read); remove it", file: relative)
                    } else {
                        pending.append(Visit(path: relative, real: real, walked: current.chain))
                    }
                }
            }
        }
        return result.sorted()
    }

    /// A folder to read: its path from the root, its canonical path (links resolved), and the
    /// canonical paths of the folders the walk went through to reach it, itself included.
    private struct Visit {
        let path: String
        let real: String
        let chain: [String]

        init(path: String, real: String, walked: [String]) {
            self.path = path
            self.real = real
            self.chain = walked + [real]
        }
    }

    /// Whether canonical path `folder` is `path` or one of its parents.
    static func contains(_ folder: String, _ path: String) -> Bool {
        path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }

    /// A canonical path inside the project as the user knows it: `content/`, or `./` for the root.
    private func shown(_ real: String) -> String {
        guard real != realRoot else { return "./" }
        let prefix = realRoot.hasSuffix("/") ? realRoot : realRoot + "/"
        return real.hasPrefix(prefix) ? String(real.dropFirst(prefix.count)) + "/" : real + "/"
    }

    struct Entry {
        enum Kind { case file, folder, other }
        let name: String
        let kind: Kind
    }

    /// The entries of a folder with the kinds `readdir` reports (no `stat` per file).
    static func entries(of path: String) -> [Entry]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var entries: [Entry] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let kind: Entry.Kind
            switch entry.pointee.d_type {
            case UInt8(DT_REG): kind = .file
            case UInt8(DT_DIR): kind = .folder
            default: kind = .other
            }
            entries.append(Entry(name: name, kind: kind))
        }
        return entries
    }

    func read(_ relative: String, diagnostics: inout Diagnostics) -> SourceFile? {
        if let file = previous[relative], !changed.contains(relative) { return file }
        guard let bytes = FileIO.read(absolute(relative)) else {
            diagnostics.error("cannot read file", file: relative)
            return nil
        }
        return SourceFile(path: relative, bytes: bytes)
    }

    /// `read` for many files, in parallel; results and diagnostics in the order of `paths`.
    func read(_ paths: [String], diagnostics: inout Diagnostics) -> [SourceFile] {
        let walker = self
        let results = paths.parallelMap { path -> (SourceFile?, Diagnostics) in
            var local = Diagnostics()
            let file = walker.read(path, diagnostics: &local)
            return (file, local)
        }
        var files: [SourceFile] = []
        files.reserveCapacity(results.count)
        for (file, local) in results {
            diagnostics.append(contentsOf: local)
            if let file { files.append(file) }
        }
        return files
    }

    private func isInsideRoot(real: String) -> Bool {
        Self.contains(realRoot, real)
    }

}
