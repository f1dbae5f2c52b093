import DossierModel

/// Accumulates SVG markup, one element per line.
///
/// Every attribute value and every text node is escaped here (as `xmlEscaped` does), so a drawer
/// cannot forget to escape a label that came from the data. The markup is kept as UTF-8 bytes and
/// escaped straight into them; `output` makes the one `String`.
package struct SVGBuilder {
    package typealias Attributes = [(String, String)]

    private var bytes: [UInt8] = []

    package init() {
        bytes.reserveCapacity(4096)
    }

    package var output: String { String(decoding: bytes, as: UTF8.self) }

    /// The markup so far, as UTF-8.
    var utf8: [UInt8] { bytes }

    var isEmpty: Bool { bytes.isEmpty }

    /// Markup the caller wrote itself (constant CSS, already built path data…). Never data text.
    mutating func raw(_ markup: String) {
        bytes.appendUTF8(markup)
    }

    mutating func open(_ name: String, _ attributes: Attributes = []) {
        startTag(name, attributes)
        append(">\n")
    }

    mutating func close(_ name: String) {
        append("</")
        bytes.appendUTF8(name)
        append(">\n")
    }

    /// A childless element: `<rect …/>`.
    mutating func element(_ name: String, _ attributes: Attributes) {
        startTag(name, attributes)
        append("/>\n")
    }

    /// `<path class="…" d="M x,y L x,y … Z"/>`: `element("path", [("class", className), ("d", polyline(points, close:))])`
    /// without building the path data as a string first.
    mutating func polylinePath(className: String, _ points: [ChartPoint], close: Bool) {
        append("<path class=\"")
        XMLText.appendEscaped(className, to: &bytes)
        append("\" d=\"")
        Self.appendPolyline(points, close: close, to: &bytes)
        append("\"/>\n")
    }

    /// `element("circle", [("class", className), ("cx", num(cx)), ("cy", num(cy)), ("r", num(r))])`,
    /// written straight into the bytes (the markers of line charts: hundreds per chart).
    mutating func circle(className: String, cx: Double, cy: Double, r: Double) {
        append("<circle class=\"")
        XMLText.appendEscaped(className, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
        number(" cx=\"", cx)
        number(" cy=\"", cy)
        number(" r=\"", r)
        append("/>\n")
    }

    /// `circle(className:cx:cy:r:)` centred on each of `points`, all with radius `r`: the class and the
    /// radius are escaped and formatted once, not at every marker (a line chart has a hundred and more).
    mutating func circles(className: String, at points: [ChartPoint], r: Double) {
        // What comes before the centre's x, and after its y.
        var start = Array("<circle class=\"".utf8)
        XMLText.appendEscaped(className, to: &start)
        start.append(contentsOf: "\" cx=\"".utf8)
        var end = Array(" r=\"".utf8)
        Self.appendNum(r, to: &end)
        end.append(contentsOf: "\"/>\n".utf8)
        for p in points {
            bytes.append(contentsOf: start)
            Self.appendNum(p.x, to: &bytes)
            bytes.append(UInt8(ascii: "\""))
            number(" cy=\"", p.y)
            bytes.append(contentsOf: end)
        }
    }

    /// `element("line", [("x1", num(x1)), ("y1", num(y1)), ("x2", num(x2)), ("y2", num(y2))])` (with
    /// `("class", className)` first when there is one), written straight into the bytes.
    mutating func line(className: String? = nil, x1: Double, y1: Double, x2: Double, y2: Double) {
        append("<line")
        if let className {
            append(" class=\"")
            XMLText.appendEscaped(className, to: &bytes)
            bytes.append(UInt8(ascii: "\""))
        }
        number(" x1=\"", x1)
        number(" y1=\"", y1)
        number(" x2=\"", x2)
        number(" y2=\"", y2)
        append("/>\n")
    }

    /// `<path class="…" d="…"/>` whose path data is the polylines of `runs` joined by spaces
    /// (`runs.map { polyline($0) }.joined(separator: " ")`), then `stroke-dasharray` when given.
    mutating func polylinesPath(className: String, _ runs: [[ChartPoint]], dash: String?) {
        append("<path class=\"")
        XMLText.appendEscaped(className, to: &bytes)
        append("\" d=\"")
        for (i, run) in runs.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: " ")) }
            Self.appendPolyline(run, close: false, to: &bytes)
        }
        bytes.append(UInt8(ascii: "\""))
        if let dash {
            append(" stroke-dasharray=\"")
            XMLText.appendEscaped(dash, to: &bytes)
            bytes.append(UInt8(ascii: "\""))
        }
        append("/>\n")
    }

    /// Constant markup (a tag, an attribute's name): its bytes copied as they are.
    private mutating func append(_ markup: StaticString) {
        markup.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// ` name="value"` for a number (`num` writes no character to escape); `start` is the space,
    /// the name, `=` and the opening quote.
    private mutating func number(_ start: StaticString, _ value: Double) {
        append(start)
        Self.appendNum(value, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// An element holding only escaped text: `<text …>label</text>`.
    package mutating func text(_ name: String = "text", _ content: String, _ attributes: Attributes = []) {
        startTag(name, attributes)
        bytes.append(UInt8(ascii: ">"))
        XMLText.appendEscaped(content, to: &bytes)
        close(name)
    }

    /// A `<text>` made of several lines (`<tspan x dy>` each), for wrapped labels.
    mutating func multilineText(_ lines: [String], x: Double, lineHeight: Double, _ attributes: Attributes) {
        guard lines.count > 1 else {
            text("text", lines.first ?? "", attributes)
            return
        }
        startTag("text", attributes)
        bytes.append(UInt8(ascii: ">"))
        for (i, line) in lines.enumerated() {
            append("<tspan x=\"")
            Self.appendNum(x, to: &bytes)
            bytes.append(UInt8(ascii: "\""))
            if i > 0 {
                append(" dy=\"")
                Self.appendNum(lineHeight, to: &bytes)
                bytes.append(UInt8(ascii: "\""))
            }
            bytes.append(UInt8(ascii: ">"))
            XMLText.appendEscaped(line, to: &bytes)
            append("</tspan>")
        }
        append("</text>\n")
    }

    private mutating func startTag(_ name: String, _ attributes: Attributes) {
        bytes.append(UInt8(ascii: "<"))
        bytes.appendUTF8(name)
        for (name, value) in attributes {
            bytes.append(UInt8(ascii: " "))
            bytes.appendUTF8(name)
            append("=\"")
            XMLText.appendEscaped(value, to: &bytes)
            bytes.append(UInt8(ascii: "\""))
        }
    }

    /// A coordinate: at most two decimals, no trailing zeros, never `-0`, never exponent notation.
    package static func num(_ value: Double) -> String {
        // At most 14 bytes (sign, ten digits, point, two decimals): a small string, no allocation.
        String(unsafeUninitializedCapacity: 16) { buffer in
            writeNum(value, into: buffer)
        }
    }

    /// `num(value)`, appended as UTF-8.
    static func appendNum(_ value: Double, to bytes: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { buffer in
            let count = writeNum(value, into: buffer)
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<count]))
        }
    }

    /// Writes `num(value)` at the start of `buffer` (at least 16 bytes); returns the byte count.
    private static func writeNum(_ value: Double, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        guard value.isFinite else {
            buffer[0] = UInt8(ascii: "0")
            return 1
        }
        let clamped = max(-1e9, min(1e9, value))
        let hundredths = Int64((clamped * 100).rounded())
        if hundredths == 0 {
            buffer[0] = UInt8(ascii: "0")
            return 1
        }
        var count = 0
        if hundredths < 0 {
            buffer[0] = UInt8(ascii: "-")
            count = 1
        }
        let magnitude = hundredths.magnitude
        // The integer part, digits written backwards into the end of the buffer, then moved.
        var integer = magnitude / 100
        var end = buffer.count
        repeat {
            end -= 1
            buffer[end] = UInt8(ascii: "0") + UInt8(integer % 10)
            integer /= 10
        } while integer > 0
        for i in end..<buffer.count {
            buffer[count] = buffer[i]
            count += 1
        }
        let fraction = magnitude % 100
        if fraction != 0 {
            buffer[count] = UInt8(ascii: ".")
            buffer[count + 1] = UInt8(ascii: "0") + UInt8(fraction / 10)
            count += 2
            if fraction % 10 != 0 {
                buffer[count] = UInt8(ascii: "0") + UInt8(fraction % 10)
                count += 1
            }
        }
        return count
    }

    /// Path data from points: `M x,y L x,y …`.
    static func polyline(_ points: [ChartPoint], close: Bool = false) -> String {
        var d: [UInt8] = []
        d.reserveCapacity(points.count * 16 + 2)
        appendPolyline(points, close: close, to: &d)
        return String(decoding: d, as: UTF8.self)
    }

    private static func appendPolyline(_ points: [ChartPoint], close: Bool, to bytes: inout [UInt8]) {
        for (i, p) in points.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: " ")) }
            bytes.append(UInt8(ascii: i == 0 ? "M" : "L"))
            appendNum(p.x, to: &bytes)
            bytes.append(UInt8(ascii: ","))
            appendNum(p.y, to: &bytes)
        }
        if close && !points.isEmpty { bytes.appendUTF8(" Z") }
    }
}
