import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Watches a project's `content/` and `templates/` and reports debounced batches of changed
/// files, as paths relative to the root.
///
/// On Linux it uses inotify (`InotifyBackend`), which sees editors that save by writing a
/// temporary file and renaming it; elsewhere it compares modification times twice a second
/// (`PollingBackend`). Events are gathered until `debounce` has passed without a new one (and at
/// most `maximumDelay` after the first), then pushed as one batch.
final class SourceWatcher: @unchecked Sendable {
    package let root: String
    let debounce: Duration
    let maximumDelay: Duration
    private let queue = BatchQueue()
    private let backend: any WatchBackend
    private let wakeRead: Int32
    private let wakeWrite: Int32
    private let lock = NSLock()
    private var stopRequested = false
    private var threadEnded = false

    /// Starts watching at once.
    /// - Parameters:
    ///   - folders: folders of `root` to watch, recursively; they may appear later.
    ///   - polling: force the portable polling backend (tests); inotify is used on Linux otherwise.
    package init(root: String, folders: [String] = ["content", "templates"], debounce: Duration = .milliseconds(30),
                maximumDelay: Duration = .milliseconds(500), polling: Bool = false) throws {
        self.root = root
        self.debounce = debounce
        self.maximumDelay = maximumDelay
        #if os(Linux)
        backend = polling ? PollingBackend(root: root, folders: folders) : try InotifyBackend(root: root, folders: folders)
        #else
        backend = PollingBackend(root: root, folders: folders)
        #endif
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else {
            backend.close()
            throw WatchError("cannot create a pipe: \(String(cString: strerror(errno)))")
        }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        wakeRead = fds[0]
        wakeWrite = fds[1]
        let thread = Thread { [self] in self.loop() }
        thread.name = "dossier.watch"
        thread.start()
    }

    /// The batches, in order; the sequence ends after `stop()`. Iterate it from one task only.
    var batches: ChangeBatches { queue.batches }

    /// Stops watching; `batches` ends. Safe to call more than once, from any thread.
    func stop() {
        lock.withLock {
            guard !stopRequested else { return }
            stopRequested = true
            if !threadEnded {
                var byte: UInt8 = 1
                _ = write(wakeWrite, &byte, 1)
            }
        }
    }

    private func loop() {
        let clock = ContinuousClock()
        var pending = ChangeBatch()
        var first: ContinuousClock.Instant?
        var deadline: ContinuousClock.Instant?
        var nextScan = backend.pollInterval.map { clock.now + $0 }

        while true {
            let now = clock.now
            let wakeUp = [deadline, nextScan].compactMap { $0 }.min()
            let timeout = wakeUp.map { Self.milliseconds(until: $0, from: now) } ?? -1
            var fds = [pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
            if let descriptor = backend.descriptor {
                fds.append(pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0))
            }
            let ready = poll(&fds, nfds_t(fds.count), timeout)
            if ready < 0 && errno != EINTR { break }
            if fds[0].revents != 0 { break }

            var relevant = false
            if fds.count > 1 && fds[1].revents != 0 {
                relevant = backend.collect(into: &pending)
            }
            if let scan = nextScan, clock.now >= scan, let interval = backend.pollInterval {
                relevant = backend.collect(into: &pending) || relevant
                nextScan = clock.now + interval
            }
            let after = clock.now
            if relevant {
                if first == nil { first = after }
                deadline = min(after + debounce, first! + maximumDelay)
            }
            if let due = deadline, after >= due {
                queue.push(pending)
                pending = ChangeBatch()
                backend.startBatch()
                first = nil
                deadline = nil
            }
        }

        lock.withLock {
            threadEnded = true
            close(wakeWrite)
        }
        close(wakeRead)
        backend.close()
        queue.finish()
    }

    /// Rounded up, so the loop never wakes just before a deadline and spins.
    private static func milliseconds(until instant: ContinuousClock.Instant, from now: ContinuousClock.Instant) -> Int32 {
        guard instant > now else { return 0 }
        let (seconds, attoseconds) = (instant - now).components
        let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: milliseconds)
    }
}

struct WatchError: Error, CustomStringConvertible {
    package var description: String

    init(_ description: String) {
        self.description = description
    }
}

/// How a `SourceWatcher` learns about changes.
protocol WatchBackend: AnyObject {
    /// A descriptor that becomes readable when there are events, or nil.
    var descriptor: Int32? { get }
    /// How often to call `collect` without waiting for the descriptor, or nil.
    var pollInterval: Duration? { get }
    /// Adds what changed since the last call to `batch`; returns whether anything did.
    func collect(into batch: inout ChangeBatch) -> Bool
    /// The batch so far was handed over; the next `collect` starts a new one.
    func startBatch()
    func close()
}

extension WatchBackend {
    func startBatch() {}
}
