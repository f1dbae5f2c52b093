import Foundation

/// Refuses output folders whose replacement would destroy the project or someone's files.
///
/// The build replaces the whole output folder, so it must never be the project, its content or
/// templates, a folder that holds them, or a folder of other files.
public enum OutputGuard {
    /// The name of the file every output folder carries, so a later build knows it may replace it.
    public static let markerName = ".dossier"

    public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    public static func check(output: String, root: String) throws(Refusal) {
        let out = canonical(output)
        let project = canonical(root)
        let protected = [project, project + "/content", project + "/templates"]
        for folder in protected {
            if folder == out || folder.hasPrefix(out == "/" ? "/" : out + "/") {
                throw Refusal(message: "refusing to write the site to \(output): it would replace \(folder == project ? "the project folder" : folder) (choose a folder of its own, such as public/)")
            }
        }
        for folder in protected.dropFirst() where out.hasPrefix(folder + "/") {
            throw Refusal(message: "refusing to write the site to \(output): it is inside \(folder), which the build reads")
        }
        var isDirectory: ObjCBool = false
        let manager = FileManager()
        if manager.fileExists(atPath: out, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw Refusal(message: "refusing to write the site to \(output): it is a file, not a folder")
            }
            let entries = (try? manager.contentsOfDirectory(atPath: out)) ?? []
            if !entries.isEmpty && !entries.contains(markerName) {
                throw Refusal(message: "refusing to replace \(output): it holds files that dossier did not write (no \(markerName) marker); empty it or choose another folder")
            }
        }
    }

    /// Absolute path with `.`/`..` removed and links resolved as far as the path exists.
    static func canonical(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : (FileManager().currentDirectoryPath as NSString).appendingPathComponent(path)
        var existing = (absolute as NSString).standardizingPath
        var rest: [String] = []
        while FileWalker.realPath(existing) == nil, existing != "/" {
            rest.insert(PathText.lastComponent(existing), at: 0)
            existing = PathText.parent(existing)
        }
        var result = FileWalker.realPath(existing) ?? existing
        for component in rest { result = (result as NSString).appendingPathComponent(component) }
        return result
    }
}
