import Foundation
import Testing
import DossierCLI

/// One small site per kind of mistake: the exit status, and the first diagnostic with its file,
/// line, column and message. A site is the base project of `Project` plus the files listed.
@Suite struct ErrorCorpusTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let files: [String: String]
        let bytes: [String: [UInt8]]
        let status: Int32
        let diagnostic: String
        var arguments: [String] = []

        init(_ name: String, _ files: [String: String], bytes: [String: [UInt8]] = [:], status: Int32 = 1, _ diagnostic: String, arguments: [String] = []) {
            self.name = name
            self.files = files
            self.bytes = bytes
            self.status = status
            self.diagnostic = diagnostic
            self.arguments = arguments
        }

        var testDescription: String { name }
    }

    static let data = [
        "content/data/parts.csv": "annee,constructeur,part\n2016,Xiaomi,8.9\n2017,Xiaomi,12.4\n",
        "templates/dataset.mustache": "{{<layout}}{{$main}}{{dataset.title}}{{/main}}{{/layout}}",
        "templates/datasets.mustache": "{{<layout}}{{$main}}data{{/main}}{{/layout}}",
    ]

    static func chart(_ spec: String) -> [String: String] {
        data.merging(["content/x.md": "---\ntitle: X\n---\nTexte.\n\n```chart\n\(spec)\n```\n"]) { $1 }
    }

    static let cases: [Case] = [
        Case("malformed YAML", ["content/x.md": "---\ntitle: [X\n---\n"], "content/x.md:3:1: error: front matter: invalid YAML"),
        Case("unclosed front matter", ["content/x.md": "---\ntitle: X\n\nTexte\n"], "content/x.md:1:1: error: front matter is not closed: add a `---` line after it"),
        Case("missing title", ["content/x.md": "---\ndate: 2017-07-05\n---\n"], "content/x.md:1:1: error: front matter has no `title`"),
        Case("bad date", ["content/x.md": "---\ntitle: X\ndate: 5 juillet 2017\n---\n"], "content/x.md:3:7: error: `date` must be a calendar date written YYYY-MM-DD"),
        Case("front matter not a mapping", ["content/x.md": "---\n- a\n- b\n---\n"], "content/x.md:2:1: error: front matter must be a mapping"),
        Case("invalid UTF-8", [:], bytes: ["content/x.md": Array("---\ntitle: X\n---\nabc ".utf8) + [0xFF, 0xFE]], "content/x.md:4:5: error: file is not valid UTF-8"),
        Case("unknown chart type", chart("type: radar\ndata: parts\nx: annee\ny: part"), "content/x.md:7:7: error: chart: unknown type \"radar\""),
        Case("missing dataset", chart("type: bar\ndata: ventes\nx: annee\ny: part"), "content/x.md:8:1: error: chart: no dataset \"ventes\" in content/data/"),
        Case("missing column", chart("type: bar\ndata: parts\nx: annee\ny: share"), "content/x.md:10:1: error: chart: unknown column \"share\" in dataset \"parts\" (columns: annee, constructeur, part)"),
        Case("empty selection", chart("type: bar\ndata: parts\nx: annee\ny: part\nwhere: {constructeur: Apple}"), "content/x.md:11:1: error: chart: no row of dataset \"parts\" with constructeur = Apple"),
        Case("chart spec not a mapping", chart("bar parts annee part"), "content/x.md:7:1: error: chart must be a mapping of `key: value` lines, found a single value"),
        Case("ragged CSV row", data.merging(["content/data/parts.csv": "a,b\n1,2\n3,4,5\n"]) { $1 }, "content/data/parts.csv:3:1: error: row has 3 fields, the header has 2"),
        Case("text in a number column", data.merging(["content/data/parts.csv": "a,b\n1,2\n3,quatre\n", "content/data/parts.yaml": "columns:\n  b: {type: number}\n"]) { $1 },
             "content/data/parts.csv:3:3: error: column \"b\" holds numbers, but \"quatre\" is not a number"),
        Case("empty CSV", data.merging(["content/data/parts.csv": ""]) { $1 }, "content/data/parts.csv:1:1: error: dataset is empty"),
        Case("malformed JSON", data.merging(["content/data/ventes.json": "[{\"a\": 1,]"]) { $1 }, "content/data/ventes.json:1:10: error: malformed JSON: expected a key in double quotes, found `]`"),
        Case("JSON trailing comma", data.merging(["content/data/ventes.json": "[\n  {\"a\": 1},\n  {\"a\": 2,}\n]"]) { $1 },
             "content/data/ventes.json:3:10: error: malformed JSON: trailing comma before `}`: JSON allows none"),
        Case("JSON duplicate key", data.merging(["content/data/ventes.json": "[\n  {\"a\": 1,\n   \"a\": 2}\n]"]) { $1 },
             "content/data/ventes.json:3:4: error: malformed JSON: key \"a\" appears twice in the same object (first at line 2, column 4)"),
        Case("negative value in a pie", chart("type: pie\ndata: parts\nx: annee\ny: part").merging(["content/data/parts.csv": "annee,constructeur,part\n2016,Xiaomi,8.9\n2017,Xiaomi,-12.4\n"]) { $1 },
             "content/x.md:10:1: error: chart: a pie chart cannot show the negative value \u{2212}12,4 of \"part\" for annee = 2017 (content/data/parts.csv:3); its slices are shares of a positive total"),
        Case("negative value in a donut series", chart("type: donut\ndata: parts\nx: constructeur\ny: part\nseries: annee").merging(["content/data/parts.csv": "annee,constructeur,part\n2016,Xiaomi,8.9\n2017,Xiaomi,-12.4\n2016,OPPO,-1\n"]) { $1 },
             "content/x.md:10:1: error: chart: a donut chart cannot show the negative value \u{2212}1 of \"part\" for constructeur = OPPO (content/data/parts.csv:4); its slices are shares of a positive total"),
        Case("control characters in a file name", ["content/\u{1B}[2Jx\u{9B}.md": "---\ntitle: [X\n---\n"], "content/\\u{1B}[2Jx\\u{9B}.md:3:1: error: front matter: invalid YAML"),
        Case("control characters in a CSV cell", data.merging(["content/data/parts.csv": "a,b\n1,2\n3,qu\u{1B}]0;pwned\u{07}atre\u{7F}\n", "content/data/parts.yaml": "columns:\n  b: {type: number}\n"]) { $1 },
             "content/data/parts.csv:3:3: error: column \"b\" holds numbers, but \"qu\\u{1B}]0;pwned\\u{07}atre\\u{7F}\" is not a number"),
        Case("control characters in a link target", ["content/x.md": "---\ntitle: X\n---\n\nVoir [ici](<abs\u{1B}[31ment.md>).\n"],
             "content/x.md:5:6: error: link to \"abs\\u{1B}[31ment.md\": no page content/abs\\u{1B}[31ment.md"),
        Case("broken page link", ["content/x.md": "---\ntitle: X\n---\n\nVoir [ici](absent.md).\n"], "content/x.md:5:6: error: link to \"absent.md\": no page content/absent.md"),
        Case("broken anchor", ["content/x.md": "---\ntitle: X\n---\n## Un\n\n[ici](#deux)\n"], "content/x.md:6:1: error: link to missing anchor \"#deux\" on content/x.md; did you mean \"#un\"?"),
        Case("duplicate output path", ["content/a/x.md": "---\ntitle: X\n---\n", "content/a/y.md": "---\ntitle: Y\nslug: x\n---\n"],
             "content/a/y.md:1:1: error: page would be written to a/x/index.html, like content/a/x.md"),
        Case("missing template", ["templates/404.mustache": "{{> partials/missing}}"], "templates/404.mustache:1:1: error: template \"partials/missing\" not found"),
        Case("unknown site.yaml key", ["content/site.yaml": "title: Essai\nlanguge: fr\n"], status: 0, "content/site.yaml:2:1: warning: unknown key `languge` in site.yaml; did you mean `language`?"),
        Case("unknown site.yaml key, strict", ["content/site.yaml": "title: Essai\nlanguge: fr\n"], "content/site.yaml:2:1: error: unknown key `languge` in site.yaml; did you mean `language`?", arguments: ["--strict"]),
        Case("unsafe slug", ["content/x.md": "---\ntitle: X\nslug: ../../x\n---\n"], "content/x.md:3:7: error: `slug` \"../../x\" is not usable in a URL"),
        Case("dataset path", chart("type: bar\ndata: ../../../etc/passwd\nx: annee\ny: part"), "content/x.md:8:1: error: chart: no dataset \"../../../etc/passwd\" in content/data/"),
        Case("partial includes itself", ["templates/partials/loop.mustache": "x{{> partials/loop}}", "templates/404.mustache": "{{> partials/loop}}"],
             "templates/partials/loop.mustache:1:2: error: template cycle: partials/loop → partials/loop"),
        Case("layout inherits itself", ["templates/layout.mustache": "<html>\n{{<layout}}{{/layout}}</html>"],
             "templates/layout.mustache:2:1: error: template cycle: layout → layout"),
        Case("layouts inherit each other", ["templates/a.mustache": "{{<b}}{{/b}}", "templates/b.mustache": "{{<a}}{{/a}}",
                                             "templates/404.mustache": "{{<a}}{{/a}}"],
             "templates/b.mustache:1:1: error: template cycle: a → b → a"),
        Case("5,000 nested sections", ["templates/404.mustache": String(repeating: "{{#x}}", count: 5_000) + String(repeating: "{{/x}}", count: 5_000)],
             "templates/404.mustache:1:601: error: sections nested more than 100 levels deep"),
        Case("undefined footnote", ["content/x.md": "---\ntitle: X\n---\nTexte[^n].\n"], "content/x.md:4:6: error: footnote [^n] is not defined"),
        Case("footnote never cited", ["content/x.md": "---\ntitle: X\n---\nTexte.\n\n[^n]: Note.\n"], "content/x.md:6:1: error: footnote [^n] is never cited"),
        Case("citation of an unknown source", ["content/x.md": "---\ntitle: X\nsources:\n  - id: reuters\n    title: R\n---\nSelon Reuters [@reuter].\n"],
             "content/x.md:7:15: error: citation [@reuter]: no source of this page has the id \"reuter\"; did you mean \"reuters\"?"),
        Case("reference to an unknown figure", ["content/x.md": "---\ntitle: X\n---\nVoir la [@fig:parts].\n"],
             "content/x.md:4:9: error: reference [@fig:parts]: no chart of this page has the id \"parts\" (give the chart block a line `id: parts`)"),
        Case("two charts with one id", chart("type: bar\ndata: parts\nx: annee\ny: part\nid: parts").merging(
                ["content/x.md": "---\ntitle: X\n---\n```chart\ntype: bar\ndata: parts\nx: annee\ny: part\nid: parts\n```\n\n```table\ndata: parts\n```\n\n```chart\ntype: line\ndata: parts\nx: annee\ny: part\nid: parts\n```\n"]) { $1 },
             "content/x.md:21:1: error: chart id \"parts\" is already used on this page (line 9)"),
        Case("chart id with a space", chart("type: bar\ndata: parts\nx: annee\ny: part\nid: part de Xiaomi"),
             "content/x.md:11:5: error: chart: `id` \"part de Xiaomi\" is not usable in `[@fig:id]`: use letters, digits and hyphens only (e.g. `part-de-xiaomi`)"),
        Case("source lang not a language tag", ["content/x.md": "---\ntitle: X\nsources:\n  - title: A\n    lang: english (UK)\n---\n"],
             "content/x.md:5:11: error: a source's `lang` must be a language tag such as `en` or `en-GB`, found \"english (UK)\""),
        Case("unterminated citation", ["content/x.md": "---\ntitle: X\nsources:\n  - id: a\n    title: A\n---\nTexte [@a\n"],
             "content/x.md:7:7: error: `[@` is not closed by `]`"),
        Case("duplicate source id", ["content/x.md": "---\ntitle: X\nsources:\n  - id: a\n    title: A\n  - id: a\n    title: B\n---\n"],
             "content/x.md:6:9: error: two sources have the `id` \"a\""),
        Case("missing image", ["content/x.md": "---\ntitle: X\n---\n![Photo](photo.png)\n"], "content/x.md:4:1: error: image \"photo.png\": no file content/photo.png"),
        Case("javascript source URL", ["content/x.md": "---\ntitle: X\nsources:\n  - title: S\n    url: javascript:alert(1)\n---\n"], "content/x.md:5:10: error: a source's `url` must start with http:// or https://"),
    ]

    @Test(arguments: cases)
    func reportsTheMistake(_ test: Case) throws {
        let project = try Project(test.files)
        defer { project.cleanUp() }
        for (path, bytes) in test.bytes {
            try Data(bytes).write(to: URL(fileURLWithPath: project.path(path)))
        }
        let result = run(["build", "--root", project.root] + test.arguments)
        #expect(result.status == test.status, "\(result.err)")
        let first = result.err.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.hasPrefix(test.diagnostic), "\(result.err)")
        // Nothing from the input reaches the terminal as a control character (TerminalText).
        for line in result.err.split(separator: "\n") {
            #expect(!line.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }, "\(line)")
        }
        if test.status != 0 {
            #expect(!project.exists("public"), "a failed build must not write the output")
        }
    }

    @Test func awkwardButValidInputBuilds() throws {
        let project = try Project(Self.data.merging([
            "content/data/parts.csv": "\u{FEFF}annee,constructeur,part,note\r\n2016,Xiaomi,8.9,\"sur deux\r\nlignes, avec \"\"guillemets\"\"\"\r\n2017,Xiaomi,12.4,\r\n",
            "content/Mes notes/Été 2017 – bilan.md": "---\ntitle: Été 2017\n---\nVoir [l’autre](../Mes%20notes/autre%20page.md) et `=parts.part[annee=2017]`.\n",
            "content/Mes notes/autre page.md": "---\ntitle: Autre\n---\n```table\ndata: parts\n```\n",
        ]) { $1 })
        defer { project.cleanUp() }
        let result = run(["build", "--root", project.root])
        #expect(result.status == 0, "\(result.err)")
        let html = try project.read("public/mes-notes/ete-2017-bilan/index.html")
        #expect(html.contains("<a href=\"../autre-page/\">l’autre</a>"))
        #expect(html.contains("<data class=\"datum\" value=\"12.4\">12,4</data>"))
        #expect(try project.read("public/mes-notes/autre-page/index.html").contains("sur deux\r\nlignes, avec &quot;guillemets&quot;") ||
                project.read("public/mes-notes/autre-page/index.html").contains("sur deux\nlignes, avec &quot;guillemets&quot;"))
    }

    @Test func symlinkOutsideTheProjectIsRefused() throws {
        let project = try Project(["content/x.md": "---\ntitle: X\n---\n"])
        defer { project.cleanUp() }
        try FileManager.default.createSymbolicLink(atPath: project.path("content/passwd.md"), withDestinationPath: "/etc/passwd")
        let result = run(["build", "--root", project.root])
        #expect(result.status == 1)
        #expect(result.err.hasPrefix("content/passwd.md: error: content/passwd.md is a link that leads outside the project"))
    }

    @Test func symlinkLoopIsRefused() throws {
        let project = try Project(["content/x.md": "---\ntitle: X\n---\n"])
        defer { project.cleanUp() }
        try FileManager.default.createSymbolicLink(atPath: project.path("content/a"), withDestinationPath: ".")
        let result = run(["build", "--root", project.root])
        #expect(result.status == 1)
        #expect(result.err.hasPrefix("content/a: error: symbolic link loops back to content/ (already read); remove it\n"), "\(result.err)")
    }

    /// Two links make the walk branch at every level: it must still end at once.
    @Test func twoSymlinkLoopsAreRefused() throws {
        let project = try Project(["content/x.md": "---\ntitle: X\n---\n"])
        defer { project.cleanUp() }
        try FileManager.default.createSymbolicLink(atPath: project.path("content/a"), withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: project.path("content/b"), withDestinationPath: ".")
        let result = run(["build", "--root", project.root])
        #expect(result.status == 1)
        let lines = result.err.split(separator: "\n").map(String.init)
        #expect(lines.prefix(2) == [
            "content/a: error: symbolic link loops back to content/ (already read); remove it",
            "content/b: error: symbolic link loops back to content/ (already read); remove it",
        ], "\(result.err)")
    }

    /// A loop through a folder outside `content/`, and a link to the project folder itself.
    @Test func loopsThroughOtherFoldersAreRefused() throws {
        let project = try Project(["content/x.md": "---\ntitle: X\n---\n", "shared/y.md": "---\ntitle: Y\n---\n"])
        defer { project.cleanUp() }
        try FileManager.default.createSymbolicLink(atPath: project.path("content/shared"), withDestinationPath: "../shared")
        try FileManager.default.createSymbolicLink(atPath: project.path("shared/back"), withDestinationPath: "../content")
        try FileManager.default.createSymbolicLink(atPath: project.path("content/up"), withDestinationPath: "..")
        let result = run(["build", "--root", project.root])
        #expect(result.status == 1)
        #expect(result.err.contains("content/shared/back: error: symbolic link loops back to content/ (already read)"), "\(result.err)")
        #expect(result.err.contains("content/up: error: symbolic link loops back to ./ (already read)"), "\(result.err)")
    }

    /// A link to another folder of the project that is no loop is still followed.
    @Test func symlinkToAnotherFolderIsFollowed() throws {
        let project = try Project(["content/x.md": "---\ntitle: X\n---\n", "shared/y.md": "---\ntitle: Y\n---\n"])
        defer { project.cleanUp() }
        try FileManager.default.createSymbolicLink(atPath: project.path("content/shared"), withDestinationPath: "../shared")
        let result = run(["build", "--root", project.root])
        #expect(result.status == 0, "\(result.err)")
        #expect(project.exists("public/shared/y/index.html"))
    }

    @Test func nothingIsWrittenOutsideTheOutputFolder() throws {
        let project = try Project(["content/x.md": "---\ntitle: X\n---\n"])
        defer { project.cleanUp() }
        let before = try FileManager.default.subpathsOfDirectory(atPath: project.root).sorted()
        let out = project.path("site")
        #expect(run(["build", "--root", project.root, "--out", out]).status == 0)
        #expect(run(["build", "--root", project.root, "--out", out]).status == 0)
        // The output, and the project's scratch folder, where the previous site is kept for the
        // next build to write over.
        let after = try FileManager.default.subpathsOfDirectory(atPath: project.root).sorted()
            .filter { !$0.hasPrefix("site") && !$0.hasPrefix(".dossier/") }
        #expect(after == (before + [".dossier"]).sorted())
    }
}
