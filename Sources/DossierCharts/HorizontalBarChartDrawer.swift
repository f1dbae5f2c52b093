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
        let layout = HorizontalBarLayout(chart: chart, values: values, width: width, format: format)
        var svg = SVGBuilder()
        drawAxis(layout, into: &svg)
        drawBars(layout, values: values, chartID: chartID, into: &svg)
        let zeroX = SVGBuilder.num(layout.scale.zeroPosition)
        svg.element("line", [("class", "zero"), ("x1", zeroX), ("y1", SVGBuilder.num(layout.plot.top)), ("x2", zeroX),
                             ("y2", SVGBuilder.num(layout.plot.bottom))])
        drawValueLabels(layout, seriesCount: values.series.count, into: &svg)
        drawCategoryLabels(layout, into: &svg)
        drawAnnotations(layout, into: &svg)
        layout.legend?.draw(chartID: chartID, into: &svg)

        var defs = SVGBuilder()
        if values.series.count > ChartPalette.count { ChartPatterns.defs(chartID: chartID, seriesCount: values.series.count, into: &defs) }
        return DrawnChart(width: width, height: layout.height, defs: defs, body: svg)
    }

    /// Draws the gridlines at the ticks, the tick labels under the plot (kept inside the drawing) and the axis title.
    private static func drawAxis(_ layout: HorizontalBarLayout, into svg: inout SVGBuilder) {
        let edge = VerticalLayout.edge, fontSize = ChartFont.tick
        let axis = layout.axis, ticks = layout.axis.ticks, plot = layout.plot
        svg.open("g", [("class", "grid")])
        for tick in ticks {
            let x = SVGBuilder.num(layout.scale.position(tick))
            svg.element("line", [("x1", x), ("y1", SVGBuilder.num(plot.top)), ("x2", x), ("y2", SVGBuilder.num(plot.bottom))])
        }
        svg.close("g")
        svg.open("g", [("class", "x-labels")])
        for i in axis.shown {
            let w = TextWidth.of(axis.labels[i], fontSize: fontSize)
            let x = min(max(layout.scale.position(ticks[i]), edge + w / 2), layout.width - edge - w / 2)
            svg.text("text", axis.labels[i], [("x", SVGBuilder.num(x)), ("y", SVGBuilder.num(plot.bottom + 8 + fontSize)),
                                              ("text-anchor", "middle")])
        }
        svg.close("g")
        if !layout.axisTitle.isEmpty {
            svg.multilineText(layout.axisTitle, x: edge, lineHeight: ChartFont.axisTitle * ChartFont.lineHeight,
                              [("class", "axis-title"), ("x", SVGBuilder.num(edge)), ("y", SVGBuilder.num(layout.axisTitleY))])
        }
    }

    /// Draws the bars, series by series, each at the top of its row (hatched past the eighth series).
    private static func drawBars(_ layout: HorizontalBarLayout, values: ChartValues, chartID: String, into svg: inout SVGBuilder) {
        let classes = ChartPalette.seriesClasses(values)
        svg.open("g", [("class", "bars")])
        for s in 0..<values.series.count {
            let color = classes[s]
            svg.open("g", [("class", "series " + color)])
            for (c, row) in layout.bars.enumerated() {
                for bar in row where bar.series == s && bar.rect.width > 0 {
                    let rect = ChartRect(x: bar.rect.x, y: layout.rowTops[c] + bar.rect.y, width: bar.rect.width, height: bar.rect.height)
                    let barColor = ChartPalette.barClass(series: color, category: values.categories[c], seriesCount: values.series.count)
                    svg.element("rect", [("class", "bar " + barColor), ("x", SVGBuilder.num(rect.x)), ("y", SVGBuilder.num(rect.y)),
                                         ("width", SVGBuilder.num(rect.width)), ("height", SVGBuilder.num(rect.height))])
                    if values.series.count > ChartPalette.count { ChartPatterns.overlay(chartID: chartID, series: s, rect: rect, into: &svg) }
                }
            }
            svg.close("g")
        }
        svg.close("g")
    }

    /// Draws each bar's value past its end (left of a negative bar), series by series.
    private static func drawValueLabels(_ layout: HorizontalBarLayout, seriesCount: Int, into svg: inout SVGBuilder) {
        svg.open("g", [("class", "values")])
        for s in 0..<seriesCount {
            for (c, row) in layout.bars.enumerated() {
                for bar in row where bar.series == s {
                    let midY = layout.rowTops[c] + bar.rect.midY
                    svg.text("text", bar.label, [("class", "value"), ("x", SVGBuilder.num(bar.negative ? bar.rect.left - 5 : bar.rect.right + 5)),
                                                 ("y", SVGBuilder.num(midY + ChartFont.value * 0.35)),
                                                 ("text-anchor", bar.negative ? "end" : "start")])
                }
            }
        }
        svg.close("g")
    }

    /// Draws the category labels right-aligned left of the plot, centred on their row.
    private static func drawCategoryLabels(_ layout: HorizontalBarLayout, into svg: inout SVGBuilder) {
        let fontSize = ChartFont.tick, lineHeight = layout.lineHeight, plotLeft = layout.plotLeft
        svg.open("g", [("class", "y-labels")])
        for (c, lines) in layout.labelLines.enumerated() {
            let midY = layout.rowTops[c] + layout.rowHeight / 2
            let firstBaseline = midY - Double(lines.count - 1) * lineHeight / 2 + fontSize * 0.35
            svg.multilineText(lines, x: plotLeft - 10, lineHeight: lineHeight,
                              [("class", "y-label"), ("x", SVGBuilder.num(plotLeft - 10)), ("y", SVGBuilder.num(firstBaseline)),
                               ("text-anchor", "end")])
        }
        svg.close("g")
    }

    /// Draws each annotation: a dashed line above its row, labelled at the right (nothing when there is none).
    private static func drawAnnotations(_ layout: HorizontalBarLayout, into svg: inout SVGBuilder) {
        guard !layout.annotations.isEmpty else { return }
        let plot = layout.plot
        svg.open("g", [("class", "annotation")])
        for (annotation, text) in zip(layout.annotations, layout.annotationTexts) {
            let rowTop = layout.rowTops[annotation.categoryIndex]
            let lineY = SVGBuilder.num(rowTop)
            svg.element("line", [("x1", SVGBuilder.num(VerticalLayout.edge)), ("y1", lineY), ("x2", SVGBuilder.num(plot.right)), ("y2", lineY)])
            svg.text("text", text, [("class", "halo"), ("x", SVGBuilder.num(plot.right)), ("y", SVGBuilder.num(rowTop - 4)),
                                    ("text-anchor", "end")])
        }
        svg.close("g")
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
