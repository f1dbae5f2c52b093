import DossierModel

/// Where everything of a horizontal bar chart goes (`HorizontalBarChartDrawer`), from the top down:
/// legend, value-axis title, the rows of bars (each moved down by the room its annotation label
/// needs above it), tick labels. Category labels take the left column.
struct HorizontalBarLayout {
    /// A bar and its value label, relative to the top of their row.
    struct Bar {
        var series: Int
        var rect: ChartRect
        var label: String
        var labelBox: ChartRect
        var negative: Bool
    }

    let width: Double
    let height: Double
    let plot: ChartRect
    /// Left and right ends of the plot, as the plot's edges were computed from.
    let plotLeft: Double
    let plotRight: Double
    let axis: HorizontalTicks
    let scale: ValueScale
    let legend: ChartLegend?
    /// One or more lines.
    let axisTitle: [String]
    let axisTitleY: Double
    /// Each category label, one entry per line.
    let labelLines: [[String]]
    let lineHeight: Double
    let rowHeight: Double
    /// The top of each category's row.
    let rowTops: [Double]
    /// The bars of each category.
    let bars: [[Bar]]
    /// The annotations on categories of the chart, and their labels, shortened to the plot width.
    let annotations: [ChartAnnotation]
    let annotationTexts: [String]

    /// Lays out `values` (those of `chart`) across `width`; the height follows from the number of categories.
    init(chart: ChartData, values: ChartValues, width: Double, format: LocaleFormat) {
        let edge = VerticalLayout.edge
        let seriesCount = max(1, values.series.count)
        let fontSize = ChartFont.tick
        self.width = width
        lineHeight = fontSize * ChartFont.lineHeight
        labelLines = Self.categoryLines(values.categories, maxWidth: HorizontalBarChartDrawer.maxLabelWidth(chartWidth: width))
        let labelWidth = labelLines.map { TextWidth.widest($0, fontSize: fontSize) }.max() ?? 0
        let maxLines = Double(labelLines.map { $0.count }.max() ?? 1)
        let barThickness = seriesCount == 1 ? 22.0 : 16.0
        rowHeight = max(Double(seriesCount) * barThickness + 12, maxLines * lineHeight + 10)
        let valueLabels = values.series.map { $0.values.map { $0.map { values.short($0, format: format) } } }

        annotations = chart.annotations.filter { values.categories.indices.contains($0.categoryIndex) }
        let header = Self.header(chart: chart, values: values, width: width, annotated: !annotations.isEmpty)
        legend = header.legend
        axisTitle = header.axisTitle
        axisTitleY = header.axisTitleY

        let plotLeft = edge + labelWidth + 10, plotRight = width - edge
        self.plotLeft = plotLeft
        self.plotRight = plotRight
        (axis, scale) = Self.valueAxis(values, valueLabels: valueLabels, plotLeft: plotLeft, plotRight: plotRight, format: format)
        bars = Self.bars(values, valueLabels: valueLabels, scale: scale, rowHeight: rowHeight, barThickness: barThickness)

        annotationTexts = annotations.map { TextWidth.truncate($0.label, toWidth: plotRight - plotLeft, fontSize: ChartFont.annotation) }
        let extra = Self.annotationRoom(annotations, texts: annotationTexts, bars: bars, rowHeight: rowHeight, axisTitle: axisTitle,
                                        plotRight: plotRight)
        let rows = Self.rowTops(top: header.bottom, extra: extra, rowHeight: rowHeight)
        rowTops = rows.tops
        plot = ChartRect(x: plotLeft, y: header.bottom, width: plotRight - plotLeft, height: rows.bottom - header.bottom)
        height = (plot.bottom + 8 + fontSize + 4 + edge).rounded(.up)
    }

    /// Each category label on one line if it fits, else two balanced lines, else two full lines, the second shortened.
    private static func categoryLines(_ categories: [String], maxWidth: Double) -> [[String]] {
        let fontSize = ChartFont.tick
        return categories.map { label in
            if TextWidth.of(label, fontSize: fontSize) <= maxWidth { return [label] }
            let balanced = TextWidth.wrap(label, maxLines: 2, fontSize: fontSize)
            if TextWidth.widest(balanced, fontSize: fontSize) <= maxWidth { return balanced }
            return TextWidth.fill(label, maxLines: 2, maxWidth: maxWidth, fontSize: fontSize)
        }
    }

