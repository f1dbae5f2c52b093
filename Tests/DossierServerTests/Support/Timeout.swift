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

/// Polls `condition` every 20 ms until it holds; false after `seconds` worth of polls. The budget
/// is counted in polls, not read off the clock: when the machine or the test pool stalls (two
/// cores, and tests that build sites synchronously), the polls wait with it, so a stall cannot
/// use up the time the awaited event needs once the process runs again.
func eventually(_ seconds: Double = 30, _ condition: () async throws -> Bool) async rethrows -> Bool {
    for _ in 0..<Int(seconds * 50) {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return try await condition()
}
