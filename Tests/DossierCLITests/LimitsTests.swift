import Foundation
import Testing
import DossierCLI

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
