import Foundation
import Testing
import DossierCLI

/// Runs the command in-process and captures what it prints.
final class Captured: @unchecked Sendable {
    private let lock = NSLock()
    private var outLines: [String] = []
    private var errLines: [String] = []

    var console: Console {
        Console(out: { line in self.lock.withLock { self.outLines.append(line) } },
                err: { line in self.lock.withLock { self.errLines.append(line) } })
    }

    var out: String { lock.withLock { outLines.joined(separator: "\n") } }
    var err: String { lock.withLock { errLines.joined(separator: "\n") } }
}

func run(_ arguments: [String]) -> (status: Int32, out: String, err: String) {
    let captured = Captured()
    let status = DossierCLI.run(arguments, console: captured.console)
    return (status, captured.out, captured.err)
}

/// A throwaway project folder.
struct Project {
    let root: String

    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-cli-\(UUID().uuidString)").path
        let base: [String: String] = [
            "content/site.yaml": "title: Essai\nlanguage: fr\n",
            "templates/layout.mustache": "<html>{{$main}}{{/main}}</html>",
            "templates/page.mustache": "{{<layout}}{{$main}}<h1>{{page.title}}</h1>{{{page.content}}}{{/main}}{{/layout}}",
            "templates/home.mustache": "{{<layout}}{{$main}}home{{/main}}{{/layout}}",
            "templates/section.mustache": "{{<layout}}{{$main}}{{section.title}}{{/main}}{{/layout}}",
            "templates/404.mustache": "{{<layout}}{{$main}}404{{/main}}{{/layout}}",
        ]
        for (path, text) in base.merging(files, uniquingKeysWith: { $1 }) {
            let url = URL(fileURLWithPath: root).appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    func path(_ relative: String) -> String { root + "/" + relative }
    func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: path(relative)) }
    func read(_ relative: String) throws -> String { try String(contentsOfFile: path(relative), encoding: .utf8) }
    func cleanUp() { try? FileManager.default.removeItem(atPath: root) }
}

@Suite struct CLITests {
    @Test func buildSucceedsWithOneSummaryLine() throws {
        let project = try Project(["content/briefs/accord.md": "---\ntitle: L'accord\n---\nTexte.\n"])
        defer { project.cleanUp() }
        let result = run(["build", "--root", project.root])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.split(separator: "\n").count == 1)
        #expect(result.out.hasPrefix("Built 3 pages (1 section) into "))
        #expect(project.exists("public/briefs/accord/index.html"))
    }

    @Test func contentErrorsExitOneWithCompilerStyleMessages() throws {
        let project = try Project([
            "content/briefs/a.md": "---\ntitle: A\n---\n\n[x](absent.md)\n",
            "content/briefs/b.md": "---\ntitle: [\n---\n",
        ])
        defer { project.cleanUp() }
        let result = run(["build", "--root", project.root])
        #expect(result.status == 1)
        let lines = result.err.split(separator: "\n").map(String.init)
        #expect(lines.first == "content/briefs/a.md:5:1: error: link to \"absent.md\": no page content/briefs/absent.md")
        #expect(lines.contains { $0.hasPrefix("content/briefs/b.md:") && $0.contains("error: front matter: invalid YAML") })
        #expect(lines.last?.hasPrefix("error: build failed with 2 errors") == true)
        #expect(!project.exists("public"))
    }

    @Test func usageErrorsExitTwo() {
        #expect(run(["build", "--no-such-flag"]).status == 2)
        #expect(run(["frobnicate"]).status == 2)
        #expect(run(["new", "essay", "Titre"]).status == 2)
    }

    @Test func helpExitsZero() {
        let result = run(["--help"])
        #expect(result.status == 0)
        #expect(result.out.contains("build"))
        #expect(run(["build", "--help"]).out.contains("USAGE: dossier build"))
        #expect(run(["help", "new"]).out.contains("USAGE: dossier new"))
    }

    @Test func refusesAnOutputThatWouldReplaceTheProject() throws {
        let project = try Project(["content/index.md": "---\ntitle: Accueil\n---\n"])
        defer { project.cleanUp() }
        for out in [project.root, project.path("content"), project.path("templates"), project.path("content/public")] {
            let result = run(["build", "--root", project.root, "--out", out])
            #expect(result.status == 2, "\(out)")
            #expect(result.err.contains("refusing"))
        }
        #expect(try project.read("content/index.md") == "---\ntitle: Accueil\n---\n")
        #expect(!project.exists("content/public"))
    }

    @Test func checkWritesNothing() throws {
        let project = try Project(["content/index.md": "---\ntitle: Accueil\n---\n"])
        defer { project.cleanUp() }
        let result = run(["check", "--root", project.root])
        #expect(result.status == 0)
        #expect(result.out == "Checked 1 page: no errors")
        #expect(!project.exists("public"))
    }

    @Test func strictTurnsWarningsIntoErrors() throws {
        let project = try Project(["content/index.md": "---\ntitle: Accueil\nsumary: x\n---\n"])
        defer { project.cleanUp() }
        #expect(run(["check", "--root", project.root]).status == 0)
        let strict = run(["check", "--root", project.root, "--strict"])
        #expect(strict.status == 1)
        #expect(strict.err.contains("content/index.md:3:1: error: unknown key `sumary`"))
    }

    @Test func newBriefScaffoldsAndRefusesToOverwrite() throws {
        let project = try Project([:])
        defer { project.cleanUp() }
        let first = run(["new", "brief", "L'accord du 5 juillet : \"brevets\"", "--root", project.root])
        #expect(first.status == 0, "\(first.err)")
        let text = try project.read("content/briefs/l-accord-du-5-juillet-brevets.md")
        #expect(text.hasPrefix("---\ntitle: \"L'accord du 5 juillet : \\\"brevets\\\"\"\n"))
        #expect(text.contains("draft: true"))
        let built = run(["check", "--root", project.root, "--drafts"])
        #expect(built.status == 0, "\(built.err)")
        let second = run(["new", "brief", "L'accord du 5 juillet : \"brevets\"", "--root", project.root])
        #expect(second.status == 1)
        #expect(second.err.contains("already exists"))
    }
}
