import Foundation

/// Prints how long each build phase took to standard error when `DOSSIER_TIMINGS=1`
/// (used by `make bench` and docs/PERFORMANCE.md; silent otherwise).
struct PhaseTimer {
    private let enabled = ProcessInfo.processInfo.environment["DOSSIER_TIMINGS"] == "1"
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant

    init() {
        last = clock.now
    }

    mutating func mark(_ phase: String) {
        guard enabled else { return }
        let now = clock.now
        let elapsed = now - last
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        FileHandle.standardError.write(Data("  \(phase): \(String(format: "%.1f", milliseconds)) ms\n".utf8))
        last = now
    }
}
