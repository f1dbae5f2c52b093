import Foundation

/// Prints how long each build phase took to standard error when `DOSSIER_TIMINGS=1`
/// (used by `make bench` and docs/PERFORMANCE.md; silent otherwise).
package struct PhaseTimer {
    private let enabled = ProcessInfo.processInfo.environment["DOSSIER_TIMINGS"] == "1"
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant
    private var lastCPU: Double

    package init() {
        last = clock.now
        lastCPU = Self.processCPU()
    }

    /// CPU time of every thread of the process, in milliseconds: steadier than wall time on a
    /// busy machine.
    static func processCPU() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1e6
    }

    package mutating func mark(_ phase: String) {
        guard enabled else { return }
        let now = clock.now
        let elapsed = now - last
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let cpu = Self.processCPU()
        FileHandle.standardError.write(Data("  \(phase): \(String(format: "%.1f", milliseconds)) ms (CPU \(String(format: "%.0f", cpu - lastCPU)) ms)\n".utf8))
        last = now
        lastCPU = cpu
    }

    /// A line of detail under the phase times.
    package func note(_ text: @autoclosure () -> String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("    \(text())\n".utf8))
    }
}
