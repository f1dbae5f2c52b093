import Foundation

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
        self.realRoot = FileWalker.realPath(root) ?? root
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

    /// Files below `folder` (relative paths from the root, sorted), skipping hidden entries.
    func files(under folder: String, diagnostics: inout Diagnostics, where keep: (String) -> Bool) -> [String] {
        var result: [String] = []
        var pending = [folder]
        while let current = pending.popLast() {
            let names: [String]
            do {
                names = try fileManager.contentsOfDirectory(atPath: absolute(current))
            } catch {
                diagnostics.error("cannot read folder: \(error.localizedDescription)", file: current)
                continue
            }
            for name in names where !name.hasPrefix(".") && !name.hasSuffix("~") {
                let relative = current + "/" + name
                guard isInsideRoot(relative) else {
                    diagnostics.error("\(relative) is a link that leads outside the project; copy the file in instead", file: relative)
                    continue
                }
                if isDirectory(relative) {
                    pending.append(relative)
                } else if keep(relative) {
                    result.append(relative)
                }
            }
        }
        return result.sorted()
    }

    func read(_ relative: String, diagnostics: inout Diagnostics) -> SourceFile? {
        if let file = previous[relative], !changed.contains(relative) { return file }
        guard let data = fileManager.contents(atPath: absolute(relative)) else {
            diagnostics.error("cannot read file", file: relative)
            return nil
        }
        return SourceFile(path: relative, bytes: [UInt8](data))
    }

    private func isInsideRoot(_ relative: String) -> Bool {
        guard let real = FileWalker.realPath(absolute(relative)) else { return false }
        return real == realRoot || real.hasPrefix(realRoot.hasSuffix("/") ? realRoot : realRoot + "/")
    }

    /// The canonical path with every symbolic link resolved, or nil if it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
