import DossierModel

/// The chart in words, from its data: what is measured, over which categories, and for each series
/// (the first five) where it starts and ends and its extremes.
///
/// `Graphique en courbes : Part de marché par trimestre, de T1 2016 à T3 2017, 4 séries.
/// Xiaomi : de 12,3 % (T1 2016) à 13,8 % (T3 2017), minimum 8,0 % (T1 2017). …`
struct ChartDescription {
    static let maxSeries = 5
    static let maxSlices = 8

    let text: String

    init(chart: ChartData, values: ChartValues, format: LocaleFormat) {
        let strings = ChartStrings(format: format)
        var sentences: [String] = []
        switch ChartRegistry.drawer(for: chart.type).shape {
        case .shares:
            sentences = Self.pie(chart, values: values, strings: strings, format: format)
        case .points:
            sentences = Self.scatter(chart, strings: strings, format: format)
        case .series:
            sentences = Self.categories(chart, values: values, strings: strings, format: format)
        }
        text = sentences.joined(separator: " ")
    }

    static func fallbackTitle(_ chart: ChartData, format: LocaleFormat) -> String {
        chart.valueLabel.isEmpty ? ChartStrings(format: format).typeName(chart.type) : chart.valueLabel
    }

    static func opening(_ chart: ChartData, strings: ChartStrings, details: [String]) -> String {
        let subject = strings.measured(chart.valueLabel, by: chart.categoryLabel)
        let parts = ([subject] + details).filter { !$0.isEmpty }
        return strings.typeName(chart.type) + strings.colon + " " + parts.joined(separator: ", ") + "."
    }

    static func categories(_ chart: ChartData, values: ChartValues, strings: ChartStrings, format: LocaleFormat) -> [String] {
        let categories = values.categories
        var details: [String] = []
        if let first = categories.first, let last = categories.last {
            details.append(values.ordered && categories.count > 1 ? strings.fromTo(first, last) : strings.categoryCount(categories.count))
        }
        if values.series.count > 1 { details.append(strings.seriesCount(values.series.count)) }
        guard !values.allValues.isEmpty else {
            return [opening(chart, strings: strings, details: details + [strings.noValue])]
        }
        var sentences = [opening(chart, strings: strings, details: details)]
        let named = values.series.count > 1
        for series in values.series.prefix(maxSeries) {
            sentences.append(seriesSentence(series, named: named, values: values, strings: strings, format: format))
        }
        if values.series.count > maxSeries {
            let rest = values.series.dropFirst(maxSeries).map(\.name).joined(separator: ", ")
            sentences.append(strings.otherSeries + strings.colon + " " + rest + ".")
        }
        return sentences
    }

    static func seriesSentence(_ series: ChartValues.Series, named: Bool, values: ChartValues, strings: ChartStrings,
                               format: LocaleFormat) -> String {
        let present = series.values.enumerated().compactMap { i, v in v.map { (i, $0) } }
        func at(_ entry: (Int, Double)) -> String {
            values.full(entry.1, format: format) + " (" + values.categories[entry.0] + ")"
        }
        var parts: [String] = []
        if let first = present.first, let last = present.last,
           let low = present.min(by: { $0.1 < $1.1 }), let high = present.max(by: { $0.1 < $1.1 }) {
            if present.count == 1 {
                parts.append(at(first))
            } else if values.ordered {
                parts.append(strings.fromTo(at(first), at(last)))
                if low.0 != first.0 && low.0 != last.0 { parts.append(strings.minimum + " " + at(low)) }
                if high.0 != first.0 && high.0 != last.0 { parts.append(strings.maximum + " " + at(high)) }
            } else {
                parts.append(strings.maximum + " " + at(high))
                parts.append(strings.minimum + " " + at(low))
            }
        } else {
            parts.append(strings.noValue)
        }
        var sentence = parts.joined(separator: ", ")
        if named {
            sentence = series.name + strings.colon + " " + sentence
        } else if let first = sentence.first {
            sentence = first.uppercased() + sentence.dropFirst()
        }
        return sentence + "."
    }

