import DossierModel

/// Vertical bars: one series (`bar`), side by side (`grouped-bar`, or `bar` with several series)
/// or stacked (`stacked-bar`).
///
/// Bars start at zero; negative values hang below the zero line (stacks pile positive and
/// negative values separately, as a diverging stack). In a group, the bars of the values there are
/// centred on their category, so a missing value leaves no lopsided gap. Values are printed on the
/// bars when every label fits its bar (inside the segment, for stacks, with the total above each
/// stack when every total fits). Series differ by colour; hatching only past the eighth series.
enum BarChartDrawer {
    struct Segment {
        var from: Double
        var to: Double
    }

    struct ValueLabel {
        var text: String
        var x: Double
        var y: Double
        var inside: Bool
        var total = false
    }

    static func draw(_ chart: ChartData, values: ChartValues, stacked: Bool, chartID: String, width: Double, format: LocaleFormat) -> DrawnChart {
        let seriesCount = values.series.count
        let fontSize = ChartFont.value
        let (segments, low, high) = segmentsOf(values, stacked: stacked)
        let ticks = NiceTicks.ticks(min: low, max: high, maxCount: 6, includeZero: true)

        // Outside labels (plain and grouped bars) print only when every one fits its bar; totals, when every total fits its stack.
        var options = VerticalLayout.Options(ticks: ticks, positions: .bands, legend: seriesCount > 1 ? .box : nil)
        var layout = VerticalLayout(chart: chart, values: values, options: options, width: width, format: format)
        let groupWidth = min(layout.band * (seriesCount > 1 ? 0.84 : 0.68), 90 * Double(stacked ? 1 : seriesCount))
        let barWidth = stacked ? groupWidth : groupWidth / Double(max(1, seriesCount))
        let labels = values.series.map { $0.values.map { $0.map { values.short($0, format: format) } } }
        let totals = stacked && seriesCount > 1 && low >= 0 && !sharesOfAWhole(values) ? totalsOf(values) : []
        // Side by side bars touch: their labels need a little air between them.
        let room = seriesCount > 1 ? barWidth - 2 : barWidth + 2
        func fits(_ label: String?) -> Bool { label.map { TextWidth.of($0, fontSize: fontSize) <= room } ?? true }
        let outside = !stacked && labels.allSatisfy { $0.allSatisfy(fits) }
        let totalLabels = totals.map { $0.map { values.short($0, format: format) } }
        let showTotals = !totals.isEmpty && totalLabels.allSatisfy(fits)
        if outside || showTotals {
            // Room above the highest bar and below the lowest for their labels (the width does not change).
            options.topInset = high > 0 ? fontSize + 6 : 0
            options.bottomInset = low < 0 && outside ? fontSize + 6 : 0
            layout = VerticalLayout(chart: chart, values: values, options: options, width: width, format: format)
        }
        var svg = SVGBuilder()
        VerticalAxes.drawGrid(layout, into: &svg)
        var valueLabels = drawBars(segments, labels: labels, layout: layout, values: values, stacked: stacked, outside: outside,
                                   groupWidth: groupWidth, barWidth: barWidth, chartID: chartID, into: &svg)
        if showTotals {
            valueLabels += zip(totals, totalLabels).enumerated().compactMap { c, total in
                guard let value = total.0, let text = total.1 else { return nil }
                return ValueLabel(text: text, x: layout.centers[c], y: layout.scale.position(value) - 5, inside: false, total: true)
            }
        }
        VerticalAxes.drawBaseline(layout, into: &svg)
        drawValueLabels(valueLabels, into: &svg)
        VerticalAxes.drawAnnotations(layout, into: &svg)
        VerticalAxes.drawCategoryLabels(layout, tickMarks: false, into: &svg)
        layout.legend?.draw(chartID: chartID, into: &svg)

        var defs = SVGBuilder()
        if seriesCount > ChartPalette.count { ChartPatterns.defs(chartID: chartID, seriesCount: seriesCount, into: &defs) }
        return DrawnChart(width: layout.width, height: layout.height, defs: defs, body: svg)
    }

    /// Draws the bars (stack segments, when `stacked`) series by series, and returns the value labels to print on
    /// or by them (outside every plain or grouped bar when `outside`, else inside the stack segments they fit).
    private static func drawBars(_ segments: [[Segment?]], labels: [[String?]], layout: VerticalLayout, values: ChartValues,
                                 stacked: Bool, outside: Bool, groupWidth: Double, barWidth: Double, chartID: String,
                                 into svg: inout SVGBuilder) -> [ValueLabel] {
        let classes = ChartPalette.seriesClasses(values)
        var valueLabels: [ValueLabel] = []
        svg.open("g", [("class", "bars")])
        for s in 0..<values.series.count {
            svg.open("g", [("class", "series " + classes[s])])
            for c in values.categories.indices {
                guard let segment = segments[s][c], let label = labels[s][c] else { continue }
                let x = stacked ? layout.centers[c] - groupWidth / 2 : groupedX(values, series: s, category: c, center: layout.centers[c], barWidth: barWidth)
                let y1 = layout.scale.position(segment.from), y2 = layout.scale.position(segment.to)
                let rect = ChartRect(x: x, y: min(y1, y2), width: barWidth, height: abs(y2 - y1))
                drawBar(rect, series: s, category: c, values: values, classes: classes, chartID: chartID, into: &svg)
                if let placed = valueLabel(label, rect: rect, negative: segment.to < segment.from, outside: outside, stacked: stacked) {
                    valueLabels.append(placed)
                }
            }
            svg.close("g")
        }
        svg.close("g")
        return valueLabels
    }

