import Foundation
import Testing
import DossierCLI
import DossierCharts

/// Very large or deep input either builds or stops with a clear error; it never crashes or hangs.
/// (No timing assertions: a hang would show as a test that does not finish.)
@Suite struct LimitsTests {
    static let data = [
        "templates/dataset.mustache": "{{<layout}}{{$main}}{{dataset.title}}{{/main}}{{/layout}}",
        "templates/datasets.mustache": "{{<layout}}{{$main}}data{{/main}}{{/layout}}",
    ]

    func build(_ files: [String: String]) throws -> (status: Int32, err: String, project: Project) {
        let project = try Project(Self.data.merging(files) { $1 })
        let result = run(["build", "--root", project.root])
        return (result.status, result.err, project)
    }

    @Test func fiveMegabyteParagraph() throws {
        let words = String(repeating: "Xiaomi : l'accord ! ", count: 260_000)
        let (status, err, project) = try build(["content/x.md": "---\ntitle: X\n---\n\(words)\n"])
        defer { project.cleanUp() }
        #expect(status == 0, "\(err)")
        #expect(try project.read("public/x/index.html").utf8.count > 5_000_000)
    }

    @Test func nestingTenThousandDeep() throws {
        let quotes = String(repeating: ">", count: 10_000) + " fond\n"
        let lists = String(repeating: "- ", count: 10_000) + "fond\n"
        let (status, err, project) = try build(["content/x.md": "---\ntitle: X\n---\n\(quotes)\n\(lists)"])
        defer { project.cleanUp() }
        #expect(status == 0, "\(err)")
    }

    @Test func hundredThousandRowDataset() throws {
        var csv = "n,valeur\n"
        for i in 0..<100_000 { csv += "\(i),\(i % 97).5\n" }
        let (status, err, project) = try build([
            "content/data/grand.csv": csv,
            "content/x.md": "---\ntitle: X\n---\n`=grand.valeur[n=99999]`\n",
        ])
        defer { project.cleanUp() }
        #expect(status == 0, "\(err)")
        let page = try project.read("public/data/grand/index.html")
        #expect(page.utf8.count < 2_000_000, "the dataset page shows the first rows, not all 100,000")
    }

    @Test func chartWithTenThousandPoints() throws {
        var csv = "n,valeur\n"
        for i in 0..<10_000 { csv += "\(i),\(i % 101)\n" }
        let (status, err, project) = try build([
            "content/data/points.csv": csv,
            "content/x.md": "---\ntitle: X\n---\n```chart\ntype: line\ndata: points\nx: n\ny: valeur\n```\n",
        ])
        defer { project.cleanUp() }
        #expect(status == 0 || err.contains("too many"), "\(err)")
    }

    /// `a,5e-324` charted as bars stopped the build with "Double value cannot be converted to Int"
    /// (exit 132), and 2.2250738585072014e-308 never finished: every chart type of subnormal,
    /// tiny and huge values builds.
    @Test func subnormalTinyAndHugeValuesBuildEveryChartType() throws {
        let csv = "k,v,w\na,5e-324,2.2250738585072014e-308\nb,1e-310,-5e-324\nc,1e308,-1e308\n"
        let charts = ChartType.allCases.map(\.rawValue).flatMap { type in
            ["v", "w"].map { y in "```chart\ntype: \(type)\ndata: h\nx: \(type == "scatter" ? "w" : "k")\ny: \(y)\nwhere: {k: a}\n```\n" }
        }
        let (status, err, project) = try build([
            "content/data/h.csv": csv,
            "content/data/t.csv": "k,v\na,5e-324\n",
            "content/x.md": "---\ntitle: X\n---\n" + charts.joined(separator: "\n")
                + "\n```chart\ntype: bar\ndata: t\nx: k\ny: v\n```\n\n```chart\ntype: line\ndata: h\nx: k\ny: [v, w]\n```\n",
        ])
        defer { project.cleanUp() }
        #expect(status == 0, "\(err)")
        let html = try project.read("public/x/index.html")
        #expect(html.components(separatedBy: "<figure class=\"figure figure-chart").count == charts.count + 3, "\(html)")
    }

    /// A 200 MB CSV took 164 s and 3.15 GB to build. A dataset file over 10 MB is refused before
    /// it is read (the file here is sparse: its size is all that is looked at), and so is its
    /// metadata, without a second error.
    @Test func datasetFileOverTheSizeLimitIsRefusedClearly() throws {
        let (_, _, project) = try build([
            "content/data/grand.yaml": "title: Grand\n",
            "content/data/petit.csv": "a,b\n1,2\n",
            "content/x.md": "---\ntitle: X\n---\n`=petit.b[a=1]`\n",
        ])
        defer { project.cleanUp() }
        let path = project.path("content/data/grand.csv")
        #expect(FileManager.default.createFile(atPath: path, contents: Data("a,b\n".utf8)))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 52_400_001)
        try handle.close()
        let result = run(["build", "--root", project.root])
        #expect(result.status == 1)
        let lines = result.err.split(separator: "\n").map(String.init)
        #expect(lines.first == "content/data/grand.csv: error: dataset file is 52.4 MB (52400001 bytes), over the limit of 10 MB a dataset may have; "
                + "keep only the rows and columns the report uses, or split it into several datasets", "\(result.err)")
        #expect(lines.count == 2 && lines.last?.hasPrefix("error: build failed with 1 error") == true, "\(result.err)")
    }

    @Test func chartWithFiveHundredSeriesIsRefusedClearly() throws {
        var csv = "annee,serie,valeur\n"
        for s in 0..<500 { for year in 2015...2017 { csv += "\(year),S\(s),\(s)\n" } }
        let (status, err, project) = try build([
            "content/data/series.csv": csv,
            "content/x.md": "---\ntitle: X\n---\n```chart\ntype: line\ndata: series\nx: annee\ny: valeur\nseries: serie\n```\n",
        ])
        defer { project.cleanUp() }
        #expect(status == 1)
        #expect(err.contains("content/x.md:4:1: error: chart: 500 series"), "\(err)")
    }
}
