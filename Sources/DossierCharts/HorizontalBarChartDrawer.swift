import DossierModel

/// Horizontal bars (`hbar`): categories down the left, where long names have room (wrapped on
/// two lines, then shortened with “…”; the column takes at most 38 % of the width, a little more on a
/// phone), values along
/// the bottom (fewer ticks on a narrow chart). Several series are grouped in each row, told apart
/// by colour (hatched past the eighth). Every bar carries its value at its end; negative bars go left of the zero line.
/// The drawing grows taller with the number of categories.
///
/// Annotations are a dashed line above the annotated row, labelled at the right; the row moves
/// down to make room for the label when it would touch the row above (or the axis title).
enum HorizontalBarChartDrawer {
    static let maxLabelShare = 0.38

    /// The widest category label: 38 % of the width, but on a narrow chart up to 150 (at most 42 %), so
    /// that a phone keeps two words on a line.
    static func maxLabelWidth(chartWidth: Double) -> Double {
        max(chartWidth * maxLabelShare, min(chartWidth * 0.42, 150))
    }

    static func draw(_ chart: ChartData, values: ChartValues, chartID: String, width: Double, format: LocaleFormat) -> DrawnChart {
        let edge = VerticalLayout.edge
        let seriesCount = max(1, values.series.count)
        let fontSize = ChartFont.tick
        let lineHeight = fontSize * ChartFont.lineHeight

        // Category labels: one line if it fits, else two balanced lines, else two full lines, the second shortened.
        let maxLabelWidth = maxLabelWidth(chartWidth: width)
        let labelLines: [[String]] = values.categories.map { label in
            if TextWidth.of(label, fontSize: fontSize) <= maxLabelWidth { return [label] }
            let balanced = TextWidth.wrap(label, maxLines: 2, fontSize: fontSize)
            if TextWidth.widest(balanced, fontSize: fontSize) <= maxLabelWidth { return balanced }
            return TextWidth.fill(label, maxLines: 2, maxWidth: maxLabelWidth, fontSize: fontSize)
        }
        let labelWidth = labelLines.map { TextWidth.widest($0, fontSize: fontSize) }.max() ?? 0
        let maxLines = Double(labelLines.map(\.count).max() ?? 1)
        let barThickness = seriesCount == 1 ? 22.0 : 16.0
        let rowHeight = max(Double(seriesCount) * barThickness + 12, maxLines * lineHeight + 10)

        let all = values.allValues
        let low = min(0, all.min() ?? 0), high = max(0, all.max() ?? 0)
        let valueLabels = values.series.map { $0.values.map { $0.map { values.short($0, format: format) } } }
        let widestValue = valueLabels.flatMap { $0.compactMap { $0 } }.map { TextWidth.of($0, fontSize: ChartFont.value) }.max() ?? 0

        var y = edge
        var legend: ChartLegend?
        if values.series.count > 1 {
            let built = ChartLegend(names: values.series.map(\.name), classes: ChartPalette.seriesClasses(values), symbol: .box, x: edge, top: y, maxWidth: width - 2 * edge)
            legend = built
            y += built.height + 4
        }
        let axisTitle = ValueScale.titleLines(ValueScale.title(chart.valueLabel, unit: values.unit), width: width - 2 * edge)
        let axisTitleY = y + ChartFont.axisTitle
        if !axisTitle.isEmpty { y += ChartFont.axisTitle + 10 + Double(axisTitle.count - 1) * ChartFont.axisTitle * ChartFont.lineHeight }
        let annotations = chart.annotations.filter { values.categories.indices.contains($0.categoryIndex) }
        if !annotations.isEmpty { y += 4 }

        let plotLeft = edge + labelWidth + 10
        let plotRight = width - edge
        // Value labels sit past the bar ends: keep room for them on each side that has bars.
        let startInset = low < 0 ? widestValue + 6 : 0
        let endInset = high > 0 ? widestValue + 6 : 0
        let axis = HorizontalTicks(low: low, high: high, includeZero: true, unit: values.unit,
                                   length: plotRight - endInset - plotLeft - startInset, format: format)
        let ticks = axis.ticks
        let scale = ValueScale(ticks: ticks, start: plotLeft + startInset, end: plotRight - endInset)
        let zero = scale.zeroPosition
        let classes = ChartPalette.seriesClasses(values)

        // Bars and value labels, relative to the top of their row.
        struct Bar {
            var series: Int
            var rect: ChartRect
            var label: String
            var labelBox: ChartRect
            var negative: Bool
        }
        let bars: [[Bar]] = values.categories.indices.map { c in
            values.series.indices.compactMap { s in
                guard let value = values.series[s].values[c], let label = valueLabels[s][c] else { return nil }
                let groupTop = (rowHeight - Double(values.series.count) * barThickness) / 2
                let end = scale.position(value)
                let rect = ChartRect(x: min(zero, end), y: groupTop + Double(s) * barThickness, width: abs(end - zero),
                                     height: barThickness - (values.series.count > 1 ? 1 : 0))
                let w = TextWidth.of(label, fontSize: ChartFont.value)
                let negative = value < 0
                let box = ChartRect(x: negative ? rect.left - 5 - w : rect.right + 5, y: rect.midY - ChartFont.value * 0.5,
                                    width: w, height: ChartFont.value)
                return Bar(series: s, rect: rect, label: label, labelBox: box, negative: negative)
            }
        }

        // Annotation labels, and the extra room a row needs above it so its label touches nothing.
        let annotationLine = ChartFont.annotation * ChartFont.lineHeight + 2
        let annotationTexts = annotations.map { TextWidth.truncate($0.label, toWidth: plotRight - plotLeft, fontSize: ChartFont.annotation) }
        var extra = [Double](repeating: 0, count: values.categories.count)
        for (annotation, text) in zip(annotations, annotationTexts) where extra[annotation.categoryIndex] == 0 {
            let c = annotation.categoryIndex
            let w = TextWidth.of(text, fontSize: ChartFont.annotation)
            // In row-relative coordinates of the row above (its bottom is at rowHeight).
            let box = ChartRect(x: plotRight - w, y: rowHeight - 4 - ChartFont.annotation * 0.8, width: w, height: ChartFont.annotation)
            let touches: Bool
            if c == 0 {
                // Above the first row: the axis title's last line, right-aligned labels never reach it when it is short.
                let titleWidth = TextWidth.widest(axisTitle, fontSize: ChartFont.axisTitle)
                touches = !axisTitle.isEmpty && edge + titleWidth + 8 > plotRight - w
            } else {
                touches = bars[c - 1].contains { $0.rect.insetBy(2).intersects(box) || $0.labelBox.insetBy(2).intersects(box) }
            }
            if touches { extra[c] = annotationLine }
        }
        var rowTops: [Double] = []
        var cursor = y
        for c in values.categories.indices {
            cursor += extra[c]
            rowTops.append(cursor)
            cursor += rowHeight
        }
        let plot = ChartRect(x: plotLeft, y: y, width: plotRight - plotLeft, height: cursor - y)
        let height = (plot.bottom + 8 + fontSize + 4 + edge).rounded(.up)

        var svg = SVGBuilder()
        svg.open("g", [("class", "grid")])
        for tick in ticks {
            let x = SVGBuilder.num(scale.position(tick))
            svg.element("line", [("x1", x), ("y1", SVGBuilder.num(plot.top)), ("x2", x), ("y2", SVGBuilder.num(plot.bottom))])
        }
        svg.close("g")
        // Tick labels under the plot, kept inside the drawing.
        svg.open("g", [("class", "x-labels")])
        for i in axis.shown {
            let w = TextWidth.of(axis.labels[i], fontSize: fontSize)
            let x = min(max(scale.position(ticks[i]), edge + w / 2), width - edge - w / 2)
            svg.text("text", axis.labels[i], [("x", SVGBuilder.num(x)), ("y", SVGBuilder.num(plot.bottom + 8 + fontSize)),
                                              ("text-anchor", "middle")])
        }
        svg.close("g")
        if !axisTitle.isEmpty {
            svg.multilineText(axisTitle, x: edge, lineHeight: ChartFont.axisTitle * ChartFont.lineHeight,
                              [("class", "axis-title"), ("x", SVGBuilder.num(edge)), ("y", SVGBuilder.num(axisTitleY))])
        }

        svg.open("g", [("class", "bars")])
        for s in 0..<values.series.count {
            let color = classes[s]
            svg.open("g", [("class", "series " + color)])
            for (c, row) in bars.enumerated() {
                for bar in row where bar.series == s && bar.rect.width > 0 {
                    let rect = ChartRect(x: bar.rect.x, y: rowTops[c] + bar.rect.y, width: bar.rect.width, height: bar.rect.height)
                    let barColor = ChartPalette.barClass(series: color, category: values.categories[c], seriesCount: values.series.count)
                    svg.element("rect", [("class", "bar " + barColor), ("x", SVGBuilder.num(rect.x)), ("y", SVGBuilder.num(rect.y)),
                                         ("width", SVGBuilder.num(rect.width)), ("height", SVGBuilder.num(rect.height))])
                    if values.series.count > ChartPalette.count { ChartPatterns.overlay(chartID: chartID, series: s, rect: rect, into: &svg) }
                }
            }
            svg.close("g")
        }
        svg.close("g")
        let zeroX = SVGBuilder.num(zero)
        svg.element("line", [("class", "zero"), ("x1", zeroX), ("y1", SVGBuilder.num(plot.top)), ("x2", zeroX), ("y2", SVGBuilder.num(plot.bottom))])
        svg.open("g", [("class", "values")])
        for s in 0..<values.series.count {
            for (c, row) in bars.enumerated() {
                for bar in row where bar.series == s {
                    let midY = rowTops[c] + bar.rect.midY
                    svg.text("text", bar.label, [("class", "value"), ("x", SVGBuilder.num(bar.negative ? bar.rect.left - 5 : bar.rect.right + 5)),
                                                 ("y", SVGBuilder.num(midY + ChartFont.value * 0.35)),
                                                 ("text-anchor", bar.negative ? "end" : "start")])
                }
            }
        }
        svg.close("g")
        svg.open("g", [("class", "y-labels")])
        for (c, lines) in labelLines.enumerated() {
            let midY = rowTops[c] + rowHeight / 2
            let firstBaseline = midY - Double(lines.count - 1) * lineHeight / 2 + fontSize * 0.35
            svg.multilineText(lines, x: plotLeft - 10, lineHeight: lineHeight,
                              [("class", "y-label"), ("x", SVGBuilder.num(plotLeft - 10)), ("y", SVGBuilder.num(firstBaseline)),
                               ("text-anchor", "end")])
        }
        svg.close("g")
        if !annotations.isEmpty {
            svg.open("g", [("class", "annotation")])
            for (annotation, text) in zip(annotations, annotationTexts) {
                let rowTop = rowTops[annotation.categoryIndex]
                let lineY = SVGBuilder.num(rowTop)
                svg.element("line", [("x1", SVGBuilder.num(edge)), ("y1", lineY), ("x2", SVGBuilder.num(plot.right)), ("y2", lineY)])
                svg.text("text", text, [("class", "halo"), ("x", SVGBuilder.num(plot.right)), ("y", SVGBuilder.num(rowTop - 4)),
                                        ("text-anchor", "end")])
            }
            svg.close("g")
        }
        legend?.draw(chartID: chartID, into: &svg)

        var defs = SVGBuilder()
        if values.series.count > ChartPalette.count { ChartPatterns.defs(chartID: chartID, seriesCount: values.series.count, into: &defs) }
        return DrawnChart(width: width, height: height, defs: defs, body: svg)
    }
}

/// `hbar` (`ChartRegistry`).
struct HorizontalBarChart: ChartDrawer {
    var shape: ChartShape { .series }

    func name(french: Bool) -> String { french ? "Diagramme en barres horizontales" : "Horizontal bar chart" }

    func draw(_ chart: ChartData, values: ChartValues, id: String, width: Double, format: LocaleFormat) -> DrawnChart {
        HorizontalBarChartDrawer.draw(chart, values: values, chartID: id, width: width, format: format)
    }
}
