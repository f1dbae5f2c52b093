import Foundation

/// Work started now on another thread, its result waited for where it is needed.
final class BackgroundTask<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async {
            self.result = work()
            self.done.signal()
        }
    }

    /// Waits for the work (at once if it already ended); may be called any number of times.
    /// Never nil once the wait is over.
    func value() -> Value? {
        done.wait()
        done.signal()
        return result
    }
}
