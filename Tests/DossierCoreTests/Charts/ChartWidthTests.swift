import Foundation
import Testing
@testable import DossierCharts

/// Charts drawn for other widths than 640 (360 for phones): same text sizes, so the labels must be
/// laid out again; none may overlap another or leave the drawing.
@Suite struct ChartWidthTests {
    static let names = ChartFixtures.goldens.map(\.0)

    static func svg(_ name: String, width: Double) throws -> String {
        let (chart, format) = try ChartGoldenTests.fixture(name)
        return ChartRenderer.svg(ChartGoldenTests.narrow(chart), format: format, width: width)
    }

    static func viewBox(_ svg: String) throws -> [Double] {
        let xml = try #require(SVGInspector.parse(svg))
        return try #require(xml.elements.first?.attributes["viewBox"]).split(separator: " ").compactMap { Double($0) }
    }

    @Test(arguments: names)
    func narrowLabelsNeitherOverlapNorLeaveTheDrawing(_ name: String) throws {
        let svg = try Self.svg(name, width: 360)
        #expect(try Self.viewBox(svg).prefix(3) == [0, 0, 360])
        let problems = TextBox.problems(in: svg)
        #expect(problems.isEmpty, "\(name) at 360: \(problems.joined(separator: "; "))")
    }

    @Test(arguments: [300.0, 330, 400, 450, 520, 640, 800, 1000])
    func labelsStayApartAtAnyWidth(_ width: Double) throws {
        for name in Self.names {
            let svg = try Self.svg(name, width: width)
            #expect(try Self.viewBox(svg).prefix(3) == [0, 0, width])
            let problems = TextBox.problems(in: svg)
            #expect(problems.isEmpty, "\(name) at \(width): \(problems.joined(separator: "; "))")
        }
    }

    @Test(arguments: names)
    func narrowIsWellFormedAndDeterministic(_ name: String) throws {
        let (chart, format) = try ChartGoldenTests.fixture(name)
        let narrow = ChartGoldenTests.narrow(chart)
        let svg = ChartRenderer.svg(narrow, format: format, width: 360)
        #expect(svg == ChartRenderer.svg(narrow, format: format, width: 360))
        let xml = try #require(SVGInspector.parse(svg))
        #expect(xml.elements.first?.attributes["aria-labelledby"] == "\(chart.id)-narrow-title \(chart.id)-narrow-desc")
        #expect(!svg.contains("\"\(chart.id)-title\""), "ids come from the narrow chart's id")
        // Same stylesheet, so the same text sizes.
        #expect(svg.contains("<style>" + ChartPalette.stylesheet + "</style>"))
    }

    @Test func defaultWidthIs640AndOthersAreClamped() throws {
        let chart = ChartFixtures.line()
        let format = ChartFixtures.fr
        #expect(ChartRenderer.svg(chart, format: format) == ChartRenderer.svg(chart, format: format, width: 640))
        #expect(try Self.viewBox(ChartRenderer.svg(chart, format: format, width: 120)).prefix(3) == [0, 0, 300])
        #expect(try Self.viewBox(ChartRenderer.svg(chart, format: format, width: .nan)).prefix(3) == [0, 0, 640])
        #expect(try Self.viewBox(ChartRenderer.svg(chart, format: format, width: 412.5)).prefix(3) == [0, 0, 412.5])
    }

    @Test func narrowPieListsItsSlicesUnderTheCircle() throws {
        let wide = ChartRenderer.svg(ChartFixtures.pie, format: ChartFixtures.fr)
        #expect(wide.contains("class=\"slice-labels\"") && !wide.contains("slice-list"))
        let narrow = try Self.svg("pie", width: 360)
        let xml = try #require(SVGInspector.parse(narrow))
        #expect(xml.elements(withClass: "slice-labels").isEmpty)
        let list = try #require(xml.elements(withClass: "slice-list").first)
        #expect(list.text.contains("Huawei") && list.text.contains("Autres") && list.text.contains("12,7\u{202F}%"))
        // One swatch per slice, coloured like its slice.
        let slices = xml.elements(withClass: "slice").filter { $0.name == "path" }.compactMap { $0.attributes["class"] }
        let swatches = xml.elements(withClass: "slice").filter { $0.name == "rect" }.compactMap { $0.attributes["class"] }
        #expect(slices.count == 9 && slices == swatches)
    }

    @Test func narrowHbarShortensLongCategories() throws {
        let svg = try Self.svg("hbar", width: 360)
        let xml = try #require(SVGInspector.parse(svg))
        let labels = xml.elements(withClass: "y-label")
        #expect(labels.count == 5)
        for label in labels {
            for line in label.text.split(separator: "\n") {
                #expect(TextWidth.of(String(line), fontSize: ChartFont.tick) <= HorizontalBarChartDrawer.maxLabelWidth(chartWidth: 360) + 0.01)
            }
        }
        #expect(labels.contains { $0.text.contains("…") })
    }

