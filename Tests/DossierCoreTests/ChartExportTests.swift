import Foundation
import Testing
@testable import DossierModel
@testable import DossierCharts
@testable import DossierFigures
@testable import DossierBuild

/// Each chart's shared files (`ID.svg`, `ID.csv` beside its page), the links under the figure
/// and the charts page (`charts/`).
@Suite struct ChartExportTests {
    static let french = LocaleFormat(language: "fr")

    static func lines(_ values: [Double?], name: String = "Xiaomi") -> ChartData {
        ChartData(type: .line, id: "chart-1", title: "Parts", unit: "%", valueLabel: "Part", categoryLabel: "Trimestre",
                  categories: [ChartCategory(label: "T1 2017", value: .date(DateValue(year: 2017, month: 1, precision: .quarter))),
                               ChartCategory(label: "T2 2017", value: .date(DateValue(year: 2017, month: 4, precision: .quarter)))],
                  series: [ChartSeries(name: name, values: values)])
    }

    // MARK: CSV

    @Test func fieldsAreQuotedOnlyWhenTheyMustBe() {
        #expect(ChartCSV.field("Xiaomi") == "Xiaomi")
        #expect(ChartCSV.field("IDC, ZDNet") == "\"IDC, ZDNet\"")
        #expect(ChartCSV.field("le \"seul\"") == "\"le \"\"seul\"\"\"")
        #expect(ChartCSV.field("deux\nlignes") == "\"deux\nlignes\"")
        #expect(ChartCSV.field("a\r\nb") == "\"a\r\nb\"")
        #expect(ChartCSV.field(" espace") == "\" espace\"")
        #expect(ChartCSV.field("") == "")
    }

    @Test func numbersAreUnformatted() {
        #expect(ChartCSV.number(40) == "40")
        #expect(ChartCSV.number(12.5) == "12.5")
        #expect(ChartCSV.number(-0.25) == "-0.25")
        #expect(ChartCSV.number(1_234_567) == "1234567")
        #expect(ChartCSV.number(.nan) == "")
        #expect(ChartCSV.number(.infinity) == "")
    }

    @Test func seriesChartGivesOneRowPerCategoryWithCRLF() {
        let csv = ChartCSV.csv(Self.lines([8, 13.5]), format: Self.french)
        #expect(csv == "Trimestre,Xiaomi (%)\r\n2017-Q1,8\r\n2017-Q2,13.5\r\n")
        // A missing value is an empty field, never `n.d.`.
        #expect(ChartCSV.csv(Self.lines([nil, 2]), format: Self.french) == "Trimestre,Xiaomi (%)\r\n2017-Q1,\r\n2017-Q2,2\r\n")
        // Names from the data are quoted, not cut.
        #expect(ChartCSV.csv(Self.lines([1, 2], name: "Huawei, Honor"), format: Self.french).hasPrefix("Trimestre,\"Huawei, Honor (%)\"\r\n"))
    }

    @Test func scatterGivesOneRowPerPoint() {
        let chart = ChartData(type: .scatter, id: "c", title: "", unit: nil, valueLabel: "Marge", categoryLabel: "Prix", categories: [],
                              series: [ChartSeries(name: "A", values: []), ChartSeries(name: "B", values: [])],
                              points: [ScatterPoint(x: 199, y: 0.5, label: "Mi 6", series: 0), ScatterPoint(x: 649.99, y: 2, label: nil, series: 1)],
                              xUnit: "€")
        #expect(ChartCSV.csv(chart, format: Self.french) == "Prix (€),Marge,Libellé,Série\r\n199,0.5,Mi 6,A\r\n649.99,2,,B\r\n")
    }

    @Test func datesAreISO() {
        #expect(ChartCSV.isoDate(DateValue(year: 2017, precision: .year)) == "2017")
        #expect(ChartCSV.isoDate(DateValue(year: 2017, month: 7, precision: .quarter)) == "2017-Q3")
        #expect(ChartCSV.isoDate(DateValue(year: 2017, month: 7, precision: .month)) == "2017-07")
        #expect(ChartCSV.isoDate(DateValue(year: 2017, month: 7, day: 5, precision: .day)) == "2017-07-05")
    }

