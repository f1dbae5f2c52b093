import Foundation

/// Pie and donut charts of the first series over the categories.
///
/// Slices go clockwise from twelve o'clock in the order given; each is a share of the total of the
/// positive values (missing, zero and negative values have no slice). Every slice is named outside
/// the circle with its percentage, on a leader line; labels on each side are moved apart vertically
/// so they never overlap, and the drawing grows taller when a side holds many.
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

    static func draw(_ chart: ChartData, values: ChartValues, donut: Bool, format: LocaleFormat) -> DrawnChart {
        let width = VerticalLayout.width
        let edge = VerticalLayout.edge
        let fontSize = ChartFont.tick
        let gap = fontSize * 1.3
        let (slices, total) = slices(values)

        let labels = slices.map { slice -> String in
            let percent = format.percent(slice.value / total * 100, decimals: 1)
            let room = maxLabelWidth - TextWidth.of(" " + percent, fontSize: fontSize)
            return TextWidth.truncate(slice.name, toWidth: max(40, room), fontSize: fontSize) + " " + percent
        }
        let labelWidth = labels.map { TextWidth.of($0, fontSize: fontSize) }.max() ?? 0
        let rightSide = slices.map { sin($0.mid) >= 0 || slices.count == 1 }
        let perSide = max(rightSide.filter { $0 }.count, rightSide.filter { !$0 }.count)
        let height = max(minHeight, Double(perSide) * gap + 2 * edge + fontSize).rounded(.up)
        let cx = width / 2, cy = height / 2
        let radius = max(70, min(width / 2 - edge - labelWidth - 30, minHeight / 2 - 34))
        let inner = donut ? radius * 0.58 : 0

        func point(_ angle: Double, _ r: Double) -> ChartPoint {
            ChartPoint(x: cx + r * sin(angle), y: cy - r * cos(angle))
        }

        var svg = SVGBuilder()
        svg.open("g", [("class", "slices")])
        let classes = colorClasses(count: slices.count)
        for (k, slice) in slices.enumerated() {
            svg.element("path", [("class", "slice " + classes[k]), ("d", path(slice, cx: cx, cy: cy, outer: radius, inner: inner))])
        }
        svg.close("g")

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
        if donut && !values.isPercent {
            let strings = ChartStrings(format: format)
            svg.text("text", strings.total, [("class", "total-label"), ("x", SVGBuilder.num(cx)), ("y", SVGBuilder.num(cy - 4)),
                                             ("text-anchor", "middle")])
            svg.text("text", values.full(total, format: format), [("class", "total axis-title"), ("x", SVGBuilder.num(cx)),
                                                                  ("y", SVGBuilder.num(cy + fontSize + 2)), ("text-anchor", "middle")])
        }
        return DrawnChart(width: width, height: height, body: svg.output)
    }

    /// Palette classes in order, never giving the last slice the colour of the first (they touch).
    static func colorClasses(count: Int) -> [String] {
        (0..<count).map { k in
            if k == count - 1 && k > 0 && k % ChartPalette.count == 0 { return ChartPalette.colorClass(k + 1) }
            return ChartPalette.colorClass(k)
        }
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
