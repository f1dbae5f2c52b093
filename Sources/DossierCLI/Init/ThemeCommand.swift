import ArgumentParser
import Foundation
import DossierTheme

/// `dossier theme …`: the built-in theme.
struct ThemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme",
        abstract: "The built-in theme: `dossier theme eject` copies it into templates/ to customise it.",
        subcommands: [ThemeEjectCommand.self]
    )
}

/// `dossier theme eject`: copies every file of the built-in theme into the project's `templates/`.
struct ThemeEjectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eject",
        abstract: "Copy the built-in theme's templates and assets into templates/, where they override it.",
        discussion: "A file in templates/ replaces the built-in file of the same path; files you do not change can be deleted again. Refuses to overwrite existing files unless --force is given."
    )

    @Option(name: .long, help: "The project folder.")
    var root: String = "."

    @Flag(name: .long, help: "Overwrite files that already exist in templates/.")
    var force = false

    func run() throws {
        throw ExitCode(execute(.standard))
    }

    func execute(_ console: Console) -> Int32 {
        let manager = FileManager()
        let folder = (root as NSString).appendingPathComponent("templates")
        let files = BuiltinTheme.all
        let existing = files.map(\.path).filter { manager.fileExists(atPath: (folder as NSString).appendingPathComponent($0)) }
        if !existing.isEmpty && !force {
            let shown = existing.prefix(3).map { "templates/" + $0 }.joined(separator: ", ") + (existing.count > 3 ? ", …" : "")
            console.err("error: \(existing.count) of the theme's files exist already (\(shown)); nothing was written (--force overwrites them)")
            return ExitStatus.usage
        }
        do {
            for file in files {
                let path = (folder as NSString).appendingPathComponent(file.path)
                try manager.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(file.bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
            }
        } catch {
            console.err("error: cannot write templates/: \(error.localizedDescription)")
            return ExitStatus.contentErrors
        }
        console.out("Copied the built-in theme into \(folder) (\(files.count) files): edit them, and delete those you leave as they are.")
        return ExitStatus.success
    }
}
