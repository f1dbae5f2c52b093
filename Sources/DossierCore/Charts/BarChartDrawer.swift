/// Vertical bars: one series (`bar`), side by side (`grouped-bar`, or `bar` with several series)
/// or stacked (`stacked-bar`).
///
/// Bars start at zero; negative values hang below the zero line (stacks pile positive and
/// negative values separately, as a diverging stack). A missing value leaves its slot empty.
/// Values are printed on the bars when every label fits its bar (inside the segment, for stacks);
/// series after the first are hatched, so they differ without colour.
enum BarChartDrawer {
    static func draw(_ chart: ChartData, values: ChartValues, stacked: Bool, chartID: String, width: Double, format: LocaleFormat) -> DrawnChart {
        let seriesCount = values.series.count
        let categoryCount = values.categories.count
        let fontSize = ChartFont.value

        // Stacks: where each segment starts and ends.
        var segments = [[(from: Double, to: Double)?]](repeating: [(from: Double, to: Double)?](repeating: nil, count: categoryCount),
                                                        count: seriesCount)
        var low = 0.0, high = 0.0
        if stacked {
            for c in 0..<categoryCount {
                var up = 0.0, down = 0.0
                for s in 0..<seriesCount {
                    guard let v = values.series[s].values[c] else { continue }
                    if v >= 0 {
                        segments[s][c] = (up, up + v)
                        up += v
                    } else {
                        segments[s][c] = (down, down + v)
                        down += v
                    }
                }
                low = min(low, down)
                high = max(high, up)
            }
        } else {
            for s in 0..<seriesCount {
                for c in 0..<categoryCount {
                    if let v = values.series[s].values[c] { segments[s][c] = (0, v) }
                }
            }
            low = values.allValues.min() ?? 0
            high = values.allValues.max() ?? 0
        }
        let ticks = NiceTicks.ticks(min: low, max: high, maxCount: 6, includeZero: true)

        // Outside labels (plain and grouped bars) print only when every one fits its bar.
        let groupFraction = seriesCount > 1 ? 0.84 : 0.68
        var options = VerticalLayout.Options(ticks: ticks, positions: .bands, legend: seriesCount > 1 ? .box : nil)
        var layout = VerticalLayout(chart: chart, values: values, options: options, width: width, format: format)
        let groupWidth = min(layout.band * groupFraction, 90 * Double(stacked ? 1 : seriesCount))
        let barWidth = stacked ? groupWidth : groupWidth / Double(max(1, seriesCount))
        let labels = values.series.map { $0.values.map { $0.map { values.short($0, format: format) } } }
        // Side by side bars touch: their labels need a little air between them.
        let room = seriesCount > 1 ? barWidth - 2 : barWidth + 2
        let outside = !stacked && labels.allSatisfy { row in
            row.allSatisfy { label in label.map { TextWidth.of($0, fontSize: fontSize) <= room } ?? true }
        }
        if outside {
            // Room above the highest bar and below the lowest for their labels (the width does not change).
            options.topInset = high > 0 ? fontSize + 6 : 0
            options.bottomInset = low < 0 ? fontSize + 6 : 0
            layout = VerticalLayout(chart: chart, values: values, options: options, width: width, format: format)
        }
        let scale = layout.scale

        var svg = SVGBuilder()
        VerticalAxes.drawGrid(layout, into: &svg)
        var valueLabels: [(text: String, x: Double, y: Double, inside: Bool)] = []
        let classes = ChartPalette.classes(for: values.series.map(\.name))
        svg.open("g", [("class", "bars")])
        for s in 0..<seriesCount {
            let color = classes[s]
            svg.open("g", [("class", "series " + color)])
            for c in 0..<categoryCount {
                guard let segment = segments[s][c], let label = labels[s][c] else { continue }
                let x = layout.centers[c] - groupWidth / 2 + (stacked ? 0 : Double(s) * barWidth)
                let y1 = scale.position(segment.from), y2 = scale.position(segment.to)
                let rect = ChartRect(x: x, y: min(y1, y2), width: barWidth, height: abs(y2 - y1))
                if rect.height > 0 {
                    let barColor = ChartPalette.barClass(series: color, category: values.categories[c], seriesCount: seriesCount)
                    svg.element("rect", [("class", "bar " + barColor), ("x", SVGBuilder.num(rect.x)), ("y", SVGBuilder.num(rect.y)),
                                         ("width", SVGBuilder.num(rect.width)), ("height", SVGBuilder.num(rect.height))])
                    if seriesCount > 1 { ChartPatterns.overlay(chartID: chartID, series: s, rect: rect, into: &svg) }
                }
                let negative = segment.to < segment.from
                if outside {
                    let y = negative ? rect.bottom + fontSize + 2 : rect.top - 5
                    valueLabels.append((label, rect.midX, y, false))
                } else if stacked {
                    let w = TextWidth.of(label, fontSize: fontSize)
                    if w + 6 <= rect.width && rect.height >= fontSize + 4 {
                        valueLabels.append((label, rect.midX, rect.midY + fontSize * 0.35, true))
                    }
                }
            }
            svg.close("g")
        }
        svg.close("g")
        VerticalAxes.drawBaseline(layout, into: &svg)
        if !valueLabels.isEmpty {
            svg.open("g", [("class", "values")])
            for label in valueLabels {
                svg.text("text", label.text, [("class", label.inside ? "value halo" : "value"), ("x", SVGBuilder.num(label.x)),
                                              ("y", SVGBuilder.num(label.y)), ("text-anchor", "middle")])
            }
            svg.close("g")
        }
        VerticalAxes.drawAnnotations(layout, into: &svg)
        VerticalAxes.drawCategoryLabels(layout, tickMarks: false, into: &svg)
        layout.legend?.draw(chartID: chartID, into: &svg)

        var defs = SVGBuilder()
        if seriesCount > 1 { ChartPatterns.defs(chartID: chartID, seriesCount: seriesCount, into: &defs) }
        return DrawnChart(width: layout.width, height: layout.height, defs: defs, body: svg)
    }
}
