import Foundation
import DossierModel

/// Writes a site atomically: files go to a staging folder (`StagingPlace`), which then takes the
/// output's place in one `renameat2(RENAME_EXCHANGE)`. A build that fails, or is killed, leaves
/// the previous output as it was.
///
/// The staging folder lives in the project's scratch folder (`.dossier/`) when that is on the
/// output's file system. After the exchange it holds the previous site, and the next build
/// writes over it in place: rewriting an existing file costs a fraction of creating one and
/// deleting another (docs/PERFORMANCE.md). Otherwise it is made beside the output and removed
/// before the build returns. Only folders carrying the `.dossier` marker are ever reused.
package struct OutputWriter: Sendable {
    package let output: String
    /// The project's scratch folder (canonical); nil stages beside the output.
    let scratch: String?

    /// - Parameter project: the project folder, whose `.dossier/` holds the staging folder.
    package init(output: String, project: String) {
        self.init(output: output, scratch: OutputGuard.canonical(project) + "/" + OutputGuard.scratchName)
    }

    init(output: String, scratch: String?) {
        self.output = OutputGuard.canonical(output)
        self.scratch = scratch
    }

    package struct Failure: Error, Sendable, CustomStringConvertible {
        package let message: String
        package var description: String { message }
    }

    var parent: String { PathText.parent(output) }
    var name: String { PathText.lastComponent(output) }
    static let marker = "Built by dossier. This folder is replaced by every build.\n"

    /// Writes a site held in memory.
    package func write(_ site: RenderedSite) throws(Failure) {
        let staging = try begin()
        do {
            for (path, content) in site.files.sorted(by: { $0.key < $1.key }) { try staging.put(path, content) }
        } catch {
            staging.discard()
            throw Failure(message: "cannot write the site to \(staging.root): \(error)")
        }
        try commit(staging)
    }

    /// Where the build stages, what the staging folder holds, and the output's lock.
    package struct Opening {
        let place: StagingPlace
        var contents: StagingFolder.Contents
        let lock: OutputLock?
    }

    /// Starts reading what the staging folder holds on another thread, so that it overlaps the
    /// build; `begin(scan:)` waits for it.
    package func scanInBackground() -> BackgroundTask<Opening> {
        BackgroundTask { [self] in lockAndLoad() }
    }

    /// Waits for the output's lock (`OutputLock`), then reads what the staging folder holds.
    func lockAndLoad() -> Opening {
        let lock = OutputLock(folder: parent)
        let place = StagingPlace.choose(output: output, scratch: scratch)
        return Opening(place: place, contents: .scan(place.path), lock: lock)
    }

    /// Opens the staging folder: the one the previous build left (reused) or a new one.
    package func begin() throws(Failure) -> StagingFolder {
        try begin(scan: nil)
    }

    /// `begin()`, with the walk of the staging folder `scanInBackground()` started.
    package func begin(scan: BackgroundTask<Opening>?) throws(Failure) -> StagingFolder {
        let parentExisted = FileKind.of(parent) != .missing
        do {
            try FileManager().createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw Failure(message: "cannot create \(parent): \(error.localizedDescription)")
        }
        var opening = scan?.value() ?? lockAndLoad()
        // The first build into a new folder could not lock it before it existed.
        if opening.lock == nil, !parentExisted { opening = lockAndLoad() }
        let path = opening.place.path
        let created = try claim(path, contents: &opening.contents)
        if created && mkdir(path, 0o755) != 0 {
            throw Failure(message: "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        let staging = StagingFolder(root: path, contents: opening.contents, lock: opening.lock,
                                    removedOnDiscard: created || opening.place.isBeside, inScratch: !opening.place.isBeside)
        do {
            try staging.put(OutputGuard.markerName, .text(Self.marker))
            return staging
        } catch {
            staging.discard()
            throw Failure(message: "cannot prepare \(path): \(error)")
        }
    }

    /// Makes sure that what is at `path` may be written into: nothing (returns true: the folder
    /// is to be made), or a folder of an earlier build. A symbolic link there is removed, never
    /// followed, and so is a folder holding one.
    private func claim(_ path: String, contents: inout StagingFolder.Contents) throws(Failure) -> Bool {
        switch FileKind.of(path) {
        case .missing:
            contents = StagingFolder.Contents()
            return true
        case .folder:
            // An empty folder is taken as ours: a build killed between creating it and writing the
            // marker leaves it so, and there is nothing in it to lose.
            let empty = (try? FileManager().contentsOfDirectory(atPath: path))?.isEmpty ?? false
            guard empty || FileKind.of(path + "/" + OutputGuard.markerName) == .file else {
                throw Failure(message: "\(path) exists and was not made by dossier; remove it")
            }
        case .link:
            contents.mustRemove = true
        case .file, .other:
            throw Failure(message: "\(path) exists and was not made by dossier; remove it")
        }
        guard contents.mustRemove else { return false }
        do {
            try TreeRemoval.remove(path)
        } catch {
            throw Failure(message: "\(path) holds a symbolic link or a file name that is not UTF-8, and cannot be removed (\(error)); remove it")
        }
        contents = StagingFolder.Contents()
        return true
    }

    /// Removes what the previous occupant of the staging folder had and this build did not write,
    /// puts the staging folder in the output's place, and removes whatever a build left beside
    /// the output.
    package func commit(_ staging: StagingFolder) throws(Failure) {
        defer { staging.releaseLock() }
        staging.removeStaleFiles()
        do {
            try OutputSwap(output: output).swap(staging.root)
        } catch {
            staging.discard()
            throw Failure(message: error.message)
        }
        removeLeftovers(staging: staging.root)
    }

    /// Removes the staging folder beside the output (it now holds the previous site), and the
    /// staging folder and record that earlier versions of Dossier kept there.
    func removeLeftovers(staging: String) {
        let beside = StagingPlace.beside(output)
        switch FileKind.of(beside) {
        case .link:
            unlink(beside)
        case .folder where beside == staging || FileKind.of(beside + "/" + OutputGuard.markerName) == .file:
            try? TreeRemoval.remove(beside)
        default:
            break
        }
        let record = parent + "/.\(name).dossier-record"
        if [.file, .link].contains(FileKind.of(record)) { unlink(record) }
    }
}
