import Foundation
import Testing
@testable import DossierServer
import DossierBuild
@testable import DossierModel

/// The server on an ephemeral port, over real sockets.
@Suite struct ServerTests {
    func serving(_ files: [String: String] = [:], _ body: (PreviewSite, RunningServer) async throws -> Void) async throws {
        let site = try PreviewSite(files)
        defer { site.cleanUp() }
        let server = try await RunningServer.start(site)
        do {
            try await body(site, server)
        } catch {
            try? await server.stop()
            throw error
        }
        try await server.stop()
    }

    @Test func servesPagesWithTheirContentTypeAndTheScript() async throws {
        try await serving { _, server in
            let home = try await server.get("/")
            #expect(home.status == 200)
            #expect(home.headers["content-type"] == "text/html; charset=utf-8")
            #expect(home.body.contains("<h1>Accueil</h1>"))
            #expect(home.body.contains("<script id=\"dossier-live-reload\">"))
            #expect(home.body.range(of: "</script></body>") != nil, "the script sits just before </body>")

            let page = try await server.get("/briefs/accord/")
            #expect(page.status == 200)
            #expect(page.body.contains("Première version."))

            let css = try await server.get("/assets/style.css")
            #expect(css.status == 200)
            #expect(css.headers["content-type"] == "text/css; charset=utf-8")
            #expect(css.body == "body { margin: 0 }\n")

            let head = try await server.get("/briefs/accord/", method: "HEAD")
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(head.headers["content-length"] == page.headers["content-length"])

            #expect(try await server.get("/", method: "POST").status == 405)
            #expect(server.output.text.contains("Serving http://127.0.0.1:\(server.port)/"))
        }
    }

    @Test func foldersRedirectToTheirSlash() async throws {
        try await serving { _, server in
            let response = try await server.get("/briefs")
            #expect(response.status == 301)
            #expect(response.headers["location"] == "/briefs/")
            let section = try await server.get("/briefs/")
            #expect(section.status == 200)
            #expect(section.body.contains("<h1>Briefs</h1>") || section.body.contains("class=\"card\""))
        }
    }

    @Test func unknownPathsGetTheSitesNotFoundPage() async throws {
        try await serving { _, server in
            let response = try await server.get("/briefs/absent/")
            #expect(response.status == 404)
            #expect(response.headers["content-type"] == "text/html; charset=utf-8")
            #expect(response.body.contains("not-found-marker"))
            #expect(response.body.contains("dossier-live-reload"))
        }
    }

    @Test func traversalAttemptsNeverReachAFile() async throws {
        // Secrets beside and above the site: a server mapping URLs onto folders would find them.
        try await serving(["Package.swift": "SECRET-ROOT", "content/secret.txt": "SECRET-CONTENT"]) { site, server in
            try Data("SECRET-PARENT".utf8).write(to: URL(fileURLWithPath: (site.parent as NSString).appendingPathComponent("Package.swift")))
            let attempts = [
                "/../Package.swift", "/../../Package.swift", "/%2e%2e/Package.swift", "/%2E%2E/%2e%2e/Package.swift",
                "/assets/..%2f..%2fPackage.swift", "/assets/%2e%2e%2f%2e%2e%2fPackage.swift", "/briefs/%00",
                "/assets/..\\..\\Package.swift", "/assets/%5c..%5cPackage.swift", "//Package.swift",
                "/content/secret.txt", "/Package.swift", "/templates/page.mustache", "/.dossier",
                "http://127.0.0.1/../Package.swift", "file:///etc/passwd", "/%2fetc/passwd", "/etc/passwd",
            ]
            for target in attempts {
                let response = try await server.get(target)
                #expect([400, 404].contains(response.status), "\(target) → \(response.status)")
                #expect(!response.body.contains("SECRET"), "\(target) served a file outside the site")
            }
        }
    }

    @Test func copiedFilesThatBecomeLinksOutOfTheProjectAreNotServed() async throws {
        try await serving { site, server in
            let outside = (site.parent as NSString).appendingPathComponent("outside.css")
            try Data("SECRET-OUTSIDE".utf8).write(to: URL(fileURLWithPath: outside))
            let events = try await server.events()
            defer { events.close() }
            try FileManager.default.removeItem(atPath: site.absolute("templates/assets/style.css"))
            try FileManager.default.createSymbolicLink(atPath: site.absolute("templates/assets/style.css"), withDestinationPath: outside)
            #expect(await events.next("errors") != nil, "the build refuses the link")
            let response = try await server.get("/assets/style.css")
            #expect(response.status == 404)
            #expect(!response.body.contains("SECRET"))
        }
    }

