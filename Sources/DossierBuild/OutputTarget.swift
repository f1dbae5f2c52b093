import DossierModel
import DossierOutput

/// Where a one-off build's files go: memory, or a folder through its staging folder. The
/// folder's scan starts at once, on another thread; the folder is opened when the first page
/// is ready, and however the build ends, `end()` releases its lock.
final class OutputTarget {
    enum Destination {
        case memory(MemorySink)
        /// Written into the writer's staging folder as they are rendered, then swapped in.
        case folder(OutputWriter)
    }

    private let destination: Destination
    private var scan: BackgroundTask<OutputWriter.Opening>?
    private(set) var sink: OutputSink?
    private(set) var staging: StagingFolder?

    init(_ destination: Destination) {
        self.destination = destination
        if case .folder(let writer) = destination { scan = writer.scanInBackground() }
    }

    var isFolder: Bool { folder != nil }

    /// The output folder's path, for a folder.
    var folder: String? {
        if case .folder(let writer) = destination { return writer.output }
        return nil
    }

    /// The output's name in messages.
    var name: String {
        if case .folder(let writer) = destination { return writer.output }
        return "public"
    }

    /// Opens the output (once); a folder that cannot be opened is reported into `diagnostics`.
    func open(_ diagnostics: inout Diagnostics) -> OutputSink? {
        if let sink { return sink }
        switch destination {
        case .memory(let memory):
            sink = memory
        case .folder(let writer):
            do {
                let folder = try writer.begin(scan: scan)
                scan = nil
                sink = folder
                staging = folder
            } catch {
                diagnostics.error(error.message, file: writer.output)
            }
        }
        return sink
    }

    /// Swaps the staging folder in, for a folder.
    func commit() throws {
        guard let staging, case .folder(let writer) = destination else { return }
        try writer.commit(staging)
    }

    /// Leaves the pages written so far out of the output, for good.
    func discard() {
        staging?.discard()
    }

    /// Waits for the scan and releases the output, so another build of it may begin.
    func end() {
        _ = scan?.value()
        staging?.releaseLock()
    }
}
