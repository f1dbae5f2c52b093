import Foundation

/// A throwaway project in a temporary folder, written from a dictionary of `path: content`
/// (the pattern of DossierCoreTests' `TestSite`, with templates that have a `<body>`).
struct PreviewSite {
    /// A private folder holding the project, so tests can put files beside it.
    let parent: String
    let root: String

    static let templates: [String: String] = [
        "templates/layout.mustache": """
        <!doctype html><html lang="{{site.language}}"><head><meta charset="utf-8"><title>{{title}}</title>\
        <link rel="stylesheet" href="{{assets_url}}style.css"></head>
        <body><main id="contenu">{{$main}}{{/main}}</main></body>
        </html>
        """,
        "templates/page.mustache": "{{<layout}}{{$main}}<h1>{{page.title}}</h1>{{{page.content}}}{{/main}}{{/layout}}",
        "templates/home.mustache": """
        {{<layout}}{{$main}}<h1>{{page.title}}</h1>{{{page.content}}}{{#sections}}<a href="{{url}}">{{title}}</a>{{/sections}}{{/main}}{{/layout}}
        """,
        "templates/section.mustache": """
        {{<layout}}{{$main}}<h1>{{section.title}}</h1>{{#section.pages}}<a class="card" href="{{url}}">{{title}}</a>{{/section.pages}}{{/main}}{{/layout}}
        """,
        "templates/404.mustache": "{{<layout}}{{$main}}<h1>Page introuvable</h1><p>not-found-marker</p>{{/main}}{{/layout}}",
        "templates/assets/style.css": "body { margin: 0 }\n",
    ]

    static let content: [String: String] = [
        "content/site.yaml": "title: Essai\nlanguage: fr\n",
        "content/index.md": "---\ntitle: Accueil\n---\nBienvenue.\n",
        "content/briefs/accord.md": "---\ntitle: L'accord\n---\n\nPremière version.\n",
        "content/briefs/nokia.md": "---\ntitle: Nokia\n---\n\nVoir [l'accord](accord.md).\n",
    ]

    init(_ files: [String: String] = [:]) throws {
        parent = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-serve-\(UUID().uuidString)").path
        root = (parent as NSString).appendingPathComponent("project")
        let all = Self.templates.merging(Self.content) { $1 }.merging(files) { $1 }
        for (path, text) in all { try write(path, text) }
    }

    /// Writes in place (open, truncate, write, close), as most editors do.
    func write(_ path: String, _ text: String) throws {
        let url = URL(fileURLWithPath: absolute(path))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Writes a hidden temporary file beside `path`, then renames it over `path`, as editors
    /// that save "atomically" do.
    func writeByRenaming(_ path: String, _ text: String) throws {
        let temporary = ((absolute(path) as NSString).deletingLastPathComponent as NSString)
            .appendingPathComponent(".\((path as NSString).lastPathComponent).\(UUID().uuidString.prefix(6)).tmp")
        try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, absolute(path)) == 0 else { throw HTTPError("rename failed: errno \(errno)") }
    }

    func absolute(_ path: String) -> String {
        (root as NSString).appendingPathComponent(path)
    }

    func cleanUp() {
        try? FileManager.default.removeItem(atPath: parent)
    }
}
