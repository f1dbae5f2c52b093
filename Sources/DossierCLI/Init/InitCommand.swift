import ArgumentParser
import Foundation
import DossierModel
import DossierTheme

/// `dossier init [DIR]`: a small working report to start from.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a report: write a small working example (a home page, a brief with a chart, a table and a value from the data, one dataset, an about page) into a new or empty folder.",
        discussion: "The folder may hold a .git folder, nothing else. The theme is built in: no templates/ folder is needed (`dossier theme eject` copies it out to customise)."
    )

    enum Language: String, ExpressibleByArgument, CaseIterable {
        case en
        case fr
    }

    @Argument(help: "The folder to create the report in (default: the current folder).")
    var directory: String = "."

    @Option(name: .long, help: "The language of the report and of its starter text: en or fr.")
    var language: Language = .en

    @Option(name: .long, help: "The report's title (default: \"My report\", or « Mon rapport » in French).")
    var title: String?

    func validate() throws {
        if let title, title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("--title must not be empty")
        }
    }

    func run() throws {
        throw ExitCode(execute(.standard))
    }

    func execute(_ console: Console) -> Int32 {
        let manager = FileManager()
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: directory, isDirectory: &isFolder) {
            guard isFolder.boolValue else {
                console.err("error: \(directory) is a file; give `dossier init` a new or empty folder")
                return ExitStatus.usage
            }
            let entries = ((try? manager.contentsOfDirectory(atPath: directory)) ?? []).filter { $0 != ".git" }.sorted()
            guard entries.isEmpty else {
                let shown = entries.prefix(3).joined(separator: ", ") + (entries.count > 3 ? ", …" : "")
                console.err("error: \(directory) is not empty (\(shown)); `dossier init` starts a report only in a new or empty folder")
                return ExitStatus.usage
            }
        }
        let reportTitle = title ?? Skeleton.defaultTitle(language: language.rawValue)
        let files = Skeleton.files(language: language.rawValue, title: reportTitle, date: NewCommand.today())
        do {
            for file in files {
                let path = (directory as NSString).appendingPathComponent(file.path)
                try manager.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(file.bytes).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
            }
        } catch {
            console.err("error: cannot write the report into \(directory): \(error.localizedDescription)")
            return ExitStatus.contentErrors
        }
        let go = directory == "." ? "" : "cd \(directory) && "
        console.out("Created a report in \(directory) (\(files.count) files). Next: `\(go)dossier serve` to preview it, `dossier build` to write public/.")
        return ExitStatus.success
    }
}
