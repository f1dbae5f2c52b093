import Foundation

/// Writes a site atomically: files go to a staging folder beside the output (`.public.dossier-staging`),
/// which then takes the output's place in one `renameat2(RENAME_EXCHANGE)`. A build that fails
/// leaves the previous output as it was.
///
/// After the exchange the staging folder holds the previous site. It is kept, and the next build
/// writes over it in place: rewriting an existing file costs a fraction of creating one and
/// deleting another (measured in docs/PERFORMANCE.md), at the price of a second copy of the site
/// on disk. Only folders carrying the `.dossier` marker are ever reused or removed.
public struct OutputWriter: Sendable {
    public let output: String

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

    /// Starts reading what the staging folder holds on another thread, so that the walk overlaps
    /// the build; `begin(scan:)` waits for it.
    func scanInBackground() -> BackgroundTask<StagingFolder.Contents> {
        let path = stagingPath
        return BackgroundTask { StagingFolder.Contents.scan(path) }
    }

    /// Opens the staging folder: the one the previous build left (reused) or a new one.
    public func begin() throws(Failure) -> StagingFolder {
        try begin(scan: nil)
    }

    /// `begin()`, with the walk of the staging folder `scanInBackground()` started.
    func begin(scan: BackgroundTask<StagingFolder.Contents>?) throws(Failure) -> StagingFolder {
        do {
            try FileManager().createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw Failure(message: "cannot create \(parent): \(error.localizedDescription)")
        }
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
        var contents = scan?.value() ?? StagingFolder.Contents.scan(stagingPath)
        if contents.hasLinks {
            try? manager.removeItem(atPath: stagingPath)
            contents = StagingFolder.Contents()
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
        staging.removeStaleFiles()
        try swap(staging.root)
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

/// The folder a build writes into before it becomes the output. Thread-safe.
public final class StagingFolder: OutputSink, @unchecked Sendable {
    public let root: String
    private let lock = NSLock()
    private var folders: Set<String> = [""]
    private var written: Set<String> = []
    /// Files the folder held before this build (the site before the previous one).
    private let previous: Set<String>
    /// Whether a folder held no file before this build (`Contents.hasFilelessFolder`).
    private let hadFilelessFolder: Bool

    /// What a staging folder held before this build, read in one walk.
    struct Contents {
        var files = Set<String>()
        var folders = Set<String>([""])
        /// A symbolic link anywhere means the folder is not reused: a write could follow it out.
        var hasLinks = false
        /// Whether a folder below the root holds no file, however deep: one that a build writing
        /// every file already there would still have to remove.
        var hasFilelessFolder = false

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
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
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
                    contents.hasLinks = true
                    holdsFile = true
                default:
                    contents.files.insert(path)
                    holdsFile = true
                }
            }
            return holdsFile
        }
    }

    /// Whether this build made the folder (it holds nothing but this build's files).
    private let created: Bool

    init(root: String, contents: Contents, created: Bool = false) {
        self.root = root
        previous = contents.files
        hadFilelessFolder = contents.hasFilelessFolder
        folders = contents.folders
        self.created = created
    }

    public func put(_ path: String, _ content: RenderedSite.Content) throws {
        let folder = PathText.parent(path)
        try makeFolder(folder)
        let target = root + "/" + path
        switch content {
        case .text(let text): try FileIO.write(text, to: target)
        case .utf8(let bytes): try bytes.withUnsafeBytes { try FileIO.write($0, to: target) }
        case .copy(let source): try FileIO.copy(source, to: target)
        }
        lock.lock()
        written.insert(path)
        lock.unlock()
    }

    private func makeFolder(_ folder: String) throws {
        lock.lock()
        let known = folders.contains(folder)
        lock.unlock()
        if known { return }
        try makeFolder(PathText.parent(folder))
        let target = root + "/" + folder
        if mkdir(target, 0o755) != 0 && errno != EEXIST {
            throw FileError(path: target, code: errno)
        }
        lock.lock()
        folders.insert(folder)
        lock.unlock()
    }

    /// Deletes files and then empty folders that this build did not write.
    func removeStaleFiles() {
        lock.lock()
        // The common rebuild: every file the folder held was written again. Then a folder is
        // stale only if it held no file, and every folder this build made holds one.
        if !hadFilelessFolder, previous.count <= written.count, previous.allSatisfy(written.contains) {
            lock.unlock()
            return
        }
        let stale = previous.subtracting(written)
        let needed = Set(written.map { PathText.parent($0) })
        let allFolders = folders
        lock.unlock()
        for path in stale { unlink(root + "/" + path) }
        var keep = Set<String>([""])
        for folder in needed {
            var current = folder
            while keep.insert(current).inserted { current = PathText.parent(current) }
        }
        for folder in allFolders.subtracting(keep).sorted(by: { $0.count > $1.count }) {
            rmdir(root + "/" + folder)
        }
    }

    /// Abandons the build (pages are written as they are rendered, before the build knows it
    /// will fail). A folder this build made is removed, since it holds nothing but this build's
    /// files; an older one stays, marked, for the next build to write over.
    public func discard() {
        guard created else { return }
        try? FileManager().removeItem(atPath: root)
    }
}
