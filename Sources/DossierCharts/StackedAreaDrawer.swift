import DossierModel

/// Stacked areas (`area` with several series, the default): each series a band piled on the ones
/// before it, so the top outline is the total. Positive values pile up from zero and negative ones
/// down from it, as stacked bars do; a missing value counts as zero in the pile.
///
/// Each band is named at its right end, in its colour, beside the middle of its last stretch (a
/// legend when the names do not fit), and the total is printed above the pile at the categories
/// where its label fits beside the others, the last one always.
enum StackedAreaDrawer {
    /// Where each band starts and ends, per series and category.
    struct Bands {
        var from: [[Double]]
        var to: [[Double]]
        var totals: [Double]
        var low = 0.0
        var high = 0.0

        init(_ values: ChartValues) {
            let count = values.categories.count
            from = []
            to = []
            var up = [Double](repeating: 0, count: count), down = up
            for series in values.series {
                var start = [Double](), end = [Double]()
                for (c, value) in series.values.enumerated() {
                    let v = value ?? 0
                    let base = v >= 0 ? up[c] : down[c]
                    start.append(base)
                    end.append(base + v)
                    if v >= 0 { up[c] += v } else { down[c] += v }
                }
                from.append(start)
                to.append(end)
            }
            totals = zip(up, down).map { $0 + $1 }
            low = down.min() ?? 0
            high = up.max() ?? 0
        }
    }

    static func draw(_ chart: ChartData, values: ChartValues, chartID: String, width: Double, format: LocaleFormat) -> DrawnChart {
        let bands = Bands(values)
        let ticks = NiceTicks.ticks(min: bands.low, max: bands.high, maxCount: 6, includeZero: true)
        var options = VerticalLayout.Options(ticks: ticks, positions: .points(values.fractions), legend: .area)
        options.topInset = bands.high > 0 ? ChartFont.value + 6 : 0
        let (layout, direct) = LineChartDrawer.labelledLayout(chart, values: values, options: options, width: width, format: format) { layout in
            // Each name beside the middle of its band at the last category.
            values.series.indices.map { s in
                layout.scale.position(((bands.from[s].last ?? 0) + (bands.to[s].last ?? 0)) / 2)
            }
        }
        let classes = ChartPalette.seriesClasses(values)
        let scale = layout.scale
        var svg = SVGBuilder()
        VerticalAxes.drawGrid(layout, into: &svg)
        svg.open("g", [("class", "areas")])
        for s in values.series.indices {
            let top = zip(layout.centers, bands.to[s]).map { ChartPoint(x: $0, y: scale.position($1)) }
            let bottom = zip(layout.centers, bands.from[s]).map { ChartPoint(x: $0, y: scale.position($1)) }
            svg.element("path", [("class", "area stacked " + classes[s]), ("d", SVGBuilder.polyline(top + bottom.reversed(), close: true))])
        }
        svg.close("g")
        VerticalAxes.drawBaseline(layout, into: &svg)
        drawTotals(bands, values: values, layout: layout, format: format, into: &svg)
        if let direct, let lastX = layout.centers.last {
            direct.draw(x: lastX, classes: classes, order: DirectLabels.drawingOrder(values), into: &svg)
        }
        VerticalAxes.drawAnnotations(layout, into: &svg)
        VerticalAxes.drawCategoryLabels(layout, tickMarks: true, into: &svg)
        layout.legend?.draw(chartID: chartID, into: &svg)
        return DrawnChart(width: layout.width, height: layout.height, body: svg)
    }

    /// Totals above the pile, from the last category back, each where it keeps clear of the one after it
    /// (the last ends at its category, so it never runs into the names right of the plot).
    static func drawTotals(_ bands: Bands, values: ChartValues, layout: VerticalLayout, format: LocaleFormat, into svg: inout SVGBuilder) {
        guard bands.high > 0, bands.low >= 0 else { return }
        var placed: [(text: String, x: Double, y: Double, anchor: String)] = []
        var leftmost = Double.infinity
        for c in values.categories.indices.reversed() {
            let text = values.short(bands.totals[c], format: format)
            let w = TextWidth.of(text, fontSize: ChartFont.value)
            let x = layout.centers[c]
            // The last ends at its point, the first starts at it (both stay inside the plot); the others are centred.
            let last = c == values.categories.count - 1, first = c == 0 && !last
            let span = last ? (x - w)...x : first ? x...(x + w) : (x - w / 2)...(x + w / 2)
            guard span.upperBound + 10 <= leftmost, span.lowerBound >= layout.plot.left else { continue }
            leftmost = span.lowerBound
            placed.append((text, last ? x + 2 : first ? x - 2 : x, layout.scale.position(bands.totals[c]) - 6, last ? "end" : first ? "start" : "middle"))
        }
        guard !placed.isEmpty else { return }
        svg.open("g", [("class", "values totals")])
        for label in placed.reversed() {
            svg.text("text", label.text, [("class", "value total halo"), ("x", SVGBuilder.num(label.x)), ("y", SVGBuilder.num(label.y)),
                                          ("text-anchor", label.anchor)])
        }
        svg.close("g")
    }
}