    /// The legend (several series only) and the value-axis title above the rows, and where the first row
    /// may start (a little lower when there are annotations).
    private static func header(chart: ChartData, values: ChartValues, width: Double, annotated: Bool)
        -> (legend: ChartLegend?, axisTitle: [String], axisTitleY: Double, bottom: Double) {
        let edge = VerticalLayout.edge
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
        if annotated { y += 4 }
        return (legend, axisTitle, axisTitleY, y)
    }

    /// The value axis along the bottom, with zero, and its scale across the plot: value labels sit past the
    /// bar ends, so room is kept for them on each side that has bars.
    private static func valueAxis(_ values: ChartValues, valueLabels: [[String?]], plotLeft: Double, plotRight: Double,
                          format: LocaleFormat) -> (axis: HorizontalTicks, scale: ValueScale) {
        let all = values.allValues
        let low = min(0, all.min() ?? 0), high = max(0, all.max() ?? 0)
        let widestValue = valueLabels.flatMap { $0.compactMap { $0 } }.map { TextWidth.of($0, fontSize: ChartFont.value) }.max() ?? 0
        let startInset = low < 0 ? widestValue + 6 : 0
        let endInset = high > 0 ? widestValue + 6 : 0
        let axis = HorizontalTicks(low: low, high: high, includeZero: true, unit: values.unit,
                                   length: plotRight - endInset - plotLeft - startInset, format: format)
        let scale = ValueScale(ticks: axis.ticks, start: plotLeft + startInset, end: plotRight - endInset)
        return (axis, scale)
    }

    /// The bars of each category and their value labels, relative to the top of their row: the series side
    /// by side, centred in the row; a negative bar goes left of zero, with its label on its left.
    private static func bars(_ values: ChartValues, valueLabels: [[String?]], scale: ValueScale, rowHeight: Double,
                     barThickness: Double) -> [[Bar]] {
        let zero = scale.zeroPosition
        return values.categories.indices.map { c in
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
    }

    /// The extra room each row needs above it so that its annotation label (the first one on it) touches nothing.
    private static func annotationRoom(_ annotations: [ChartAnnotation], texts: [String], bars: [[Bar]], rowHeight: Double,
                               axisTitle: [String], plotRight: Double) -> [Double] {
        let annotationLine = ChartFont.annotation * ChartFont.lineHeight + 2
        var extra = [Double](repeating: 0, count: bars.count)
        for (annotation, text) in zip(annotations, texts) where extra[annotation.categoryIndex] == 0 {
            let c = annotation.categoryIndex
            let w = TextWidth.of(text, fontSize: ChartFont.annotation)
            // In row-relative coordinates of the row above (its bottom is at rowHeight).
            let box = ChartRect(x: plotRight - w, y: rowHeight - 4 - ChartFont.annotation * 0.8, width: w, height: ChartFont.annotation)
            let touches: Bool
            if c == 0 {
                // Above the first row: the axis title's last line, right-aligned labels never reach it when it is short.
                let titleWidth = TextWidth.widest(axisTitle, fontSize: ChartFont.axisTitle)
                touches = !axisTitle.isEmpty && VerticalLayout.edge + titleWidth + 8 > plotRight - w
            } else {
                touches = bars[c - 1].contains { $0.rect.insetBy(2).intersects(box) || $0.labelBox.insetBy(2).intersects(box) }
            }
            if touches { extra[c] = annotationLine }
        }
        return extra
    }

    /// The top of each row, from `top` down, each after its extra room; and the bottom of the last.
    private static func rowTops(top: Double, extra: [Double], rowHeight: Double) -> (tops: [Double], bottom: Double) {
        var tops: [Double] = []
        var cursor = top
        for room in extra {
            cursor += room
            tops.append(cursor)
            cursor += rowHeight
        }
        return (tops, cursor)
    }
}
