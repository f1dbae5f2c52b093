import Foundation

/// Hands change batches from the watcher to the rebuild loop, merging those that arrive while
/// a build runs, so a slow build is followed by one rebuild, not one per save.
final class BatchQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: ChangeBatch?
    private let signal: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    init() {
        (signal, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    func push(_ batch: ChangeBatch) {
        guard !batch.isEmpty else { return }
        lock.withLock {
            if pending == nil { pending = batch } else { pending!.merge(batch) }
        }
        continuation.yield()
    }

    func finish() {
        continuation.finish()
    }

    fileprivate func take() -> ChangeBatch? {
        lock.withLock {
            defer { pending = nil }
            return pending
        }
    }

    var batches: ChangeBatches { ChangeBatches(queue: self) }
}

/// The batches of a `SourceWatcher`, in order; ends when the watcher stops.
struct ChangeBatches: AsyncSequence, Sendable {
    package typealias Element = ChangeBatch
    fileprivate let queue: BatchQueue

    struct AsyncIterator: AsyncIteratorProtocol {
        fileprivate let queue: BatchQueue
        fileprivate var signals: AsyncStream<Void>.AsyncIterator

        package mutating func next() async -> ChangeBatch? {
            while await signals.next() != nil {
                if let batch = queue.take() { return batch }
            }
            return nil
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(queue: queue, signals: queue.signalStream.makeAsyncIterator())
    }
}

extension BatchQueue {
    fileprivate var signalStream: AsyncStream<Void> { signal }
}
