import Foundation

/// Where a build puts each file as soon as it is rendered. Called from several threads at once.
public protocol OutputSink: AnyObject, Sendable {
    func put(_ path: String, _ content: RenderedSite.Content) throws
}

/// Keeps the files in memory (tests, `dossier serve`, `dossier check`).
public final class MemorySink: OutputSink, @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String: RenderedSite.Content] = [:]

    public init() {}

    public func put(_ path: String, _ content: RenderedSite.Content) throws {
        lock.lock()
        files[path] = content
        lock.unlock()
    }

    public var contents: [String: RenderedSite.Content] {
        lock.lock()
        defer { lock.unlock() }
        return files
    }
}
