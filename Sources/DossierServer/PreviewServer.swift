import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import DossierModel
import UnixSignals

/// `dossier serve`: builds the project in memory, serves it over HTTP, rebuilds when a file of
/// `content/` or `templates/` changes, and reloads the open pages.
///
/// It is a `Service`: it runs until the service group around it shuts down gracefully (SIGINT or
/// SIGTERM with `runUntilInterrupted()`), then closes the event streams, stops the watcher
/// and returns.
package struct PreviewServer: Service {
    package let configuration: ServeConfiguration
    let log: PreviewLog
    let onReady: @Sendable (_ port: Int) async -> Void

    /// - Parameter onReady: called once the server listens, with its port (useful with port 0).
    package init(configuration: ServeConfiguration, log: PreviewLog = .standard,
                onReady: @escaping @Sendable (_ port: Int) async -> Void = { _ in }) {
        self.configuration = configuration
        self.log = log
        self.onReady = onReady
    }

    package func run() async throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: configuration.root, isDirectory: &isFolder), isFolder.boolValue else {
            throw ServeError("no project folder at \(configuration.root)")
        }
        // Watching starts first, so a file saved during the first build is rebuilt after it.
        let watcher: SourceWatcher
        do {
            watcher = try SourceWatcher(root: configuration.root, debounce: configuration.debounce)
        } catch {
            throw ServeError("cannot watch the project for changes: \(error)")
        }
        let state = PreviewState()
        let rebuilder = Rebuilder(root: configuration.root, options: configuration.options, state: state, log: log)
        await rebuilder.buildAll()

        var logger = Logger(label: "dossier.serve")
        logger.logLevel = .warning
        let host = configuration.host
        let log = self.log
        let onReady = self.onReady
        let app = Application(
            responder: PreviewResponder(state: state, root: configuration.root, hosts: AllowedHosts(listeningOn: host)),
            // Each connection learns when its client closes (`PeerCloseHandler`).
            server: .http1(configuration: .init(additionalChannelHandlers: [PeerCloseHandler()])),
            configuration: ApplicationConfiguration(address: .hostname(host, port: configuration.port), serverName: nil),
            services: [WatchService(watcher: watcher, rebuilder: rebuilder, state: state)],
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                let shown = host.contains(":") ? "[\(host)]" : host
                log.info("Serving http://\(shown):\(port)/ (Ctrl-C to stop)")
                await onReady(port)
            },
            logger: logger
        )
        do {
            try await app.run()
        } catch {
            watcher.stop()
            state.close()
            if error is CancellationError { throw error }
            throw ServeError.listening(host: host, port: configuration.port, error)
        }
        log.info("Stopped.")
    }

    /// Runs until SIGINT (Ctrl-C) or SIGTERM, then shuts down gracefully and returns.
    package func runUntilInterrupted() async throws {
        var logger = Logger(label: "dossier.serve")
        logger.logLevel = .warning
        var configuration = ServiceGroupConfiguration(services: [self], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        // Should a client keep the shutdown waiting, cancel rather than hang.
        configuration.maximumGracefulShutdownDuration = .seconds(5)
        try await ServiceGroup(configuration: configuration).run()
    }
}

/// Why `dossier serve` could not start.
struct ServeError: Error, CustomStringConvertible {
    package var description: String

    init(_ description: String) {
        self.description = description
    }

    /// NIO's bind errors read `bind(descriptor:ptr:bytes:): Address already in use (errno: 98)`.
    static func listening(host: String, port: Int, _ error: any Error) -> ServeError {
        let text = String(describing: error)
        if text.contains("Address already in use") {
            return ServeError("cannot listen on \(host):\(port): the port is in use (another `dossier serve`?); choose another with --port, or --port 0 for any free port")
        }
        return ServeError("cannot listen on \(host):\(port): \(text)")
    }
}

/// Feeds the watcher's batches to the rebuilder until shutdown.
struct WatchService: Service {
    let watcher: SourceWatcher
    let rebuilder: Rebuilder
    let state: PreviewState

    func run() async throws {
        await withTaskCancellationHandler {
            await withGracefulShutdownHandler {
                for await batch in watcher.batches {
                    await rebuilder.build(batch)
                }
            } onGracefulShutdown: {
                watcher.stop()
            }
        } onCancel: {
            watcher.stop()
        }
        state.close()
    }
}
