import Foundation
import DossierModel

/// Where a build puts each file as soon as it is rendered. Called from several threads at once.
package protocol OutputSink: AnyObject, Sendable {
    func put(_ path: String, _ content: RenderedSite.Content) throws
}

/// Keeps the files in memory (tests, `dossier serve`, `dossier check`).
package final class MemorySink: OutputSink, @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String: RenderedSite.Content] = [:]

    package init() {}

    package func put(_ path: String, _ content: RenderedSite.Content) throws {
        lock.lock()
        files[path] = content
        lock.unlock()
    }

    package var contents: [String: RenderedSite.Content] {
        lock.lock()
        defer { lock.unlock() }
        return files
    }
}