    // MARK: Standalone SVG

    @Test func standaloneSVGCarriesItsTitleSourceAndStyles() throws {
        var chart = Self.lines([8, 13.5])
        chart.title = "Parts <&> \"marché\""
        let drawing = Array(ChartRenderer.svg(chart, format: Self.french).utf8)
        let made = StandaloneSVG.document(drawing: drawing, title: "Figure 1 — Parts <&> \"marché\"",
                                          notes: ["Légende & note", "Source : IDC <cité>"], language: "fr")
        let svg = made.svg
        #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\""))
        let inspector = try #require(SVGInspector.parse(svg), "well-formed XML")
        let root = try #require(inspector.elements.first)
        #expect(root.attributes["lang"] == "fr")
        #expect(root.attributes["width"] == SVGBuilder.num(made.width))
        #expect(root.attributes["height"] == SVGBuilder.num(made.height))
        #expect(made.width == 680)
        #expect(inspector.elements(named: "title").first?.text == "Figure 1 — Parts <&> \"marché\"")
        let texts = inspector.elements(named: "text").map(\.text)
        #expect(texts.contains("Figure 1 — Parts <&> \"marché\""))
        #expect(texts.contains("Source : IDC <cité>"))
        #expect(texts.contains("Légende & note"))
        // Its own colours, so that it does not depend on the page's stylesheet.
        let styles = inspector.elements(named: "style").map(\.text).joined()
        #expect(styles.contains("--chart-s0:#0072b2"))
        #expect(styles.contains("--chart-fg:#1b1c1f"))
        #expect(styles.contains(".chart .s0{fill:var(--chart-s0"))
        #expect(!svg.contains("<&>"))
        // The drawing sits below the title at its own size.
        let nested = inspector.elements(named: "svg")
        #expect(nested.count == 3)
        #expect(nested[1].attributes["width"] == "640")
        #expect(try #require(Double(nested[1].attributes["y"] ?? "")) > StandaloneSVG.padding + StandaloneSVG.titleSize)
    }

    @Test func standaloneSVGIsDeterministicAndWrapsLongTitles() throws {
        let drawing = Array(ChartRenderer.svg(Self.lines([1, 2]), format: Self.french).utf8)
        let title = Array(repeating: "Part de marché des constructeurs", count: 6).joined(separator: " ")
        let one = StandaloneSVG.document(drawing: drawing, title: title, notes: ["Source : IDC"], language: "fr")
        let two = StandaloneSVG.document(drawing: drawing, title: title, notes: ["Source : IDC"], language: "fr")
        #expect(one == two)
        let inspector = try #require(SVGInspector.parse(one.svg))
        let titleLines = inspector.elements(named: "text").filter { $0.attributes["class"] == "export-title" }
        #expect(titleLines.count > 1)
        #expect(titleLines.allSatisfy { TextWidth.of($0.text, fontSize: StandaloneSVG.titleSize) <= 640 })
    }

    // MARK: End to end

    static let body = """
    Texte.

    ```chart
    type: line
    data: parts
    x: trimestre
    y: part
    series: constructeur
    title: Parts en Chine
    caption: Xiaomi remonte.
    ```

    ```chart
    type: bar
    data: parts
    x: constructeur
    y: part
    where: {trimestre: 2017Q2}
    id: t2
    title: Deuxième trimestre
    ```

    """

    func site(_ extra: [String: String] = [:], siteYAML: String = TestSite.defaultSiteYAML) throws -> TestSite {
        var files = FigureTests.data
        files["content/briefs/chine.md"] = page("Chine", Self.body)
        files["content/index.md"] = page("Accueil", "```chart\ntype: pie\ndata: parts\nx: constructeur\ny: part\nwhere: {trimestre: 2017Q1}\ntitle: T1\n```\n")
        for (path, text) in extra { files[path] = text }
        return try TestSite(files, siteYAML: siteYAML)
    }

