import DossierModel

/// A linear value axis: nice ticks mapped onto a pixel interval.
struct ValueScale {
    let ticks: [Double]
    /// Pixel position of the first and of the last tick.
    let start: Double
    let end: Double
    /// Decimals every tick label needs.
    let decimals: Int

    init(ticks: [Double], start: Double, end: Double) {
        self.ticks = ticks.count >= 2 ? ticks : [0, 1]
        self.start = start
        self.end = end
        decimals = NiceTicks.decimals(for: self.ticks)
    }

    var low: Double { ticks.first ?? 0 }
    var high: Double { ticks.last ?? 1 }

    func position(_ value: Double) -> Double {
        let span = high - low
        guard span > 0 else { return start }
        let clamped = min(max(value, low), high)
        return start + (clamped - low) / span * (end - start)
    }

    /// The position of zero, or of the tick nearest to it when zero is outside the axis.
    var zeroPosition: Double { position(0) }

    func label(_ tick: Double, unit: String?, format: LocaleFormat) -> String {
        unit == "%" ? format.percent(tick, decimals: decimals) : format.number(tick, decimals: decimals)
    }

    func labels(unit: String?, format: LocaleFormat) -> [String] {
        ticks.map { label($0, unit: unit, format: format) }
    }

    /// An axis title on one line, or two when it is wider than `width` (each shortened with “…” if need be);
    /// empty for an empty title.
    static func titleLines(_ title: String, width: Double) -> [String] {
        guard !title.isEmpty else { return [] }
        let fontSize = ChartFont.axisTitle
        if TextWidth.of(title, fontSize: fontSize) <= width { return [title] }
        return TextWidth.wrap(title, maxLines: 2, fontSize: fontSize).map { TextWidth.truncate($0, toWidth: width, fontSize: fontSize) }
    }

    /// `Part de marché`, or `Ventes (M)` when the unit is not printed with every tick.
    static func title(_ label: String, unit: String?) -> String {
        guard let unit, !unit.isEmpty, unit != "%" else { return label }
        return label.isEmpty ? unit : "\(label) (\(unit))"
    }
}
