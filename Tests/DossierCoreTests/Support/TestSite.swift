import Foundation
@testable import DossierModel
@testable import DossierOutput
@testable import DossierBuild

/// A project written into a fresh temporary folder from a dictionary of `path: content`.
///
/// Starts from a minimal working site (site.yaml and the five templates); tests add or replace files.
struct TestSite {
    let root: String

    static let minimalTemplates: [String: String] = [
        "templates/layout.mustache": """
        <!doctype html><html lang="{{site.language}}"><title>{{title}}</title>\
        <link rel="stylesheet" href="{{assets_url}}style.css">\
        <nav>{{#menu}}<a href="{{url}}"{{#active}} class="active"{{/active}}{{#current}} aria-current="page"{{/current}}>{{title}}</a>{{/menu}}</nav>\
        <main id="contenu">{{$main}}{{/main}}</main>{{> partials/footer}}</html>
        """,
        "templates/partials/footer.mustache": "<footer><a href=\"{{home_url}}\">{{t.home}}</a></footer>",
        "templates/page.mustache": """
        {{<layout}}{{$main}}<h1>{{page.title}}</h1><p class="summary">{{page.summary}}</p>{{#page.date_display}}<time>{{.}}</time>{{/page.date_display}}\
        <ol class="toc">{{#page.toc}}<li class="l{{level}}"><a href="{{url}}">{{title}}</a></li>{{/page.toc}}</ol>\
        {{{page.content}}}<ul class="sources">{{#page.sources}}<li><a href="{{url}}">{{title}}</a></li>{{/page.sources}}</ul>\
        {{#page.prev}}<a rel="prev" href="{{url}}">{{title}}</a>{{/page.prev}}{{#page.next}}<a rel="next" href="{{url}}">{{title}}</a>{{/page.next}}{{/main}}{{/layout}}
        """,
        "templates/home.mustache": """
        {{<layout}}{{$main}}<h1>{{page.title}}</h1>{{{page.content}}}\
        {{#sections}}<section><h2><a href="{{url}}">{{title}}</a></h2>{{#pages}}<a class="card" href="{{url}}">{{title}}</a>{{/pages}}</section>{{/sections}}{{/main}}{{/layout}}
        """,
        "templates/section.mustache": """
        {{<layout}}{{$main}}<h1>{{section.title}}</h1>{{{section.content}}}{{#section.pages}}<a class="card" href="{{url}}">{{title}}</a>{{/section.pages}}{{/main}}{{/layout}}
        """,
        "templates/404.mustache": "{{<layout}}{{$main}}<h1>{{page.title}}</h1>{{/main}}{{/layout}}",
        "templates/assets/style.css": "body { margin: 0 }\n",
    ]

    static let defaultSiteYAML = "title: Essai\nlanguage: fr\n"

    init(_ files: [String: String], siteYAML: String? = defaultSiteYAML, templates: Bool = true) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("dossier-test-\(UUID().uuidString)").path
        var all = templates ? Self.minimalTemplates : [:]
        if let siteYAML { all["content/site.yaml"] = siteYAML }
        for (path, text) in files { all[path] = text }
        for (path, text) in all { try write(path, text) }
    }

    func write(_ path: String, _ text: String) throws {
        try write(path, bytes: Array(text.utf8))
    }

    func write(_ path: String, bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: root).appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(atPath: (root as NSString).appendingPathComponent(path))
    }

    var output: String { (root as NSString).appendingPathComponent("public") }

    func build(_ options: BuildOptions = BuildOptions()) -> SiteBuilder.Result {
        SiteBuilder(root: root, options: options).build()
    }

    /// Builds and writes to `public/`; returns the diagnostics.
    @discardableResult
    func buildAndWrite(_ options: BuildOptions = BuildOptions()) throws -> Diagnostics {
        SiteBuilder(root: root, options: options).build(writingTo: OutputWriter(output: output, project: root)).diagnostics
    }

    func read(_ outputPath: String) throws -> String {
        try String(contentsOfFile: (output as NSString).appendingPathComponent(outputPath), encoding: .utf8)
    }

    /// Every file below `public/`, relative paths, sorted.
    func outputFiles() -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: output)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: (output as NSString).appendingPathComponent(path), isDirectory: &isDirectory)
            if !isDirectory.boolValue { files.append(path) }
        }
        return files.sorted()
    }

    /// Path → bytes of every output file, to compare two builds.
    func snapshot() throws -> [String: Data] {
        var result: [String: Data] = [:]
        for path in outputFiles() {
            result[path] = try Data(contentsOf: URL(fileURLWithPath: (output as NSString).appendingPathComponent(path)))
        }
        return result
    }

    func cleanUp() {
        try? FileManager.default.removeItem(atPath: root)
    }
}

/// A page with front matter.
func page(_ title: String, _ body: String = "", extra: String = "") -> String {
    "---\ntitle: \(title)\n\(extra)---\n\(body)"
}
