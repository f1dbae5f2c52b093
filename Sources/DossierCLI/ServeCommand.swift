import ArgumentParser
import DossierCore
import DossierServer
import Foundation

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the site from memory, rebuilding and reloading the browser on every save.",
        discussion: """
        The site is built in memory (public/ is not touched) and served at http://HOST:PORT/. \
        Saving a file under content/ or templates/ rebuilds it and reloads the open pages; a build \
        with errors is printed here and shown over the page, while the last good build stays up. \
        Ctrl-C stops the server.
        """
    )

    @OptionGroup var project: ProjectOptions

    @Option(name: .long, help: "The port to listen on (0: any free port).")
    var port: Int = 8000

    @Option(name: .long, help: "The interface to listen on; 0.0.0.0 opens the preview to the network.")
    var host: String = "127.0.0.1"

    func validate() throws {
        guard (0...65535).contains(port) else {
            throw ValidationError("--port must be between 0 and 65535")
        }
    }

    func run() throws {
        throw ExitCode(execute(.standard))
    }

    func execute(_ console: Console) -> Int32 {
        let configuration = ServeConfiguration(
            root: project.root, host: host, port: port,
            options: BuildOptions(includeDrafts: project.drafts, strict: project.strict)
        )
        let server = PreviewServer(configuration: configuration, log: PreviewLog(info: console.out, error: console.err))
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await server.runUntilInterrupted()
            } catch {
                outcome.set(String(describing: error))
            }
            done.signal()
        }
        done.wait()
        if let failure = outcome.failure {
            console.err("error: \(failure)")
            return ExitStatus.contentErrors
        }
        return ExitStatus.success
    }
}

/// The failure of the server's task, read once it has ended.
private final class Outcome: @unchecked Sendable {
    private let lock = NSLock()
    private var message: String?

    func set(_ text: String) { lock.withLock { message = text } }
    var failure: String? { lock.withLock { message } }
}
