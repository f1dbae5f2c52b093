import DossierModel

/// Ticks for a value axis drawn horizontally (hbar values, scatter x), whose labels sit side by side:
/// as many round ticks as fit (six at most, three at least) as long as fewer ticks do not stretch the
/// axis much past the data; otherwise the six-tick axis with every second or third label (always the
/// one at zero), its gridlines kept.
struct HorizontalTicks {
    let ticks: [Double]
    let labels: [String]
    /// Indices of the labels drawn.
    let shown: [Int]

    static let gap = 8.0
    /// How much longer than the six-tick axis a sparser one may be (more would squeeze the data).
    static let maxStretch = 1.34

    /// `length`: distance between the first and the last tick, in user units.
    init(low: Double, high: Double, includeZero: Bool, unit: String?, length: Double, format: LocaleFormat,
         fontSize: Double = ChartFont.tick) {
        func labelled(_ maxCount: Int) -> (ticks: [Double], labels: [String], widest: Double) {
            let scale = ValueScale(ticks: NiceTicks.ticks(min: low, max: high, maxCount: maxCount, includeZero: includeZero), start: 0, end: 1)
            let labels = scale.labels(unit: unit, format: format)
            return (scale.ticks, labels, labels.map { TextWidth.of($0, fontSize: fontSize) }.max() ?? 0)
        }
        func pitch(_ count: Int) -> Double { count > 1 ? length / Double(count - 1) : length }
        func span(_ ticks: [Double]) -> Double { (ticks.last ?? 0) - (ticks.first ?? 0) }
        let full = labelled(6)
        for maxCount in stride(from: 6, through: 3, by: -1) {
            let candidate = maxCount == 6 ? full : labelled(maxCount)
            guard span(candidate.ticks) <= span(full.ticks) * Self.maxStretch else { continue }
            if candidate.widest + Self.gap <= pitch(candidate.ticks.count) {
                ticks = candidate.ticks
                labels = candidate.labels
                shown = Array(candidate.ticks.indices)
                return
            }
        }
        ticks = full.ticks
        labels = full.labels
        let anchor = full.ticks.firstIndex(of: 0) ?? 0
        let step = (2...max(2, full.ticks.count)).first { full.widest + Self.gap <= pitch(full.ticks.count) * Double($0) }
            ?? max(2, full.ticks.count)
        shown = full.ticks.indices.filter { abs($0 - anchor) % step == 0 }
    }
}
