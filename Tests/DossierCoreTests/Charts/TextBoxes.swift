import Foundation
@testable import DossierCharts

/// Estimated boxes of every line of every `<text>` in a rendered chart (TextWidth for the width,
/// ascent 0.8 and descent 0.2 of the font size for the height), rotated like the text, so tests can
/// check that no two labels overlap and none leaves the viewBox.
struct TextBox {
    /// Which `<text>` element the line belongs to (lines of one element are not compared).
    var element: Int
    var text: String
    /// Corners, clockwise, in the SVG's user units.
    var corners: [ChartPoint]

    var minX: Double { corners.map(\.x).min() ?? 0 }
    var maxX: Double { corners.map(\.x).max() ?? 0 }
    var minY: Double { corners.map(\.y).min() ?? 0 }
    var maxY: Double { corners.map(\.y).max() ?? 0 }

    /// The font size the stylesheet gives a text with these classes (its own and its groups').
    static func fontSize(classes: Set<String>) -> Double {
        if classes.contains("value") { return ChartFont.value }
        if classes.contains("annotation") { return ChartFont.annotation }
        if classes.contains("axis-title") { return ChartFont.axisTitle }
        if classes.contains("legend") { return ChartFont.legend }
        return ChartFont.tick
    }

    /// The boxes of `svg`'s texts and its viewBox (width, height).
    static func boxes(in svg: String) -> (boxes: [TextBox], width: Double, height: Double)? {
        guard let xml = SVGInspector.parse(svg),
              let box = xml.elements.first?.attributes["viewBox"]?.split(separator: " ").compactMap({ Double($0) }), box.count == 4
        else { return nil }
        var result: [TextBox] = []
        for (index, text) in xml.elements.enumerated() where text.name == "text" {
            guard let x = Double(text.attributes["x"] ?? ""), let y0 = Double(text.attributes["y"] ?? "") else { continue }
            let size = fontSize(classes: xml.classes(around: text))
            var y = y0
            if let dy = text.attributes["dy"], dy.hasSuffix("em"), let em = Double(dy.dropLast(2)) { y += em * size }
            var rotation: (angle: Double, cx: Double, cy: Double)?
            if let transform = text.attributes["transform"], transform.hasPrefix("rotate(") {
                let numbers = transform.dropFirst(7).dropLast().split(separator: " ").compactMap { Double($0) }
                if numbers.count == 3 { rotation = (numbers[0], numbers[1], numbers[2]) }
            }
            for (i, line) in text.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
                let width = TextWidth.of(String(line), fontSize: size)
                let left: Double
                switch text.attributes["text-anchor"] {
                case "end": left = x - width
                case "middle": left = x - width / 2
                default: left = x
                }
                let baseline = y + Double(i) * size * ChartFont.lineHeight
                var corners = [ChartPoint(x: left, y: baseline - size * 0.8), ChartPoint(x: left + width, y: baseline - size * 0.8),
                               ChartPoint(x: left + width, y: baseline + size * 0.2), ChartPoint(x: left, y: baseline + size * 0.2)]
                if let rotation {
                    let a = rotation.angle * Double.pi / 180
                    corners = corners.map { p in
                        let dx = p.x - rotation.cx, dy = p.y - rotation.cy
                        return ChartPoint(x: rotation.cx + dx * cos(a) - dy * sin(a), y: rotation.cy + dx * sin(a) + dy * cos(a))
                    }
                }
                result.append(TextBox(element: index, text: String(line), corners: corners))
            }
        }
        return (result, box[2], box[3])
    }

    /// Whether two convex quadrilaterals overlap by more than `tolerance` (separating axis test).
    func overlaps(_ other: TextBox, tolerance: Double = 0.5) -> Bool {
        for polygon in [corners, other.corners] {
            for i in polygon.indices {
                let a = polygon[i], b = polygon[(i + 1) % polygon.count]
                let length = hypot(b.x - a.x, b.y - a.y)
                guard length > 0 else { continue }
                let axis = ChartPoint(x: -(b.y - a.y) / length, y: (b.x - a.x) / length)
                let mine = corners.map { $0.x * axis.x + $0.y * axis.y }
                let theirs = other.corners.map { $0.x * axis.x + $0.y * axis.y }
                let overlap = min(mine.max()!, theirs.max()!) - max(mine.min()!, theirs.min()!)
                if overlap <= tolerance { return false }
            }
        }
        return true
    }

    /// Problems in `svg`: pairs of overlapping labels and labels leaving the viewBox.
    static func problems(in svg: String) -> [String] {
        guard let (boxes, width, height) = boxes(in: svg) else { return ["not well-formed, or no viewBox"] }
        var problems: [String] = []
        for box in boxes where box.minX < -0.5 || box.maxX > width + 0.5 || box.minY < -0.5 || box.maxY > height + 0.5 {
            problems.append("“\(box.text)” leaves the viewBox (\(Int(box.minX))…\(Int(box.maxX)) × \(Int(box.minY))…\(Int(box.maxY)) in \(width) × \(height))")
        }
        for i in boxes.indices {
            for j in boxes.indices where j > i && boxes[i].element != boxes[j].element && boxes[i].overlaps(boxes[j]) {
                problems.append("“\(boxes[i].text)” overlaps “\(boxes[j].text)”")
            }
        }
        return problems
    }
}
