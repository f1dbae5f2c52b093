import DossierModel

/// Where categories sit along the x axis.
enum CategoryPositions {
    /// Bars: each category owns an equal slice of the plot width.
    case bands
    /// Lines and areas: each category at a fraction (0…1) of the plot width.
    case points([Double])
}

/// An annotation label placed in the band above the plot.
struct AnnotationPlacement {
    var x: Double
    var text: String
    var anchorEnd: Bool
    var row: Int
    /// Where the text sits along x (with a little air).
    var textSpan: ClosedRange<Double> = 0...0
}

/// The layout shared by charts with categories along x and values up y (bar, grouped-bar,
/// stacked-bar, line, area), from the top down: legend, value-axis title, annotation labels,
/// plot, category labels.
///
/// The width is given (`ChartRenderer.defaultWidth` unless a narrower or wider drawing is asked
/// for; text keeps its size at every width); the height is at least `minHeight` and grows so the
/// plot keeps `minPlotHeight` when the legend wraps, the axis title takes two lines or the category
/// labels are rotated.
struct VerticalLayout {
    static let minHeight = 380.0
    static let minPlotHeight = 200.0
    static let edge = 8.0
    static let pointPadding = 8.0

    struct Options {
        var ticks: [Double]
        var positions: CategoryPositions
        /// nil: no legend (one series, or direct labels instead).
        var legend: ChartLegend.Symbol?
        /// Room kept right of the plot (direct labels at line ends).
        var rightReserve = 0.0
        /// Room kept inside the plot above the highest tick and below the lowest (value labels).
        var topInset = 0.0
        var bottomInset = 0.0
    }

    let width: Double
    let height: Double
    let plot: ChartRect
    let scale: ValueScale
    let centers: [Double]
    /// Width of a category's slice.
    let band: Double
    let labels: CategoryLabelLayout
    let legend: ChartLegend?
    /// One or two lines.
    let axisTitle: [String]
    let axisTitleY: Double
    let tickLabels: [String]
    let annotations: [AnnotationPlacement]
    /// Baseline of the first row of annotation labels.
    let annotationTop: Double

    init(chart: ChartData, values: ChartValues, options: Options, width: Double, format: LocaleFormat) {
        let edge = Self.edge
        self.width = width
        let provisional = ValueScale(ticks: options.ticks, start: 0, end: 1)
        tickLabels = provisional.labels(unit: values.unit, format: format)
        let tickWidth = tickLabels.map { TextWidth.of($0, fontSize: ChartFont.tick) }.max() ?? 0
        let right = width - edge - max(options.rightReserve, 8)
        let placed = Self.placeCategories(values, positions: options.positions, left: edge + tickWidth + 8, right: right, width: width)
        let left = placed.left
        centers = placed.centers
        band = placed.band
        labels = placed.labels

        var y = edge
        if let symbol = options.legend, values.series.count > 1 {
            let legend = ChartLegend(names: values.series.map(\.name), classes: ChartPalette.seriesClasses(values), symbol: symbol, x: edge, top: y, maxWidth: width - 2 * edge)
            self.legend = legend
            y += legend.height + 4
        } else {
            legend = nil
        }
        axisTitle = ValueScale.titleLines(ValueScale.title(chart.valueLabel, unit: values.unit), width: width - 2 * edge)
        if axisTitle.isEmpty {
            axisTitleY = y
        } else {
            axisTitleY = y + ChartFont.axisTitle
            y += ChartFont.axisTitle + 10 + Double(axisTitle.count - 1) * ChartFont.axisTitle * ChartFont.lineHeight
        }
        annotations = Self.placeAnnotations(chart.annotations, centers: placed.centers, minX: edge, maxX: width - edge)
        let annotationRows = (annotations.map(\.row).max() ?? -1) + 1
        let annotationLine = ChartFont.annotation * ChartFont.lineHeight + 2
        annotationTop = y + ChartFont.annotation
        y += Double(annotationRows) * annotationLine + (annotationRows > 0 ? 4 : 0)

        // The top tick label is centred on the top gridline: keep it clear of what is above.
        let top = y + ChartFont.tick * 0.6 + 2
        height = max(Self.minHeight, top + Self.minPlotHeight + labels.height + edge).rounded(.up)
        plot = ChartRect(x: left, y: top, width: right - left, height: height - edge - labels.height - top)
        scale = ValueScale(ticks: options.ticks, start: plot.bottom - options.bottomInset, end: plot.top + options.topInset)
    }

    /// Where the plot starts, the category centres, the width of a category's slice and the category labels.
    /// Rotated labels hang left of their category: the left margin widens (up to a third of the width) so the
    /// first one is not cut.
    private static func placeCategories(_ values: ChartValues, positions: CategoryPositions, left: Double, right: Double,
                                        width: Double) -> (left: Double, centers: [Double], band: Double, labels: CategoryLabelLayout) {
        let count = values.categories.count
        var left = left
        var placed = centers(count: count, positions: positions, left: left, right: right)
        var labels = Self.categoryLabels(values, centers: placed.centers, width: width)
        if labels.mode == .rotated, let first = placed.centers.first, labels.leftReach > first - edge {
            left = min(width / 3, max(left, left + labels.leftReach - (first - edge) + 2))
            placed = centers(count: count, positions: positions, left: left, right: right)
            labels = Self.categoryLabels(values, centers: placed.centers, width: width)
        }
        return (left, placed.centers, placed.band, labels)
    }

