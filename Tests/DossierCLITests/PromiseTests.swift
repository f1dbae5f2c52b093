import Foundation
import Testing

/// The README's promises about the output folder, one test each, named for the promise: links
/// that leave the project are refused; a build is atomic; nothing is written outside the
/// output folder but the project's own scratch folder. (`CrashSafetyTests` backs the atomic
/// promise under `kill -9`.)
@Suite struct PromiseTests {
    /// A folder outside the project, with a page and data that must never be published.
    static func outsideFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-outside-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path + "/data", withIntermediateDirectories: true)
        try Data("---\ntitle: Secret\n---\nNot for the web.\n".utf8).write(to: URL(fileURLWithPath: path + "/secret.md"))
        try Data("title: Dehors\nlanguage: fr\n".utf8).write(to: URL(fileURLWithPath: path + "/site.yaml"))
        try Data("k,v\na,1\n".utf8).write(to: URL(fileURLWithPath: path + "/data/secret.csv"))
        try Data("<html>{{$main}}{{/main}}</html>".utf8).write(to: URL(fileURLWithPath: path + "/layout.mustache"))
        return path
    }

    /// Every path below `folder`, sorted.
    static func listing(_ folder: String) throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: folder).sorted()
    }

    /// Issue 16, item 6: `content/`, `templates/` or a data folder as a link to a folder outside
    /// the project is refused with an error naming the link, and nothing outside is published.
    @Test func testPromise_linksLeavingTheProjectAreRefused() throws {
        let outside = try Self.outsideFolder()
        defer { try? FileManager.default.removeItem(atPath: outside) }
        let before = try Self.listing(outside)
        let cases: [(link: String, target: String, message: String)] = [
            ("content", outside, "content: error: content is a link that leads outside the project (to "),
            ("templates", outside, "templates: error: templates is a link that leads outside the project (to "),
            ("content/data", outside + "/data", "content/data: error: content/data is a link that leads outside the project"),
        ]
        for (link, target, message) in cases {
            let project = try Project(["content/x.md": "---\ntitle: X\n---\n"])
            defer { project.cleanUp() }
            try? FileManager.default.removeItem(atPath: project.path(link))
            try FileManager.default.createSymbolicLink(atPath: project.path(link), withDestinationPath: target)
            let result = run(["build", "--root", project.root])
            #expect(result.status == 1, "\(link): \(result.err)")
            #expect(result.err.contains(message), "\(link): \(result.err)")
            #expect(!project.exists("public"), "\(link): a refused build writes nothing")
            #expect(run(["check", "--root", project.root]).status == 1, "\(link): check must refuse it too")
        }
        // With `content` a link, an output inside it is refused before anything is written.
        let project = try Project([:])
        defer { project.cleanUp() }
        try FileManager.default.removeItem(atPath: project.path("content"))
        try FileManager.default.createSymbolicLink(atPath: project.path("content"), withDestinationPath: outside)
        let result = run(["build", "--root", project.root, "--out", project.path("content/pub2")])
        #expect(result.status == 2, "\(result.err)")
        #expect(result.err.contains("refusing to write the site to"), "\(result.err)")
        #expect(try Self.listing(outside) == before, "files appeared in or vanished from the folder outside")
    }

    /// A build that fails leaves the previous output byte for byte, and no staging folder.
    @Test func testPromise_aBuildIsAtomic() throws {
        let project = try Project(["content/a.md": "---\ntitle: A\n---\nVoir [b](b.md).\n", "content/b.md": "---\ntitle: B\n---\nB.\n"])
        defer { project.cleanUp() }
        #expect(run(["build", "--root", project.root]).status == 0)
        let built = try Self.listing(project.path("public"))
        let page = try project.read("public/a/index.html")
        try Data("---\ntitle: A modifié\n---\n[absent](absent.md)\n".utf8).write(to: URL(fileURLWithPath: project.path("content/a.md")))
        #expect(run(["build", "--root", project.root]).status == 1)
        #expect(try Self.listing(project.path("public")) == built)
        #expect(try project.read("public/a/index.html") == page)
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.root).filter { $0.hasPrefix(".") && $0 != ".dossier" } == [])
    }

    /// Issue 16, item 7: after builds into a folder outside the project (that succeed or fail),
    /// its parent holds the output folder and nothing else; the project gains only `.dossier/`.
    @Test func testPromise_nothingIsWrittenOutsideTheOutputFolder() throws {
        let project = try Project(["content/x.md": "---\ntitle: X\n---\n", "content/y.md": "---\ntitle: Y\n---\n"])
        let web = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-www-\(UUID().uuidString)").path
        defer { project.cleanUp(); try? FileManager.default.removeItem(atPath: web) }
        try FileManager.default.createDirectory(atPath: web, withIntermediateDirectories: false)
        let before = try Self.listing(project.root)
        let out = web + "/rapport"
        #expect(run(["build", "--root", project.root, "--out", out]).status == 0)
        try FileManager.default.removeItem(atPath: project.path("content/y.md"))
        #expect(run(["build", "--root", project.root, "--out", out]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: web) == ["rapport"])
        #expect(!FileManager.default.fileExists(atPath: out + "/y/index.html"), "a removed page must not stay online")
        try Data("---\ntitle: X\n---\n[absent](absent.md)\n".utf8).write(to: URL(fileURLWithPath: project.path("content/x.md")))
        #expect(run(["build", "--root", project.root, "--out", out]).status == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: web) == ["rapport"])
        let added = Set(try Self.listing(project.root)).subtracting(before).subtracting(["content/y.md"])
        #expect(added.allSatisfy { $0 == ".dossier" || $0.hasPrefix(".dossier/") }, "\(added.sorted())")
    }
}
