/// Series names written at the right end of their line (or stacked band), in their series' colour,
/// instead of a legend: the reader matches name and line by place and by colour.
///
/// Names of lines that end close together are spread apart vertically (`LabelSpreader`), each as
/// near its line's end as the others allow, and joined to it by a short leader in its colour when
/// moved, so that a label never leaves its line.
struct DirectLabels {
    static let maxWidth = 140.0
    /// Room between the last point and the start of a label (the leader runs across it).
    static let offset = 16.0
    static var gap: Double { ChartFont.legend * 1.15 }

    /// The names, shortened to the room they have.
    let names: [String]
    /// Where each label is centred vertically.
    let ys: [Double]
    /// Where each series ends (the point its label names).
    let ends: [Double]

    /// Room for a label: 140, or 22 % of a narrower chart (where a longer name means a legend rather than “…”).
    static func width(chartWidth: Double) -> Double {
        min(maxWidth, chartWidth * 0.22)
    }

    /// The names to write and the room to keep right of the plot for them, or nil when a legend
    /// serves better: one series, more than eight, or a name that would be shortened on a narrow chart.
    static func names(_ values: ChartValues, chartWidth: Double) -> (names: [String], reserve: Double)? {
        let room = width(chartWidth: chartWidth)
        let fit = room >= maxWidth || values.series.allSatisfy { TextWidth.of($0.name, fontSize: ChartFont.legend) <= room }
        guard values.series.count > 1, values.series.count <= ChartPalette.count, fit else { return nil }
        let names = values.series.map { TextWidth.truncate($0.name, toWidth: room, fontSize: ChartFont.legend) }
        return (names, TextWidth.widest(names, fontSize: ChartFont.legend) + offset + 6)
    }

    /// Labels for series ending at `ends` (y positions), spread within the plot; nil when they cannot all fit.
    init?(names: [String], ends: [Double], plot: ChartRect) {
        guard let ys = LabelSpreader.spread(ends, gap: Self.gap, low: plot.top + 4, high: plot.bottom) else { return nil }
        self.names = names
        self.ys = ys
        self.ends = ends
    }

    /// The labels, right of `x` (the last category), each with the class of its series (`s0`…, `muted`).
    func draw(x: Double, classes: [String], order: [Int], into svg: inout SVGBuilder) {
        svg.open("g", [("class", "direct-labels")])
        for s in order where s < names.count {
            let color = ChartPalette.colorClass(s, in: classes)
            let y = ys[s], end = ends[s]
            if abs(y - end) > 3 {
                svg.polylinePath(className: "leader line " + color,
                                 [ChartPoint(x: x + 5, y: end), ChartPoint(x: x + Self.offset - 3, y: y)], close: false)
            }
            svg.text("text", names[s], [("class", "label halo " + color), ("x", SVGBuilder.num(x + Self.offset)),
                                        ("y", SVGBuilder.num(y + ChartFont.legend * 0.35))])
        }
        svg.close("g")
    }

    /// Series indices in drawing order: muted series first, the highlighted one last (on top).
    static func drawingOrder(_ values: ChartValues) -> [Int] {
        let all = Array(values.series.indices)
        guard let highlight = values.highlight else { return all }
        return all.filter { $0 != highlight } + [highlight]
    }
}