    /// The centres of `count` categories between `left` and `right`, and the width of a category's slice.
    private static func centers(count: Int, positions: CategoryPositions, left: Double, right: Double) -> (centers: [Double], band: Double) {
        let plotWidth = max(1, right - left)
        switch positions {
        case .bands:
            let band = plotWidth / Double(max(1, count))
            return ((0..<count).map { left + (Double($0) + 0.5) * band }, band)
        case .points(let fractions):
            let pad = Self.pointPadding
            let span = max(1, plotWidth - 2 * pad)
            let band = count > 1 ? span / Double(count - 1) : span
            return (fractions.map { left + pad + $0 * span }, band)
        }
    }

    /// The category labels under the axis (see `CategoryLabelLayout`); short names that only just miss lying
    /// flat (a phone's five vendors) take a slightly smaller size rather than a slant.
    static func categoryLabels(_ values: ChartValues, centers: [Double], width: Double) -> CategoryLabelLayout {
        func layout(_ fontSize: Double) -> CategoryLabelLayout {
            CategoryLabelLayout(labels: values.categories, centers: centers, ordered: values.ordered, dates: values.dates,
                                units: values.labelUnits, steps: values.labelSteps, minX: edge, maxX: width - edge,
                                maxRotatedWidth: CategoryLabelLayout.maxRotatedWidth(chartWidth: width), fontSize: fontSize)
        }
        let labels = layout(ChartFont.tick)
        guard labels.mode == .rotated else { return labels }
        let compact = layout(ChartFont.compactTick)
        return compact.mode == .rotated ? labels : compact
    }

    /// Annotation labels right of their line (left of it near the right edge; shortened with “…” when
    /// they fit on neither side), on as many rows as needed so none overlaps another. A line runs from
    /// its label down to the plot, so a label that spans another annotation's line goes on a row above
    /// that annotation's (when the two do not span each other's).
    static func placeAnnotations(_ annotations: [ChartAnnotation], centers: [Double], minX: Double, maxX: Double) -> [AnnotationPlacement] {
        var candidates: [(placement: AnnotationPlacement, span: ClosedRange<Double>)] = []
        for annotation in annotations where centers.indices.contains(annotation.categoryIndex) {
            let x = centers[annotation.categoryIndex]
            var text = TextWidth.truncate(annotation.label, toWidth: (maxX - minX) * 0.6, fontSize: ChartFont.annotation)
            var w = TextWidth.of(text, fontSize: ChartFont.annotation)
            let roomRight = maxX - x - 5, roomLeft = x - 5 - minX
            let anchorEnd = w > roomRight && (w <= roomLeft || roomLeft > roomRight)
            // Fits on neither side (a long label mid-way across a narrow chart): shortened to the larger side.
            if w > max(roomRight, roomLeft) {
                text = TextWidth.truncate(annotation.label, toWidth: max(roomRight, roomLeft), fontSize: ChartFont.annotation)
                w = TextWidth.of(text, fontSize: ChartFont.annotation)
            }
            let span = anchorEnd ? (x - 5 - w)...(x) : (x)...(x + 5 + w)
            let textSpan = anchorEnd ? (x - 8 - w)...(x - 2) : (x + 2)...(x + 8 + w)
            candidates.append((AnnotationPlacement(x: x, text: text, anchorEnd: anchorEnd, row: 0, textSpan: textSpan), span))
        }
        // Order: an annotation after every one whose label spans its line (in input order otherwise, and when they span each other).
        var order: [Int] = []
        var remaining = Array(candidates.indices)
        while !remaining.isEmpty {
            let ready = remaining.first { j in
                !remaining.contains { i in i != j && candidates[i].placement.textSpan.contains(candidates[j].placement.x) }
            } ?? remaining[0]
            order.append(ready)
            remaining.removeAll { $0 == ready }
        }
        var occupied: [[ClosedRange<Double>]] = []
        var placed: [AnnotationPlacement?] = Array(repeating: nil, count: candidates.count)
        for index in order {
            var placement = candidates[index].placement
            let span = candidates[index].span
            let others = placed.compactMap { $0 }
            func clear(_ row: Int) -> Bool {
                !(row < occupied.count && occupied[row].contains { $0.overlaps(span) })
            }
            // Not on the line of an annotation above, and its own line through no label below.
            func free(_ row: Int) -> Bool {
                clear(row) && !others.contains { $0.row < row && placement.textSpan.contains($0.x) }
                    && !others.contains { $0.row > row && $0.textSpan.contains(placement.x) }
            }
            let row = (0...occupied.count).first(where: free) ?? (0...occupied.count).first(where: clear) ?? occupied.count
            if row == occupied.count { occupied.append([]) }
            occupied[row].append(span.lowerBound - 6...span.upperBound + 6)
            placement.row = row
            placed[index] = placement
        }
        return placed.compactMap { $0 }
    }
}
