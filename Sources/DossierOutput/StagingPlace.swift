import Foundation
import DossierModel

/// Where a build writes the site before it takes the output's place.
///
/// In the project's scratch folder (`.dossier/`, ignored by git) when that is on the output's
/// file system, so that the two can be exchanged by one rename: nothing of a build then lies
/// beside the output, where a web server could serve it. Otherwise beside the output
/// (`.NAME.dossier-staging`), removed before the build returns.
struct StagingPlace: Sendable, Equatable {
    let path: String
    /// Beside the output: removed once the build has swapped it in or given up.
    let isBeside: Bool

    /// The output folder's own staging folder in `scratch`, named for the output (its last
    /// component and a hash of its full path, since one project may build several outputs).
    static func inScratch(_ scratch: String, output: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
        for byte in output.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let name = String(PathText.lastComponent(output).prefix(40))
        return scratch + "/" + name + "-" + String(hash, radix: 16) + ".staging"
    }

    static func beside(_ output: String) -> String {
        PathText.parent(output) + "/." + PathText.lastComponent(output) + ".dossier-staging"
    }

    /// The scratch folder when it can be made a real folder on the output's file system,
    /// else beside the output.
    static func choose(output: String, scratch: String?) -> StagingPlace {
        let besidePlace = StagingPlace(path: beside(output), isBeside: true)
        guard let scratch, prepareScratch(scratch),
              let device = FileKind.device(of: scratch), device == FileKind.device(of: PathText.parent(output)) else {
            return besidePlace
        }
        return StagingPlace(path: inScratch(scratch, output: output), isBeside: false)
    }

    /// Makes `scratch` a real folder: a symbolic link there is removed (never followed) and a
    /// folder made in its place. False when something else is there.
    private static func prepareScratch(_ scratch: String) -> Bool {
        switch FileKind.of(scratch) {
        case .folder: return true
        case .link: guard unlink(scratch) == 0 else { return false }
        case .missing: break
        case .file, .other: return false
        }
        return mkdir(scratch, 0o755) == 0 || (errno == EEXIST && FileKind.of(scratch) == .folder)
    }
}
