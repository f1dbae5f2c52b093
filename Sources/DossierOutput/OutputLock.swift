import Foundation

/// An exclusive `flock` on the folder that holds the output, taken before a build reads its
/// staging folder and given back once the build has swapped it in or given up. Two builds of the
/// same output, in two processes, then run one after the other instead of writing into the same
/// staging folder at once (where each would swap in a mixture, and the output record could
/// vouch for a file the other left).
///
/// Best effort: where the folder cannot be opened or locked (it does not exist yet, or the file
/// system does not lock), the build goes on without the lock. The kernel drops the lock with
/// the process, so a killed build never leaves it held.
final class OutputLock: @unchecked Sendable {
    private let mutex = NSLock()
    private var descriptor: Int32

    /// Waits for the lock.
    init?(folder: String) {
        let opened = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard opened >= 0 else { return nil }
        while flock(opened, LOCK_EX) != 0 {
            if errno != EINTR {
                close(opened)
                return nil
            }
        }
        descriptor = opened
    }

    /// Gives the lock back (once; later calls do nothing).
    func release() {
        mutex.lock()
        defer { mutex.unlock() }
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    deinit {
        release()
    }
}
