import Foundation
import Testing
@testable import DossierCharts
@testable import DossierModel

/// Number formatting and escaping in the SVG builder, against the string code they replaced.
@Suite struct SVGTextTests {
    /// `SVGBuilder.num` as it was written with string concatenation.
    static func referenceNum(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let clamped = max(-1e9, min(1e9, value))
        let hundredths = Int64((clamped * 100).rounded())
        if hundredths == 0 { return "0" }
        let magnitude = hundredths.magnitude
        var text = (hundredths < 0 ? "-" : "") + String(magnitude / 100)
        let fraction = magnitude % 100
        if fraction != 0 {
            text += fraction % 10 == 0 ? "." + String(fraction / 10) : (fraction < 10 ? ".0" : ".") + String(fraction)
        }
        return text
    }

    /// `xmlEscaped` as it was written, scalar by scalar.
    static func referenceEscaped(_ text: String) -> String {
        var result = ""
        for c in text.unicodeScalars {
            switch c {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default:
                if c.value < 0x20 && c != "\n" && c != "\t" && c != "\r" { continue }
                // Outside XML 1.0's characters too: the noncharacters U+FFFE and U+FFFF.
                if c.value == 0xFFFE || c.value == 0xFFFF { continue }
                result.unicodeScalars.append(c)
            }
        }
        return result
    }

    @Test func numbers() {
        let fixed: [Double] = [0, -0.0, 0.004, -0.004, 0.005, -0.005, 0.05, 0.5, 1, -1, 1.5, 1.05, 1.25, 10.1, 99.999, 100, 123456.78,
                               1e9, -1e9, 2e9, -2e12, 1e300, .infinity, -.infinity, .nan, .ulpOfOne, 640, 359.995, -12.3]
        for value in fixed {
            #expect(SVGBuilder.num(value) == Self.referenceNum(value), "\(value)")
        }
        var rng = SplitMix64(seed: 99)
        for _ in 0..<20_000 {
            let scale = [1.0, 10, 1000, 1e6, 1e10][Int.random(in: 0..<5, using: &rng)]
            let value = Double.random(in: -scale...scale, using: &rng)
            #expect(SVGBuilder.num(value) == Self.referenceNum(value), "\(value)")
        }
        #expect(SVGBuilder.num(-0.004) == "0")
        #expect(SVGBuilder.num(1.05) == "1.05")
        #expect(SVGBuilder.num(-1234567.5) == "-1234567.5")
    }

    @Test func escaping() {
        let samples = ["", "plain", "a & b", "<tag attr=\"x\">'", "\u{1}\u{1F}\t\n\r", "é « » \u{202F}", "😀&😀", "\u{7F}", "x\u{0}y",
                       "\u{FFFE}", "a\u{FFFF}b", "\u{FFFE}\u{FFFF}&\u{FFFF}", "\u{FFFD}\u{F000}\u{EFFF}\u{FFEF}\u{FEFF}\u{10FFFF}", "\u{FFFF}"]
        for text in samples {
            #expect(text.xmlEscaped == Self.referenceEscaped(text))
            var svg = SVGBuilder()
            svg.text("text", text, [("data-x", text)])
            #expect(svg.output == "<text data-x=\"\(Self.referenceEscaped(text))\">\(Self.referenceEscaped(text))</text>\n")
        }
    }

    /// Text with every kind of character XML 1.0 forbids, from titles and data, gives well-formed XML
    /// in every place the builder writes it; the characters it allows survive.
    @Test func charactersXMLForbidsAreDroppedEverywhere() throws {
        let hostile = "A\u{FFFE}B\u{FFFF}C\u{1}D\u{1B}[31mE\u{FFFD}\u{10000}"
        let kept = "ABCD[31mE\u{FFFD}\u{10000}"
        #expect(hostile.xmlEscaped == kept)
        var svg = SVGBuilder()
        svg.open("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("aria-label", hostile)])
        svg.text("text", hostile, [("class", hostile)])
        svg.multilineText([hostile, hostile], x: 1, lineHeight: 2, [("id", hostile)])
        svg.close("svg")
        let xml = try #require(SVGInspector.parse(svg.output), "\(svg.output)")
        #expect(xml.elements[1].text == kept)
        #expect(xml.elements[0].attributes["aria-label"] == kept)
        var chart = ChartFixtures.line()
        chart.title = hostile
        chart.series[0].name = hostile
        chart.categories[0] = ChartCategory(label: hostile, value: .text(hostile))
        for type in ChartType.allCases {
            chart.type = type
            #expect(SVGInspector.parse(ChartRenderer.svg(chart, format: ChartFixtures.fr)) != nil, "\(type)")
            #expect(SVGInspector.parse(ChartRenderer.dataTable(chart, format: ChartFixtures.fr)) != nil, "\(type) table")
        }
    }

    @Test func markersWrittenDirectlyMatchTheElementForm() {
        var direct = SVGBuilder(), element = SVGBuilder()
        let points = [ChartPoint(x: 1.005, y: -2.5), ChartPoint(x: 300, y: 0.1)]
        direct.polylinePath(className: "point s0", points, close: true)
        element.element("path", [("class", "point s0"), ("d", SVGBuilder.polyline(points, close: true))])
        #expect(direct.output == element.output)
        #expect(SVGBuilder.polyline(points) == "M1,-2.5 L300,0.1" || SVGBuilder.polyline(points) == "M1.01,-2.5 L300,0.1")
    }
}
