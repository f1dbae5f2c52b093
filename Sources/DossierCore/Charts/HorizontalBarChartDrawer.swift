/// Horizontal bars (`hbar`): categories down the left, where long names have room (wrapped on
/// two lines, then shortened with “…”), values along the bottom. Several series are grouped in
/// each row, hatched after the first. Every bar carries its value at its end; negative bars go left
/// of the zero line. The drawing grows taller with the number of categories.
///
/// Annotations are a dashed line above the annotated row, labelled at the right.
enum HorizontalBarChartDrawer {
    static let maxLabelShare = 0.38

    static func draw(_ chart: ChartData, values: ChartValues, chartID: String, format: LocaleFormat) -> DrawnChart {
        let width = VerticalLayout.width
        let edge = VerticalLayout.edge
        let seriesCount = max(1, values.series.count)
        let fontSize = ChartFont.tick
        let lineHeight = fontSize * ChartFont.lineHeight

        // Category labels: one line if it fits, else two, else shortened.
        let maxLabelWidth = width * maxLabelShare
        let labelLines: [[String]] = values.categories.map { label in
            if TextWidth.of(label, fontSize: fontSize) <= maxLabelWidth { return [label] }
            return TextWidth.wrap(label, maxLines: 2, fontSize: fontSize).map {
                TextWidth.truncate($0, toWidth: maxLabelWidth, fontSize: fontSize)
            }
        }
        let labelWidth = labelLines.map { TextWidth.widest($0, fontSize: fontSize) }.max() ?? 0
        let maxLines = Double(labelLines.map(\.count).max() ?? 1)
        let barThickness = seriesCount == 1 ? 22.0 : 16.0
        let rowHeight = max(Double(seriesCount) * barThickness + 12, maxLines * lineHeight + 10)

        let all = values.allValues
        let low = min(0, all.min() ?? 0), high = max(0, all.max() ?? 0)
        let ticks = NiceTicks.ticks(min: low, max: high, maxCount: 6, includeZero: true)
        let valueLabels = values.series.map { $0.values.map { $0.map { values.short($0, format: format) } } }
        let widestValue = valueLabels.flatMap { $0.compactMap { $0 } }.map { TextWidth.of($0, fontSize: ChartFont.value) }.max() ?? 0

        var y = edge
        var legend: ChartLegend?
        if values.series.count > 1 {
            let built = ChartLegend(names: values.series.map(\.name), symbol: .box, x: edge, top: y, maxWidth: width - 2 * edge)
            legend = built
            y += built.height + 4
        }
        let axisTitle = TextWidth.truncate(ValueScale.title(chart.valueLabel, unit: values.unit), toWidth: width - 2 * edge,
                                           fontSize: ChartFont.axisTitle)
        let axisTitleY = y + ChartFont.axisTitle
        if !axisTitle.isEmpty { y += ChartFont.axisTitle + 10 }
        let annotations = chart.annotations.filter { values.categories.indices.contains($0.categoryIndex) }
        if !annotations.isEmpty { y += 4 }

        let plotLeft = edge + labelWidth + 10
        // Value labels sit past the bar ends: keep room for them on each side that has bars.
        let startInset = low < 0 ? widestValue + 6 : 0
        let endInset = high > 0 ? widestValue + 6 : 0
        let plot = ChartRect(x: plotLeft, y: y, width: width - edge - plotLeft, height: rowHeight * Double(values.categories.count))
        let scale = ValueScale(ticks: ticks, start: plot.left + startInset, end: plot.right - endInset)
        let tickLabels = scale.labels(unit: values.unit, format: format)
        let height = (plot.bottom + 8 + fontSize + 4 + edge).rounded(.up)

        var svg = SVGBuilder()
        svg.open("g", [("class", "grid")])
        for tick in ticks {
            let x = SVGBuilder.num(scale.position(tick))
            svg.element("line", [("x1", x), ("y1", SVGBuilder.num(plot.top)), ("x2", x), ("y2", SVGBuilder.num(plot.bottom))])
        }
        svg.close("g")
        // Tick labels under the plot, thinned if the longest ones would touch.
        let tickWidths = tickLabels.map { TextWidth.of($0, fontSize: fontSize) }
        let tickPitch = ticks.count > 1 ? abs(scale.position(ticks[1]) - scale.position(ticks[0])) : width
        let tickStep = (tickWidths.max() ?? 0) + 8 > tickPitch ? 2 : 1
        svg.open("g", [("class", "x-labels")])
        for (i, tick) in ticks.enumerated() where i % tickStep == 0 {
            svg.text("text", tickLabels[i], [("x", SVGBuilder.num(scale.position(tick))), ("y", SVGBuilder.num(plot.bottom + 8 + fontSize)),
                                             ("text-anchor", "middle")])
        }
        svg.close("g")
        if !axisTitle.isEmpty {
            svg.text("text", axisTitle, [("class", "axis-title"), ("x", SVGBuilder.num(edge)), ("y", SVGBuilder.num(axisTitleY))])
        }

        let zero = scale.zeroPosition
        var texts: [(String, Double, Double, Bool)] = []
        svg.open("g", [("class", "bars")])
        for s in 0..<values.series.count {
            let color = ChartPalette.colorClass(s)
            svg.open("g", [("class", "series " + color)])
            for (c, value) in values.series[s].values.enumerated() {
                guard let value, let label = valueLabels[s][c] else { continue }
                let rowTop = plot.top + Double(c) * rowHeight
                let groupTop = rowTop + (rowHeight - Double(values.series.count) * barThickness) / 2
                let end = scale.position(value)
                let rect = ChartRect(x: min(zero, end), y: groupTop + Double(s) * barThickness, width: abs(end - zero),
                                     height: barThickness - (values.series.count > 1 ? 1 : 0))
                if rect.width > 0 {
                    svg.element("rect", [("class", "bar " + color), ("x", SVGBuilder.num(rect.x)), ("y", SVGBuilder.num(rect.y)),
                                         ("width", SVGBuilder.num(rect.width)), ("height", SVGBuilder.num(rect.height))])
                    if values.series.count > 1 { ChartPatterns.overlay(chartID: chartID, series: s, rect: rect, into: &svg) }
                }
                let negative = value < 0
                texts.append((label, negative ? rect.left - 5 : rect.right + 5, rect.midY + ChartFont.value * 0.35, negative))
            }
            svg.close("g")
        }
        svg.close("g")
        let zeroX = SVGBuilder.num(zero)
        svg.element("line", [("class", "zero"), ("x1", zeroX), ("y1", SVGBuilder.num(plot.top)), ("x2", zeroX), ("y2", SVGBuilder.num(plot.bottom))])
        svg.open("g", [("class", "values")])
        for (text, x, y, negative) in texts {
            svg.text("text", text, [("class", "value"), ("x", SVGBuilder.num(x)), ("y", SVGBuilder.num(y)),
                                    ("text-anchor", negative ? "end" : "start")])
        }
        svg.close("g")
        svg.open("g", [("class", "y-labels")])
        for (c, lines) in labelLines.enumerated() {
            let midY = plot.top + (Double(c) + 0.5) * rowHeight
            let firstBaseline = midY - Double(lines.count - 1) * lineHeight / 2 + fontSize * 0.35
            svg.multilineText(lines, x: plotLeft - 10, lineHeight: lineHeight,
                              [("class", "y-label"), ("x", SVGBuilder.num(plotLeft - 10)), ("y", SVGBuilder.num(firstBaseline)),
                               ("text-anchor", "end")])
        }
        svg.close("g")
        if !annotations.isEmpty {
            svg.open("g", [("class", "annotation")])
            for annotation in annotations {
                let rowTop = plot.top + Double(annotation.categoryIndex) * rowHeight
                let lineY = SVGBuilder.num(rowTop)
                svg.element("line", [("x1", SVGBuilder.num(edge)), ("y1", lineY), ("x2", SVGBuilder.num(plot.right)), ("y2", lineY)])
                let text = TextWidth.truncate(annotation.label, toWidth: plot.width, fontSize: ChartFont.annotation)
                svg.text("text", text, [("class", "halo"), ("x", SVGBuilder.num(plot.right)), ("y", SVGBuilder.num(rowTop - 4)),
                                        ("text-anchor", "end")])
            }
            svg.close("g")
        }
        legend?.draw(chartID: chartID, into: &svg)

        var defs = SVGBuilder()
        if values.series.count > 1 { ChartPatterns.defs(chartID: chartID, seriesCount: values.series.count, into: &defs) }
        return DrawnChart(width: width, height: height, defs: defs.output, body: svg.output)
    }
}
