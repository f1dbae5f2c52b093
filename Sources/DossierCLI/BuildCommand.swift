import ArgumentParser
import Foundation
import DossierModel
import DossierOutput
import DossierBuild

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder (public/ by default)."
    )

    @OptionGroup var project: ProjectOptions

    @Option(name: .long, help: "The output folder; replaced as a whole by each build.")
    var out: String?

    @Flag(name: .long, help: "Name index.html in links so the site opens from disk (file://).")
    var portable = false

    func run() throws {
        throw ExitCode(execute(.standard))
    }

    func execute(_ console: Console, exiting: Bool = false) -> Int32 {
        let clock = ContinuousClock()
        let start = clock.now
        let root = project.root
        let output = out ?? (root as NSString).appendingPathComponent("public")
        do {
            try OutputGuard.check(output: output, root: root)
        } catch {
            console.err(TerminalText.escaped("error: \(error.message)"))
            return ExitStatus.usage
        }
        let options = BuildOptions(includeDrafts: project.drafts, portable: portable, strict: project.strict)
        let result = SiteBuilder(root: root, options: options).build(writingTo: OutputWriter(output: output, project: root))
        if exiting { result.workingSet?.leave() }
        report(result.diagnostics, console: console)
        guard !result.diagnostics.hasErrors else {
            console.err(TerminalText.escaped("error: build failed with \(plural(result.diagnostics.errors.count, "error")); \(output) was left as it was"))
            return ExitStatus.contentErrors
        }
        let seconds = Double((clock.now - start).components.attoseconds) / 1e18 + Double((clock.now - start).components.seconds)
        let unchanged = result.stats.unchanged > 0 ? ", \(result.stats.unchanged) unchanged" : ""
        var line = "Built \(plural(result.stats.pages, "page")) (\(plural(result.stats.sections, "section"))\(unchanged)) into \(output) in \(String(format: "%.2f", seconds)) s"
        let warnings = result.diagnostics.warnings.count
        if warnings > 0 { line += ", \(plural(warnings, "warning"))" }
        console.out(line)
        return ExitStatus.success
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate content, data and templates as a build would, writing nothing."
    )

    @OptionGroup var project: ProjectOptions

    func run() throws {
        throw ExitCode(execute(.standard))
    }

    func execute(_ console: Console) -> Int32 {
        let options = BuildOptions(includeDrafts: project.drafts, strict: project.strict)
        let result = SiteBuilder(root: project.root, options: options).build()
        report(result.diagnostics, console: console)
        if result.diagnostics.hasErrors || result.site == nil {
            console.err("error: check found \(plural(result.diagnostics.errors.count, "error"))")
            return ExitStatus.contentErrors
        }
        var line = "Checked \(plural(result.stats.pages, "page")): no errors"
        let warnings = result.diagnostics.warnings.count
        if warnings > 0 { line += ", \(plural(warnings, "warning"))" }
        console.out(line)
        return ExitStatus.success
    }
}