    @Test func everyChartHasItsFilesAndLinks() throws {
        let site = try site()
        defer { site.cleanUp() }
        let diagnostics = try site.buildAndWrite()
        #expect(!diagnostics.hasErrors, "\(diagnostics.sorted)")
        let files = Set(site.outputFiles())
        for path in ["briefs/chine/chart-1.svg", "briefs/chine/chart-1.csv", "briefs/chine/fig-t2.svg", "briefs/chine/fig-t2.csv",
                     "chart-1.svg", "chart-1.csv", "charts/index.html"] {
            #expect(files.contains(path), "\(path)")
        }
        let html = try site.read("briefs/chine/index.html")
        #expect(html.contains("<span class=\"figure-source\">Source\u{202F}: <a href=\"../../data/parts/\">Counterpoint</a></span><span class=\"figure-share\"><a href=\"chart-1.svg\" type=\"image/svg+xml\">SVG</a> <a href=\"chart-1.csv\" type=\"text/csv\">Données (CSV)</a> <a class=\"figure-permalink\" href=\"#chart-1\" aria-label=\"Lien vers cette figure\u{202F}: Figure\u{00A0}1\">#</a></span></figcaption>"))
        #expect(html.contains("<a href=\"fig-t2.svg\" type=\"image/svg+xml\">SVG</a>"))
        #expect(html.contains("href=\"#fig-t2\""))
        #expect(try site.read("briefs/chine/fig-t2.csv") == "constructeur,Part (%)\r\nXiaomi,13\r\nOPPO,18.9\r\n")
        let svg = try site.read("briefs/chine/chart-1.svg")
        #expect(SVGInspector.parse(svg) != nil)
        #expect(svg.contains(">Figure\u{00A0}1 — Parts en Chine</title>"))
        #expect(svg.contains(">Source\u{202F}: Counterpoint</text>"))
        #expect(svg.contains(">Xiaomi remonte.</text>"))
    }

    @Test func chartsPageListsEveryFigure() throws {
        let site = try site()
        defer { site.cleanUp() }
        try site.buildAndWrite()
        let html = try site.read("charts/index.html")
        #expect(html.contains("<title>Graphiques"))
        #expect(html.contains("<h1>Graphiques</h1>"))
        // Reading order: the home page first, then the section's pages.
        let expected = ["../chart-1.svg", "../briefs/chine/chart-1.svg", "../briefs/chine/fig-t2.svg"]
        let sources = html.components(separatedBy: "<img class=\"chart-card-image\" src=\"").dropFirst().map { $0.prefix { $0 != "\"" } }.map(String.init)
        #expect(sources == expected)
        #expect(html.contains("<a href=\"../briefs/chine/#fig-t2\"><span class=\"figure-number\">Figure\u{00A0}2</span> — Deuxième trimestre</a>"))
        #expect(html.contains("<a href=\"../briefs/chine/fig-t2.csv\" type=\"text/csv\">Données (CSV)</a>"))
        #expect(html.contains("<h2 class=\"chart-index-page-title\"><a href=\"../briefs/chine/\">Chine</a></h2>"))
        #expect(!html.contains("alt=\"\""))
        #expect(html.contains("width=\"680\""))
    }

    @Test func chartsPageFollowsTheSiteLanguageAndNumbering() throws {
        let site = try site(siteYAML: "title: Essay\nlanguage: en\nnumbered: false\n")
        defer { site.cleanUp() }
        try site.buildAndWrite()
        let html = try site.read("charts/index.html")
        #expect(html.contains("<h1>Charts</h1>"))
        #expect(!html.contains("figure-number"))
        #expect(html.contains(">Data (CSV)</a>"))
        let page = try site.read("briefs/chine/index.html")
        #expect(page.contains("aria-label=\"Link to this figure: Deuxième trimestre\""))
    }

    @Test func chartsPageCanBeInTheMenu() throws {
        let site = try site(siteYAML: "title: Essai\nlanguage: fr\nmenu:\n  - title: Graphiques\n    url: charts/\n")
        defer { site.cleanUp() }
        let diagnostics = try site.buildAndWrite()
        #expect(!diagnostics.hasErrors, "\(diagnostics.sorted)")
        #expect(try site.read("briefs/chine/index.html").contains("<a href=\"../../charts/\">Graphiques</a>"))
        #expect(try site.read("charts/index.html").contains("<a href=\"./\" class=\"active\" aria-current=\"page\">Graphiques</a>"))
    }