    @Test func narrowLinesKeepShortDirectLabelsAndLegendLongOnes() throws {
        #expect(try Self.svg("line", width: 360).contains("class=\"direct-labels\""))
        var chart = ChartFixtures.line()
        chart.series[0].name = "Huawei Technologies Co."
        let svg = ChartRenderer.svg(chart, format: ChartFixtures.fr, width: 360)
        #expect(!svg.contains("direct-labels") && svg.contains("class=\"legend\""))
        #expect(svg.contains(">Huawei Technologies Co.<"), "the legend names it in full")
        // At 640 the direct labels stay (shortened if need be).
        #expect(ChartRenderer.svg(chart, format: ChartFixtures.fr).contains("direct-labels"))
    }

    static func annotated(_ type: ChartType, _ annotations: [(Int, String)]) -> ChartData {
        var chart = ChartFixtures.line()
        chart.type = type
        chart.annotations = annotations.map { ChartAnnotation(categoryIndex: $0.0, label: $0.1) }
        return chart
    }

    @Test(arguments: [300.0, 360, 640])
    func longAnnotationsStayInside(_ width: Double) throws {
        for type in [ChartType.line, .bar, .hbar] {
            let chart = Self.annotated(type, [(3, "Un très long commentaire sur ce trimestre, qui ne tient nulle part en entier"),
                                              (0, "Début de la série étudiée dans ce rapport"), (6, "Accord avec Nokia")])
            let svg = ChartRenderer.svg(chart, format: ChartFixtures.fr, width: width)
            let problems = TextBox.problems(in: svg)
            #expect(problems.isEmpty, "\(type) at \(width): \(problems.joined(separator: "; "))")
        }
    }

    /// A label that spans another annotation's line goes on a row above it, so the line does not cross it.
    @Test(arguments: [300.0, 360, 640])
    func annotationLinesCrossNoLabel(_ width: Double) throws {
        for type in [ChartType.line, .bar, .area] {
            let chart = Self.annotated(type, [(3, "Creux"), (0, "Début de la série étudiée dans ce rapport"), (6, "Nokia")])
            let svg = ChartRenderer.svg(chart, format: ChartFixtures.fr, width: width)
            #expect(TextBox.problems(in: svg).isEmpty)
            let xml = try #require(SVGInspector.parse(svg))
            let group = xml.elements.filter { $0.name != "g" && xml.classes(around: $0).contains("annotation") }
            let lines = group.filter { $0.name == "line" }
            let labels = try #require(TextBox.boxes(in: svg)).boxes.filter { box in group.contains { $0.name == "text" && $0.text == box.text } }
            #expect(lines.count == 3 && labels.count == 3)
            for (i, line) in lines.enumerated() {
                let x = Double(line.attributes["x1"] ?? "") ?? 0
                let top = Double(line.attributes["y1"] ?? "") ?? 0
                for (j, label) in labels.enumerated() where j != i {
                    #expect(!(x > label.minX + 1 && x < label.maxX - 1 && label.maxY > top),
                            "\(type) at \(width): the line at \(x) crosses “\(label.text)”")
                }
            }
        }
    }

    @Test func narrowAnnotationsAreWhole() throws {
        for name in ["line", "line-legend", "hbar", "area-quarters"] {
            let (chart, _) = try ChartGoldenTests.fixture(name)
            let xml = try #require(SVGInspector.parse(try Self.svg(name, width: 360)))
            let texts = xml.elements.filter { $0.name == "text" && xml.classes(around: $0).contains("annotation") }.map(\.text)
            for annotation in chart.annotations {
                #expect(texts.contains(annotation.label), "\(name): “\(annotation.label)” in \(texts)")
            }
        }
    }
}

/// Colours: remainders (“Autres”, “Other”…) and pie slices past the palette are neutral.
@Suite struct ChartColourTests {
    static func classes(_ svg: String, of element: String, marked: String) throws -> [String] {
        let xml = try #require(SVGInspector.parse(svg))
        return xml.elements.filter { $0.name == element }.compactMap { $0.attributes["class"] }
            .filter { $0.hasPrefix(marked + " ") }.map { String($0.dropFirst(marked.count + 1)) }
    }

    @Test func remaindersAreNamedAnyCase() {
        #expect(ChartPalette.isOther("Autres") && ChartPalette.isOther("other") && ChartPalette.isOther(" OTHERS "))
        #expect(!ChartPalette.isOther("Autre chose") && !ChartPalette.isOther("Apple"))
        #expect(ChartPalette.classes(for: ["A", "Autres", "B"]) == ["s0", "s-other", "s1"])
        #expect(ChartPalette.classes(for: (0..<10).map { "S\($0)" }, wrap: false).suffix(3) == ["s7", "s-other", "s-other"])
        #expect(ChartPalette.stylesheet.contains(".chart .s-other{fill:var(--chart-other,#8c8c8c)}"))
    }