    static func pie(_ chart: ChartData, values: ChartValues, strings: ChartStrings, format: LocaleFormat) -> [String] {
        let (slices, total) = PieChartDrawer.slices(values)
        guard total > 0 else {
            return [opening(chart, strings: strings, details: [strings.noValue])]
        }
        var details = [strings.categoryCount(slices.count)]
        if !values.isPercent { details.append(strings.total.lowercased() + " " + values.full(total, format: format)) }
        // Largest first; equal shares keep their order.
        let ranked = slices.enumerated().sorted { ($1.element.value, $0.offset) < ($0.element.value, $1.offset) }.map(\.element)
        // The largest slices by name; past them, the rest summed up (unless that is a single slice: name it).
        let named = ranked.count > maxSlices + 1 ? maxSlices : ranked.count
        var shares = ranked.prefix(named).map { $0.name + " " + format.percent($0.value / total * 100, decimals: 1) }
        if ranked.count > named {
            let rest = ranked.dropFirst(named).reduce(0) { $0 + $1.value }
            shares.append("\(ranked.count - named) \(strings.others) " + format.percent(rest / total * 100, decimals: 1))
        }
        return [opening(chart, strings: strings, details: details), strings.sharesOfTotal + strings.colon + " " + shares.joined(separator: ", ") + "."]
    }

    static func scatter(_ chart: ChartData, strings: ChartStrings, format: LocaleFormat) -> [String] {
        let points = chart.points.filter { $0.x.isFinite && $0.y.isFinite }
        let yUnit = chart.unit.flatMap { $0.isEmpty ? nil : $0 }
        let subject = chart.valueLabel.isEmpty || chart.categoryLabel.isEmpty
            ? chart.valueLabel + chart.categoryLabel : strings.against(chart.valueLabel, chart.categoryLabel)
        var first = strings.typeName(.scatter) + strings.colon + " " + ([subject, strings.pointCount(points.count)].filter { !$0.isEmpty }
            .joined(separator: ", "))
        guard let minX = points.map(\.x).min(), let maxX = points.map(\.x).max(),
              let low = points.min(by: { $0.y < $1.y }), let high = points.max(by: { $0.y < $1.y }) else {
            return [first + "."]
        }
        let xDecimals = min(3, points.map { LocaleFormat.significantDecimals($0.x) }.max() ?? 0)
        let yDecimals = min(3, points.map { LocaleFormat.significantDecimals($0.y) }.max() ?? 0)
        func fx(_ v: Double) -> String { format.value(v, unit: chart.xUnit, decimals: xDecimals) }
        func fy(_ v: Double) -> String { format.value(v, unit: yUnit, decimals: yDecimals) }
        if chart.series.count > 1 { first += ", " + strings.seriesCount(chart.series.count) }
        var sentences = [first + "."]
        let xName = chart.categoryLabel.isEmpty ? "x" : chart.categoryLabel
        let yName = chart.valueLabel.isEmpty ? "y" : chart.valueLabel
        sentences.append(xName + " " + strings.fromTo(fx(minX), fx(maxX)) + ", " + ChartStrings.lowercasedStart(yName) + " "
                         + strings.fromTo(fy(low.y), fy(high.y)) + ".")
        func described(_ point: ScatterPoint) -> String {
            let name = point.label.map { $0 + " " } ?? ""
            return name + "(" + fx(point.x) + (strings.french ? "\u{202F}; " : "; ") + fy(point.y) + ")"
        }
        if points.count > 1 {
            let extremes = strings.highest + strings.colon + " " + described(high) + ", " + strings.lowest + strings.colon + " " + described(low) + "."
            sentences.append(extremes.prefix(1).uppercased() + extremes.dropFirst())
        }
        return sentences
    }
}
