import Foundation
import DossierModel

/// Pie and donut charts of the first series over the categories.
///
/// Slices go clockwise from twelve o'clock in the order given; each is a share of the total of the
/// positive values (missing, zero and negative values have no slice). When the labels fit beside
/// the circle, every slice is named outside it with its percentage, on a leader line; labels on each
/// side are moved apart vertically so they never overlap, and the drawing grows taller when a side
/// holds many. On a chart too narrow for that, the labels become a list under the circle (a colour
/// swatch, the name and the percentage, in slice order), in two columns when they fit.
///
/// Colours follow the palette in slice order; a slice named “Autres”/“Other” and the slices past
/// the palette are neutral grey rather than repeating a colour next to its twin.
enum PieChartDrawer {
    struct Slice {
        var index: Int
        var name: String
        var value: Double
        var start: Double
        var end: Double
        var mid: Double { (start + end) / 2 }
    }

    static let minHeight = 360.0
    static let maxLabelWidth = 190.0
    /// Below this radius, labels beside the circle give way to a list under it.
    static let minSideRadius = 80.0
    static let maxRadius = 146.0

    static func hasData(_ values: ChartValues) -> Bool {
        values.series.first?.values.contains { ($0 ?? 0) > 0 } ?? false
    }

    static func slices(_ values: ChartValues) -> (slices: [Slice], total: Double) {
        guard let series = values.series.first else { return ([], 0) }
        let positive = series.values.enumerated().compactMap { i, v -> (Int, Double)? in
            guard let v, v > 0 else { return nil }
            return (i, v)
        }
        let total = positive.reduce(0) { $0 + $1.1 }
        var angle = 0.0
        var slices: [Slice] = []
        for (i, v) in positive {
            let sweep = v / total * 2 * Double.pi
            slices.append(Slice(index: i, name: values.categories[i], value: v, start: angle, end: angle + sweep))
            angle += sweep
        }
        return (slices, total)
    }

    static func draw(_ chart: ChartData, values: ChartValues, donut: Bool, width: Double, format: LocaleFormat) -> DrawnChart {
        let edge = VerticalLayout.edge
        let fontSize = ChartFont.tick
        let (slices, total) = slices(values)
        let classes = ChartPalette.classes(for: slices.map(\.name), wrap: false)
        let percents = slices.map { format.percent($0.value / total * 100, decimals: 1) }

        // Beside the circle: names shortened to `maxLabelWidth` with their percentage, if the circle keeps `minSideRadius`.
        let sideLabels = zip(slices, percents).map { slice, percent -> String in
            let room = maxLabelWidth - TextWidth.of(" " + percent, fontSize: fontSize)
            return TextWidth.truncate(slice.name, toWidth: max(40, room), fontSize: fontSize) + " " + percent
        }
        let labelWidth = sideLabels.map { TextWidth.of($0, fontSize: fontSize) }.max() ?? 0
        let sideRadius = min(width / 2 - edge - labelWidth - 30, minHeight / 2 - 34)

        var svg = SVGBuilder()
        let height: Double
        if sideRadius >= minSideRadius {
            height = drawWithSideLabels(slices, labels: sideLabels, classes: classes, radius: sideRadius, donut: donut, width: width, into: &svg)
        } else {
            height = drawWithList(slices, percents: percents, classes: classes, donut: donut, width: width, into: &svg)
        }
        if donut && !values.isPercent {
            let radius = sideRadius >= minSideRadius ? sideRadius : listRadius(width: width)
            let center = sideRadius >= minSideRadius ? ChartPoint(x: width / 2, y: height / 2) : ChartPoint(x: width / 2, y: edge + radius)
            let strings = ChartStrings(format: format)
            svg.text("text", strings.total, [("class", "total-label"), ("x", SVGBuilder.num(center.x)), ("y", SVGBuilder.num(center.y - 4)),
                                             ("text-anchor", "middle")])
            svg.text("text", values.full(total, format: format), [("class", "total axis-title"), ("x", SVGBuilder.num(center.x)),
                                                                  ("y", SVGBuilder.num(center.y + fontSize + 2)), ("text-anchor", "middle")])
        }
        return DrawnChart(width: width, height: height, body: svg)
    }

