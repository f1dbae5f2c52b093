import Foundation

struct TimedOut: Error, CustomStringConvertible {
    var what: String
    var description: String { "timed out waiting for \(what)" }
}

/// The result of `operation`, or `TimedOut` after `seconds`. Uses unstructured tasks, so an
/// operation that ignores cancellation (awaiting a task's value) cannot hang the test.
func withTimeout<T: Sendable>(_ seconds: Double, _ what: String, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let once = ResumeOnce(continuation)
        let timer = Task {
            try await Task.sleep(for: .seconds(seconds))
            once.resume(with: .failure(TimedOut(what: what)))
        }
        Task {
            let result = await Result(catching: { try await operation() })
            timer.cancel()
            once.resume(with: result)
        }
    }
}

private final class ResumeOnce<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, any Error>?

    init(_ continuation: CheckedContinuation<T, any Error>) {
        self.continuation = continuation
    }

    func resume(with result: Result<T, any Error>) {
        let pending = lock.withLock {
            defer { continuation = nil }
            return continuation
        }
        pending?.resume(with: result)
    }
}

extension Result where Failure == any Error {
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}

/// Polls `condition` every 20 ms until it holds; false once both `seconds` and `seconds` worth
/// of polls have passed, or four times `seconds` in all. Counting polls as well as the clock
/// lets a stall of the machine or of the test pool (two cores, and tests that build sites
/// synchronously) pass without using up the time the awaited event needs once the process
/// runs again; the cap still ends a condition that never holds.
func eventually(_ seconds: Double = 30, _ condition: () async throws -> Bool) async rethrows -> Bool {
    let start = ContinuousClock.now
    let deadline = start + .seconds(seconds), cap = start + .seconds(seconds * 4)
    var polls = Int(seconds * 50)
    while (polls > 0 || ContinuousClock.now < deadline) && ContinuousClock.now < cap {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
        polls -= 1
    }
    return try await condition()
}
