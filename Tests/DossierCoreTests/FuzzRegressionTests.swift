import DossierFuzzing
import Foundation
import Testing
@testable import DossierModel
@testable import DossierCharts
@testable import DossierFigures
@testable import DossierBuild

/// One test per bug the fuzz targets (Sources/Fuzz, `make fuzz`) found, with the input that found it.
@Suite struct FuzzRegressionTests {
    /// Tests/Fuzz/Corpus/NAME: the seed inputs of a fuzz target.
    static func seeds(_ target: String) throws -> [(name: String, bytes: [UInt8])] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fuzz/Corpus/\(target)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        return try names.map { ($0, [UInt8](try Data(contentsOf: folder.appendingPathComponent($0)))) }
    }

    // The dataset seeds, subnormal and tiny floats, trailing commas and duplicate JSON keys among
    // them, run as FuzzCSV and FuzzJSON run them, charted as every chart type: none crashes or hangs.
    @Test(arguments: ["FuzzCSV", "FuzzJSON"])
    func datasetSeedsRunAsTheirTargetRunsThem(_ target: String) throws {
        let seeds = try Self.seeds(target)
        #expect(seeds.count >= 4)
        for (_, bytes) in seeds {
            let nul = bytes.firstIndex(of: 0)
            let data = nul.map { Array(bytes[..<$0]) } ?? bytes
            let metadata = nul.map { Array(bytes[($0 + 1)...]) }
            for selector in ChartType.allCases.indices {
                FuzzEntryPoints.dataset(data, metadata: metadata, json: target == "FuzzJSON", chartSelector: selector)
            }
        }
    }

    // The template seeds, recursive partials and a layout that inherits itself among them, run
    // as FuzzTemplates runs them: refused with an error, never a crash.
    @Test func templateSeedsRunAsTheirTargetRunsThem() throws {
        let seeds = try Self.seeds("FuzzTemplates")
        #expect(seeds.count >= 4)
        for (_, bytes) in seeds { FuzzEntryPoints.templates(bytes) }
    }

    static let templates: [String: String] = [
        "templates/dataset.mustache": "{{<layout}}{{$main}}<h1>{{dataset.title}}</h1>{{{dataset.table}}}{{/main}}{{/layout}}",
        "templates/datasets.mustache": "{{<layout}}{{$main}}{{#datasets}}<a href=\"{{url}}\">{{title}}</a>{{/datasets}}{{/main}}{{/layout}}",
    ]

    // FuzzJSON, from its own seed types.json (`{"x": 1e308}` beside `"x": 1.5`): a number near
    // Double's limit in a column written with decimals crashed `LocaleFormat.number` (scaling
    // 1e308 by 10 overflows to infinity, and infinity's fraction cannot become an Int), so any
    // build whose dataset page, table or chart showed it stopped with "Fatal error: Double value
    // cannot be converted to Int because it is either infinite or NaN".
    @Test func hugeNumbersWithDecimalsAreFormatted() {
        let french = LocaleFormat(language: "fr")
        #expect(french.number(1e308, decimals: 1).hasSuffix(",0"))
        #expect(french.number(1e308, decimals: 1).hasPrefix("100\u{202F}000\u{202F}000"))
        #expect(french.number(-.greatestFiniteMagnitude, decimals: 6).hasPrefix("\u{2212}179\u{202F}769"))
        #expect(LocaleFormat(language: "en").value(1.7e308, unit: "M", decimals: 2).hasSuffix(".00\u{00A0}M"))
        #expect(french.number(1e308) == french.number(1e308, decimals: 0))
        #expect(french.number(1234.5, decimals: 1) == "1\u{202F}234,5")
    }

    @Test func hugeNumbersBuildTheirDatasetPageAndCharts() throws {
        var files = Self.templates
        files["content/data/grands.csv"] = "pays,x\nFrance,1.5\nInde,1e308\nChine,-1.7e308\n"
        files["content/grands.md"] = page("Grands", "```chart\ntype: bar\ndata: grands\nx: pays\ny: x\n```\n\n```table\ndata: grands\n```\n")
        let site = try TestSite(files)
        defer { site.cleanUp() }
        let diagnostics = try site.buildAndWrite()
        #expect(!diagnostics.hasErrors, "\(diagnostics.sorted)")
        #expect(try site.read("data/grands/index.html").contains(",0</td>"))
        FuzzEntryPoints.dataset(Array("pays,x\nFrance,1.5\nInde,1e308\n".utf8), metadata: nil, json: false)
        FuzzEntryPoints.dataset(Array(#"[{"x": 1.5}, {"x": 1e308}]"#.utf8), metadata: nil, json: true)
    }

    // FuzzJSON, after 160,000 inputs: `[{"e": 2217, "x": 1e308}]` charted as a line. NiceTicks
    // clamped the axis interval to ±1e300 on one side only, so values all above 1e300 gave a
    // reversed interval, whose negative length has no logarithm: "Double value cannot be
    // converted to Int because it is either infinite or NaN".
    @Test(arguments: [(1e308, 1e308), (-1e308, -1e308), (1e301, 1e308), (-1e308, -1e302), (-1e308, 1e308)])
    func ticksForValuesBeyondTheClamp(low: Double, high: Double) {
        for includeZero in [false, true] {
            let ticks = NiceTicks.ticks(min: low, max: high, includeZero: includeZero)
            #expect(ticks.count >= 2)
            #expect(ticks.allSatisfy { $0.isFinite })
            #expect(ticks == ticks.sorted() && Set(ticks).count == ticks.count, "\(ticks)")
        }
    }

    @Test func chartsOfValuesBeyondTheClampAreDrawn() throws {
        let input = try #require(Data(base64Encoded: "W3siZSI6IDIyMTcsICJjdGlvbiBlbiBCb3Vyc2UgKCx2aWEgRngiOiAxZTMwOH1dCg=="))
        FuzzEntryPoints.dataset([UInt8](input), metadata: nil, json: true, chartSelector: input.count)
        var files = Self.templates
        files["content/data/enormes.csv"] = "annee,x,y\n2016,1e305,-1e305\n2017,2e305,-1.5e308\n"
        let types = ChartType.allCases.filter { $0 != .scatter }.map(\.rawValue) + ["scatter\nlabel: annee"]
        var charts = types.map { "```chart\ntype: \($0)\ndata: enormes\nx: \($0.hasPrefix("scatter") ? "x" : "annee")\ny: \($0.hasPrefix("scatter") ? "y" : "[x, y]")\n```\n" }
        // Every value above 1e300, every value below -1e300: the two cases that crashed.
        charts += ["```chart\ntype: line\ndata: enormes\nx: annee\ny: x\n```\n", "```chart\ntype: hbar\ndata: enormes\nx: annee\ny: y\n```\n"]
        files["content/enormes.md"] = page("Énormes", charts.joined(separator: "\n"))
        let site = try TestSite(files)
        defer { site.cleanUp() }
        let diagnostics = try site.buildAndWrite()
        #expect(!diagnostics.hasErrors, "\(diagnostics.sorted)")
        #expect(try site.read("enormes/index.html").components(separatedBy: "<svg").count == ChartFrame.allCases.count * charts.count + 1)
    }

    // FuzzChart: a scatter chart whose `y` had no value (`y: &canalys`, an anchor on nothing) was
    // let through as a spec with no y column, and drawing it indexed an empty array. A `y:` that
    // is empty, null or an empty list is now the same error as a missing `y:`; so are an empty
    // `type:` and `x:` (they used to give a vague "incomplete spec").
    @Test(arguments: ["y:", "y: ~", "y: []", "y: &canalys", "y: null"])
    func emptyYIsAMissingY(y: String) throws {
        let errors = try chartErrors("type: scatter\ndata: instituts\nx: idc\n\(y)\nlabel: constructeur\n")
        #expect(errors == ["content/briefs/a.md:4:1: error: chart: missing `y:` (a column of numbers, or a list of them)"], "\(errors)")
    }

    @Test func emptyTypeAndXAreMissing() throws {
        #expect(try chartErrors("type:\ndata: instituts\nx: idc\ny: canalys\n")
            .first?.hasPrefix("content/briefs/a.md:4:1: error: chart: missing `type:`") == true)
        #expect(try chartErrors("type: scatter\ndata: instituts\nx: ~\ny: canalys\n")
            == ["content/briefs/a.md:4:1: error: chart: missing `x:` (the column for categories or the horizontal axis)"])
        #expect(try chartErrors("type: line\ndata: instituts\nx: idc\ny: [{a: 1}]\n").count == 1, "a wrong shape is reported once")
    }

    @Test func theCrashingChartInputIsAnError() throws {
        // The input libFuzzer saved, as it saved it (invalid UTF-8 included).
        let input = try #require(Data(base64Encoded: "dHlwZTogc2NhdHRlcgpkYXRhOiBjaGluZS0yMDE2LWluc3RpdHV0cwp4OiBpZGMKeTogJmNhbmFseXMKbGFiZWw6IGNvbnN0cnVjMTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTHPzs7Ozs7OxzExMTExMTE4MXRldXIKdGl0bGU6IElEQyBjb250cmUgQ2FuYWx8eXMsIENoaW5lIP///yEK"))
        let figures = FuzzEntryPoints.Figures(datasetFiles: [
            SourceFile(path: "content/data/chine-2016-instituts.csv", bytes: Array("constructeur,idc,canalys\nOPPO,78.4,73.2\nHuawei,76.6,76.2\n".utf8)),
        ])
        figures.chart([UInt8](input))
    }

    func chartErrors(_ spec: String) throws -> [String] {
        var files = Self.templates
        files["content/data/instituts.csv"] = "constructeur,idc,canalys\nOPPO,78.4,73.2\nHuawei,76.6,76.2\n"
        files["content/briefs/a.md"] = page("A", "```chart\n\(spec)```\n")
        let site = try TestSite(files)
        defer { site.cleanUp() }
        return site.build().diagnostics.errors.map(\.description)
    }
}
