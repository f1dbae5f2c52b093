import Foundation
import Logging
import ServiceLifecycle
@testable import DossierServer
import DossierModel

/// What the server printed, kept for assertions.
final class CapturedLog: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    var log: PreviewLog {
        PreviewLog(info: { line in self.lock.withLock { self.lines.append(line) } },
                   error: { line in self.lock.withLock { self.lines.append(line) } })
    }

    var text: String { lock.withLock { lines.joined(separator: "\n") } }
}

/// A `PreviewServer` on an ephemeral port, in its own service group, as `dossier serve` runs
/// it (but without signal handlers: the test shuts it down through the group).
struct RunningServer {
    let port: Int
    let output: CapturedLog
    let group: ServiceGroup
    let task: Task<Void, any Error>

    static func start(_ site: PreviewSite, options: BuildOptions = BuildOptions()) async throws -> RunningServer {
        let output = CapturedLog()
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let server = PreviewServer(
            configuration: ServeConfiguration(root: site.root, host: "127.0.0.1", port: 0, options: options, debounce: .milliseconds(30)),
            log: output.log,
            onReady: { port in portContinuation.yield(port) }
        )
        var logger = Logger(label: "dossier.serve.tests")
        logger.logLevel = .warning
        let group = ServiceGroup(configuration: .init(services: [server], gracefulShutdownSignals: [], logger: logger))
        let task = Task { try await group.run() }
        let port = try await withTimeout(60, "the server to listen") {
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw HTTPError("no port") }
            return port
        }
        return RunningServer(port: port, output: output, group: group, task: task)
    }

    func get(_ target: String, method: String = "GET") async throws -> RawHTTP.Response {
        try await RawHTTP.get(port, target, method: method)
    }

    func events(since: Int? = nil) async throws -> EventStreamClient {
        let client = try EventStreamClient(port: port, since: since)
        guard await client.next("hello") != nil else { throw HTTPError("no hello event") }
        return client
    }

    /// Shuts the group down as SIGINT would; throws if the server does not return in time.
    func stop() async throws {
        await group.triggerGracefulShutdown()
        let task = self.task
        try await withTimeout(30, "the server to stop") { try await task.value }
    }
}
