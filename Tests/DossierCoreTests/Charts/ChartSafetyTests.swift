import Foundation
import Testing
@testable import DossierCharts
@testable import DossierModel

/// Hostile text in any field comes out as text, never as markup.
@Suite struct ChartSafetyTests {
    static let hostile = "\"><svg onload=alert(1)>"
    static let script = "<script>alert('x')</script>"

    static func hostileChart(_ type: ChartType) -> ChartData {
        ChartData(
            type: type, id: "chart\"><svg onload=alert(1)>", title: hostile + script, unit: "</style><script>", valueLabel: script,
            categoryLabel: hostile,
            categories: [ChartCategory(label: hostile, value: .text(hostile)), ChartCategory(label: script, value: .text(script)),
                         ChartCategory(label: "a & b ' \u{0007}", value: .text("a"))],
            series: [ChartSeries(name: hostile, values: [1, 2, 3]), ChartSeries(name: script, values: [3, nil, 1])],
            annotations: [ChartAnnotation(categoryIndex: 1, label: hostile), ChartAnnotation(categoryIndex: 99, label: script)],
            points: [ScatterPoint(x: 1, y: 2, label: hostile), ScatterPoint(x: 2, y: 1, label: script, series: 1),
                     ScatterPoint(x: 3, y: 3, label: nil, series: 7)],
            xUnit: script)
    }

    @Test(arguments: ChartType.allCases)
    func hostileLabelsAreEscaped(_ type: ChartType) throws {
        let chart = Self.hostileChart(type)
        for (format, width) in [(ChartFixtures.fr, 640.0), (ChartFixtures.en, 640), (ChartFixtures.fr, 360), (ChartFixtures.en, 300)] {
            let svg = ChartRenderer.svg(chart, format: format, width: width)
            let xml = try #require(SVGInspector.parse(svg), "\(type) with hostile labels is not well-formed")
            #expect(xml.elements(named: "svg").count == 1, "only the root <svg>")
            #expect(xml.elements(named: "script").isEmpty)
            #expect(!svg.contains("<script") && !svg.contains("<svg onload"))
            for element in xml.elements {
                for name in element.attributes.keys {
                    #expect(!name.lowercased().hasPrefix("on"), "\(type): attribute \(name) on <\(element.name)>")
                    #expect(name != "href" && name != "xlink:href", "\(type): no links")
                }
            }
            // The text survives, escaped, where it belongs.
            #expect(xml.elements[1].text == Self.hostile + Self.script)
            #expect(svg.contains("&lt;script&gt;"))
            // Ids are cleaned so they stay valid in attributes, CSS and url(#…).
            let labelledBy = try #require(xml.elements.first?.attributes["aria-labelledby"])
            #expect(labelledBy.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == " " })
            let table = ChartRenderer.dataTable(chart, format: format)
            #expect(!table.contains("<script") && !table.contains("<svg"))
            #expect(SVGInspector.parse(table) != nil, "the table is well-formed too")
        }
    }