    static func drawSlices(_ slices: [Slice], classes: [String], cx: Double, cy: Double, radius: Double, inner: Double,
                           into svg: inout SVGBuilder) {
        svg.open("g", [("class", "slices")])
        for (k, slice) in slices.enumerated() {
            svg.element("path", [("class", "slice " + classes[k]), ("d", path(slice, cx: cx, cy: cy, outer: radius, inner: inner))])
        }
        svg.close("g")
    }

    /// The circle in the middle, each label on a leader line beside it; returns the height.
    static func drawWithSideLabels(_ slices: [Slice], labels: [String], classes: [String], radius: Double, donut: Bool, width: Double,
                                   into svg: inout SVGBuilder) -> Double {
        let edge = VerticalLayout.edge
        let fontSize = ChartFont.tick
        let gap = fontSize * 1.3
        let rightSide = slices.map { sin($0.mid) >= 0 || slices.count == 1 }
        let perSide = max(rightSide.filter { $0 }.count, rightSide.filter { !$0 }.count)
        let height = max(minHeight, Double(perSide) * gap + 2 * edge + fontSize).rounded(.up)
        let cx = width / 2, cy = height / 2
        let inner = donut ? radius * 0.58 : 0

        func point(_ angle: Double, _ r: Double) -> ChartPoint {
            ChartPoint(x: cx + r * sin(angle), y: cy - r * cos(angle))
        }
        drawSlices(slices, classes: classes, cx: cx, cy: cy, radius: radius, inner: inner, into: &svg)

        // Labels: each side spread vertically around where its slices point.
        var labelY = [Double](repeating: 0, count: slices.count)
        for side in [true, false] {
            let members = slices.indices.filter { rightSide[$0] == side }
            let wishes = members.map { point(slices[$0].mid, radius + 16).y }
            let spread = LabelSpreader.spread(wishes, gap: gap, low: edge + fontSize / 2, high: height - edge - fontSize / 2) ?? wishes
            for (m, y) in zip(members, spread) { labelY[m] = y }
        }
        svg.open("g", [("class", "slice-labels")])
        for (k, slice) in slices.enumerated() {
            let side = rightSide[k] ? 1.0 : -1.0
            let start = point(slice.mid, radius - (donut ? (radius - inner) / 2 : radius * 0.2))
            let elbow = point(slice.mid, radius + 10)
            let textX = cx + side * (radius + 26)
            let end = ChartPoint(x: textX - side * 4, y: labelY[k])
            svg.element("path", [("class", "leader"), ("d", SVGBuilder.polyline([start, elbow, end]))])
            svg.element("circle", [("class", "dot-end"), ("cx", SVGBuilder.num(start.x)), ("cy", SVGBuilder.num(start.y)), ("r", "2")])
            svg.text("text", labels[k], [("x", SVGBuilder.num(textX)), ("y", SVGBuilder.num(labelY[k] + fontSize * 0.35)),
                                         ("text-anchor", side > 0 ? "start" : "end")])
        }
        svg.close("g")
        return height
    }

    static func listRadius(width: Double) -> Double {
        min(maxRadius, width / 2 - VerticalLayout.edge - 4)
    }

