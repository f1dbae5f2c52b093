/// Lines (`line`) and areas (`area`) over categories.
///
/// Several series in an `area` chart are **overlapping, not stacked**: each is filled from the zero
/// line to its own values, translucent, with its outline on top. That keeps every series readable
/// against the axis, works with negative values and gaps, and leaves parts-of-a-whole to
/// `stacked-bar`. A line starts at the value axis' lowest nice tick (it need not include zero); an area always includes zero.
///
/// Missing values break the line (and the area); a point alone between two gaps keeps its marker.
/// Series differ by colour, dash pattern and marker shape. With several series, each line is named
/// at its right end when the names fit without colliding (moved apart vertically if needed) and,
/// on a narrow chart, without being shortened; otherwise a legend goes above the plot.
enum LineChartDrawer {
    static let maxMarkedCategories = 30
    static let maxDirectLabelWidth = 140.0

    /// Room for a direct label: 140, or 22 % of a narrower chart (where a longer name means a legend rather than “…”).
    static func directLabelWidth(chartWidth: Double) -> Double {
        min(maxDirectLabelWidth, chartWidth * 0.22)
    }

    static func draw(_ chart: ChartData, values: ChartValues, area: Bool, chartID: String, width: Double, format: LocaleFormat) -> DrawnChart {
        let all = values.allValues
        let ticks = NiceTicks.ticks(min: all.min() ?? 0, max: all.max() ?? 0, maxCount: 6, includeZero: area)
        let legendSymbol: ChartLegend.Symbol = area ? .area : .line
        let count = values.categories.count
        var options = VerticalLayout.Options(ticks: ticks, positions: .points(values.fractions), legend: legendSymbol)

        // Direct labels at the line ends when every series reaches the last category.
        var direct: (layout: VerticalLayout, names: [String], ys: [Double])?
        let directWidth = directLabelWidth(chartWidth: width)
        let namesFit = directWidth >= maxDirectLabelWidth
            || values.series.allSatisfy { TextWidth.of($0.name, fontSize: ChartFont.legend) <= directWidth }
        if values.series.count > 1 && values.series.count <= 8 && namesFit
            && values.series.allSatisfy({ $0.values.last.map { $0 != nil } ?? false }) {
            let names = values.series.map { TextWidth.truncate($0.name, toWidth: directWidth, fontSize: ChartFont.legend) }
            let widest = TextWidth.widest(names, fontSize: ChartFont.legend)
            options.rightReserve = widest + 16
            options.legend = nil
            let layout = VerticalLayout(chart: chart, values: values, options: options, width: width, format: format)
            let wishes = values.series.map { layout.scale.position($0.values.last.flatMap { $0 } ?? 0) }
            if let ys = LabelSpreader.spread(wishes, gap: ChartFont.legend * 1.15, low: layout.plot.top + 4, high: layout.plot.bottom) {
                direct = (layout, names, ys)
            }
        }
        let layout = direct?.layout ?? VerticalLayout(chart: chart, values: values,
                                                       options: VerticalLayout.Options(ticks: ticks, positions: .points(values.fractions),
                                                                                       legend: legendSymbol),
                                                       width: width, format: format)
        let scale = layout.scale
        let baseline = scale.low <= 0 && scale.high >= 0 ? scale.zeroPosition : scale.position(scale.low)

        let classes = ChartPalette.classes(for: values.series.map(\.name))
        var svg = SVGBuilder()
        VerticalAxes.drawGrid(layout, into: &svg)
        // Runs of consecutive values, per series.
        let runs: [[[ChartPoint]]] = values.series.map { series in
            var runs: [[ChartPoint]] = []
            var current: [ChartPoint] = []
            for (i, value) in series.values.enumerated() {
                if let value {
                    current.append(ChartPoint(x: layout.centers[i], y: scale.position(value)))
                } else if !current.isEmpty {
                    runs.append(current)
                    current = []
                }
            }
            if !current.isEmpty { runs.append(current) }
            return runs
        }
        if area {
            svg.open("g", [("class", "areas")])
            for (s, seriesRuns) in runs.enumerated() {
                for run in seriesRuns where run.count > 1 {
                    guard let first = run.first, let last = run.last else { continue }
                    let outline = run + [ChartPoint(x: last.x, y: baseline), ChartPoint(x: first.x, y: baseline)]
                    svg.element("path", [("class", "area " + classes[s]), ("d", SVGBuilder.polyline(outline, close: true))])
                }
            }
            svg.close("g")
        }
        VerticalAxes.drawBaseline(layout, into: &svg)
        svg.open("g", [("class", "lines")])
        for (s, seriesRuns) in runs.enumerated() {
            let d = seriesRuns.filter { $0.count > 1 }.map { SVGBuilder.polyline($0) }.joined(separator: " ")
            guard !d.isEmpty else { continue }
            var attributes: SVGBuilder.Attributes = [("class", "line " + classes[s]), ("d", d)]
            if let dash = ChartPalette.dash(s) { attributes.append(("stroke-dasharray", dash)) }
            svg.element("path", attributes)
        }
        svg.close("g")
        svg.open("g", [("class", "markers")])
        let size = area ? 3.5 : 4.0
        for (s, seriesRuns) in runs.enumerated() {
            let color = classes[s]
            for run in seriesRuns {
                for point in run where count <= maxMarkedCategories || run.count == 1 {
                    ChartMarkers.draw(s, at: point, size: size, className: "point " + color, into: &svg)
                }
            }
        }
        svg.close("g")
        if let direct, let lastX = layout.centers.last {
            svg.open("g", [("class", "direct-labels")])
            for (s, name) in direct.names.enumerated() {
                let y = direct.ys[s]
                let pointY = scale.position(values.series[s].values.last.flatMap { $0 } ?? 0)
                if abs(y - pointY) > 3 {
                    svg.element("path", [("class", "leader"),
                                         ("d", "M\(SVGBuilder.num(lastX + 6)),\(SVGBuilder.num(pointY)) L\(SVGBuilder.num(lastX + 11)),\(SVGBuilder.num(y))")])
                }
                svg.text("text", name, [("class", "halo"), ("x", SVGBuilder.num(lastX + 13)),
                                        ("y", SVGBuilder.num(y + ChartFont.legend * 0.35))])
            }
            svg.close("g")
        }
        VerticalAxes.drawAnnotations(layout, into: &svg)
        VerticalAxes.drawCategoryLabels(layout, tickMarks: true, into: &svg)
        layout.legend?.draw(chartID: chartID, into: &svg)
        return DrawnChart(width: layout.width, height: layout.height, body: svg)
    }
}
