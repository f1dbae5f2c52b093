import DossierModel

/// Where everything of a scatter plot goes (`ScatterChartDrawer`), from the top down: legend, y-axis
/// title, the plot with its tick labels, x-axis title. The height is at least
/// `ScatterChartDrawer.minHeight(chartWidth:)`.
struct ScatterLayout {
    let width: Double
    let height: Double
    let plot: ChartRect
    /// The points with finite coordinates, and where they are drawn.
    let points: [ScatterPoint]
    let positions: [ChartPoint]
    let xAxis: HorizontalTicks
    let xScale: ValueScale
    let yTicks: [Double]
    let yLabels: [String]
    let yScale: ValueScale
    let legend: ChartLegend?
    /// One or more lines.
    let yTitle: [String]
    let yTitleY: Double
    let xTitle: String

    /// Lays out the points of `chart` across `width`, on axes with nice ticks.
    init(chart: ChartData, width: Double, format: LocaleFormat) {
        let edge = VerticalLayout.edge
        let fontSize = ChartFont.tick
        self.width = width
        points = chart.points.filter { $0.x.isFinite && $0.y.isFinite }
        let xs = points.map(\.x), ys = points.map(\.y)
        let yUnit = chart.unit.flatMap { $0.isEmpty ? nil : $0 }
        yTicks = NiceTicks.ticks(min: ys.min() ?? 0, max: ys.max() ?? 1, maxCount: 6)
        yLabels = ValueScale(ticks: yTicks, start: 0, end: 1).labels(unit: yUnit, format: format)

        let header = Self.header(chart: chart, yUnit: yUnit, width: width)
        legend = header.legend
        yTitle = header.yTitle
        yTitleY = header.yTitleY
        let y = header.bottom
        xTitle = TextWidth.truncate(ValueScale.title(chart.categoryLabel, unit: chart.xUnit), toWidth: width - 2 * edge,
                                    fontSize: ChartFont.axisTitle)
        let left = edge + (yLabels.map { TextWidth.of($0, fontSize: fontSize) }.max() ?? 0) + 8
        let x = Self.xAxis(xs: xs, unit: chart.xUnit, left: left, width: width, format: format)
        xAxis = x.axis
        let minHeight = ScatterChartDrawer.minHeight(chartWidth: width)
        let bottomSpace = fontSize + 12 + (xTitle.isEmpty ? 0 : ChartFont.axisTitle + 10)
        height = max(minHeight, y + VerticalLayout.minPlotHeight + bottomSpace + edge).rounded(.up)
        plot = ChartRect(x: left, y: y + 4, width: x.right - left, height: height - edge - bottomSpace - y - 4)
        // A marker's width of padding inside the plot, so points on the extreme ticks are not cut by the frame.
        let xScale = ValueScale(ticks: xAxis.ticks, start: plot.left + 8, end: plot.right - 8)
        let yScale = ValueScale(ticks: yTicks, start: plot.bottom - 8, end: plot.top + 8)
        self.xScale = xScale
        self.yScale = yScale
        positions = points.map { ChartPoint(x: xScale.position($0.x), y: yScale.position($0.y)) }
    }

    /// The legend (several series only) and the y-axis title above the plot, and where the plot may start.
    private static func header(chart: ChartData, yUnit: String?, width: Double)
        -> (legend: ChartLegend?, yTitle: [String], yTitleY: Double, bottom: Double) {
        let edge = VerticalLayout.edge
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
        return (legend, yTitle, yTitleY, y)
    }

    /// The x axis from `left`, and the right end of the plot. The ticks depend on the room they have, which
    /// depends on how far the last label reaches: the axis is made once more for that reach.
    private static func xAxis(xs: [Double], unit: String?, left: Double, width: Double, format: LocaleFormat)
        -> (axis: HorizontalTicks, right: Double) {
        let edge = VerticalLayout.edge
        func makeXAxis(right: Double) -> HorizontalTicks {
            HorizontalTicks(low: xs.min() ?? 0, high: xs.max() ?? 1, includeZero: false, unit: unit, length: right - left - 16,
                            format: format)
        }
        func lastHalf(_ axis: HorizontalTicks) -> Double {
            (axis.shown.last.map { TextWidth.of(axis.labels[$0], fontSize: ChartFont.tick) } ?? 0) / 2
        }
        var axis = makeXAxis(right: width - edge - 8)
        var right = width - edge - max(8, lastHalf(axis))
        axis = makeXAxis(right: right)
        right = width - edge - max(8, lastHalf(axis))
        return (axis, right)
    }
}