    /// The circle at the top, the slices listed under it (swatch, name, percentage right-aligned in its
    /// column), down the first column then the second; returns the height.
    static func drawWithList(_ slices: [Slice], percents: [String], classes: [String], donut: Bool, width: Double,
                             into svg: inout SVGBuilder) -> Double {
        let edge = VerticalLayout.edge
        let fontSize = ChartFont.legend
        let radius = listRadius(width: width)
        let cx = width / 2, cy = edge + radius
        drawSlices(slices, classes: classes, cx: cx, cy: cy, radius: radius, inner: donut ? radius * 0.58 : 0, into: &svg)

        let swatch = 14.0, columnGap = 24.0, textGap = 6.0, percentGap = 10.0
        let full = width - 2 * edge
        let natural = zip(slices, percents).map { slice, percent in
            swatch + textGap + TextWidth.of(slice.name, fontSize: fontSize) + percentGap + TextWidth.of(percent, fontSize: fontSize)
        }
        let widest = natural.max() ?? 0
        let columns = slices.count > 1 && widest <= (full - columnGap) / 2 ? 2 : 1
        // Columns a little wider than their longest entry (percentages line up at the right), centred.
        let columnWidth = min((full - Double(columns - 1) * columnGap) / Double(columns), max(widest + 24, full * 0.3))
        let rows = (slices.count + columns - 1) / columns
        let rowHeight = ChartLegend.rowHeight
        let top = cy + radius + 14
        let firstX = (width - Double(columns) * columnWidth - Double(columns - 1) * columnGap) / 2

        svg.open("g", [("class", "legend slice-list")])
        for (k, slice) in slices.enumerated() {
            let column = k / rows, row = k % rows
            let x = firstX + Double(column) * (columnWidth + columnGap)
            let y = top + Double(row) * rowHeight + rowHeight / 2
            let percentWidth = TextWidth.of(percents[k], fontSize: fontSize)
            let name = TextWidth.truncate(slice.name, toWidth: columnWidth - swatch - textGap - percentGap - percentWidth, fontSize: fontSize)
            svg.element("rect", [("class", "slice " + classes[k]), ("x", SVGBuilder.num(x)), ("y", SVGBuilder.num(y - swatch / 2)),
                                 ("width", SVGBuilder.num(swatch)), ("height", SVGBuilder.num(swatch))])
            svg.text("text", name, [("x", SVGBuilder.num(x + swatch + textGap)), ("y", SVGBuilder.num(y + fontSize * 0.35))])
            svg.text("text", percents[k], [("class", "share"), ("x", SVGBuilder.num(x + columnWidth)), ("y", SVGBuilder.num(y + fontSize * 0.35)),
                                           ("text-anchor", "end")])
        }
        svg.close("g")
        return (top + Double(rows) * rowHeight + edge).rounded(.up)
    }

    static func path(_ slice: Slice, cx: Double, cy: Double, outer: Double, inner: Double) -> String {
        func p(_ angle: Double, _ r: Double) -> String {
            SVGBuilder.num(cx + r * sin(angle)) + "," + SVGBuilder.num(cy - r * cos(angle))
        }
        let sweep = slice.end - slice.start
        let r = SVGBuilder.num(outer), ri = SVGBuilder.num(inner)
        if sweep >= 2 * Double.pi - 1e-9 {
            // A whole circle: two half arcs (an arc cannot start and end at the same point).
            let ring = "M\(p(0, outer)) A\(r),\(r) 0 1 1 \(p(Double.pi, outer)) A\(r),\(r) 0 1 1 \(p(0, outer)) Z"
            guard inner > 0 else { return ring }
            return ring + " M\(p(0, inner)) A\(ri),\(ri) 0 1 0 \(p(Double.pi, inner)) A\(ri),\(ri) 0 1 0 \(p(0, inner)) Z"
        }
        let large = sweep > Double.pi ? 1 : 0
        if inner > 0 {
            return "M\(p(slice.start, outer)) A\(r),\(r) 0 \(large) 1 \(p(slice.end, outer)) L\(p(slice.end, inner))"
                + " A\(ri),\(ri) 0 \(large) 0 \(p(slice.start, inner)) Z"
        }
        return "M\(SVGBuilder.num(cx)),\(SVGBuilder.num(cy)) L\(p(slice.start, outer)) A\(r),\(r) 0 \(large) 1 \(p(slice.end, outer)) Z"
    }
}

/// `pie` and `donut` (`ChartRegistry`).
struct PieChart: ChartDrawer {
    let donut: Bool
    var shape: ChartShape { .shares }

    func name(french: Bool) -> String {
        donut ? (french ? "Diagramme en anneau" : "Donut chart") : (french ? "Diagramme circulaire" : "Pie chart")
    }

    func hasData(_ chart: ChartData, values: ChartValues) -> Bool { PieChartDrawer.hasData(values) }

    func draw(_ chart: ChartData, values: ChartValues, id: String, width: Double, format: LocaleFormat) -> DrawnChart {
        PieChartDrawer.draw(chart, values: values, donut: donut, width: width, format: format)
    }
}
