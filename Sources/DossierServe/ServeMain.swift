import ArgumentParser
import DossierCLI
import DossierServer
import Foundation
import DossierModel

/// `dossier-serve`: the preview server, a program of its own so that `dossier build` never
/// needs the networking stack. `dossier serve` runs it with the same options.
enum ServeMain {
    static func run(_ arguments: [String], console: Console = .standard) -> Int32 {
        let options: ServeOptions
        do {
            options = try ServeOptions.parse(arguments)
        } catch {
            let message = ServeOptions.fullMessage(for: error)
            if ServeOptions.exitCode(for: error) == .success {
                console.out(message)
                return 0
            }
            console.err(message)
            return 2
        }
        let configuration = ServeConfiguration(
            root: options.project.root, host: options.host, port: options.port,
            options: BuildOptions(includeDrafts: options.project.drafts, strict: options.project.strict)
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
            return 1
        }
        return 0
    }
}

/// The failure of the server's task, read once it has ended.
private final class Outcome: @unchecked Sendable {
    private let lock = NSLock()
    private var message: String?

    func set(_ text: String) { lock.withLock { message = text } }
    var failure: String? { lock.withLock { message } }
}
