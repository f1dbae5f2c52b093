import Foundation

/// Work started now on another thread, its result waited for where it is needed.
package final class BackgroundTask<Value: Sendable>: @unchecked Sendable {
    private enum State {
        case pending(@Sendable () -> Value)
        case done(Value)
    }

    private let finished = DispatchSemaphore(value: 0)
    private var state: State

    package init(_ work: @escaping @Sendable () -> Value) {
        state = .pending(work)
        DispatchQueue.global().async {
            self.state = .done(work())
            self.finished.signal()
        }
    }

    /// Waits for the work (at once if it already ended); may be called any number of times.
    package func value() -> Value {
        finished.wait()
        defer { finished.signal() }
        switch state {
        case .done(let value):
            return value
        case .pending(let work):
            // Not reached (the semaphore is signalled after the result is stored); doing the work
            // here keeps the answer right without a force-unwrap.
            let value = work()
            state = .done(value)
            return value
        }
    }
}
