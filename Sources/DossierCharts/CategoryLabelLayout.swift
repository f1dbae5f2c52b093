/// Where the category labels under a horizontal axis go, so that no two overlap.
///
/// Tried in order, first fit wins:
/// 1. every label, horizontal;
/// 2. every label on up to two lines, split at spaces (not for dates and numbers, which keep
///    their no-break spaces), then on up to three;
/// 3. for dates and numbers only, horizontal labels thinned at round intervals (every 2 years, each
///    first quarter, every 6 months… see `ChartValues.labelUnits`), while at least three stay;
/// 4. for quarters, months and days only, the year on a second line (`T3` over `2017`), all, then
///    thinned while at least three stay;
/// 5. every label rotated −45°; then rotated and thinned (every k-th, or at round intervals).
/// Thinned layouts keep the first and the last label (dropping the one next to them when they would
/// collide). Text is never cut: rotated labels longer than `maxRotatedWidth` (190, less on a narrow
/// chart) go on two lines, and a rotated label with no room before the left edge is left out (the
/// data table under the chart names every category).
struct CategoryLabelLayout {
    enum Mode: Equatable {
        case horizontal
        case wrapped
        case rotated
    }

    static let gap = 8.0
    static let sin45 = 0.7071

    /// How long a rotated label may be: 190, or 40 % of a chart narrower than 475.
    static func maxRotatedWidth(chartWidth: Double) -> Double {
        min(190, chartWidth * 0.4)
    }
    let mode: Mode
    /// Indices of the labels drawn.
    let shown: [Int]
    /// Text of each label, one entry per line (every category, shown or not).
    let lines: [[String]]
    /// Anchor x of each label (the category centre, moved inward for horizontal labels that would
    /// cross the edges).
    let anchors: [Double]
    let fontSize: Double
    /// Space needed below the axis line.
    let height: Double
    /// How far rotated labels reach left of the first category centre.
    let leftReach: Double

    var lineHeight: Double { fontSize * ChartFont.lineHeight }

    /// `units` and `steps` say which labels a thinned axis keeps (see `ChartValues.labelUnits`); by default, every k-th.
    /// `dates`: the labels are formatted dates, whose last no-break space may become a line break.
    init(labels: [String], centers: [Double], ordered: Bool, dates: Bool = false, units: [Int]? = nil, steps: [Int]? = nil,
         minX: Double, maxX: Double, maxRotatedWidth: Double = 190, fontSize: Double = ChartFont.tick) {
        let units = units?.count == labels.count ? units ?? [] : Array(labels.indices)
        let steps = (steps ?? Array(1...max(1, labels.count))).filter { $0 >= 1 }
        self.fontSize = fontSize
        let candidates = Candidates(labels: labels, centers: centers, ordered: ordered, dates: dates, units: units, steps: steps,
                                    minX: minX, maxX: maxX, fontSize: fontSize)
        if let fit = candidates.flatFit() {
            mode = fit.mode
            shown = fit.shown
            lines = fit.lines
            anchors = fit.anchors
            height = Double(fit.lines.map { $0.count }.max() ?? 1) * fontSize * ChartFont.lineHeight + 8
            leftReach = 0
            return
        }
        let rotated = candidates.rotatedFit(maxRotatedWidth: maxRotatedWidth)
        mode = .rotated
        shown = rotated.shown
        lines = rotated.lines
        anchors = centers
        height = rotated.height
        leftReach = rotated.leftReach
    }

    /// A layout of labels lying flat (1–4) that fits: which labels it shows, their lines and anchors.
    private struct Fit {
        var mode: Mode
        var shown: [Int]
        var lines: [[String]]
        var anchors: [Double]
    }

    /// Rotated labels (5): which are shown, their lines, the space they need below the axis and how far
    /// they reach left of the first category centre.
    private struct RotatedFit {
        var shown: [Int]
        var lines: [[String]]
        var height: Double
        var leftReach: Double
    }

    /// The labels to place and the room they have, making the layouts to try in turn.
    private struct Candidates {
        let labels: [String]
        let centers: [Double]
        let ordered: Bool
        let dates: Bool
        let units: [Int]
        let steps: [Int]
        let minX: Double
        let maxX: Double
        let fontSize: Double
        var n: Int { labels.count }
        /// The widest a line may be.
        var available: Double { max(20, maxX - minX) }

        /// Layouts 1–4, tried one after the other: a layout is made only if those before it failed.
        func flatFit() -> Fit? {
            var single: [[String]] = [], singleWidths: [Double] = []
            for label in labels {
                // Measured once; a label wider than the room is shortened, then measured again.
                let width = TextWidth.of(label, fontSize: fontSize)
                let line = width <= available ? label : TextWidth.truncate(label, toWidth: available, fontSize: fontSize)
                single.append([line])
                singleWidths.append(width <= available ? width : TextWidth.of(line, fontSize: fontSize))
            }
            // 1. Horizontal, all.
            if let fit = fit(.horizontal, single, singleWidths, step: nil) { return fit }
            // 2. Wrapped, all.
            if let fit = wrappedFit() { return fit }
            // 3. Horizontal, thinned (ordered categories only), while at least three labels stay.
            if ordered && n > 2, let fit = thinnedFit(.horizontal, single, singleWidths) { return fit }
            // 4. Dates on two lines, the year under the rest: all, then thinned.
            return splitDateFit()
        }

