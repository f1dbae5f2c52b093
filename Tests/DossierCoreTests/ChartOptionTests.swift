import Foundation
import Testing
import DossierModel

/// `highlight` and `stack` in chart blocks, end to end: what they draw and how mistakes are reported.
@Suite struct ChartOptionTests {
    static let files: [String: String] = [
        "content/data/parts.csv": "trimestre,constructeur,part\n2017Q1,Xiaomi,8.0\n2017Q2,Xiaomi,13.0\n2017Q1,OPPO,17.4\n2017Q2,OPPO,18.9\n"
            + "2017Q1,vivo,15.0\n2017Q2,vivo,16.1\n",
        "content/data/parts.yaml": "title: Parts\nsource: Counterpoint\ncolumns:\n  part: {label: Part, type: percent}\n",
    ]

    /// The chart block's YAML starts on line 5 of the page (after three lines of front matter and the fence).
    func build(_ spec: String) throws -> (html: String, errors: [String]) {
        var files = Self.files
        files["content/briefs/chine.md"] = page("Chine", "```chart\n\(spec)\n```\n")
        let site = try TestSite(files)
        defer { site.cleanUp() }
        let diagnostics = try site.buildAndWrite()
        let html = diagnostics.hasErrors ? "" : try site.read("briefs/chine/index.html")
        return (html, diagnostics.errors.map(\.description))
    }

    static let line = "type: line\ndata: parts\nx: trimestre\ny: part\nseries: constructeur"

    @Test func highlightMutesTheOtherSeries() throws {
        let (html, errors) = try build(Self.line + "\nhighlight: Xiaomi")
        #expect(errors.isEmpty, "\(errors)")
        #expect(html.contains("class=\"line muted\""))
        let label = html.components(separatedBy: "<text class=\"label halo s0\"").dropFirst().first?.components(separatedBy: "</text>").first
        #expect(label?.hasSuffix(">Xiaomi") == true, "\(label ?? "no label in colour")")
    }

    @Test func highlightOfAnUnknownSeriesSaysWhereAndSuggests() throws {
        // Both readers of the spec: plain lines, and YAML (the `where` mapping sends it to the YAML parser).
        for (spec, line) in [(Self.line + "\nhighlight: Xiaomy", 10), (Self.line + "\nwhere: {trimestre: [2017Q1, 2017Q2]}\nhighlight: Xiaomy", 11)] {
            let (_, errors) = try build(spec)
            #expect(errors.count == 1, "\(errors)")
            let error = try #require(errors.first)
            #expect(error.hasPrefix("content/briefs/chine.md:\(line):12: error: chart: `highlight` names \"Xiaomy\""), "\(error)")
            #expect(error.contains("did you mean \"Xiaomi\"?"))
            #expect(error.contains("(series: Xiaomi, OPPO, vivo)"))
        }
    }

    @Test func highlightIsForChartsOfSeries() throws {
        let (_, errors) = try build("type: pie\ndata: parts\nx: constructeur\ny: part\nwhere: {trimestre: 2017Q1}\nhighlight: Xiaomi")
        #expect(errors.first?.contains("`highlight` applies to charts of series") == true, "\(errors)")
    }

    @Test func areasStackUnlessToldNotToForTwoSeriesAtMost() throws {
        let area = "type: area\ndata: parts\nx: trimestre\ny: part\nseries: constructeur"
        let stacked = try build(area)
        #expect(stacked.errors.isEmpty, "\(stacked.errors)")
        #expect(stacked.html.contains("class=\"area stacked s0\""))
        let two = try build(area + "\nwhere: {constructeur: [Xiaomi, OPPO]}\nstack: false")
        #expect(two.errors.isEmpty, "\(two.errors)")
        #expect(!two.html.contains("area stacked"))
        let three = try build(area + "\nstack: false")
        #expect(three.errors.first?.hasPrefix("content/briefs/chine.md:10:") == true, "\(three.errors)")
        #expect(three.errors.first?.contains("`stack: false` overlays at most 2 areas, and this chart has 3 series") == true)
        let bar = try build("type: bar\ndata: parts\nx: trimestre\ny: part\nseries: constructeur\nstack: true")
        #expect(bar.errors.first?.contains("`stack` applies to area charts only") == true, "\(bar.errors)")
    }

    @Test func aMissingValueReadsNotAvailableInTheTable() throws {
        var files = Self.files
        files["content/data/parts.csv"] = "trimestre,constructeur,part\n2017Q1,Xiaomi,8.0\n2017Q2,Xiaomi,13.0\n2017Q2,OPPO,18.9\n"
        files["content/briefs/chine.md"] = page("Chine", "```chart\ntype: grouped-bar\ndata: parts\nx: trimestre\ny: part\nseries: constructeur\n```\n")
        let site = try TestSite(files)
        defer { site.cleanUp() }
        try site.buildAndWrite()
        #expect(try site.read("briefs/chine/index.html").contains("<td class=\"num\">n.d.</td>"))
    }
}