    @Test(arguments: ChartType.allCases)
    func emptyAndDegenerateDataDrawSomething(_ type: ChartType) throws {
        let empty = ChartData(type: type, id: "c", title: "", unit: nil, valueLabel: "", categoryLabel: "", categories: [], series: [])
        let allNil = ChartData(type: type, id: "c", title: "T", unit: "%", valueLabel: "V", categoryLabel: "C",
                               categories: ChartFixtures.texts(["a", "b"]), series: [ChartSeries(name: "s", values: [nil, .nan])])
        let ragged = ChartData(type: type, id: "c", title: "T", unit: "%", valueLabel: "V", categoryLabel: "C",
                               categories: ChartFixtures.texts(["a", "b", "c"]),
                               series: [ChartSeries(name: "s", values: [1]), ChartSeries(name: "t", values: [1, 2, 3, 4, 5])],
                               points: [ScatterPoint(x: .infinity, y: 1), ScatterPoint(x: 1, y: 1, series: -3)])
        let single = ChartData(type: type, id: "c", title: "T", unit: nil, valueLabel: "V", categoryLabel: "C",
                               categories: ChartFixtures.texts(["a"]), series: [ChartSeries(name: "s", values: [0])],
                               points: [ScatterPoint(x: 0, y: 0)])
        let huge = ChartData(type: type, id: "c", title: "T", unit: nil, valueLabel: "V", categoryLabel: "C",
                             categories: ChartFixtures.texts(["a", "b"]), series: [ChartSeries(name: "s", values: [1e15, -1e-9])],
                             points: [ScatterPoint(x: 1e12, y: -1e12), ScatterPoint(x: 1e-9, y: 2e-9)])
        for chart in [empty, allNil, ragged, single, huge] {
            for width in [640.0, 360, 300, 0, -.infinity, .infinity] {
                let svg = ChartRenderer.svg(chart, format: ChartFixtures.fr, width: width)
                #expect(SVGInspector.parse(svg) != nil, "\(type): \(svg.prefix(200))")
                #expect(!svg.contains("nan") && !svg.contains("inf"), "\(type) at \(width): non-finite coordinate")
            }
            _ = ChartRenderer.describe(chart, format: ChartFixtures.en)
            #expect(SVGInspector.parse(ChartRenderer.dataTable(chart, format: ChartFixtures.fr)) != nil)
        }
    }

    /// Subnormal, tiny and huge values, alone, mixed and across zero: every chart type draws them
    /// (5e-324 crashed the ticks, 2.2250738585072014e-308 made them loop forever).
    @Test(arguments: ChartType.allCases)
    func subnormalTinyAndHugeValuesAreDrawn(_ type: ChartType) throws {
        let sets: [[Double]] = [
            [5e-324], [2.2250738585072014e-308], [1e-310, 2.2250738585072014e-308], [-5e-324, 5e-324], [1e-300, 1e-299],
            [1e308], [1e308, 1e308], [-1e308, 1e308], [1e308, -5e-324], [.greatestFiniteMagnitude, 5e-324], [1e-289, 1e-289 * (1 + 1e-11)],
        ]
        for values in sets {
            let chart = ChartData(type: type, id: "c", title: "T", unit: nil, valueLabel: "V", categoryLabel: "C",
                                  categories: ChartFixtures.texts(values.indices.map { "k\($0)" }),
                                  series: [ChartSeries(name: "s", values: values), ChartSeries(name: "t", values: values.reversed())],
                                  points: values.map { ScatterPoint(x: $0, y: $0) } + values.map { ScatterPoint(x: -$0, y: $0, series: 1) })
            for width in [640.0, 360] {
                let svg = ChartRenderer.svg(chart, format: ChartFixtures.fr, width: width)
                #expect(SVGInspector.parse(svg) != nil, "\(type) of \(values): \(svg.prefix(200))")
                #expect(!svg.contains("nan") && !svg.contains("inf"), "\(type) of \(values) at \(width): non-finite coordinate")
            }
            _ = ChartRenderer.describe(chart, format: ChartFixtures.en)
            #expect(SVGInspector.parse(ChartRenderer.dataTable(chart, format: ChartFixtures.fr)) != nil)
        }
    }

    @Test func manySeriesCycleThePalette() throws {
        let chart = ChartData(type: .line, id: "c", title: "T", unit: nil, valueLabel: "V", categoryLabel: "C",
                              categories: ChartFixtures.texts(["a", "b", "c"]),
                              series: (0..<20).map { ChartSeries(name: "Série \($0)", values: [Double($0), Double($0 + 1), nil]) })
        let xml = try #require(SVGInspector.parse(ChartRenderer.svg(chart, format: ChartFixtures.fr)))
        #expect(xml.elements(withClass: "legend").count == 1)
        #expect(xml.elements(withClass: "s7").count > 0 && xml.elements(withClass: "s8").isEmpty)
    }
}
