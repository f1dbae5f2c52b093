import Foundation
import Testing
import DossierCLI
import DossierModel
import DossierTheme

/// `dossier init`, `theme eject`, `--version`: starting a report from nothing, as a new user does.
@Suite struct InitTests {
    static func temporaryFolder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("dossier-init-\(UUID().uuidString)").path
    }

    static func files(under root: String) -> [String] {
        (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []).filter { path in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder) && !isFolder.boolValue
        }.sorted()
    }

    @Test(arguments: ["en", "fr"]) func aNewReportBuildsStrictWithNoWarning(language: String) throws {
        let root = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let started = run(["init", root, "--language", language, "--title", "Q3 \"review\": A & B"])
        #expect(started.status == 0, "\(started.err)")
        #expect(!FileManager.default.fileExists(atPath: root + "/templates"))
        let built = run(["build", "--root", root, "--strict"])
        #expect(built.status == 0, "\(built.err)")
        #expect(built.err.isEmpty, "\(built.err)")
        let home = try String(contentsOfFile: root + "/public/index.html", encoding: .utf8)
        #expect(home.contains("<html lang=\"\(language)\""))
        #expect(home.contains("&amp; B"))
        let output = Self.files(under: root + "/public")
        #expect(output.contains("assets/style.css"))
        #expect(output.contains { $0.hasPrefix("data/") && $0.hasSuffix("/index.html") })
        // A brief's page (its folder also holds its charts' .svg and .csv files).
        let brief = try #require(output.first { $0.hasPrefix("briefs/") && $0 != "briefs/index.html" && $0.hasSuffix("/index.html") })
        #expect(output.contains { $0.hasPrefix("briefs/") && $0.hasSuffix(".svg") }, "the brief's chart has its file")
        let page = try String(contentsOfFile: root + "/public/" + brief, encoding: .utf8)
        #expect(page.contains("<svg"), "the brief has a chart")
        #expect(page.contains("<table"), "the brief has a table")
    }

    @Test func theStarterTextIsInTheChosenLanguage() throws {
        let root = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(run(["init", root, "--language", "fr"]).status == 0)
        let config = try String(contentsOfFile: root + "/content/site.yaml", encoding: .utf8)
        #expect(config.contains("language: fr"))
        #expect(config.contains("title: \"Mon rapport\""))
        #expect(FileManager.default.fileExists(atPath: root + "/content/a-propos/index.md"))
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        let today = formatter.string(from: Date())
        let brief = try String(contentsOfFile: root + "/content/briefs/premiere-analyse.md", encoding: .utf8)
        #expect(brief.contains("date: \(today)"))
    }

    @Test func initRefusesANonEmptyFolderAndWritesNothing() throws {
        let root = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try Data("notes".utf8).write(to: URL(fileURLWithPath: root + "/notes.txt"))
        let result = run(["init", root])
        #expect(result.status == 2)
        #expect(result.err.contains("is not empty (notes.txt)"))
        #expect(Self.files(under: root) == ["notes.txt"])
    }

    @Test func initAcceptsAFolderHoldingOnlyGit() throws {
        let root = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/.git", withIntermediateDirectories: true)
        #expect(run(["init", root]).status == 0)
        #expect(FileManager.default.fileExists(atPath: root + "/content/site.yaml"))
        #expect(try String(contentsOfFile: root + "/.gitignore", encoding: .utf8).contains("/public/"))
    }

    @Test func initRefusesAnUnknownLanguage() {
        let root = Self.temporaryFolder()
        let result = run(["init", root, "--language", "de"])
        #expect(result.status == 2)
        #expect(!FileManager.default.fileExists(atPath: root))
    }

    @Test func ejectedThemeBuildsTheSameSiteAndOverridesFileByFile() throws {
        let root = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(run(["init", root]).status == 0)
        #expect(run(["build", "--root", root, "--out", root + "/builtin"]).status == 0)
        let ejected = run(["theme", "eject", "--root", root])
        #expect(ejected.status == 0, "\(ejected.err)")
        #expect(Self.files(under: root + "/templates") == BuiltinTheme.all.map(\.path).sorted())
        #expect(run(["build", "--root", root, "--out", root + "/ejected"]).status == 0)
        for path in Self.files(under: root + "/builtin") where path != ".dossier" {
            #expect(FileManager.default.contents(atPath: root + "/builtin/" + path) == FileManager.default.contents(atPath: root + "/ejected/" + path), "\(path)")
        }

        // One file changed, the rest deleted: the changed one wins, the built-in theme gives the rest.
        try FileManager.default.removeItem(atPath: root + "/templates")
        try FileManager.default.createDirectory(atPath: root + "/templates/partials", withIntermediateDirectories: true)
        try Data("<footer>OVERRIDDEN</footer>\n".utf8).write(to: URL(fileURLWithPath: root + "/templates/partials/footer.mustache"))
        try FileManager.default.createDirectory(atPath: root + "/templates/assets", withIntermediateDirectories: true)
        try Data("body{}".utf8).write(to: URL(fileURLWithPath: root + "/templates/assets/extra.css"))
        #expect(run(["build", "--root", root]).status == 0)
        let home = try String(contentsOfFile: root + "/public/index.html", encoding: .utf8)
        #expect(home.contains("<footer>OVERRIDDEN</footer>"))
        #expect(FileManager.default.fileExists(atPath: root + "/public/assets/extra.css"))
        #expect(FileManager.default.contents(atPath: root + "/public/assets/style.css") == FileManager.default.contents(atPath: root + "/builtin/assets/style.css"))
    }

    @Test func ejectRefusesToOverwriteWithoutForce() throws {
        let root = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/templates", withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: URL(fileURLWithPath: root + "/templates/page.mustache"))
        let refused = run(["theme", "eject", "--root", root])
        #expect(refused.status == 2)
        #expect(refused.err.contains("templates/page.mustache"))
        #expect(Self.files(under: root + "/templates") == ["page.mustache"])
        #expect(run(["theme", "eject", "--root", root, "--force"]).status == 0)
        #expect(try String(contentsOfFile: root + "/templates/page.mustache", encoding: .utf8) != "mine")
    }

    @Test func versionPrintsTheVersionAndExitsZero() {
        let result = run(["--version"])
        #expect(result.status == 0)
        #expect(result.out == DossierVersion.current)
    }
}
