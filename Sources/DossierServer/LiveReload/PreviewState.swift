import Foundation
import DossierModel

/// What the server shows: the last good build, the errors of the latest one if it failed, and
/// the browsers listening for changes.
///
/// One lock covers both, so a browser that connects while a build is published gets either the
/// old generation and then the `reload`, or the new one: never neither.
final class PreviewState: @unchecked Sendable {
    struct Snapshot: Sendable {
        /// Nil until a build succeeds.
        var site: RenderedSite?
        /// Counts the builds published; pages carry it so a late listener can catch up.
        var generation: Int
        /// The diagnostics of the latest build when it failed; empty otherwise.
        var errors: [String]
    }

    private let lock = NSLock()
    private var snapshot = Snapshot(site: nil, generation: 0, errors: [])
    private var listeners: [Int: AsyncStream<ServerEvent>.Continuation] = [:]
    private var nextListener = 0
    private var closed = false

    var current: Snapshot {
        lock.withLock { snapshot }
    }

    var listenerCount: Int {
        lock.withLock { listeners.count }
    }

    /// Serves `site` from now on and tells every listener to reload.
    func publish(_ site: RenderedSite) {
        lock.withLock {
            snapshot.site = site
            snapshot.generation += 1
            snapshot.errors = []
            broadcast(.reload(generation: snapshot.generation))
        }
    }

    /// Keeps serving the last good site and shows `errors` in every open page.
    func fail(_ errors: [String]) {
        lock.withLock {
            snapshot.errors = errors
            broadcast(.errors(errors))
        }
    }

    /// Starts a listener: the stream opens with `hello`, then catches up (`reload` if the page,
    /// built at generation `since`, is out of date; `errors` if the latest build failed).
    func listen(since: Int?) -> (id: Int, events: AsyncStream<ServerEvent>) {
        let (stream, continuation) = AsyncStream.makeStream(of: ServerEvent.self)
        return lock.withLock {
            let id = nextListener
            nextListener += 1
            continuation.yield(.hello(generation: snapshot.generation))
            if let since, since != snapshot.generation, snapshot.site != nil {
                continuation.yield(.reload(generation: snapshot.generation))
            }
            if !snapshot.errors.isEmpty {
                continuation.yield(.errors(snapshot.errors))
            }
            if closed {
                continuation.finish()
            } else {
                listeners[id] = continuation
            }
            return (id, stream)
        }
    }

    func stopListening(_ id: Int) {
        let continuation = lock.withLock { listeners.removeValue(forKey: id) }
        continuation?.finish()
    }

    /// Ends every listener's stream, now and for any that connect later (shutdown).
    func close() {
        let all = lock.withLock {
            closed = true
            defer { listeners = [:] }
            return Array(listeners.values)
        }
        for continuation in all { continuation.finish() }
    }

    /// Call with the lock held.
    private func broadcast(_ event: ServerEvent) {
        for continuation in listeners.values { continuation.yield(event) }
    }
}
