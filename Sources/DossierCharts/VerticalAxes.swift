/// Drawing of the parts a `VerticalLayout` chart shares: gridlines, tick labels, axis title,
/// category labels, zero line and annotations.
enum VerticalAxes {
    /// Gridlines and value labels, drawn first so data sits on top.
    static func drawGrid(_ layout: VerticalLayout, into svg: inout SVGBuilder) {
        let scale = layout.scale
        svg.open("g", [("class", "grid")])
        for tick in scale.ticks {
            let y = scale.position(tick)
            svg.line(x1: layout.plot.left, y1: y, x2: layout.plot.right, y2: y)
        }
        svg.close("g")
        svg.open("g", [("class", "y-labels")])
        for (tick, label) in zip(scale.ticks, layout.tickLabels) {
            svg.text("text", label, [("x", SVGBuilder.num(layout.plot.left - 8)),
                                     ("y", SVGBuilder.num(scale.position(tick) + ChartFont.tick * 0.35)), ("text-anchor", "end")])
        }
        svg.close("g")
        if !layout.axisTitle.isEmpty {
            svg.multilineText(layout.axisTitle, x: VerticalLayout.edge, lineHeight: ChartFont.axisTitle * ChartFont.lineHeight,
                              [("class", "axis-title"), ("x", SVGBuilder.num(VerticalLayout.edge)), ("y", SVGBuilder.num(layout.axisTitleY))])
        }
    }

    /// Category labels, with small tick marks for point positions (lines and areas).
    static func drawCategoryLabels(_ layout: VerticalLayout, tickMarks: Bool, into svg: inout SVGBuilder) {
        if tickMarks {
            svg.open("g", [("class", "axis")])
            for i in layout.labels.shown where i < layout.centers.count {
                let x = layout.centers[i]
                svg.line(x1: x, y1: layout.plot.bottom, x2: x, y2: layout.plot.bottom + 5)
            }
            svg.close("g")
        }
        layout.labels.draw(axisY: layout.plot.bottom, into: &svg)
    }

    /// The baseline at zero (or at the lowest tick when zero is off the axis), over the data.
    static func drawBaseline(_ layout: VerticalLayout, into svg: inout SVGBuilder) {
        let scale = layout.scale
        let isZero = scale.low <= 0 && scale.high >= 0
        let y = SVGBuilder.num(isZero ? scale.zeroPosition : scale.position(scale.low))
        svg.element("line", [("class", isZero ? "zero" : "axis-line"), ("x1", SVGBuilder.num(layout.plot.left)), ("y1", y),
                             ("x2", SVGBuilder.num(layout.plot.right)), ("y2", y)])
    }

    /// Dashed vertical lines at the annotated categories, labelled at the top.
    static func drawAnnotations(_ layout: VerticalLayout, into svg: inout SVGBuilder) {
        guard !layout.annotations.isEmpty else { return }
        let line = ChartFont.annotation * ChartFont.lineHeight + 2
        svg.open("g", [("class", "annotation")])
        // Every line, then every label (haloed) over them.
        for annotation in layout.annotations {
            let baseline = layout.annotationTop + Double(annotation.row) * line
            let x = SVGBuilder.num(annotation.x)
            svg.element("line", [("x1", x), ("y1", SVGBuilder.num(baseline - ChartFont.annotation * 0.8)), ("x2", x),
                                 ("y2", SVGBuilder.num(layout.plot.bottom))])
        }
        for annotation in layout.annotations {
            let baseline = layout.annotationTop + Double(annotation.row) * line
            svg.text("text", annotation.text, [("class", "halo"), ("x", SVGBuilder.num(annotation.x + (annotation.anchorEnd ? -5 : 5))),
                                               ("y", SVGBuilder.num(baseline)),
                                               ("text-anchor", annotation.anchorEnd ? "end" : "start")])
        }
        svg.close("g")
    }
}
