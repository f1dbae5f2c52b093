import Foundation
import Testing
@testable import DossierCharts
@testable import DossierModel

/// The gallery fixture (`Tests/Fixtures/gallery`) uses every chart type, a table and an inline
/// value, built with the repository's own templates. Each chart's SVG is compared with
/// `Tests/Fixtures/gallery/golden/chart-N.svg`, so any change in drawing shows up in a diff.
/// `UPDATE_GOLDEN=1 swift test --filter Gallery` rewrites them (then look at them).
@Suite struct GalleryTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixture = repository.appendingPathComponent("Tests/Fixtures/gallery")
    static let golden = fixture.appendingPathComponent("golden")

    /// A project made of the fixture's content and the repository's templates.
    static func buildGallery() throws -> TestSite {
        let site = try TestSite([:], siteYAML: nil, templates: false)
        let manager = FileManager.default
        try manager.copyItem(atPath: fixture.appendingPathComponent("content").path, toPath: site.root + "/content")
        try manager.copyItem(atPath: repository.appendingPathComponent("theme").path, toPath: site.root + "/templates")
        let diagnostics = try site.buildAndWrite()
        #expect(diagnostics.items.isEmpty, "\(diagnostics.sorted)")
        return site
    }

    static func svgs(in html: String) -> [String] {
        var result: [String] = []
        var rest = html[...]
        while let start = rest.range(of: "<svg "), let end = rest[start.lowerBound...].range(of: "</svg>") {
            result.append(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return result
    }

    @Test func everyChartMatchesItsGolden() throws {
        let site = try Self.buildGallery()
        defer { site.cleanUp() }
        let svgs = Self.svgs(in: try site.read("index.html"))
        #expect(svgs.count == 30, "each chart is drawn wide, broad and narrow")
        let types = svgs.compactMap { svg in ChartType.allCases.first { svg.contains("class=\"chart chart-\($0.rawValue)\"") } }
        #expect(Set(types) == Set(ChartType.allCases))
        for (index, svg) in svgs.enumerated() {
            let url = Self.golden.appendingPathComponent("chart-\(index + 1).svg")
            if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
                try FileManager.default.createDirectory(at: Self.golden, withIntermediateDirectories: true)
                try (svg + "\n").write(to: url, atomically: true, encoding: .utf8)
                continue
            }
            let expected = try? String(contentsOf: url, encoding: .utf8)
            #expect(expected == svg + "\n", "chart-\(index + 1).svg differs from its golden (UPDATE_GOLDEN=1 to accept)")
            #expect(SVGInspector.parse(svg) != nil, "chart-\(index + 1) is not well-formed XML")
        }
    }

    @Test func galleryPagesAreCompleteAndSelfContained() throws {
        let site = try Self.buildGallery()
        defer { site.cleanUp() }
        let html = try site.read("index.html")
        #expect(html.contains("<data class=\"datum\" value=\"13.8\">13,8\u{202F}%</data>"))
        #expect(html.contains("<figure class=\"figure figure-table\">"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://www.w3.org/1999/xlink"))
        for svg in Self.svgs(in: html) {
            #expect(!svg.contains("href="))
            #expect(!svg.contains("url(http"))
        }
        #expect(site.outputFiles().filter { $0.hasPrefix("data/") && $0.hasSuffix("index.html") }.count == 7)
    }
}
