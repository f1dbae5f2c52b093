import Foundation

/// Writes a rendered site atomically: everything goes to a staging folder beside the output,
/// which then takes the output's place. A build that fails leaves the previous output as it was.
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
    var stagingPrefix: String { ".\(name).dossier-staging-" }

    public func write(_ site: RenderedSite) throws(Failure) {
        let manager = FileManager()
        do {
            try manager.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw Failure(message: "cannot create \(parent): \(error.localizedDescription)")
        }
        removeLeftovers()
        let staging = (parent as NSString).appendingPathComponent(stagingPrefix + String(getpid()))
        do {
            try? manager.removeItem(atPath: staging)
            try manager.createDirectory(atPath: staging, withIntermediateDirectories: false)
            try Data("Built by dossier. This folder is replaced by every build.\n".utf8)
                .write(to: URL(fileURLWithPath: (staging as NSString).appendingPathComponent(OutputGuard.markerName)))
            try writeFiles(site, into: staging)
        } catch {
            try? manager.removeItem(atPath: staging)
            throw Failure(message: "cannot write the site to a staging folder beside \(output): \(error.localizedDescription)")
        }
        try swap(staging)
    }

    func writeFiles(_ site: RenderedSite, into staging: String) throws {
        let manager = FileManager()
        var folders = Set<String>()
        for path in site.files.keys {
            var components = path.split(separator: "/").dropLast()
            while !components.isEmpty, folders.insert(components.joined(separator: "/")).inserted {
                components = components.dropLast()
            }
        }
        for folder in folders.sorted() {
            try manager.createDirectory(atPath: (staging as NSString).appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for (path, content) in site.files {
            let target = (staging as NSString).appendingPathComponent(path)
            switch content {
            case .text(let text):
                try Data(text.utf8).write(to: URL(fileURLWithPath: target))
            case .copy(let source):
                try manager.copyItem(atPath: source, toPath: target)
            }
        }
    }

    /// Puts the staging folder in the output's place, then deletes the old output.
    ///
    /// On Linux the two folders are exchanged in one step (`renameat2` with `RENAME_EXCHANGE`),
    /// so the output path always names a complete site, old or new. Where that call is missing
    /// or refused, the old output is moved aside first: for an instant the path is empty.
    func swap(_ staging: String) throws(Failure) {
        let manager = FileManager()
        let hadOutput = manager.fileExists(atPath: output)
        if hadOutput, AtomicExchange.exchange(staging, output) {
            // `staging` now holds the previous site.
            try? manager.removeItem(atPath: staging)
            return
        }
        let retired = (parent as NSString).appendingPathComponent(stagingPrefix + "old-" + String(getpid()))
        if hadOutput {
            try? manager.removeItem(atPath: retired)
            guard rename(output, retired) == 0 else {
                try? manager.removeItem(atPath: staging)
                throw Failure(message: "cannot move the previous \(output) aside: \(String(cString: strerror(errno)))")
            }
        }
        guard rename(staging, output) == 0 else {
            let reason = String(cString: strerror(errno))
            if hadOutput { _ = rename(retired, output) }
            try? manager.removeItem(atPath: staging)
            throw Failure(message: "cannot move the new site into \(output): \(reason)")
        }
        if hadOutput { try? manager.removeItem(atPath: retired) }
    }

    /// Staging folders left by a build that was killed; only ones carrying our marker are removed.
    func removeLeftovers() {
        let manager = FileManager()
        guard let entries = try? manager.contentsOfDirectory(atPath: parent) else { return }
        for entry in entries where entry.hasPrefix(stagingPrefix) {
            let path = (parent as NSString).appendingPathComponent(entry)
            if manager.fileExists(atPath: (path as NSString).appendingPathComponent(OutputGuard.markerName)) {
                try? manager.removeItem(atPath: path)
            }
        }
    }
}
