import Foundation
import DossierModel

/// Refuses output folders whose replacement would destroy the project or someone's files.
///
/// The build replaces the whole output folder, so it must never be the project, its content or
/// templates, a folder that holds them, or a folder of other files. Paths are compared with
/// their links resolved: with `content` a link, `--out content/site` is inside what it leads to.
package enum OutputGuard {
    /// The name of the file every output folder carries, so a later build knows it may replace it.
    static let markerName = ".dossier"
    /// The project's scratch folder, where builds stage the site (ignored by git).
    static let scratchName = ".dossier"

    package struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        package let message: String
        package var description: String { message }
    }

    package static func check(output: String, root: String) throws(Refusal) {
        let out = canonical(output)
        let project = canonical(root)
        // Each folder the build reads (as written, and as its links resolve), then its scratch folder.
        var used: [(shown: String, path: String)] = []
        for name in ["content", "templates"] {
            let shown = root + "/" + name
            used.append((shown, project + "/" + name))
            used.append((shown, canonical(shown)))
        }
        for (shown, folder) in [("the project folder", project)] + used where folder == out || contains(out, folder) {
            throw Refusal(message: "refusing to write the site to \(output): it would replace \(shown) (choose a folder of its own, such as public/)")
        }
        used.append((root + "/" + scratchName, project + "/" + scratchName))
        for (shown, folder) in used where folder == out || contains(folder, out) {
            throw Refusal(message: "refusing to write the site to \(output): it is inside \(shown), which the build uses")
        }
        switch FileKind.of(out) {
        case .missing:
            return
        case .folder:
            let entries = (try? FileManager().contentsOfDirectory(atPath: out)) ?? []
            if !entries.isEmpty && FileKind.of(out + "/" + markerName) != .file {
                throw Refusal(message: "refusing to replace \(output): it holds files that dossier did not write (no \(markerName) marker); empty it or choose another folder")
            }
        case .file, .link, .other:
            throw Refusal(message: "refusing to write the site to \(output): it is a file, not a folder")
        }
    }

    /// Whether `path` is inside `folder` (both canonical).
    private static func contains(_ folder: String, _ path: String) -> Bool {
        path.hasPrefix(folder == "/" ? "/" : folder + "/")
    }

    /// Absolute path with `.`/`..` removed and links resolved as far as the path exists.
    static func canonical(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : (FileManager().currentDirectoryPath as NSString).appendingPathComponent(path)
        var existing = (absolute as NSString).standardizingPath
        var rest: [String] = []
        while FileIO.realPath(existing) == nil, existing != "/" {
            rest.insert(PathText.lastComponent(existing), at: 0)
            existing = PathText.parent(existing)
        }
        var result = FileIO.realPath(existing) ?? existing
        for component in rest { result = (result as NSString).appendingPathComponent(component) }
        return result
    }
}
