import Foundation
import Testing
@testable import DossierTheme
@testable import DossierFigures
@testable import DossierBuild
@testable import DossierModel

/// Charts, tables and values in pages, built end to end.
@Suite struct FigureTests {
    static let data: [String: String] = [
        "content/data/parts.csv": "trimestre,constructeur,part\n2017Q1,Xiaomi,8.0\n2017Q2,Xiaomi,13.0\n2017Q1,OPPO,17.4\n2017Q2,OPPO,18.9\n",
        "content/data/parts.yaml": "title: Parts\nsource: Counterpoint\ncolumns:\n  part: {label: Part, type: percent}\n",
        "templates/dataset.mustache": "{{<layout}}{{$main}}<h1>{{dataset.title}}</h1><a href=\"{{dataset.file_url}}\">csv</a>{{#dataset.used_by}}<a class=\"user\" href=\"{{url}}\">{{title}}</a>{{/dataset.used_by}}{{{dataset.table}}}{{/main}}{{/layout}}",
        "templates/datasets.mustache": "{{<layout}}{{$main}}{{#datasets}}<a href=\"{{url}}\">{{title}}</a>{{/datasets}}{{/main}}{{/layout}}",
    ]

    func site(_ body: String) throws -> TestSite {
        var files = Self.data
        files["content/briefs/chine.md"] = page("Chine", body)
        return try TestSite(files)
    }

    func errors(_ body: String) throws -> [String] {
        let site = try site(body)
        defer { site.cleanUp() }
        return site.build().diagnostics.errors.map(\.description)
    }

    @Test func chartBecomesAFigureWithSVGTableAndSource() throws {
        let site = try site("Texte.\n\n```chart\ntype: line\ndata: parts\nx: trimestre\ny: part\nseries: constructeur\ntitle: Parts en Chine\ncaption: Xiaomi remonte.\n```\n")
        defer { site.cleanUp() }
        let diagnostics = try site.buildAndWrite()
        #expect(!diagnostics.hasErrors, "\(diagnostics.sorted)")
        let html = try site.read("briefs/chine/index.html")
        #expect(html.contains("<figure class=\"figure figure-chart figure-line\" id=\"chart-1\">"))
        #expect(html.contains("<p class=\"figure-title\"><span class=\"figure-number\">Figure\u{00A0}1</span> — Parts en Chine</p>"))
        #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(html.contains("<details class=\"figure-data\"><summary>Données du graphique</summary>"))
        #expect(html.contains("<figcaption><span class=\"figure-caption\">Xiaomi remonte.</span> <span class=\"figure-source\">Source\u{202F}: <a href=\"../../data/parts/\">Counterpoint</a></span><span class=\"figure-share\">"))
        // The share links close the caption (ChartExportTests).
        #expect(html.contains("<a class=\"figure-permalink\" href=\"#chart-1\" aria-label=\"Lien vers cette figure\u{202F}: Figure\u{00A0}1\">#</a></span></figcaption>\n</figure>"))
        #expect(html.contains("T2\u{00A0}2017"))
        #expect(!html.contains("<pre"))
    }

    @Test func datasetPagesListTheirUsersAndShipTheFile() throws {
        let site = try site("```table\ndata: parts\n```\n")
        defer { site.cleanUp() }
        try site.buildAndWrite()
        let files = site.outputFiles()
        #expect(files.contains("data/index.html"))
        #expect(files.contains("data/parts/index.html"))
        #expect(files.contains("data/parts/parts.csv"))
        let page = try site.read("data/parts/index.html")
        #expect(page.contains("<a class=\"user\" href=\"../../briefs/chine/\">Chine</a>"))
        #expect(page.contains("<td class=\"num\">17,4\u{202F}%</td>"))
        #expect(try site.read("data/parts/parts.csv") == Self.data["content/data/parts.csv"])
    }

    @Test func tableFormatsAndSortsRows() throws {
        let site = try site("```table\ndata: parts\ncolumns: [constructeur, part]\nwhere: {trimestre: 2017Q2}\nsort: -part\n```\n")
        defer { site.cleanUp() }
        try site.buildAndWrite()
        let html = try site.read("briefs/chine/index.html")
        #expect(html.contains("<tr><th scope=\"row\">OPPO</th><td class=\"num\">18,9\u{202F}%</td></tr>\n<tr><th scope=\"row\">Xiaomi</th><td class=\"num\">13,0\u{202F}%</td></tr>"))
    }

