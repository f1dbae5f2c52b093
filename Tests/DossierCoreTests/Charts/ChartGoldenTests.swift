import Foundation
import Testing
@testable import DossierModel
@testable import DossierCharts

/// Each chart type drawn from a small fixture and compared with `Golden/NAME.svg` (640 wide) and
/// `Golden/NAME-narrow.svg` (360 wide, for phones).
/// `UPDATE_GOLDEN=1 swift test --filter Chart` rewrites the goldens instead (then look at them).
@Suite struct ChartGoldenTests {
    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let names = ChartFixtures.goldens.map(\.0)

    static func fixture(_ name: String) throws -> (ChartData, LocaleFormat) {
        let entry = try #require(ChartFixtures.goldens.first { $0.0 == name })
        return (entry.1, entry.2)
    }

    /// The narrow rendering of a fixture, as a page would ask for it: 360 wide, with its own id.
    static func narrow(_ chart: ChartData) -> ChartData {
        var chart = chart
        chart.id += "-narrow"
        return chart
    }

    @Test(arguments: names)
    func matchesGolden(_ name: String) throws {
        let (chart, format) = try Self.fixture(name)
        try Self.compare(ChartRenderer.svg(chart, format: format) + "\n", golden: name)
    }

    /// `Golden/NAME-narrow.svg`: the same chart laid out for a phone.
    @Test(arguments: names)
    func matchesNarrowGolden(_ name: String) throws {
        let (chart, format) = try Self.fixture(name)
        try Self.compare(ChartRenderer.svg(Self.narrow(chart), format: format, width: 360) + "\n", golden: name + "-narrow")
    }

    static func compare(_ svg: String, golden name: String) throws {
        let url = Self.goldenFolder.appendingPathComponent(name + ".svg")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.goldenFolder, withIntermediateDirectories: true)
            try svg.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let golden = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no golden \(url.path): run UPDATE_GOLDEN=1 swift test --filter Chart")
            return
        }
        if golden != svg {
            let actual = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).actual.svg")
            try? svg.write(to: actual, atomically: true, encoding: .utf8)
            let got = svg.split(separator: "\n", omittingEmptySubsequences: false)
            let want = golden.split(separator: "\n", omittingEmptySubsequences: false)
            let line = (0..<min(got.count, want.count)).first { got[$0] != want[$0] } ?? min(got.count, want.count)
            Issue.record("""
                \(name).svg differs from its golden at line \(line + 1) (output written to \(actual.path)):
                  golden: \(line < want.count ? String(want[line]) : "<end>")
                  actual: \(line < got.count ? String(got[line]) : "<end>")
                """)
        }
    }

    @Test(arguments: names)
    func isWellFormedAccessibleSVG(_ name: String) throws {
        let (chart, format) = try Self.fixture(name)
        let svg = ChartRenderer.svg(chart, format: format)
        let xml = try #require(SVGInspector.parse(svg), "\(name) is not well-formed XML")
        let root = try #require(xml.elements.first)
        #expect(root.name == "svg")
        #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(root.attributes["role"] == "img")
        #expect(root.attributes["aria-labelledby"] == "\(chart.id)-title \(chart.id)-desc")
        #expect(root.attributes["class"] == "chart chart-\(chart.type.rawValue)")
        #expect(root.attributes["width"] == nil && root.attributes["height"] == nil)
        #expect(root.attributes["viewBox"]?.hasPrefix("0 0 640 ") == true)
        // <title> and <desc> come first.
        #expect(xml.elements.count > 3)
        #expect(xml.elements[1].name == "title" && xml.elements[1].attributes["id"] == "\(chart.id)-title")
        #expect(xml.elements[1].text == chart.title)
        #expect(xml.elements[2].name == "desc" && xml.elements[2].text == ChartRenderer.describe(chart, format: format))
        #expect(!svg.contains("http://") || svg.components(separatedBy: "http://").count == 2, "only the SVG namespace")
        #expect(!svg.contains("https://") && !svg.contains("@import") && !svg.contains("<script"))
    }

    @Test(arguments: names)
    func isDeterministic(_ name: String) throws {
        let (chart, format) = try Self.fixture(name)
        #expect(ChartRenderer.svg(chart, format: format) == ChartRenderer.svg(chart, format: format))
        #expect(ChartRenderer.dataTable(chart, format: format) == ChartRenderer.dataTable(chart, format: format))
    }

    @Test(arguments: names)
    func drawsInsideTheViewBox(_ name: String) throws {
        let (chart, format) = try Self.fixture(name)
        let xml = try #require(SVGInspector.parse(ChartRenderer.svg(chart, format: format)))
        let box = try #require(xml.elements.first?.attributes["viewBox"]).split(separator: " ").compactMap { Double($0) }
        try #require(box.count == 4)
        // Every unrotated text's estimated box lies inside the drawing.
        for text in xml.elements(named: "text") where text.attributes["transform"] == nil {
            guard let x = Double(text.attributes["x"] ?? ""), let y = Double(text.attributes["y"] ?? "") else { continue }
            let size = text.attributes["class"]?.contains("value") == true ? ChartFont.value : ChartFont.tick
            for line in text.text.split(separator: "\n") {
                let width = TextWidth.of(String(line), fontSize: size)
                let left: Double
                switch text.attributes["text-anchor"] {
                case "end": left = x - width
                case "middle": left = x - width / 2
                default: left = x
                }
                #expect(left >= -0.5 && left + width <= box[2] + 0.5, "\(name): “\(line)” runs off the sides (\(left), \(width))")
            }
            #expect(y - size * 0.8 >= -0.5 && y <= box[3] + 0.5, "\(name): “\(text.text)” runs off the top or bottom")
        }
    }
}
