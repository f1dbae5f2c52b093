import DossierModel

/// Lines (`line`) and areas (`area`) over categories.
///
/// An `area` chart of several series is stacked (`StackedAreaDrawer`) unless its spec says
/// `stack: false`: then its two series at most are overlaid, each filled from the zero line to its
/// own values, translucent, with its outline on top. A line starts at the value axis' lowest nice
/// tick (it need not include zero); an area always includes zero.
///
/// Missing values break the line (and the area); a point alone between two gaps keeps its marker.
/// Series differ by colour (dashes and marker shapes only past the eighth series). With several
/// series, each line is named at its right end, in its colour, when the names fit without
/// colliding (moved apart vertically if needed) and, on a narrow chart, without being shortened;
/// otherwise a legend goes above the plot. A highlighted series is drawn last, over the muted others.
enum LineChartDrawer {
    static let maxMarkedCategories = 30

    static func draw(_ chart: ChartData, values: ChartValues, area: Bool, chartID: String, width: Double, format: LocaleFormat) -> DrawnChart {
        if area && chart.stacked && values.series.count > 1 {
            return StackedAreaDrawer.draw(chart, values: values, chartID: chartID, width: width, format: format)
        }
        let all = values.allValues
        let ticks = NiceTicks.ticks(min: all.min() ?? 0, max: all.max() ?? 0, maxCount: 6, includeZero: area)
        let options = VerticalLayout.Options(ticks: ticks, positions: .points(values.fractions), legend: area ? .area : .line)
        // Direct labels at the line ends when every series reaches the last category.
        let everyLineReachesTheEnd = values.series.allSatisfy { $0.values.last.map { $0 != nil } ?? false }
        let (layout, direct) = labelledLayout(chart, values: values, options: options, width: width, format: format) { layout in
            everyLineReachesTheEnd ? values.series.map { layout.scale.position($0.values.last.flatMap { $0 } ?? 0) } : nil
        }
        let classes = ChartPalette.seriesClasses(values)
        let order = DirectLabels.drawingOrder(values)
        let runs = values.series.map { runsOf($0.values, layout: layout) }
        var svg = SVGBuilder()
        VerticalAxes.drawGrid(layout, into: &svg)
        if area { drawAreas(runs, layout: layout, classes: classes, order: order, into: &svg) }
        VerticalAxes.drawBaseline(layout, into: &svg)
        drawLines(runs, classes: classes, order: order, into: &svg)
        svg.open("g", [("class", "markers")])
        // Muted series (a highlight's background) are bare lines: no dots to compete with the highlighted one.
        for s in order where classes[s] != ChartPalette.mutedClass {
            let className = "point " + classes[s]
            for run in runs[s] where values.categories.count <= maxMarkedCategories || run.count == 1 {
                ChartMarkers.draw(s, at: run, size: area ? 3.5 : 4.0, className: className, into: &svg)
            }
        }
        svg.close("g")
        if let direct, let lastX = layout.centers.last { direct.draw(x: lastX, classes: classes, order: order, into: &svg) }
        VerticalAxes.drawAnnotations(layout, into: &svg)
        VerticalAxes.drawCategoryLabels(layout, tickMarks: true, into: &svg)
        layout.legend?.draw(chartID: chartID, into: &svg)
        return DrawnChart(width: layout.width, height: layout.height, body: svg)
    }

    /// The layout with room for direct labels right of the plot when they fit (`ends` gives the y of
    /// each series' last point in a layout, nil when some series does not reach the last category);
    /// otherwise the layout with a legend.
    static func labelledLayout(_ chart: ChartData, values: ChartValues, options: VerticalLayout.Options, width: Double,
                               format: LocaleFormat, ends: (VerticalLayout) -> [Double]?) -> (VerticalLayout, DirectLabels?) {
        if let (names, reserve) = DirectLabels.names(values, chartWidth: width) {
            var labelled = options
            labelled.rightReserve = reserve
            labelled.legend = nil
            let layout = VerticalLayout(chart: chart, values: values, options: labelled, width: width, format: format)
            if let ends = ends(layout), let direct = DirectLabels(names: names, ends: ends, plot: layout.plot) {
                return (layout, direct)
            }
        }
        return (VerticalLayout(chart: chart, values: values, options: options, width: width, format: format), nil)
    }

    /// Runs of consecutive values of one series, as points.
    static func runsOf(_ values: [Double?], layout: VerticalLayout) -> [[ChartPoint]] {
        var runs: [[ChartPoint]] = []
        // Room for the whole series at once: most series have no gap, and growing point by point reallocates.
        var current: [ChartPoint] = []
        current.reserveCapacity(values.count)
        for (i, value) in values.enumerated() {
            if let value {
                current.append(ChartPoint(x: layout.centers[i], y: layout.scale.position(value)))
            } else if !current.isEmpty {
                runs.append(current)
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    /// Overlaid areas, each from the baseline to its own values.
    static func drawAreas(_ runs: [[[ChartPoint]]], layout: VerticalLayout, classes: [String], order: [Int], into svg: inout SVGBuilder) {
        let scale = layout.scale
        let baseline = scale.low <= 0 && scale.high >= 0 ? scale.zeroPosition : scale.position(scale.low)
        svg.open("g", [("class", "areas")])
        for s in order {
            for run in runs[s] where run.count > 1 {
                guard let first = run.first, let last = run.last else { continue }
                let outline = run + [ChartPoint(x: last.x, y: baseline), ChartPoint(x: first.x, y: baseline)]
                svg.element("path", [("class", "area " + classes[s]), ("d", SVGBuilder.polyline(outline, close: true))])
            }
        }
        svg.close("g")
    }

    static func drawLines(_ runs: [[[ChartPoint]]], classes: [String], order: [Int], into svg: inout SVGBuilder) {
        svg.open("g", [("class", "lines")])
        for s in order {
            let lines = runs[s].filter { $0.count > 1 }
            guard !lines.isEmpty else { continue }
            svg.polylinesPath(className: "line " + classes[s], lines, dash: ChartPalette.dash(s))
        }
        svg.close("g")
    }
}

/// `line` and `area` (`ChartRegistry`).
struct LineChart: ChartDrawer {
    let area: Bool
    var shape: ChartShape { .series }

    func name(french: Bool) -> String {
        area ? (french ? "Graphique en aires" : "Area chart") : (french ? "Graphique en courbes" : "Line chart")
    }

    func draw(_ chart: ChartData, values: ChartValues, id: String, width: Double, format: LocaleFormat) -> DrawnChart {
        LineChartDrawer.draw(chart, values: values, area: area, chartID: id, width: width, format: format)
    }
}