    /// Formatted like the charts, but without the trailing zeros the column keeps for its tables.
    @Test func inlineValueIsFormattedLikeTheChartsWithoutTrailingZeros() throws {
        let site = try site("Xiaomi a `=parts.part[constructeur=Xiaomi, trimestre=2017Q2]` du marché, OPPO `=parts.part[constructeur=OPPO, trimestre=2017Q1]`.\n")
        defer { site.cleanUp() }
        try site.buildAndWrite()
        let html = try site.read("briefs/chine/index.html")
        #expect(html.contains("Xiaomi a <data class=\"datum\" value=\"13\">13\u{202F}%</data> du marché, OPPO <data class=\"datum\" value=\"17.4\">17,4\u{202F}%</data>."))
    }

    @Test(arguments: [(13.0, 1, 0), (12.4, 1, 1), (12.40, 2, 1), (0.05, 2, 2), (1_000.0, 3, 0), (-2.50, 2, 1)])
    func inlineDecimalsDropTrailingZeros(value: Double, column: Int, expected: Int) {
        #expect(InlineValue.decimals(of: .number(value), column: column) == expected)
    }

    @Test func inlineValueMustSelectExactlyOneRow() throws {
        #expect(try errors("Texte\n\nVoir `=parts.part[constructeur=Xiaomi]`.\n") == [
            "content/briefs/chine.md:6:7: error: value: 2 rows of dataset \"parts\" with constructeur = Xiaomi; a value needs exactly one (add conditions in [ ])"
        ])
        #expect(try errors("`=parts.part[constructeur=Apple]`\n").first?.contains("no row of dataset") == true)
        #expect(try errors("`=parts.parts[constructeur=Apple]`\n").first?.contains("unknown column \"parts\" in dataset \"parts\"; did you mean \"part\"?") == true)
    }

    @Test(arguments: [
        ("type: radar\ndata: parts\nx: trimestre\ny: part", "content/briefs/chine.md:5:7: error: chart: unknown type \"radar\" (use bar, hbar, grouped-bar, stacked-bar, line, area, pie, donut, scatter)"),
        ("type: line\ndata: partz\nx: trimestre\ny: part", "content/briefs/chine.md:6:1: error: chart: no dataset \"partz\" in content/data/; did you mean \"parts\"?"),
        ("type: line\ndata: parts\nx: trimestre\ny: shares", "content/briefs/chine.md:8:1: error: chart: unknown column \"shares\" in dataset \"parts\" (columns: trimestre, constructeur, part)"),
        ("type: line\ndata: parts\nx: trimestre\ny: part\nwhere: {constructeur: Apple}", "content/briefs/chine.md:9:1: error: chart: no row of dataset \"parts\" with constructeur = Apple"),
        ("- type: line", "content/briefs/chine.md:5:1: error: chart must be a mapping of `key: value` lines, found a list"),
        ("type: line\ndata: parts\nx: trimestre\ny: constructeur", "content/briefs/chine.md:8:1: error: chart: column \"constructeur\" holds text; `y` needs numbers"),
        ("type: line\ndata: parts\nx: trimestre", "content/briefs/chine.md:4:1: error: chart: missing `y:` (a column of numbers, or a list of them)"),
        ("type: [line\n", "content/briefs/chine.md:7:1: error: chart: invalid YAML: while parsing a flow sequence: did not find expected ',' or ']'"),
    ])
    func specMistakesNameTheFileAndLine(spec: String, expected: String) throws {
        let found = try errors("```chart\n\(spec)\n```\n")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix(String(expected.prefix(60))) == true, "\(found)")
        #expect(found.first == expected || expected.contains("invalid YAML"), "\(found)")
    }

    @Test func annotationMustMatchACategory() throws {
        let found = try errors("```chart\ntype: line\ndata: parts\nx: trimestre\ny: part\nseries: constructeur\nannotations: [{x: 2019Q1, label: Plus tard}]\n```\n")
        #expect(found.first?.contains("annotation at trimestre = \"2019Q1\", which is not among the chart's categories (T1\u{00A0}2017, T2\u{00A0}2017)") == true)
    }

    @Test func otherCodeBlocksStayCode() throws {
        let site = try site("```swift\nlet chart = 1\n```\n\n`code: ici`\n")
        defer { site.cleanUp() }
        try site.buildAndWrite()
        let html = try site.read("briefs/chine/index.html")
        #expect(html.contains("<pre><code class=\"language-swift\">let chart = 1\n</code></pre>"))
        #expect(html.contains("<code>code: ici</code>"))
    }

    @Test func hostileDataIsEscapedEverywhere() throws {
        let hostile = "\"><svg onload=alert(1)>"
        var files = Self.data
        files["content/data/evil.csv"] = "nom,valeur\n\"\(hostile.replacingOccurrences(of: "\"", with: "\"\""))\",1\n<script>alert(2)</script>,2\n"
        files["content/data/evil.yaml"] = "title: '<script>alert(3)</script>'\nsource: '\(hostile)'\n"
        files["content/briefs/chine.md"] = page("Chine", "```chart\ntype: bar\ndata: evil\nx: nom\ny: valeur\ntitle: '<script>alert(4)</script>'\ncaption: '\(hostile)'\n```\n\n```table\ndata: evil\n```\n")
        let site = try TestSite(files)
        defer { site.cleanUp() }
        let diagnostics = try site.buildAndWrite()
        #expect(!diagnostics.hasErrors, "\(diagnostics.sorted)")
        for path in ["briefs/chine/index.html", "data/evil/index.html", "data/index.html"] {
            let html = try site.read(path)
            #expect(!html.contains("<script"), "\(path)")
            #expect(!html.contains("<svg onload"), "\(path)")
            #expect(!hasEventAttribute(html), "\(path)")
        }
    }

    @Test func datasetTemplatesComeFromTheBuiltInThemeWhenTheProjectHasNone() throws {
        var files = Self.data
        files.removeValue(forKey: "templates/dataset.mustache")
        let site = try TestSite(files)
        defer { site.cleanUp() }
        let result = site.build()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.sorted)")
        let builtin = String(decoding: try #require(BuiltinTheme.all.first { $0.path == "dataset.mustache" }).bytes, as: UTF8.self)
        #expect(builtin.contains("dataset"))
        #expect(result.site?.files.keys.contains { $0.hasPrefix("data/") && $0.hasSuffix("/index.html") } == true)
    }
}

