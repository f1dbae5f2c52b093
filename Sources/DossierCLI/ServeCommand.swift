import ArgumentParser
import Foundation
import DossierModel

/// The options of `dossier serve`, read again by `dossier-serve`, which it runs.
package struct ServeOptions: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the site from memory, rebuilding and reloading the browser on every save.",
        discussion: """
        The site is built in memory (public/ is not touched) and served at http://HOST:PORT/. \
        Saving a file under content/ or templates/ rebuilds it and reloads the open pages; a build \
        with errors is printed here and shown over the page, while the last good build stays up. \
        Ctrl-C stops the server. The server is the program dossier-serve, installed beside dossier.
        """
    )

    @OptionGroup package var project: ProjectOptions

    @Option(name: .long, help: "The port to listen on (0: any free port).")
    package var port: Int = 8000

    @Option(name: .long, help: "The interface to listen on; 0.0.0.0 opens the preview to the network.")
    package var host: String = "127.0.0.1"

    package init() {}

    package func validate() throws {
        guard (0...65535).contains(port) else {
            throw ValidationError("--port must be between 0 and 65535")
        }
    }

    /// The arguments that give `dossier-serve` these options.
    var arguments: [String] {
        var arguments = ["--root", project.root, "--port", String(port), "--host", host]
        if project.drafts { arguments.append("--drafts") }
        if project.strict { arguments.append("--strict") }
        return arguments
    }

    func execute(_ console: Console) -> Int32 {
        guard let server = PreviewProgram.locate(console: console) else {
            console.err("""
                error: dossier serve runs the preview server dossier-serve, which is not installed beside \(PreviewProgram.ownPath ?? "dossier")
                note: `make install` installs both programs; in a clone of Dossier, `make serve` builds it
                """)
            return ExitStatus.usage
        }
        return PreviewProgram.exec(server, arguments: arguments, console: console)
    }
}
