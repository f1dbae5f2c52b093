import Foundation
import DossierModel
import DossierBuild

/// Runs the builds of `dossier serve`, one at a time, and publishes each result: a good build
/// replaces the served site and reloads the browsers; a failed one is printed compiler-style and
/// shown in the browsers' overlay while the last good site stays up.
final class Rebuilder: Sendable {
    let root: String
    let builder: IncrementalBuilder
    let state: PreviewState
    let log: PreviewLog
    /// Builds block (they use every core through `concurrentPerform`): they run here, off the
    /// tasks that serve requests.
    private let queue = DispatchQueue(label: "dossier.serve.build")

    init(root: String, options: BuildOptions, state: PreviewState, log: PreviewLog) {
        self.root = root
        self.builder = IncrementalBuilder(root: root, options: options)
        self.state = state
        self.log = log
    }

    /// The first build, complete.
    func buildAll() async {
        await build(nil)
    }

    /// - Parameter changes: nil for the first build.
    func build(_ changes: ChangeBatch?) async {
        let clock = ContinuousClock()
        let start = clock.now
        let builder = self.builder
        let result = await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: builder.build(changed: changes?.changedPaths)) }
        }
        let elapsed = Self.milliseconds(clock.now - start)
        let diagnostics = result.diagnostics.sorted

        guard let site = result.site, !result.diagnostics.hasErrors else {
            for diagnostic in diagnostics { log.error(diagnostic.printed) }
            state.fail(diagnostics.map(\.description))
            let errors = result.diagnostics.errors.count
            let serving = state.current.site == nil ? "nothing to serve until it is fixed" : "still serving the last good build"
            log.error("Build failed with \(plural(errors, "error")) in \(elapsed) ms; \(serving)")
            return
        }
        for diagnostic in diagnostics { log.error(diagnostic.printed) }

        let previous = state.current
        guard let changes else {
            state.publish(site)
            log.info("Built \(plural(result.stats.pages, "page")) in \(elapsed) ms")
            return
        }
        let sources = changes.changedPaths.map { Set($0.map { (root as NSString).appendingPathComponent($0) }) }
        let difference = SiteDifference(old: previous.site, new: site, changedSources: sources)
        let what = Self.describe(changes)
        if difference.isEmpty && previous.errors.isEmpty {
            log.info("Rebuilt in \(elapsed) ms (no page changed\(what))")
            return
        }
        state.publish(site)
        var parts = previous.errors.isEmpty ? [] : ["errors fixed"]
        parts.append(plural(difference.pages, "page") + " changed")
        if difference.files > 0 { parts.append(plural(difference.files, "other file") + " changed") }
        log.info("Rebuilt in \(elapsed) ms (\(parts.joined(separator: ", "))\(what))")
    }

    /// ": content/briefs/accord.md" for one file, ": 3 files" for more.
    private static func describe(_ changes: ChangeBatch) -> String {
        guard changes.isComplete else { return "; full rebuild" }
        if changes.paths.count == 1, let path = changes.paths.first { return "; " + path }
        return "; " + plural(changes.paths.count, "file") + " saved"
    }

    static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}

func plural(_ count: Int, _ word: String) -> String {
    "\(count) \(word)\(count == 1 ? "" : "s")"
}