    /// Where each bar (or stack segment) starts and ends, and the lowest and highest end.
    static func segmentsOf(_ values: ChartValues, stacked: Bool) -> (segments: [[Segment?]], low: Double, high: Double) {
        var low = 0.0, high = 0.0
        var segments = values.series.map { _ in [Segment?](repeating: nil, count: values.categories.count) }
        for c in values.categories.indices {
            var up = 0.0, down = 0.0
            for s in values.series.indices {
                guard let v = values.series[s].values[c] else { continue }
                if !stacked {
                    segments[s][c] = Segment(from: 0, to: v)
                    low = min(low, v)
                    high = max(high, v)
                } else if v >= 0 {
                    segments[s][c] = Segment(from: up, to: up + v)
                    up += v
                } else {
                    segments[s][c] = Segment(from: down, to: down + v)
                    down += v
                }
            }
            low = min(low, down)
            high = max(high, up)
        }
        return (segments, low, high)
    }

    /// The total of each stack (nil for a category with no value).
    static func totalsOf(_ values: ChartValues) -> [Double?] {
        values.categories.indices.map { c in
            let present = values.series.compactMap { $0.values[c] }
            return present.isEmpty ? nil : present.reduce(0, +)
        }
    }

    /// Percentages that add up to 100 in every stack (rounding aside): a total would only say “100 %”.
    static func sharesOfAWhole(_ values: ChartValues) -> Bool {
        values.isPercent && totalsOf(values).allSatisfy { total in total.map { abs($0 - 100) <= 0.5 } ?? true }
    }

    /// The left edge of a grouped bar: the bars of the values present, side by side, centred on the category.
    static func groupedX(_ values: ChartValues, series s: Int, category c: Int, center: Double, barWidth: Double) -> Double {
        let present = values.series.indices.filter { values.series[$0].values[c] != nil }
        let rank = Double(present.firstIndex(of: s) ?? 0)
        return center - Double(present.count) * barWidth / 2 + rank * barWidth
    }

    static func drawBar(_ rect: ChartRect, series s: Int, category c: Int, values: ChartValues, classes: [String], chartID: String,
                        into svg: inout SVGBuilder) {
        guard rect.height > 0 else { return }
        let barColor = ChartPalette.barClass(series: classes[s], category: values.categories[c], seriesCount: values.series.count)
        svg.element("rect", [("class", "bar " + barColor), ("x", SVGBuilder.num(rect.x)), ("y", SVGBuilder.num(rect.y)),
                             ("width", SVGBuilder.num(rect.width)), ("height", SVGBuilder.num(rect.height))])
        if values.series.count > ChartPalette.count { ChartPatterns.overlay(chartID: chartID, series: s, rect: rect, into: &svg) }
    }

    /// A label above (below, for a negative value) a plain or grouped bar, or inside a stack segment it fits.
    static func valueLabel(_ text: String, rect: ChartRect, negative: Bool, outside: Bool, stacked: Bool) -> ValueLabel? {
        let fontSize = ChartFont.value
        if outside {
            return ValueLabel(text: text, x: rect.midX, y: negative ? rect.bottom + fontSize + 2 : rect.top - 5, inside: false)
        }
        guard stacked, TextWidth.of(text, fontSize: fontSize) + 6 <= rect.width, rect.height >= fontSize + 4 else { return nil }
        return ValueLabel(text: text, x: rect.midX, y: rect.midY + fontSize * 0.35, inside: true)
    }

    static func drawValueLabels(_ labels: [ValueLabel], into svg: inout SVGBuilder) {
        guard !labels.isEmpty else { return }
        svg.open("g", [("class", "values")])
        for label in labels {
            let className = label.total ? "value total" : label.inside ? "value halo" : "value"
            svg.text("text", label.text, [("class", className), ("x", SVGBuilder.num(label.x)), ("y", SVGBuilder.num(label.y)),
                                          ("text-anchor", "middle")])
        }
        svg.close("g")
    }
}

/// `bar`, `grouped-bar` and `stacked-bar` (`ChartRegistry`).
struct BarChart: ChartDrawer {
    let stacked: Bool
    let grouped: Bool
    var shape: ChartShape { .series }

    func name(french: Bool) -> String {
        switch (stacked, grouped) {
        case (true, _): return french ? "Diagramme en barres empilées" : "Stacked bar chart"
        case (false, true): return french ? "Diagramme en barres groupées" : "Grouped bar chart"
        case (false, false): return french ? "Diagramme en barres" : "Bar chart"
        }
    }

    func draw(_ chart: ChartData, values: ChartValues, id: String, width: Double, format: LocaleFormat) -> DrawnChart {
        BarChartDrawer.draw(chart, values: values, stacked: stacked, chartID: id, width: width, format: format)
    }
}
