import DossierModel

/// Scatter plots: `points` on two numeric axes with nice ticks, one marker shape and colour per
/// series, a legend when there are several. Point labels go right, left, above or below their
/// point, whichever first overlaps no other label, point or edge; a label with no free place is
/// left out (the data table lists it).
enum ScatterChartDrawer {
    static let height = 400.0
    static let markerSize = 5.0
    static let maxLabelWidth = 160.0

    /// 400, or less on a narrow chart (so the plot stays about as tall as it is wide).
    static func minHeight(chartWidth: Double) -> Double {
        min(height, max(320, chartWidth))
    }

    static func hasData(_ chart: ChartData) -> Bool {
        chart.points.contains { $0.x.isFinite && $0.y.isFinite }
    }

    static func draw(_ chart: ChartData, chartID: String, width: Double, format: LocaleFormat) -> DrawnChart {
        let edge = VerticalLayout.edge
        let fontSize = ChartFont.tick
        let points = chart.points.filter { $0.x.isFinite && $0.y.isFinite }
        let xs = points.map(\.x), ys = points.map(\.y)
        let yUnit = chart.unit.flatMap { $0.isEmpty ? nil : $0 }
        let yTicks = NiceTicks.ticks(min: ys.min() ?? 0, max: ys.max() ?? 1, maxCount: 6)
        let yLabels = ValueScale(ticks: yTicks, start: 0, end: 1).labels(unit: yUnit, format: format)

        var y = edge
        var legend: ChartLegend?
        if chart.series.count > 1 {
            let built = ChartLegend(names: chart.series.map(\.name), symbol: .marker, x: edge, top: y, maxWidth: width - 2 * edge)
            legend = built
            y += built.height + 4
        }
        let yTitle = ValueScale.titleLines(ValueScale.title(chart.valueLabel, unit: yUnit), width: width - 2 * edge)
        let yTitleY = y + ChartFont.axisTitle
        if !yTitle.isEmpty { y += ChartFont.axisTitle + 10 + Double(yTitle.count - 1) * ChartFont.axisTitle * ChartFont.lineHeight }
        let xTitle = TextWidth.truncate(ValueScale.title(chart.categoryLabel, unit: chart.xUnit), toWidth: width - 2 * edge,
                                        fontSize: ChartFont.axisTitle)
        let left = edge + (yLabels.map { TextWidth.of($0, fontSize: fontSize) }.max() ?? 0) + 8
        // The x ticks depend on the room they have, which depends on how far the last label reaches: settle on six first.
        func makeXAxis(right: Double) -> HorizontalTicks {
            HorizontalTicks(low: xs.min() ?? 0, high: xs.max() ?? 1, includeZero: false, unit: chart.xUnit, length: right - left - 16,
                            format: format)
        }
        func lastHalf(_ axis: HorizontalTicks) -> Double {
            (axis.shown.last.map { TextWidth.of(axis.labels[$0], fontSize: fontSize) } ?? 0) / 2
        }
        var xAxis = makeXAxis(right: width - edge - 8)
        var right = width - edge - max(8, lastHalf(xAxis))
        xAxis = makeXAxis(right: right)
        right = width - edge - max(8, lastHalf(xAxis))
        let xTicks = xAxis.ticks, xLabels = xAxis.labels
        let minHeight = Self.minHeight(chartWidth: width)
        let bottomSpace = fontSize + 12 + (xTitle.isEmpty ? 0 : ChartFont.axisTitle + 10)
        let totalHeight = max(minHeight, y + VerticalLayout.minPlotHeight + bottomSpace + edge).rounded(.up)
        let plot = ChartRect(x: left, y: y + 4, width: right - left, height: totalHeight - edge - bottomSpace - y - 4)
        // A marker's width of padding inside the plot, so points on the extreme ticks are not cut by the frame.
        let xScale = ValueScale(ticks: xTicks, start: plot.left + 8, end: plot.right - 8)
        let yScale = ValueScale(ticks: yTicks, start: plot.bottom - 8, end: plot.top + 8)

        var svg = SVGBuilder()
        svg.open("g", [("class", "grid")])
        for tick in yTicks {
            let py = SVGBuilder.num(yScale.position(tick))
            svg.element("line", [("x1", SVGBuilder.num(plot.left)), ("y1", py), ("x2", SVGBuilder.num(plot.right)), ("y2", py)])
        }
        for tick in xTicks {
            let px = SVGBuilder.num(xScale.position(tick))
            svg.element("line", [("x1", px), ("y1", SVGBuilder.num(plot.top)), ("x2", px), ("y2", SVGBuilder.num(plot.bottom))])
        }
        svg.close("g")
        svg.open("g", [("class", "y-labels")])
        for (tick, label) in zip(yTicks, yLabels) {
            svg.text("text", label, [("x", SVGBuilder.num(plot.left - 8)), ("y", SVGBuilder.num(yScale.position(tick) + fontSize * 0.35)),
                                     ("text-anchor", "end")])
        }
        svg.close("g")
        svg.open("g", [("class", "x-labels")])
        for i in xAxis.shown {
            svg.text("text", xLabels[i], [("x", SVGBuilder.num(xScale.position(xTicks[i]))), ("y", SVGBuilder.num(plot.bottom + 6 + fontSize)),
                                          ("text-anchor", "middle")])
        }
        svg.close("g")
        if !yTitle.isEmpty {
            svg.multilineText(yTitle, x: edge, lineHeight: ChartFont.axisTitle * ChartFont.lineHeight,
                              [("class", "axis-title"), ("x", SVGBuilder.num(edge)), ("y", SVGBuilder.num(yTitleY))])
        }
        if !xTitle.isEmpty {
            svg.text("text", xTitle, [("class", "axis-title"), ("x", SVGBuilder.num(plot.right)),
                                      ("y", SVGBuilder.num(plot.bottom + 12 + fontSize + ChartFont.axisTitle + 4)), ("text-anchor", "end")])
        }
        // Zero lines when an axis crosses zero.
        if yScale.low < 0 && yScale.high > 0 {
            let py = SVGBuilder.num(yScale.zeroPosition)
            svg.element("line", [("class", "zero"), ("x1", SVGBuilder.num(plot.left)), ("y1", py), ("x2", SVGBuilder.num(plot.right)), ("y2", py)])
        }
        if xScale.low < 0 && xScale.high > 0 {
            let px = SVGBuilder.num(xScale.zeroPosition)
            svg.element("line", [("class", "zero"), ("x1", px), ("y1", SVGBuilder.num(plot.top)), ("x2", px), ("y2", SVGBuilder.num(plot.bottom))])
        }

        let positions = points.map { ChartPoint(x: xScale.position($0.x), y: yScale.position($0.y)) }
        let classes = ChartPalette.classes(for: chart.series.map(\.name))
        svg.open("g", [("class", "points")])
        for (point, position) in zip(points, positions) {
            let series = max(0, point.series)
            ChartMarkers.draw(series, at: position, size: markerSize, className: "point " + ChartPalette.colorClass(series, in: classes),
                              into: &svg)
        }
        svg.close("g")

        // Labels, greedily, in the order of the points.
        var occupied = positions.map { ChartRect(x: $0.x - markerSize - 1, y: $0.y - markerSize - 1, width: 2 * markerSize + 2, height: 2 * markerSize + 2) }
        occupied += legend.map { legend in [ChartRect(x: 0, y: 0, width: width, height: legend.height + edge)] } ?? []
        // The y title and tick labels: a label may reach over them, but must not cover them.
        for (i, line) in yTitle.enumerated() {
            let baseline = yTitleY + Double(i) * ChartFont.axisTitle * ChartFont.lineHeight
            occupied.append(ChartRect(x: edge, y: baseline - ChartFont.axisTitle * 0.8, width: TextWidth.of(line, fontSize: ChartFont.axisTitle),
                                      height: ChartFont.axisTitle))
        }
        for (tick, label) in zip(yTicks, yLabels) {
            let w = TextWidth.of(label, fontSize: fontSize)
            occupied.append(ChartRect(x: plot.left - 8 - w, y: yScale.position(tick) - fontSize * 0.45, width: w, height: fontSize))
        }
        let labelWidth = min(maxLabelWidth, width * 0.3)
        svg.open("g", [("class", "point-labels")])
        for (point, position) in zip(points, positions) {
            guard let label = point.label, !label.isEmpty else { continue }
            let text = TextWidth.truncate(label, toWidth: labelWidth, fontSize: ChartFont.value)
            let w = TextWidth.of(text, fontSize: ChartFont.value)
            let h = ChartFont.value * 1.1
            let offset = markerSize + 4
            let candidates: [(ChartRect, Double, Double, String)] = [
                (ChartRect(x: position.x + offset, y: position.y - h / 2, width: w, height: h), position.x + offset, position.y + ChartFont.value * 0.35, "start"),
                (ChartRect(x: position.x - offset - w, y: position.y - h / 2, width: w, height: h), position.x - offset, position.y + ChartFont.value * 0.35, "end"),
                (ChartRect(x: position.x - w / 2, y: position.y - offset - h, width: w, height: h), position.x, position.y - offset - 3, "middle"),
                (ChartRect(x: position.x - w / 2, y: position.y + offset, width: w, height: h), position.x, position.y + offset + ChartFont.value * 0.8, "middle"),
            ]
            let bounds = ChartRect(x: edge, y: edge, width: width - 2 * edge, height: plot.bottom - edge)
            let own = ChartRect(x: position.x - markerSize - 1, y: position.y - markerSize - 1, width: 2 * markerSize + 2, height: 2 * markerSize + 2)
            guard let choice = candidates.first(where: { candidate in
                candidate.0.left >= bounds.left && candidate.0.right <= bounds.right && candidate.0.top >= bounds.top
                    && candidate.0.bottom <= bounds.bottom && !occupied.contains { $0 != own && $0.intersects(candidate.0) }
            }) else { continue }
            occupied.append(choice.0)
            svg.text("text", text, [("class", "value halo"), ("x", SVGBuilder.num(choice.1)), ("y", SVGBuilder.num(choice.2)),
                                    ("text-anchor", choice.3)])
        }
        svg.close("g")
        legend?.draw(chartID: chartID, into: &svg)
        return DrawnChart(width: width, height: totalHeight, body: svg)
    }
}

/// `scatter` (`ChartRegistry`).
struct ScatterChart: ChartDrawer {
    var shape: ChartShape { .points }

    func name(french: Bool) -> String { french ? "Nuage de points" : "Scatter plot" }

    func hasData(_ chart: ChartData, values: ChartValues) -> Bool { ScatterChartDrawer.hasData(chart) }

    func draw(_ chart: ChartData, values: ChartValues, id: String, width: Double, format: LocaleFormat) -> DrawnChart {
        ScatterChartDrawer.draw(chart, chartID: id, width: width, format: format)
    }
}
