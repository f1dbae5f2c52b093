import Foundation

/// Writes a site atomically: files go to a staging folder beside the output (`.public.dossier-staging`),
/// which then takes the output's place in one `renameat2(RENAME_EXCHANGE)`. A build that fails
/// leaves the previous output as it was.
///
/// After the exchange the staging folder holds the previous site. It is kept, and the next build
/// writes over it in place: rewriting an existing file costs a fraction of creating one and
/// deleting another (measured in docs/PERFORMANCE.md), at the price of a second copy of the site
/// on disk. Only folders carrying the `.dossier` marker are ever reused or removed.
///
/// Beside them, a record of what each build left (`OutputRecord`, `.public.dossier-record`) lets
/// the next build skip listing the staging folder and reading its pages back where the disk
/// shows nothing changed.
public struct OutputWriter: Sendable {
    public let output: String
    /// How old a stamp in the output record must be to be trusted (`OutputRecord.margin`);
    /// tests set it to zero.
    var recordMargin = OutputRecord.margin

    public init(output: String) {
        self.output = OutputGuard.canonical(output)
    }

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    var parent: String { PathText.parent(output) }
    var name: String { PathText.lastComponent(output) }
    var stagingPath: String { parent + "/.\(name).dossier-staging" }
    var recordPath: String { OutputRecord.path(parent: parent, name: name) }
    static let marker = "Built by dossier. This folder is replaced by every build.\n"

    /// Writes a site held in memory.
    public func write(_ site: RenderedSite) throws(Failure) {
        let staging = try begin()
        do {
            for (path, content) in site.files.sorted(by: { $0.key < $1.key }) { try staging.put(path, content) }
        } catch {
            staging.discard()
            throw Failure(message: "cannot write the site to \(staging.root): \(error)")
        }
        try commit(staging)
    }

    /// Starts reading what the staging folder holds (from the output record, or by walking it)
    /// on another thread, so that it overlaps the build; `begin(scan:)` waits for it.
    func scanInBackground() -> BackgroundTask<StagingFolder.Contents> {
        BackgroundTask { [self] in lockAndLoad() }
    }

    /// Waits for the output's lock (`OutputLock`), then reads what the staging folder holds.
    func lockAndLoad() -> StagingFolder.Contents {
        let lock = OutputLock(folder: parent)
        var contents = StagingFolder.Contents.load(stagingPath, recordPath: recordPath, margin: recordMargin)
        contents.lock = lock
        return contents
    }

    /// Opens the staging folder: the one the previous build left (reused) or a new one.
    public func begin() throws(Failure) -> StagingFolder {
        try begin(scan: nil)
    }

    /// `begin()`, with the walk of the staging folder `scanInBackground()` started.
    func begin(scan: BackgroundTask<StagingFolder.Contents>?) throws(Failure) -> StagingFolder {
        let parentExisted = FileManager().fileExists(atPath: parent)
        do {
            try FileManager().createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw Failure(message: "cannot create \(parent): \(error.localizedDescription)")
        }
        var contents = scan?.value() ?? lockAndLoad()
        // The first build into a new folder could not lock it before it existed. (Where the file
        // system cannot lock, the staging folder is not read a second time.)
        if contents.lock == nil, !parentExisted { contents = lockAndLoad() }
        let manager = FileManager()
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: stagingPath, isDirectory: &isDirectory) {
            // An empty folder is taken as ours: a build killed between creating it and writing the
            // marker leaves it so, and there is nothing in it to lose.
            let empty = (try? manager.contentsOfDirectory(atPath: stagingPath))?.isEmpty ?? false
            guard isDirectory.boolValue, empty || manager.fileExists(atPath: stagingPath + "/" + OutputGuard.markerName) else {
                throw Failure(message: "\(stagingPath) exists and was not made by dossier; remove it")
            }
        }
        if contents.mustRemove {
            try? manager.removeItem(atPath: stagingPath)
            // Whatever stayed could be a link that a write would follow out of the folder.
            guard !manager.fileExists(atPath: stagingPath) else {
                throw Failure(message: "\(stagingPath) holds a symbolic link or a file name that is not UTF-8, and cannot be removed; remove it")
            }
            contents = StagingFolder.Contents(record: contents.record, lock: contents.lock)
        }
        let created = !manager.fileExists(atPath: stagingPath)
        if created && mkdir(stagingPath, 0o755) != 0 {
            throw Failure(message: "cannot create \(stagingPath): \(String(cString: strerror(errno)))")
        }
        do {
            let staging = StagingFolder(root: stagingPath, contents: contents, created: created)
            try staging.put(OutputGuard.markerName, .text(Self.marker))
            return staging
        } catch {
            throw Failure(message: "cannot prepare \(stagingPath): \(error)")
        }
    }

    /// Removes what the previous occupant of the staging folder had and this build did not write,
    /// then puts the staging folder in the output's place.
    public func commit(_ staging: StagingFolder) throws(Failure) {
        defer { staging.releaseLock() }
        staging.removeStaleFiles()
        writeRecord(staging)
        try swap(staging.root)
    }

    /// The record of the staging folder as this build leaves it, and of the output folder as the
    /// previous record has it (the two trade places in the exchange that follows).
    func writeRecord(_ staging: StagingFolder) {
        var record = staging.previousRecord ?? OutputRecord()
        record.boot = OutputRecord.currentBoot
        var trees: [OutputRecord.Tree] = []
        if let tree = staging.recordTree() { trees.append(tree) }
        // The output's tree, as the previous record has it, if written since this boot: its
        // files were not checked by this build.
        if record.boot != nil, record.boot == staging.previousRecord?.boot,
           let found = FileStamp.of(output), found.kind == S_IFDIR, let tree = record.tree(device: found.device, inode: found.stamp.inode) {
            trees.append(tree)
        }
        // In a fixed order, so that a rebuild that changed nothing leaves the record as it was.
        record.trees = trees.sorted { ($0.device, $0.inode) < ($1.device, $1.inode) }
        record.write(to: recordPath)
    }

    /// Exchanges the staging folder and the output. Where `renameat2` is missing or refused, the
    /// old output is moved aside first: for an instant the output path is empty.
    func swap(_ staging: String) throws(Failure) {
        let manager = FileManager()
        guard manager.fileExists(atPath: output) else {
            guard rename(staging, output) == 0 else {
                throw Failure(message: "cannot move the new site into \(output): \(String(cString: strerror(errno)))")
            }
            return
        }
        if AtomicExchange.exchange(staging, output) { return }
        let retired = parent + "/.\(name).dossier-retired"
        try? manager.removeItem(atPath: retired)
        guard rename(output, retired) == 0 else {
            throw Failure(message: "cannot move the previous \(output) aside: \(String(cString: strerror(errno)))")
        }
        guard rename(staging, output) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = rename(retired, output)
            throw Failure(message: "cannot move the new site into \(output): \(reason)")
        }
        _ = rename(retired, staging)
    }
}
