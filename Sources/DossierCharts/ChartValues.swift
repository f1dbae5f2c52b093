import DossierModel

/// The chart's data cleaned for drawing: every series exactly as long as the categories, every
/// non-finite number turned into a gap, and the few facts the drawers share.
package struct ChartValues {
    struct Series {
        var name: String
        var values: [Double?]
    }

    let categories: [String]
    let series: [Series]
    /// Categories are dates or numbers: their order means something (thinning labels, trends).
    let ordered: Bool
    /// Categories are all dates.
    let dates: Bool
    /// For ordered categories whose positions increase, where each sits between 0 and 1 (a time axis with
    /// a missing year keeps the gap); otherwise evenly spaced.
    let fractions: [Double]
    /// Label thinning: a whole number per category (its year, its quarter or month counted from year 0,
    /// its value when whole, else its index) and the steps, in those numbers, that make round intervals
    /// (every 2 years, every 4 quarters = each Q1…). Thinned labels are those whose number is a multiple of the step.
    let labelUnits: [Int]
    let labelSteps: [Int]
    /// Decimals shared by every printed value, so `8,0` sits beside `12,3`.
    let decimals: Int
    let unit: String?
    /// The highlighted series (`ChartData.highlight`), when one of them has that name.
    let highlight: Int?
    /// Every value is a whole number: labels on the marks print none of the decimals a table would (`40`, not `40,0`).
    let allWhole: Bool
    /// Every value of every series.
    let allValues: [Double]

    package init(_ chart: ChartData) {
        categories = chart.categories.map(\.label)
        let count = chart.categories.count
        series = chart.series.map { series in
            Series(name: series.name, values: (0..<count).map { i in
                guard i < series.values.count, let value = series.values[i], value.isFinite else { return nil }
                return value
            })
        }
        let positions: [Double?] = chart.categories.map { category in
            switch category.value {
            case .date(let date): return date.position
            case .number(let number): return number.isFinite ? number : nil
            case .text, .empty: return nil
            }
        }
        ordered = count > 0 && positions.allSatisfy { $0 != nil }
        dates = count > 0 && chart.categories.allSatisfy { if case .date = $0.value { return true } else { return false } }
        let known = positions.compactMap { $0 }
        let increasing = ordered && count > 1 && zip(known, known.dropFirst()).allSatisfy { $0 < $1 }
        if increasing, let first = known.first, let last = known.last, last > first {
            fractions = known.map { ($0 - first) / (last - first) }
        } else {
            fractions = (0..<count).map { count > 1 ? Double($0) / Double(count - 1) : 0.5 }
        }
        (labelUnits, labelSteps) = Self.labelUnits(chart.categories)
        var places = 0
        for series in series {
            for case let value? in series.values {
                places = max(places, LocaleFormat.significantDecimals(value))
            }
        }
        decimals = chart.decimals.map { max(0, min($0, 6)) } ?? min(places, 3)
        unit = chart.unit.flatMap { $0.isEmpty ? nil : $0 }
        let names = series.map(\.name)
        highlight = chart.highlight.flatMap { names.firstIndex(of: $0) }
        allValues = series.flatMap { $0.values.compactMap { $0 } }
        allWhole = places == 0
    }

    static func labelUnits(_ categories: [ChartCategory]) -> ([Int], [Int]) {
        let dates = categories.compactMap { category -> DateValue? in
            if case .date(let date) = category.value { return date }
            return nil
        }
        let decades = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000]
        if dates.count == categories.count, let precision = dates.first?.precision, dates.allSatisfy({ $0.precision == precision }) {
            switch precision {
            case .year: return (dates.map(\.year), decades)
            case .quarter: return (dates.map { $0.year * 4 + $0.quarter - 1 }, [1, 2, 4, 8, 20, 40, 80, 100, 200, 400])
            case .month: return (dates.map { $0.year * 12 + $0.month - 1 }, [1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200])
            case .day: break
            }
        }
        let numbers = categories.compactMap(\.value.number)
        if numbers.count == categories.count, numbers.allSatisfy({ abs($0) < 1e15 && $0 == $0.rounded() }) {
            var steps = decades
            while let last = steps.last, last < 1_000_000_000_000_000 / 1000 { steps += [last * 2, last * 5, last * 10] }
            return (numbers.map { Int($0) }, steps)
        }
        return (Array(categories.indices), Array(1...max(1, categories.count)))
    }

    var isPercent: Bool { unit == "%" }

    /// A value with its unit, for sentences and tables: `12,3 %`, `78,4 M`.
    func full(_ value: Double, format: LocaleFormat) -> String {
        format.value(value, unit: unit, decimals: decimals)
    }

    /// A value as printed on the chart: percentages keep their sign, other units are in the axis title;
    /// no decimals when every value is whole, whatever `decimals` asks for the table.
    func short(_ value: Double, format: LocaleFormat) -> String {
        let places = allWhole ? 0 : decimals
        return isPercent ? format.percent(value, decimals: places) : format.number(value, decimals: places)
    }
}
