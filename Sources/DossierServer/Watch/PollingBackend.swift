import Foundation

/// The portable fallback: lists the watched folders twice a second and compares each file's
/// modification time and size with the previous listing.
final class PollingBackend: WatchBackend {
    private struct Stamp: Equatable {
        var modified: Date?
        var size: Int?
    }

    let root: String
    let folders: [String]
    let pollInterval: Duration?
    private var stamps: [String: Stamp] = [:]

    var descriptor: Int32? { nil }

    init(root: String, folders: [String], interval: Duration = .milliseconds(500)) {
        self.root = root
        self.folders = folders
        self.pollInterval = interval
        stamps = scan()
    }

    func collect(into batch: inout ChangeBatch) -> Bool {
        let current = scan()
        var changed = Set<String>()
        for (path, stamp) in current where stamps[path] != stamp { changed.insert(path) }
        for path in stamps.keys where current[path] == nil { changed.insert(path) }
        stamps = current
        batch.paths.formUnion(changed)
        return !changed.isEmpty
    }

    func close() {}

    private func scan() -> [String: Stamp] {
        var result: [String: Stamp] = [:]
        let manager = FileManager.default
        var pending = folders
        var seen = Set<String>()
        while let folder = pending.popLast() {
            let absolute = (root as NSString).appendingPathComponent(folder)
            guard seen.insert((absolute as NSString).resolvingSymlinksInPath).inserted,
                  let names = try? manager.contentsOfDirectory(atPath: absolute) else { continue }
            for name in names where !EditorFiles.isIgnored(name) {
                let path = folder + "/" + name
                guard let attributes = try? manager.attributesOfItem(atPath: (root as NSString).appendingPathComponent(path)) else { continue }
                if attributes[.type] as? FileAttributeType == .typeDirectory {
                    pending.append(path)
                } else {
                    result[path] = Stamp(modified: attributes[.modificationDate] as? Date, size: (attributes[.size] as? NSNumber)?.intValue)
                }
            }
        }
        return result
    }
}