    @Test func pieRemainderAndExtraSlicesAreNeutral() throws {
        // The fixture's ninth slice is « Autres ».
        let pie = try Self.classes(ChartRenderer.svg(ChartFixtures.pie, format: ChartFixtures.fr), of: "path", marked: "slice")
        #expect(pie == ["s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s-other"])
        // Twelve slices, none a remainder: the palette once, then grey (never s0 again next to the first).
        let twelve = ChartData(type: .donut, id: "c", title: "T", unit: nil, valueLabel: "V", categoryLabel: "C",
                               categories: ChartFixtures.texts((1...12).map { "Part \($0)" }),
                               series: [ChartSeries(name: "V", values: (1...12).map { Double(20 - $0) })])
        for width in [640.0, 360] {
            let classes = try Self.classes(ChartRenderer.svg(twelve, format: ChartFixtures.fr, width: width), of: "path", marked: "slice")
            #expect(classes == (0..<8).map { "s\($0)" } + Array(repeating: "s-other", count: 4))
        }
    }

    @Test(arguments: ChartType.allCases)
    func remainderSeriesIsNeutralInEveryType(_ type: ChartType) throws {
        var chart = type == .scatter ? ChartFixtures.scatter : ChartFixtures.stackedBar
        chart.type = type
        if type == .scatter {
            chart.series = [ChartSeries(name: "Others", values: []), ChartSeries(name: "Leaders", values: [])]
            chart.points = chart.points.enumerated().map { i, p in var p = p; p.series = i % 2; return p }
        }
        let svg = ChartRenderer.svg(chart, format: ChartFixtures.fr, width: 360)
        let xml = try #require(SVGInspector.parse(svg))
        if ChartRegistry.drawer(for: type).shape == .shares {
            // Categories: none is a remainder, the palette in order.
            #expect(xml.elements(withClass: "s-other").isEmpty)
            return
        }
        let other = xml.elements(withClass: "s-other")
        #expect(!other.isEmpty, "\(type)")
        if type == .scatter {
            #expect(xml.elements(withClass: "s0").count == 2 + 1, "the other series keeps the first colour (points + legend)")
        } else {
            // Apple, Samsung, Huawei, Xiaomi, OPPO keep s0…s4; Autres does not take s5.
            #expect(xml.elements(withClass: "s5").isEmpty && !xml.elements(withClass: "s4").isEmpty, "\(type)")
        }
    }

    @Test(arguments: [ChartType.bar, .hbar, .stackedBar])
    func remainderBarOfASingleSeriesIsNeutral(_ type: ChartType) throws {
        var chart = ChartFixtures.bar
        chart.type = type
        chart.categories = ChartFixtures.texts(["Huawei", "OPPO", "vivo", "Xiaomi", "Others"])
        let bars = try Self.classes(ChartRenderer.svg(chart, format: ChartFixtures.en, width: 360), of: "rect", marked: "bar")
        #expect(bars == ["s0", "s0", "s0", "s0", "s-other"], "\(type)")
    }

    @Test func lineLegendRemainderIsGreyAndTheRestKeepThePalette() throws {
        let svg = ChartRenderer.svg(ChartFixtures.lineLegend, format: ChartFixtures.fr)
        let lines = try Self.classes(svg, of: "path", marked: "line").filter { !$0.contains(" ") }
        // Series lines, then legend samples.
        let series = (0..<8).map { "s\($0)" } + ["s-other"]
        #expect(lines == series + series)
    }
}

/// The text-box check itself finds what it must.
@Suite struct TextBoxTests {
    @Test func findsOverlapsAndOverflow() throws {
        let svg = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100"><g class="x-labels">\
            <text x="10" y="20">Huawei</text><text x="40" y="24">Xiaomi</text>\
            <text x="150" y="12" text-anchor="start">Samsung Galaxy</text>\
            <text x="120" y="20" text-anchor="end" dy="0.35em" transform="rotate(-45 120 20)">Rotated label</text>\
            <text x="170" y="40" text-anchor="end" dy="0.35em" transform="rotate(-45 170 40)">Apart</text>\
            </g><g class="values"><text class="value" x="0" y="96">ok</text></g></svg>
            """
        let (boxes, width, height) = try #require(TextBox.boxes(in: svg))
        #expect(boxes.count == 6 && width == 200 && height == 100)
        let problems = TextBox.problems(in: svg)
        #expect(problems.contains("“Huawei” overlaps “Xiaomi”"))
        #expect(problems.contains { $0.hasPrefix("“Samsung Galaxy” leaves the viewBox") })
        #expect(!problems.contains { $0.contains("Rotated label") && $0.contains("Apart") })
        #expect(!problems.contains { $0.contains("“ok”") })
        #expect(problems.count == 2, "\(problems)")
    }

    @Test(arguments: ChartFixtures.goldens.map(\.0))
    func everyTextIsMeasured(_ name: String) throws {
        let (chart, format) = try ChartGoldenTests.fixture(name)
        let svg = ChartRenderer.svg(chart, format: format, width: 360)
        let xml = try #require(SVGInspector.parse(svg))
        let (boxes, _, _) = try #require(TextBox.boxes(in: svg))
        #expect(Set(boxes.map(\.element)).count == xml.elements(named: "text").count)
    }
}