    @Test func aProjectFileInTheWayOfAChartFileIsAnError() throws {
        let site = try site(["content/briefs/chine/chart-1.svg": "<svg/>"])
        defer { site.cleanUp() }
        let errors = site.build().diagnostics.errors.map(\.description)
        #expect(errors.contains { $0.contains("chart file briefs/chine/chart-1.svg would be written where content/briefs/chine/chart-1.svg is copied") },
                "\(errors)")
    }

    @Test func aPageInTheWayOfTheChartsPageIsAnError() throws {
        let site = try site(["content/charts.md": page("Mes graphiques")])
        defer { site.cleanUp() }
        let errors = site.build().diagnostics.errors.map(\.description)
        #expect(errors.contains { $0.contains("where the charts page goes") }, "\(errors)")
    }

    @Test func serveGivesTheSameChartFilesAsABuild() throws {
        let site = try site()
        defer { site.cleanUp() }
        let builder = IncrementalBuilder(root: site.root)
        let first = builder.build()
        let full = site.build()
        #expect(first.site?.files == full.site?.files)
        #expect(first.site?.files["briefs/chine/fig-t2.csv"] != nil)
        #expect(first.site?.files["charts/index.html"] != nil)
        // A chart's title changes its files and the charts page, after an incremental rebuild too.
        try site.write("content/briefs/chine.md", page("Chine", Self.body.replacingOccurrences(of: "Deuxième trimestre", with: "T2 seul")))
        let edited = builder.build(changed: ["content/briefs/chine.md"])
        #expect(edited.site?.files == site.build().site?.files)
        guard case .text(let svg) = edited.site?.files["briefs/chine/fig-t2.svg"] else {
            Issue.record("no fig-t2.svg")
            return
        }
        #expect(svg.contains("T2 seul"))
        guard case .text(let charts) = edited.site?.files["charts/index.html"] else {
            Issue.record("no charts page")
            return
        }
        #expect(charts.contains("T2 seul"))
    }

    @Test func noDatasetsNoChartsPage() throws {
        let site = try TestSite(["content/index.md": page("Accueil", "Texte.\n")])
        defer { site.cleanUp() }
        try site.buildAndWrite()
        #expect(!site.outputFiles().contains { $0.hasPrefix("charts/") })
    }

    /// The gallery fixture, built with the repository's theme: every chart of every type.
    @Test func galleryChartsAllHaveFilesAndAreAllOnTheChartsPage() throws {
        let site = try GalleryTests.buildGallery()
        defer { site.cleanUp() }
        let html = try site.read("index.html")
        let ids = html.components(separatedBy: "<figure class=\"figure figure-chart ").dropFirst().compactMap { rest -> String? in
            guard let start = rest.range(of: "id=\"") else { return nil }
            return String(rest[start.upperBound...].prefix { $0 != "\"" })
        }
        #expect(ids.count == 10)
        let files = Set(site.outputFiles())
        let charts = try site.read("charts/index.html")
        for id in ids {
            #expect(files.contains("\(id).svg") && files.contains("\(id).csv"), "\(id)")
            #expect(html.contains("<a href=\"\(id).svg\" type=\"image/svg+xml\">SVG</a>"), "\(id)")
            #expect(html.contains("<a href=\"\(id).csv\" type=\"text/csv\">"), "\(id)")
            #expect(charts.contains("src=\"../\(id).svg\""), "\(id)")
            #expect(charts.contains("href=\"../#\(id)\""), "\(id)")
            let svg = try site.read("\(id).svg")
            #expect(SVGInspector.parse(svg) != nil, "\(id).svg is not well-formed")
            let csv = try site.read("\(id).csv")
            #expect(csv.hasSuffix("\r\n") && csv.split(separator: "\r\n").count >= 2, "\(id).csv")
        }
        #expect(charts.components(separatedBy: "<li class=\"chart-card\">").count - 1 == ids.count)
        // Linked from the home page.
        #expect(html.contains("<a href=\"charts/\">"))
    }
}
