import Foundation
import Testing
@testable import DossierCharts

/// The look issue 17 asks for: series told apart by colour (no hatching, dashes or shapes while
/// the palette lasts), labels in their series' colour, round ticks, whole numbers printed whole,
/// stacked areas, centred groups with a gap, and a highlighted series over muted ones.
@Suite struct ChartDesignTests {
    static func inspect(_ chart: ChartData, width: Double = ChartRenderer.defaultWidth) throws -> SVGInspector {
        try #require(SVGInspector.parse(ChartRenderer.svg(chart, format: ChartFixtures.fr, width: width)))
    }

    static func classes(_ element: SVGInspector.Element) -> [String] {
        (element.attributes["class"] ?? "").split(separator: " ").map(String.init)
    }

    /// Relative luminance contrast of two `#RRGGBB` colours (WCAG 2).
    static func contrast(_ a: String, _ b: String) -> Double {
        func luminance(_ hex: String) -> Double {
            let digits = Array(hex.dropFirst())
            let channels = stride(from: 0, to: 6, by: 2).map { i -> Double in
                let c = Double(Int(String(digits[i..<i + 2]), radix: 16) ?? 0) / 255
                return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
            }
            return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
        }
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    @Test(arguments: ChartGoldenTests.names)
    func noPatternWhileColoursLast(_ name: String) throws {
        let (chart, format) = try ChartGoldenTests.fixture(name)
        guard chart.series.count <= ChartPalette.count else { return }
        for width in [ChartRenderer.defaultWidth, 880, 360] {
            let svg = ChartRenderer.svg(chart, format: format, width: width)
            #expect(!svg.contains("<pattern"), "\(name) at \(width) has hatching with \(chart.series.count) series")
            #expect(!svg.contains("stroke-dasharray=\""), "\(name) at \(width) has dashed lines with \(chart.series.count) series")
        }
    }

    @Test func hatchingAndDashesStartPastThePalette() throws {
        let names = (1...9).map { "Série \($0)" }
        let bars = ChartData(type: .groupedBar, id: "many", title: "Neuf séries", unit: nil, valueLabel: "Valeur", categoryLabel: "Année",
                             categories: ChartFixtures.years([2016, 2017]),
                             series: names.enumerated().map { ChartSeries(name: $1, values: [Double($0 + 1), Double($0 + 2)]) })
        let svg = try Self.inspect(bars)
        #expect(svg.elements(named: "pattern").map { $0.attributes["id"] } == ["many-p1"])
        // Only the ninth series' bars (and its legend swatch) are hatched.
        #expect(svg.elements(named: "rect").filter { $0.attributes["fill"] == "url(#many-p1)" }.count == 3)
        let line = try Self.inspect(ChartFixtures.lineLegend)
        let dashed = line.elements(withClass: "line").filter { $0.attributes["stroke-dasharray"] != nil }
        #expect(dashed.count == 2, "the ninth series' line and its legend sample")
    }

    @Test(arguments: [20.0, 12.4, 13, 17, 11, 7, 60, 120])
    func roundAxesHaveNoDecimals(_ high: Double) throws {
        let ticks = NiceTicks.ticks(min: 0, max: high, maxCount: 6, includeZero: true)
        #expect(ticks.allSatisfy { $0 == $0.rounded() }, "0–\(high): \(ticks)")
        let chart = ChartData(type: .bar, id: "axis", title: "Axe", unit: nil, valueLabel: "Valeur", categoryLabel: "Catégorie",
                              categories: ChartFixtures.texts(["A", "B", "C"]), series: [ChartSeries(name: "Valeur", values: [3, high / 2, high])])
        for width in [ChartRenderer.defaultWidth, 360] {
            let svg = ChartRenderer.svg(chart, format: ChartFixtures.fr, width: width)
            let yLabels = try #require(svg.components(separatedBy: "<g class=\"y-labels\">").last?.components(separatedBy: "</g>").first)
            #expect(!yLabels.contains(","), "0–\(high) at \(width): \(yLabels)")
        }
    }

    @Test func zeroToTwentyTicksAreWholeNumbers() {
        #expect(NiceTicks.ticks(min: 0, max: 20, maxCount: 6, includeZero: true) == [0, 5, 10, 15, 20])
        #expect(NiceTicks.ticks(min: 0, max: 12.5, maxCount: 6, includeZero: true) == [0, 5, 10, 15])
        // 2,5 when needed: a narrow range of small values.
        #expect(NiceTicks.decimals(for: NiceTicks.ticks(min: 0, max: 1.1, maxCount: 6, includeZero: true)) == 1)
    }

    @Test(arguments: [ChartRenderer.defaultWidth, 880, 360])
    func eachLineLabelIsInItsSeriesColour(_ width: Double) throws {
        let chart = ChartFixtures.line()
        let svg = try Self.inspect(chart, width: width)
        let css = try #require(svg.elements(named: "style").first?.text)
        let labels = svg.elements(withClass: "direct-labels").isEmpty ? [] : svg.elements(named: "text").filter {
            svg.classes(around: $0).contains("direct-labels")
        }
        #expect(labels.count == chart.series.count, "at \(width)")
        let lines = svg.elements(withClass: "line").filter { svg.classes(around: $0).contains("lines") }
        for (label, series) in zip(labels, chart.series) {
            let color = try #require(Self.classes(label).first { $0.hasPrefix("s") && $0.dropFirst().allSatisfy(\.isNumber) })
            #expect(series.name.hasPrefix(label.text.replacingOccurrences(of: "…", with: "")))
            #expect(lines.contains { Self.classes($0).contains(color) }, "\(series.name)'s line is \(color) too")
            #expect(css.contains(".chart .\(color){fill:var(--chart-\(color),"), "the fill of .\(color) is --chart-\(color)")
        }
        #expect(Set(labels.compactMap { Self.classes($0).first { $0.hasPrefix("s") } }).count == chart.series.count)
    }

    @Test func paletteColoursReadAsTextOnWhite() {
        for color in ChartPalette.colors {
            #expect(Self.contrast(color, "#FFFFFF") >= 4.5, "\(color) on white")
        }
        #expect(Self.contrast(ChartPalette.mutedTextColor, "#FFFFFF") >= 4.5)
    }

    @Test func highlightMutesTheOtherSeries() throws {
        let chart = ChartFixtures.lineHighlight
        let svg = try Self.inspect(chart)
        let lines = svg.elements(withClass: "line").filter { svg.classes(around: $0).contains("lines") }
        #expect(lines.count == 4)
        #expect(lines.filter { Self.classes($0).contains(ChartPalette.mutedClass) }.count == 3)
        // Xiaomi, the fourth series, keeps its colour and is drawn last, over the others.
        #expect(lines.last.map(Self.classes) == ["line", "s3"])
        let labels = svg.elements(named: "text").filter { svg.classes(around: $0).contains("direct-labels") }
        #expect(labels.first { $0.text == "Xiaomi" }.map(Self.classes)?.contains("s3") == true)
        #expect(labels.filter { Self.classes($0).contains(ChartPalette.mutedClass) }.count == 3)
    }

    @Test func areasStackAndLabelTheirTotal() throws {
        let svg = try Self.inspect(ChartFixtures.area)
        #expect(svg.elements(withClass: "stacked").count == 2)
        let totals = svg.elements(withClass: "total").map(\.text)
        // Xiaomi 13,8 % + Apple 9,6 % in the last quarter.
        #expect(totals.last == "23,4\u{202F}%")
        let overlay = try Self.inspect(ChartFixtures.areaOverlay)
        #expect(overlay.elements(withClass: "stacked").isEmpty)
        #expect(overlay.elements(withClass: "area").count >= 2)
        #expect(overlay.elements(withClass: "total").isEmpty)
    }

    @Test func stackedBarsLabelTheirTotals() throws {
        // Shares of a whole add up to 100 % in every stack: no total to say.
        #expect(try Self.inspect(ChartFixtures.stackedBar).elements(withClass: "total").isEmpty)
        let units = ChartData(type: .stackedBar, id: "units", title: "Livraisons", unit: "M", valueLabel: "Livraisons", categoryLabel: "Année",
                              categories: ChartFixtures.years([2015, 2016, 2017]),
                              series: [ChartSeries(name: "Chine", values: [64.9, 41.5, 55.0]), ChartSeries(name: "Monde", values: [5.9, 13.1, 37.3])])
        for width in [ChartRenderer.defaultWidth, 360] {
            #expect(try Self.inspect(units, width: width).elements(withClass: "total").map(\.text) == ["70,8", "54,6", "92,3"])
        }
    }

    @Test func wholeValuesPrintWhole() throws {
        var chart = ChartFixtures.bar
        chart.series = [ChartSeries(name: "Livraisons", values: [40, 35, 12, 8, 3])]
        chart.unit = nil
        chart.decimals = 1
        let values = try Self.inspect(chart).elements(withClass: "value").map(\.text)
        #expect(values == ["40", "35", "12", "8", "3"])
        #expect(ChartRenderer.dataTable(chart, format: ChartFixtures.fr).contains(">40,0<"), "the table keeps `decimals`")
    }

    @Test(arguments: [ChartRenderer.defaultWidth, 360])
    func groupedBarsCentreTheValuesThere(_ width: Double) throws {
        let svg = try Self.inspect(ChartFixtures.groupedBarGap, width: width)
        let labels = svg.elements(withClass: "x-label")
        let bars = svg.elements(withClass: "bar").filter { svg.classes(around: $0).contains("bars") }
        #expect(bars.count == 10)
        for label in labels {
            let x = try #require(label.attributes["x"].flatMap(Double.init))
            let group = bars.compactMap { bar -> (Double, Double)? in
                guard let left = bar.attributes["x"].flatMap(Double.init), let w = bar.attributes["width"].flatMap(Double.init) else { return nil }
                return abs(left + w / 2 - x) < w * 2 ? (left, left + w) : nil
            }
            let left = try #require(group.map(\.0).min()), right = try #require(group.map(\.1).max())
            #expect(abs((left + right) / 2 - x) < 0.05, "\(label.text) at \(width): bars \(left)…\(right), label at \(x)")
        }
    }
}

/// The registry: every chart type has a drawer, a name in both languages, and draws.
@Suite struct ChartRegistryTests {
    @Test(arguments: ChartType.allCases)
    func everyTypeHasADrawerANameAndAnSVG(_ type: ChartType) throws {
        let drawer = ChartRegistry.drawer(for: type)
        #expect(!drawer.name(french: true).isEmpty && drawer.name(french: true) != drawer.name(french: false))
        var chart: ChartData
        switch drawer.shape {
        case .points: chart = ChartFixtures.scatter
        case .shares, .series: chart = ChartFixtures.stackedBar
        }
        chart.type = type
        let svg = ChartRenderer.svg(chart, format: ChartFixtures.fr, width: 640)
        #expect(svg.contains("class=\"chart chart-\(type.rawValue)\""), "\(type)")
        #expect(ChartRenderer.describe(chart, format: ChartFixtures.fr).hasPrefix(drawer.name(french: true)), "\(type)")
    }
}
