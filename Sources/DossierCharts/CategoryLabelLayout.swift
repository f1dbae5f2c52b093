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
        let n = labels.count
        let available = max(20, maxX - minX)
        let single = labels.map { [TextWidth.truncate($0, toWidth: available, fontSize: fontSize)] }
        let singleWidths = single.map { TextWidth.widest($0, fontSize: fontSize) }
        // Layouts 1–4, tried one after the other: a layout is made only if those before it failed.
        var fit: (mode: Mode, shown: [Int], lines: [[String]], anchors: [Double])?
        func tryLayout(_ mode: Mode, _ lines: [[String]], _ widths: [Double], step: Int?) -> Bool {
            let anchors = Self.clampedAnchors(centers: centers, widths: widths, minX: minX, maxX: maxX)
            let fits = { (shown: [Int]) in Self.horizontalFits(shown: shown, anchors: anchors, widths: widths) }
            // A thinned axis keeps at least three labels (or every one, when there are fewer).
            guard let shown = Self.thinned(units: units, step: step ?? 1, fits: fits), step == nil || shown.count >= min(3, n) else {
                return false
            }
            fit = (mode, shown, lines, anchors)
            return true
        }
        func tryLayouts() {
            // 1. Horizontal, all.
            if tryLayout(.horizontal, single, singleWidths, step: nil) { return }
            // 2. Wrapped, all.
            if !ordered && labels.contains(where: { Self.contains($0, " ") }) {
                let wrapped = labels.map { label in
                    TextWidth.wrap(label, maxLines: 2, fontSize: fontSize).map { TextWidth.truncate($0, toWidth: available, fontSize: fontSize) }
                }
                if tryLayout(.wrapped, wrapped, wrapped.map { TextWidth.widest($0, fontSize: fontSize) }, step: nil) { return }
                let three = labels.map { label in
                    TextWidth.wrap(label, maxLines: 3, fontSize: fontSize).map { TextWidth.truncate($0, toWidth: available, fontSize: fontSize) }
                }
                if three != wrapped, tryLayout(.wrapped, three, three.map { TextWidth.widest($0, fontSize: fontSize) }, step: nil) { return }
            }
            // 3. Horizontal, thinned (ordered categories only), while at least three labels stay.
            if ordered && n > 2 {
                for k in steps where k > 1 && Self.thinned(units: units, step: k).count >= 3 {
                    if tryLayout(.horizontal, single, singleWidths, step: k) { return }
                }
            }
            // 4. Dates on two lines, the year under the rest: all, then thinned.
            if ordered && dates && labels.allSatisfy({ Self.contains($0, "\u{00A0}") }) {
                let split = labels.map { Self.splitDate($0).map { TextWidth.truncate($0, toWidth: available, fontSize: fontSize) } }
                let widths = split.map { TextWidth.widest($0, fontSize: fontSize) }
                if tryLayout(.wrapped, split, widths, step: nil) { return }
                if n > 2 {
                    for k in steps where k > 1 && Self.thinned(units: units, step: k).count >= 3 {
                        if tryLayout(.wrapped, split, widths, step: k) { return }
                    }
                }
            }
        }
        tryLayouts()
        if let fit {
            mode = fit.mode
            shown = fit.shown
            lines = fit.lines
            anchors = fit.anchors
            height = Double(fit.lines.map(\.count).max() ?? 1) * fontSize * ChartFont.lineHeight + 8
            leftReach = 0
            return
        }

        // 5. Rotated: all, then thinned until the strips of text are a line apart. Never cut: a label longer
        // than `maxRotatedWidth` goes on two lines, and one that would still reach past the left edge is left out.
        let rotated = labels.map { label in
            TextWidth.of(label, fontSize: fontSize) <= maxRotatedWidth ? [label] : TextWidth.wrap(label, maxLines: 2, fontSize: fontSize)
        }
        let rotatedWidths = rotated.map { TextWidth.widest($0, fontSize: fontSize) }
        let lineCount = Double(rotated.map(\.count).max() ?? 1)
        let shift = Self.rotatedShift(lines: Int(lineCount), lineHeight: fontSize * ChartFont.lineHeight)
        func hasRoom(_ i: Int) -> Bool { i < centers.count && rotatedWidths[i] * Self.sin45 + fontSize * 0.5 + shift <= centers[i] - minX }
        let wantedFirst = (rotatedWidths.first ?? 0) + shift / Self.sin45
        let pitch = fontSize * 1.25 * lineCount / Self.sin45
        let spaced = { (shown: [Int]) in Self.spaced(shown: shown, centers: centers, pitch: pitch) }
        var shown = n > 0 ? [0] : []
        for k in steps {
            if let fitting = Self.thinned(units: units, step: k, fits: spaced) {
                shown = fitting
                break
            }
        }
        if n > 1 && shown == [0] && spaced([0, n - 1]) { shown = [0, n - 1] }
        shown = shown.filter(hasRoom)
        mode = .rotated
        self.shown = shown
        lines = rotated
        anchors = centers
        let longest = shown.map { rotatedWidths[$0] }.max() ?? 0
        height = longest * Self.sin45 + fontSize * lineCount + 10 + shift
        leftReach = wantedFirst * Self.sin45 + fontSize * 0.5
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
