import Testing
@testable import DossierServer

@Suite struct RequestPathTests {
    static let files: Set<String> = ["index.html", "404.html", "briefs/index.html", "briefs/accord/index.html",
                                     "assets/style.css", "data/été/index.html"]

    func resolve(_ target: String) -> RequestTarget {
        RequestPath.resolve(target) { Self.files.contains($0) }
    }

    @Test(arguments: [
        ("/", "index.html"),
        ("/index.html", "index.html"),
        ("/briefs/", "briefs/index.html"),
        ("/briefs/accord/", "briefs/accord/index.html"),
        ("/briefs/accord/index.html", "briefs/accord/index.html"),
        ("/assets/style.css", "assets/style.css"),
        ("/assets/style.css?v=2", "assets/style.css"),
        ("/briefs/?x=1#top", "briefs/index.html"),
        ("/assets/%73tyle.css", "assets/style.css"),
        ("/data/%C3%A9t%C3%A9/", "data/été/index.html"),
    ])
    func servesKeysOfTheSite(target: String, key: String) {
        #expect(resolve(target) == .file(key))
    }

    @Test func foldersWithoutSlashRedirect() {
        #expect(resolve("/briefs") == .redirect(location: "/briefs/"))
        #expect(resolve("/briefs/accord?x=1") == .redirect(location: "/briefs/accord/"))
        #expect(resolve("/data/%C3%A9t%C3%A9") == .redirect(location: "/data/%C3%A9t%C3%A9/"))
    }

    @Test(arguments: ["/nope", "/briefs/nope/", "/assets/", "/assets", "/index.htm", "/BRIEFS/"])
    func unknownPathsAreNotFound(target: String) {
        #expect(resolve(target) == .notFound)
    }

    @Test(arguments: [
        "/../Package.swift", "/briefs/../../Package.swift", "/./index.html", "/briefs/..",
        "/%2e%2e/Package.swift", "/%2E%2E/Package.swift", "/.%2e/Package.swift", "/%2e/index.html",
        "/assets/..%2f..%2fPackage.swift", "/assets%2fstyle.css", "/assets%2Fstyle.css",
        "/assets\\..\\Package.swift", "/assets/%5c..%5cPackage.swift",
        "/briefs/%00", "/index.html%00.css", "/a%0d%0aSet-Cookie:x",
        "//etc/passwd", "/briefs//accord/", "http://example.com/", "*", "", "index.html",
        "/%zz", "/%e9t%e9/", "/%",
    ])
    func traversalAndMalformedTargetsAreRefused(target: String) {
        #expect(resolve(target) == .badRequest)
    }

    @Test func redirectsNeverLeaveTheSite() {
        // A location starting with "//" would send the browser to another host.
        for target in ["//briefs", "/%2fbriefs", "/\\briefs"] {
            if case .redirect(let location) = resolve(target) {
                Issue.record("\(target) redirected to \(location)")
            }
        }
    }
}

@Suite struct ContentTypeTests {
    @Test(arguments: [
        ("index.html", "text/html; charset=utf-8"), ("assets/style.css", "text/css; charset=utf-8"),
        ("assets/app.js", "text/javascript; charset=utf-8"), ("assets/logo.svg", "image/svg+xml"),
        ("feed.xml", "application/xml"), ("data/x/x.json", "application/json"), ("data/x/x.csv", "text/csv; charset=utf-8"),
        ("assets/a.png", "image/png"), ("assets/a.JPG", "image/jpeg"), ("assets/a.jpeg", "image/jpeg"),
        ("assets/a.gif", "image/gif"), ("assets/a.webp", "image/webp"), ("assets/f.woff2", "font/woff2"),
        ("favicon.ico", "image/x-icon"), ("robots.txt", "text/plain; charset=utf-8"),
        ("assets/noextension", "application/octet-stream"), ("assets/.hidden", "application/octet-stream"),
    ])
    func byExtension(path: String, type: String) {
        #expect(ContentTypes.forPath(path) == type)
    }
}
