import Foundation
import Testing
@testable import DossierModel
@testable import DossierCharts

/// Category labels never overlap, whatever their number and length.
@Suite struct ChartLabelTests {
    /// A label's estimated box in its own (unrotated) frame, and the angle of that frame.
    struct LabelBox {
        var rect: ChartRect
        var angle: Double
    }

    /// Boxes of the rendered x labels, read back from the SVG.
    static func xLabelBoxes(_ svg: String) throws -> [LabelBox] {
        let xml = try #require(SVGInspector.parse(svg))
        return xml.elements(withClass: "x-label").compactMap { text in
            guard let x = Double(text.attributes["x"] ?? ""), let y = Double(text.attributes["y"] ?? "") else { return nil }
            let lines = text.text.split(separator: "\n").map(String.init)
            let width = lines.map { TextWidth.of($0, fontSize: ChartFont.tick) }.max() ?? 0
            let height = Double(lines.count) * ChartFont.tick * ChartFont.lineHeight
            let rotated = text.attributes["transform"]?.hasPrefix("rotate(-45") == true
            let left: Double
            switch text.attributes["text-anchor"] {
            case "end": left = -width
            case "middle": left = -width / 2
            default: left = 0
            }
            if rotated {
                // Work in the text's own frame: rotate the anchor by +45° about the origin.
                let c = cos(Double.pi / 4), s = sin(Double.pi / 4)
                let u = x * c - y * s, v = x * s + y * c
                return LabelBox(rect: ChartRect(x: u + left, y: v - ChartFont.tick * 0.5, width: width, height: ChartFont.tick * 1.1), angle: -45)
            }
            return LabelBox(rect: ChartRect(x: x + left, y: y - ChartFont.tick, width: width, height: height), angle: 0)
        }
    }

    static func expectNoOverlap(_ boxes: [LabelBox], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for i in boxes.indices {
            for j in boxes.indices where j > i {
                #expect(!(boxes[i].angle == boxes[j].angle && boxes[i].rect.intersects(boxes[j].rect)),
                        "labels \(i) and \(j) overlap: \(boxes[i].rect) \(boxes[j].rect)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func thirtyLongCategoriesDoNotOverlap() throws {
        for type in [ChartType.bar, .line, .area, .stackedBar] {
            var chart = ChartFixtures.manyCategories
            chart.type = type
            let svg = ChartRenderer.svg(chart, format: ChartFixtures.fr)
            let boxes = try Self.xLabelBoxes(svg)
            #expect(boxes.count >= 8, "\(type): too few labels kept (\(boxes.count))")
            Self.expectNoOverlap(boxes)
            // First and last are kept, whole (on two lines), never cut.
            let labels = try #require(SVGInspector.parse(svg)).elements(withClass: "x-label").map { $0.text.replacingOccurrences(of: "\n", with: " ") }
            #expect(labels.first == "Magasin Mi Home numéro 1 de la province" && labels.last == "Magasin Mi Home numéro 30 de la province")
            #expect(!labels.contains { $0.contains("…") })
        }
    }

    @Test func manyQuartersAreThinnedNotRotated() throws {
        var categories: [ChartCategory] = []
        for year in 2000...2017 {
            for quarter in 1...4 {
                let date = DateValue(year: year, month: quarter * 3 - 2, precision: .quarter)
                categories.append(ChartCategory(label: ChartFixtures.fr.date(date), value: .date(date)))
            }
        }
        let chart = ChartData(type: .line, id: "c", title: "T", unit: "%", valueLabel: "V", categoryLabel: "Trimestre",
                              categories: categories, series: [ChartSeries(name: "s", values: categories.indices.map { Double($0 % 7) })])
        let svg = ChartRenderer.svg(chart, format: ChartFixtures.fr)
        let boxes = try Self.xLabelBoxes(svg)
        Self.expectNoOverlap(boxes)
        #expect(boxes.allSatisfy { $0.angle == 0 })
        #expect(boxes.count >= 4 && boxes.count < categories.count)
        #expect(svg.contains(">T1\u{00A0}2000<") && svg.contains(">T4\u{00A0}2017<"))
    }

    @Test(arguments: [1, 2, 3, 5, 8, 13, 21, 34, 55, 89])
    func anyNumberOfCategoriesKeepsLabelsApart(_ count: Int) throws {
        let labels = (0..<count).map { i in String(repeating: "Libellé ", count: i % 4 + 1) + "\(i)" }
        for type in [ChartType.bar, .line] {
            let chart = ChartData(type: type, id: "c", title: "T", unit: nil, valueLabel: "V", categoryLabel: "C",
                                  categories: ChartFixtures.texts(labels), series: [ChartSeries(name: "s", values: labels.indices.map(Double.init))])
            Self.expectNoOverlap(try Self.xLabelBoxes(ChartRenderer.svg(chart, format: ChartFixtures.en)))
        }
    }

    @Test func wrappingSplitsAtSpacesIntoBalancedLines() {
        #expect(TextWidth.wrap("Xiaomi, Chine 2016", maxLines: 2, fontSize: 15) == ["Xiaomi,", "Chine 2016"])
        #expect(TextWidth.wrap("Huawei", maxLines: 2, fontSize: 15) == ["Huawei"])
        #expect(TextWidth.truncate("Magasin Mi Home", toWidth: 60, fontSize: 15).hasSuffix("…"))
        #expect(TextWidth.of("Mi", fontSize: 10) < TextWidth.of("MM", fontSize: 10))
        #expect(TextWidth.of("é", fontSize: 10) == TextWidth.of("e", fontSize: 10))
    }

    @Test func labelSpreaderKeepsOrderAndGap() throws {
        let spread = try #require(LabelSpreader.spread([100, 101, 102, 300], gap: 18, low: 0, high: 400))
        #expect(spread[1] - spread[0] >= 18 - 1e-9 && spread[2] - spread[1] >= 18 - 1e-9)
        #expect(abs(spread[1] - 101) < 1e-9, "a block is centred on its wishes")
        #expect(spread[3] == 300)
        #expect(LabelSpreader.spread([0, 0, 0], gap: 20, low: 0, high: 30) == nil)
    }
}