/// Whether any tag in `html` carries an `on…=` attribute (text that merely mentions one is fine).
func hasEventAttribute(_ html: String) -> Bool {
    var inTag = false
    var previous: Character = " "
    var index = html.startIndex
    while index < html.endIndex {
        let c = html[index]
        if c == "<" { inTag = true } else if c == ">" { inTag = false }
        if inTag, previous.isWhitespace, html[index...].lowercased().hasPrefix("on"),
           let equals = html[index...].firstIndex(of: "="),
           html[index..<equals].allSatisfy({ $0.isLetter }) {
            return true
        }
        previous = c
        index = html.index(after: index)
    }
    return false
}

@Suite struct DataLinkTests {
    @Test func linksToDataFilesLeadToDatasetPages() throws {
        var files = FigureTests.data
        files["content/briefs/chine.md"] = page("Chine", "[les parts](../data/parts.csv), [toutes les données](../data/) et [rien](../data/absent.csv)\n")
        let site = try TestSite(files)
        defer { site.cleanUp() }
        let result = site.build()
        #expect(result.diagnostics.errors.map(\.message) == ["link to \"../data/absent.csv\": no dataset content/data/absent.csv"])
        try site.write("content/briefs/chine.md", page("Chine", "[les parts](../data/parts.csv) et [toutes les données](../data/)\n"))
        try site.buildAndWrite()
        let html = try site.read("briefs/chine/index.html")
        #expect(html.contains("<a href=\"../../data/parts/\">les parts</a> et <a href=\"../../data/\">toutes les données</a>"))
    }

    @Test func filtersMatchWhateverSpacesTheTextUses() throws {
        var files = FigureTests.data
        files["content/data/periodes.csv"] = "periode,valeur\nT4\u{00A0}2017,3\nS1 2017,4\n"
        files["content/briefs/chine.md"] = page("Chine", "`=periodes.valeur[periode=T4 2017]` et `=periodes.valeur[periode=S1\u{00A0}2017]`\n")
        let site = try TestSite(files)
        defer { site.cleanUp() }
        let diagnostics = try site.buildAndWrite()
        #expect(!diagnostics.hasErrors, "\(diagnostics.sorted)")
    }
}

@Suite struct ChartDecimalsTests {
    @Test func specDecimalsApplyToEveryPrintedValue() throws {
        var files = FigureTests.data
        files["content/briefs/chine.md"] = page("Chine", "```chart\ntype: bar\ndata: parts\nx: constructeur\ny: part\nwhere: {trimestre: 2017Q2}\ndecimals: 0\n```\n")
        let site = try TestSite(files)
        defer { site.cleanUp() }
        try site.buildAndWrite()
        let html = try site.read("briefs/chine/index.html")
        #expect(html.contains("<td class=\"num\">19\u{202F}%</td>"))
        #expect(!html.contains("18,9"))
    }
}
