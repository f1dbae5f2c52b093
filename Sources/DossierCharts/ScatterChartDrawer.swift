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
        let layout = ScatterLayout(chart: chart, width: width, format: format)
        var svg = SVGBuilder()
        drawGrid(layout, into: &svg)
        drawAxisLabels(layout, into: &svg)
        drawZeroLines(layout, into: &svg)
        drawPoints(layout, seriesNames: chart.series.map(\.name), into: &svg)
        drawPointLabels(layout, into: &svg)
        layout.legend?.draw(chartID: chartID, into: &svg)
        return DrawnChart(width: width, height: layout.height, body: svg)
    }

    /// Draws the gridlines at the y ticks, then at the x ticks.
    private static func drawGrid(_ layout: ScatterLayout, into svg: inout SVGBuilder) {
        let plot = layout.plot
        svg.open("g", [("class", "grid")])
        for tick in layout.yTicks {
            let py = SVGBuilder.num(layout.yScale.position(tick))
            svg.element("line", [("x1", SVGBuilder.num(plot.left)), ("y1", py), ("x2", SVGBuilder.num(plot.right)), ("y2", py)])
        }
        for tick in layout.xAxis.ticks {
            let px = SVGBuilder.num(layout.xScale.position(tick))
            svg.element("line", [("x1", px), ("y1", SVGBuilder.num(plot.top)), ("x2", px), ("y2", SVGBuilder.num(plot.bottom))])
        }
        svg.close("g")
    }

    /// Draws the tick labels left of and under the plot, the y title above it and the x title under its right end.
    private static func drawAxisLabels(_ layout: ScatterLayout, into svg: inout SVGBuilder) {
        let edge = VerticalLayout.edge, fontSize = ChartFont.tick, plot = layout.plot
        svg.open("g", [("class", "y-labels")])
        for (tick, label) in zip(layout.yTicks, layout.yLabels) {
            svg.text("text", label, [("x", SVGBuilder.num(plot.left - 8)), ("y", SVGBuilder.num(layout.yScale.position(tick) + fontSize * 0.35)),
                                     ("text-anchor", "end")])
        }
        svg.close("g")
        svg.open("g", [("class", "x-labels")])
        let xTicks = layout.xAxis.ticks, xLabels = layout.xAxis.labels
        for i in layout.xAxis.shown {
            svg.text("text", xLabels[i], [("x", SVGBuilder.num(layout.xScale.position(xTicks[i]))), ("y", SVGBuilder.num(plot.bottom + 6 + fontSize)),
                                          ("text-anchor", "middle")])
        }
        svg.close("g")
        if !layout.yTitle.isEmpty {
            svg.multilineText(layout.yTitle, x: edge, lineHeight: ChartFont.axisTitle * ChartFont.lineHeight,
                              [("class", "axis-title"), ("x", SVGBuilder.num(edge)), ("y", SVGBuilder.num(layout.yTitleY))])
        }
        if !layout.xTitle.isEmpty {
            svg.text("text", layout.xTitle, [("class", "axis-title"), ("x", SVGBuilder.num(plot.right)),
                                             ("y", SVGBuilder.num(plot.bottom + 12 + fontSize + ChartFont.axisTitle + 4)), ("text-anchor", "end")])
        }
    }

    /// Draws a zero line across the plot for each axis that crosses zero.
    private static func drawZeroLines(_ layout: ScatterLayout, into svg: inout SVGBuilder) {
        let plot = layout.plot, xScale = layout.xScale, yScale = layout.yScale
        if yScale.low < 0 && yScale.high > 0 {
            let py = SVGBuilder.num(yScale.zeroPosition)
            svg.element("line", [("class", "zero"), ("x1", SVGBuilder.num(plot.left)), ("y1", py), ("x2", SVGBuilder.num(plot.right)), ("y2", py)])
        }
        if xScale.low < 0 && xScale.high > 0 {
            let px = SVGBuilder.num(xScale.zeroPosition)
            svg.element("line", [("class", "zero"), ("x1", px), ("y1", SVGBuilder.num(plot.top)), ("x2", px), ("y2", SVGBuilder.num(plot.bottom))])
        }
    }

    /// Draws each point's marker, in its series' shape and colour.
    private static func drawPoints(_ layout: ScatterLayout, seriesNames: [String], into svg: inout SVGBuilder) {
        let classes = ChartPalette.classes(for: seriesNames)
        svg.open("g", [("class", "points")])
        for (point, position) in zip(layout.points, layout.positions) {
            let series = max(0, point.series)
            ChartMarkers.draw(series, at: position, size: markerSize, className: "point " + ChartPalette.colorClass(series, in: classes),
                              into: &svg)
        }
        svg.close("g")
    }

    /// Draws the point labels, greedily, in the order of the points: each at the first of its places
    /// (`labelPlaces`) inside the drawing that overlaps nothing taken, or not at all.
    private static func drawPointLabels(_ layout: ScatterLayout, into svg: inout SVGBuilder) {
        let edge = VerticalLayout.edge
        var occupied = occupiedAreas(layout)
        let labelWidth = min(maxLabelWidth, layout.width * 0.3)
        let bounds = ChartRect(x: edge, y: edge, width: layout.width - 2 * edge, height: layout.plot.bottom - edge)
        svg.open("g", [("class", "point-labels")])
        for (point, position) in zip(layout.points, layout.positions) {
            guard let label = point.label, !label.isEmpty else { continue }
            let text = TextWidth.truncate(label, toWidth: labelWidth, fontSize: ChartFont.value)
            let own = markerBox(position)
            guard let choice = labelPlaces(width: TextWidth.of(text, fontSize: ChartFont.value), at: position).first(where: { place in
                place.box.left >= bounds.left && place.box.right <= bounds.right && place.box.top >= bounds.top
                    && place.box.bottom <= bounds.bottom && !occupied.contains { $0 != own && $0.intersects(place.box) }
            }) else { continue }
            occupied.append(choice.box)
            svg.text("text", text, [("class", "value halo"), ("x", SVGBuilder.num(choice.x)), ("y", SVGBuilder.num(choice.y)),
                                    ("text-anchor", choice.anchor)])
        }
        svg.close("g")
    }

    /// What a point label must not cover: every marker, the legend, and the y title and tick labels (a label
    /// may reach over their column, but not over their text).
    private static func occupiedAreas(_ layout: ScatterLayout) -> [ChartRect] {
        let edge = VerticalLayout.edge, fontSize = ChartFont.tick
        var occupied = layout.positions.map(markerBox)
        occupied += layout.legend.map { legend in [ChartRect(x: 0, y: 0, width: layout.width, height: legend.height + edge)] } ?? []
        for (i, line) in layout.yTitle.enumerated() {
            let baseline = layout.yTitleY + Double(i) * ChartFont.axisTitle * ChartFont.lineHeight
            occupied.append(ChartRect(x: edge, y: baseline - ChartFont.axisTitle * 0.8, width: TextWidth.of(line, fontSize: ChartFont.axisTitle),
                                      height: ChartFont.axisTitle))
        }
        for (tick, label) in zip(layout.yTicks, layout.yLabels) {
            let w = TextWidth.of(label, fontSize: fontSize)
            occupied.append(ChartRect(x: layout.plot.left - 8 - w, y: layout.yScale.position(tick) - fontSize * 0.45, width: w, height: fontSize))
        }
        return occupied
    }

    /// The box a marker takes, with a unit of air around it.
    private static func markerBox(_ position: ChartPoint) -> ChartRect {
        ChartRect(x: position.x - markerSize - 1, y: position.y - markerSize - 1, width: 2 * markerSize + 2, height: 2 * markerSize + 2)
    }

    /// A place for a point label: the box it takes, and where its text is anchored.
    private struct LabelPlace {
        var box: ChartRect
        var x: Double
        var y: Double
        var anchor: String
    }

    /// The places for a label `w` wide, in order of preference: right of the point, left, above, below.
    private static func labelPlaces(width w: Double, at position: ChartPoint) -> [LabelPlace] {
        let h = ChartFont.value * 1.1
        let offset = markerSize + 4
        return [
            LabelPlace(box: ChartRect(x: position.x + offset, y: position.y - h / 2, width: w, height: h),
                       x: position.x + offset, y: position.y + ChartFont.value * 0.35, anchor: "start"),
            LabelPlace(box: ChartRect(x: position.x - offset - w, y: position.y - h / 2, width: w, height: h),
                       x: position.x - offset, y: position.y + ChartFont.value * 0.35, anchor: "end"),
            LabelPlace(box: ChartRect(x: position.x - w / 2, y: position.y - offset - h, width: w, height: h),
                       x: position.x, y: position.y - offset - 3, anchor: "middle"),
            LabelPlace(box: ChartRect(x: position.x - w / 2, y: position.y + offset, width: w, height: h),
                       x: position.x, y: position.y + offset + ChartFont.value * 0.8, anchor: "middle"),
        ]
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