        /// `mode` with these lines, when its labels (every one, or thinned at `step`) do not overlap; a thinned axis
        /// keeps at least three labels (or every one, when there are fewer).
        func fit(_ mode: Mode, _ lines: [[String]], _ widths: [Double], step: Int?) -> Fit? {
            let anchors = CategoryLabelLayout.clampedAnchors(centers: centers, widths: widths, minX: minX, maxX: maxX)
            let fits = { (shown: [Int]) in CategoryLabelLayout.horizontalFits(shown: shown, anchors: anchors, widths: widths) }
            guard let shown = CategoryLabelLayout.thinned(units: units, step: step ?? 1, fits: fits), step == nil || shown.count >= min(3, n) else {
                return nil
            }
            return Fit(mode: mode, shown: shown, lines: lines, anchors: anchors)
        }

        /// `mode` thinned at the first step that fits, among those that keep at least three labels.
        func thinnedFit(_ mode: Mode, _ lines: [[String]], _ widths: [Double]) -> Fit? {
            for k in steps where k > 1 && CategoryLabelLayout.thinned(units: units, step: k).count >= 3 {
                if let fit = fit(mode, lines, widths, step: k) { return fit }
            }
            return nil
        }

        /// Every label on up to two lines split at spaces, then up to three (not for ordered categories).
        func wrappedFit() -> Fit? {
            guard !ordered && labels.contains(where: { CategoryLabelLayout.contains($0, " ") }) else { return nil }
            let wrapped = wrap(maxLines: 2)
            if let fit = fit(.wrapped, wrapped, wrapped.map { TextWidth.widest($0, fontSize: fontSize) }, step: nil) { return fit }
            let three = wrap(maxLines: 3)
            if three != wrapped, let fit = fit(.wrapped, three, three.map { TextWidth.widest($0, fontSize: fontSize) }, step: nil) { return fit }
            return nil
        }

        /// Each label wrapped on up to `maxLines` lines, each line shortened to the room available.
        func wrap(maxLines: Int) -> [[String]] {
            labels.map { label in
                TextWidth.wrap(label, maxLines: maxLines, fontSize: fontSize).map { TextWidth.truncate($0, toWidth: available, fontSize: fontSize) }
            }
        }

        /// Dates (ordered, each with a no-break space) with the year on a second line: all, then thinned.
        func splitDateFit() -> Fit? {
            guard ordered && dates && labels.allSatisfy({ CategoryLabelLayout.contains($0, "\u{00A0}") }) else { return nil }
            let split = labels.map { CategoryLabelLayout.splitDate($0).map { TextWidth.truncate($0, toWidth: available, fontSize: fontSize) } }
            let widths = split.map { TextWidth.widest($0, fontSize: fontSize) }
            if let fit = fit(.wrapped, split, widths, step: nil) { return fit }
            return n > 2 ? thinnedFit(.wrapped, split, widths) : nil
        }

        /// 5. Rotated: all, then thinned until the strips of text are a line apart. Never cut: a label longer
        /// than `maxRotatedWidth` goes on two lines, and one that would still reach past the left edge is left out.
        func rotatedFit(maxRotatedWidth: Double) -> RotatedFit {
            let sin45 = CategoryLabelLayout.sin45
            let rotated = labels.map { label in
                TextWidth.of(label, fontSize: fontSize) <= maxRotatedWidth ? [label] : TextWidth.wrap(label, maxLines: 2, fontSize: fontSize)
            }
            let rotatedWidths = rotated.map { TextWidth.widest($0, fontSize: fontSize) }
            let lineCount = Double(rotated.map { $0.count }.max() ?? 1)
            let shift = CategoryLabelLayout.rotatedShift(lines: Int(lineCount), lineHeight: fontSize * ChartFont.lineHeight)
            func hasRoom(_ i: Int) -> Bool { i < centers.count && rotatedWidths[i] * sin45 + fontSize * 0.5 + shift <= centers[i] - minX }
            let wantedFirst = (rotatedWidths.first ?? 0) + shift / sin45
            let pitch = fontSize * 1.25 * lineCount / sin45
            let spaced = { (shown: [Int]) in CategoryLabelLayout.spaced(shown: shown, centers: centers, pitch: pitch) }
            var shown = n > 0 ? [0] : []
            for k in steps {
                if let fitting = CategoryLabelLayout.thinned(units: units, step: k, fits: spaced) {
                    shown = fitting
                    break
                }
            }
            if n > 1 && shown == [0] && spaced([0, n - 1]) { shown = [0, n - 1] }
            shown = shown.filter(hasRoom)
            let longest = shown.map { rotatedWidths[$0] }.max() ?? 0
            return RotatedFit(shown: shown, lines: rotated, height: longest * sin45 + fontSize * lineCount + 10 + shift,
                              leftReach: wantedFirst * sin45 + fontSize * 0.5)
        }
    }

