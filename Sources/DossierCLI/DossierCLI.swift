import ArgumentParser
import DossierModel

/// Entry point of the `dossier` tool, callable from tests with any arguments and console.
package enum DossierCLI {
    /// Exit status: 0 success, 1 content errors, 2 usage errors.
    /// - Parameter exiting: the process exits right after (the `dossier` executable): a build's
    ///   memory is left to the exit instead of being freed (`SiteBuilder.WorkingSet`).
    package static func run(_ arguments: [String], console: Console = .standard, exiting: Bool = false) -> Int32 {
        let command: ParsableCommand
        do {
            command = try DossierCommand.parseAsRoot(arguments)
        } catch {
            let message = DossierCommand.fullMessage(for: error)
            if DossierCommand.exitCode(for: error) == .success {
                console.out(help(for: arguments) ?? message)
                return 0
            }
            console.err(message)
            return ExitStatus.usage
        }
        switch command {
        case let build as BuildCommand: return build.execute(console, exiting: exiting)
        case let check as CheckCommand: return check.execute(console)
        case let new as NewCommand: return new.execute(console)
        case let serve as ServeOptions: return serve.execute(console)
        case let initialize as InitCommand: return initialize.execute(console)
        case let eject as ThemeEjectCommand: return eject.execute(console)
        default:
            console.out(help(for: arguments) ?? DossierCommand.helpMessage())
            return 0
        }
    }
}

/// `dossier build --help` and `dossier help build` show the subcommand's help, not the root's.
func help(for arguments: [String]) -> String? {
    guard let subcommand = DossierCommand.configuration.subcommands.first(where: { arguments.contains($0._commandName) }) else {
        return nil
    }
    return DossierCommand.helpMessage(for: subcommand)
}

enum ExitStatus {
    static let success: Int32 = 0
    static let contentErrors: Int32 = 1
    static let usage: Int32 = 2
}

struct DossierCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Build a data-backed report website from Markdown briefs, with charts drawn at build time.",
        version: DossierVersion.current,
        subcommands: [InitCommand.self, BuildCommand.self, CheckCommand.self, NewCommand.self, ServeOptions.self, ThemeCommand.self]
    )
}

/// Options shared by the commands that read a project.
package struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: "The project folder (holding content/ and, to override the built-in theme, templates/).")
    package var root: String = "."

    @Flag(name: .long, help: "Include pages marked `draft: true`.")
    package var drafts = false

    @Flag(name: .long, help: "Treat warnings as errors.")
    package var strict = false

    package init() {}
}

/// Prints diagnostics compiler-style and returns whether the build may go on.
func report(_ diagnostics: Diagnostics, console: Console) {
    for diagnostic in diagnostics.sorted {
        console.err(diagnostic.printed)
    }
}

func plural(_ count: Int, _ word: String) -> String {
    "\(count) \(word)\(count == 1 ? "" : "s")"
}