    @Test func anEditIsServedAndReloadsThePage() async throws {
        try await serving { site, server in
            let events = try await server.events(since: 1)
            defer { events.close() }
            try site.write("content/briefs/accord.md", "---\ntitle: L'accord\n---\n\nDeuxième version.\n")
            let reload = await events.next("reload")
            #expect(reload?.data == "2")
            let page = try await server.get("/briefs/accord/")
            #expect(page.body.contains("Deuxième version."))
            #expect(page.body.contains("events?since=2"))

            // An editor that writes a temporary file and renames it over the page.
            try site.writeByRenaming("content/briefs/accord.md", "---\ntitle: L'accord\n---\n\nTroisième version.\n")
            #expect(await events.next("reload")?.data == "3")
            #expect(try await server.get("/briefs/accord/").body.contains("Troisième version."))

            // A template edit changes every page.
            try site.write("templates/page.mustache", "{{<layout}}{{$main}}<h1 class=\"t\">{{page.title}}</h1>{{{page.content}}}{{/main}}{{/layout}}")
            #expect(await events.next("reload") != nil)
            #expect(try await server.get("/briefs/nokia/").body.contains("<h1 class=\"t\">Nokia</h1>"))
            #expect(await eventually { server.output.text.contains("Rebuilt in ") })
        }
    }

    @Test func aSaveThatChangesNothingDoesNotReload() async throws {
        try await serving { site, server in
            let events = try await server.events(since: 1)
            defer { events.close() }
            try site.write("content/briefs/accord.md", PreviewSite.content["content/briefs/accord.md"]!)
            #expect(await eventually { server.output.text.contains("no page changed") })
            try site.write("content/briefs/accord.md", "---\ntitle: L'accord\n---\n\nAutre.\n")
            #expect(await events.next("reload")?.data == "2", "the first reload is the real change")
        }
    }

    @Test func aBrokenEditShowsErrorsKeepsTheOldPageAndAFixRecovers() async throws {
        try await serving { site, server in
            let events = try await server.events(since: 1)
            defer { events.close() }
            try site.write("content/briefs/accord.md", "---\ntitle: L'accord\n---\n\nVoir [Nokia](nokia-absent.md).\n")
            let errors = try #require(await events.next("errors"))
            let lines = try JSONSerialization.jsonObject(with: Data(errors.data.utf8)) as? [String]
            #expect(lines?.contains { $0.hasPrefix("content/briefs/accord.md:5:") && $0.contains("nokia-absent.md") } == true, "\(errors.data)")

            let page = try await server.get("/briefs/accord/")
            #expect(page.status == 200)
            #expect(page.body.contains("Première version."), "the last good build is still served")
            #expect(await eventually { server.output.text.contains("content/briefs/accord.md:5:") })
            #expect(server.output.text.contains("Build failed with 1 error"))

            // A page opened while the build is broken gets the errors at once.
            let late = try await server.events(since: 1)
            defer { late.close() }
            #expect(await late.next("errors") != nil)

            try site.write("content/briefs/accord.md", "---\ntitle: L'accord\n---\n\nVoir [Nokia](nokia.md).\n")
            #expect(await events.next("reload") != nil)
            #expect(await late.next("reload") != nil)
            let fixed = try await server.get("/briefs/accord/")
            #expect(fixed.body.contains("nokia/\">Nokia</a>"))
            #expect(await eventually { server.output.text.contains("errors fixed") })
        }
    }

    @Test func aFirstBuildThatFailsIsShownUntilFixed() async throws {
        try await serving(["content/index.md": "---\ntitle: [\n---\n"]) { site, server in
            let page = try await server.get("/")
            #expect(page.status == 503)
            #expect(page.body.contains("content/index.md:"))
            #expect(page.body.contains("dossier-live-reload"))
            let events = try await server.events(since: 0)
            defer { events.close() }
            #expect(await events.next("errors") != nil)
            try site.write("content/index.md", "---\ntitle: Accueil\n---\nBienvenue.\n")
            #expect(await events.next("reload") != nil)
            #expect(try await server.get("/").status == 200)
        }
    }

    /// Saving a template that includes itself used to overflow the stack and kill the server.
    @Test func savingARecursiveTemplateKeepsServing() async throws {
        try await serving { site, server in
            let events = try await server.events()
            defer { events.close() }
            try site.write("templates/partials/loop.mustache", "{{> partials/loop}}")
            try site.write("templates/page.mustache", "{{<layout}}{{$main}}{{> partials/loop}}{{/main}}{{/layout}}")
            let errors = try #require(await events.next("errors"))
            #expect(errors.data.contains("templates/partials/loop.mustache:1:1: error: template cycle: partials/loop → partials/loop"), "\(errors.data)")
            let page = try await server.get("/briefs/accord/")
            #expect(page.status == 200, "the last good build is still served")
            #expect(page.body.contains("Première version."))
        }
    }

    @Test func pagesLoadedBeforeARebuildCatchUpWhenTheyConnect() async throws {
        try await serving { site, server in
            let watcher = try await server.events(since: 1)
            defer { watcher.close() }
            try site.write("content/briefs/accord.md", "---\ntitle: L'accord\n---\n\nNouvelle.\n")
            #expect(await watcher.next("reload") != nil)
            let stale = try await server.events(since: 1)
            defer { stale.close() }
            #expect(await stale.next("reload")?.data == "2")
        }
    }

    @Test func builtSitesHaveNoScript() throws {
        let site = try PreviewSite()
        defer { site.cleanUp() }
        let result = SiteBuilder(root: site.root).build()
        let files = try #require(result.site).files
        #expect(files.count > 4)
        for (path, content) in files {
            if case .text(let text) = content {
                #expect(!text.contains("<script"), "\(path)")
                #expect(!text.contains("__dossier"), "\(path)")
            }
        }
    }
}