    /// Whether `label` holds `scalar` (a character by itself), as Foundation's `label.contains(String(scalar))`
    /// says, but read scalar by scalar when every scalar of `label` is a character by itself too (see
    /// `TextWidth.singleScalarWidth`): then no search can match across or inside a character.
    static func contains(_ label: String, _ scalar: Unicode.Scalar) -> Bool {
        var found = false
        for other in label.unicodeScalars {
            guard TextWidth.singleScalarWidth(other) != nil else { return label.contains(String(scalar)) }
            if other == scalar { found = true }
        }
        return found
    }

    /// `T3 2017` → [`T3`, `2017`]; `5 juil. 2017` → [`5 juil.`, `2017`]: split at the last no-break space.
    static func splitDate(_ label: String) -> [String] {
        // Scalar by scalar when every scalar is a character by itself (see `contains`).
        let scalars = label.unicodeScalars
        if scalars.allSatisfy({ TextWidth.singleScalarWidth($0) != nil }) {
            guard let space = scalars.lastIndex(of: "\u{00A0}") else { return [label] }
            let first = String(scalars[..<space]), second = String(scalars[scalars.index(after: space)...])
            return first.isEmpty || second.isEmpty ? [label] : [first, second]
        }
        guard let space = label.lastIndex(of: "\u{00A0}") else { return [label] }
        let first = String(label[..<space]), second = String(label[label.index(after: space)...])
        return first.isEmpty || second.isEmpty ? [label] : [first, second]
    }

    /// The first label, those whose unit is a multiple of `k`, and the last.
    static func thinned(units: [Int], step k: Int) -> [Int] {
        let n = units.count
        guard n > 0 else { return [] }
        guard k > 1 else { return Array(0..<n) }
        var shown = [0]
        for i in 1..<max(1, n - 1) where units[i] % k == 0 { shown.append(i) }
        if n > 1 { shown.append(n - 1) }
        return shown
    }

    /// `thinned(units:step:)` if that fits; else without the label after the first or before the last
    /// (or both), which may sit too close to them.
    static func thinned(units: [Int], step k: Int, fits: ([Int]) -> Bool) -> [Int]? {
        let shown = thinned(units: units, step: k)
        if fits(shown) { return shown }
        guard shown.count > 2 && k > 1 else { return nil }
        var variants: [[Int]] = [Array(shown.dropLast(2)) + [shown[shown.count - 1]], [shown[0]] + Array(shown.dropFirst(2))]
        if shown.count > 3 { variants.append([shown[0]] + Array(shown.dropFirst(2).dropLast(2)) + [shown[shown.count - 1]]) }
        return variants.first(where: fits)
    }

    /// How far left a rotated label of `lines` lines moves so that its last line ends at its category.
    static func rotatedShift(lines: Int, lineHeight: Double) -> Double {
        Double(max(0, lines - 1)) * lineHeight * sin45
    }

    static func clampedAnchors(centers: [Double], widths: [Double], minX: Double, maxX: Double) -> [Double] {
        zip(centers, widths).map { center, width in
            min(max(center, minX + width / 2), max(minX + width / 2, maxX - width / 2))
        }
    }

    static func horizontalFits(shown: [Int], anchors: [Double], widths: [Double]) -> Bool {
        for (a, b) in zip(shown, shown.dropFirst()) {
            if anchors[b] - widths[b] / 2 < anchors[a] + widths[a] / 2 + gap { return false }
        }
        return true
    }

    static func spaced(shown: [Int], centers: [Double], pitch: Double) -> Bool {
        zip(shown, shown.dropFirst()).allSatisfy { a, b in centers[b] - centers[a] >= pitch }
    }

    /// Draws the shown labels hanging below `axisY`.
    func draw(axisY: Double, into svg: inout SVGBuilder) {
        svg.open("g", [("class", "x-labels")])
        let className = fontSize < ChartFont.tick ? "x-label compact" : "x-label"
        for i in shown where i < lines.count {
            let x = anchors[i]
            switch mode {
            case .horizontal, .wrapped:
                svg.multilineText(lines[i], x: x, lineHeight: lineHeight,
                                  [("class", className), ("x", SVGBuilder.num(x)), ("y", SVGBuilder.num(axisY + 6 + fontSize)),
                                   ("text-anchor", "middle")])
            case .rotated:
                // A second line sits below the first, to its right: the block moves left so that it ends at its
                // category, and down, clear of the tick label at the axis' corner.
                let shift = Self.rotatedShift(lines: lines[i].count, lineHeight: lineHeight)
                let y = axisY + 10 + shift, ax = x - shift
                svg.multilineText(lines[i], x: ax, lineHeight: lineHeight, [
                    ("class", className), ("x", SVGBuilder.num(ax)), ("y", SVGBuilder.num(y)), ("dy", "0.35em"),
                    ("text-anchor", "end"), ("transform", "rotate(-45 \(SVGBuilder.num(ax)) \(SVGBuilder.num(y)))"),
                ])
            }
        }
        svg.close("g")
    }
}
