/// Accumulates SVG markup, one element per line.
///
/// Every attribute value and every text node goes through `xmlEscaped` here, so a drawer
/// cannot forget to escape a label that came from the data.
struct SVGBuilder {
    typealias Attributes = [(String, String)]

    private(set) var output = ""

    /// Markup the caller wrote itself (constant CSS, already built path data…). Never data text.
    mutating func raw(_ markup: String) {
        output += markup
    }

    mutating func open(_ name: String, _ attributes: Attributes = []) {
        output += "<" + name + Self.attributeText(attributes) + ">\n"
    }

    mutating func close(_ name: String) {
        output += "</" + name + ">\n"
    }

    /// A childless element: `<rect …/>`.
    mutating func element(_ name: String, _ attributes: Attributes) {
        output += "<" + name + Self.attributeText(attributes) + "/>\n"
    }

    /// An element holding only escaped text: `<text …>label</text>`.
    mutating func text(_ name: String = "text", _ content: String, _ attributes: Attributes = []) {
        output += "<" + name + Self.attributeText(attributes) + ">" + content.xmlEscaped + "</" + name + ">\n"
    }

    /// A `<text>` made of several lines (`<tspan x dy>` each), for wrapped labels.
    mutating func multilineText(_ lines: [String], x: Double, lineHeight: Double, _ attributes: Attributes) {
        guard lines.count > 1 else {
            text("text", lines.first ?? "", attributes)
            return
        }
        output += "<text" + Self.attributeText(attributes) + ">"
        for (i, line) in lines.enumerated() {
            output += "<tspan x=\"" + Self.num(x) + "\"" + (i == 0 ? "" : " dy=\"" + Self.num(lineHeight) + "\"") + ">"
                + line.xmlEscaped + "</tspan>"
        }
        output += "</text>\n"
    }

    static func attributeText(_ attributes: Attributes) -> String {
        var text = ""
        for (name, value) in attributes {
            text += " " + name + "=\"" + value.xmlEscaped + "\""
        }
        return text
    }

    /// A coordinate: at most two decimals, no trailing zeros, never `-0`, never exponent notation.
    static func num(_ value: Double) -> String {
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

    /// Path data from points: `M x,y L x,y …`.
    static func polyline(_ points: [ChartPoint], close: Bool = false) -> String {
        var d = ""
        for (i, p) in points.enumerated() {
            d += (i == 0 ? "M" : " L") + num(p.x) + "," + num(p.y)
        }
        if close && !points.isEmpty { d += " Z" }
        return d
    }
}
