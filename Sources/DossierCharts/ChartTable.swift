import DossierModel

/// The plotted values as an HTML `<table>` (the caller adds the `<caption>`): a header row, then
/// one row per category (per point for scatter) with its label as row header. Numbers are formatted
/// for the site's language, with the chart's unit, in `class="num"` cells (right-aligned by the
/// site's stylesheet); a missing value reads `missing` (`n.d.`, `n/a`). Every text is escaped.
enum ChartTable {
    static func html(_ chart: ChartData, values: ChartValues, format: LocaleFormat, missing: String = "") -> String {
        switch ChartRegistry.drawer(for: chart.type).shape {
        case .points: return scatter(chart, format: format)
        case .shares: return pie(chart, values: values, format: format, missing: missing)
        case .series: return categories(chart, values: values, format: format, missing: missing)
        }
    }

    static func table(header: [(String, Bool)], rows: [[String]]) -> String {
        var html = HTMLBytes()
        html.reserve(256 + rows.count * 96)
        html += "<table class=\"chart-data\">\n<thead><tr>"
        for (text, numeric) in header {
            html += numeric ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">"
            html.escaped(text)
            html += "</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for row in rows {
            html += "<tr>"
            for (i, cell) in row.enumerated() {
                if i == 0 {
                    // The row header is a number only for scatter charts (their x value).
                    html += header.first?.1 == true ? "<th scope=\"row\" class=\"num\">" : "<th scope=\"row\">"
                    html.escaped(cell)
                    html += "</th>"
                } else {
                    let numeric = i < header.count ? header[i].1 : true
                    html += numeric ? "<td class=\"num\">" : "<td>"
                    html.escaped(cell)
                    html += "</td>"
                }
            }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>"
        return html.string
    }

    static func categories(_ chart: ChartData, values: ChartValues, format: LocaleFormat, missing: String) -> String {
        let header = [(chart.categoryLabel, false)] + values.series.map { ($0.name, true) }
        let rows = values.categories.enumerated().map { c, label in
            [label] + values.series.map { series in series.values[c].map { values.full($0, format: format) } ?? missing }
        }
        return table(header: header, rows: rows)
    }

    static func pie(_ chart: ChartData, values: ChartValues, format: LocaleFormat, missing: String) -> String {
        let strings = ChartStrings(format: format)
        guard let series = values.series.first else {
            return table(header: [(chart.categoryLabel, false)], rows: values.categories.map { [$0] })
        }
        let total = series.values.reduce(0) { $0 + max(0, $1 ?? 0) }
        let header = [(chart.categoryLabel, false), (series.name.isEmpty ? chart.valueLabel : series.name, true), (strings.shareOfTotal, true)]
        let rows = values.categories.enumerated().map { c, label -> [String] in
            guard let value = series.values[c] else { return [label, missing, ""] }
            let share = value > 0 && total > 0 ? format.percent(value / total * 100, decimals: 1) : ""
            return [label, values.full(value, format: format), share]
        }
        return table(header: header, rows: rows)
    }

    static func scatter(_ chart: ChartData, format: LocaleFormat) -> String {
        let strings = ChartStrings(format: format)
        let points = chart.points
        let finite = points.filter { $0.x.isFinite && $0.y.isFinite }
        let xDecimals = min(3, finite.map { LocaleFormat.significantDecimals($0.x) }.max() ?? 0)
        let yDecimals = min(3, finite.map { LocaleFormat.significantDecimals($0.y) }.max() ?? 0)
        let yUnit = chart.unit.flatMap { $0.isEmpty ? nil : $0 }
        let labelled = points.contains { !($0.label ?? "").isEmpty }
        let withSeries = chart.series.count > 1
        var header = [(chart.categoryLabel.isEmpty ? "x" : chart.categoryLabel, true), (chart.valueLabel.isEmpty ? "y" : chart.valueLabel, true)]
        if labelled { header.append((strings.label, false)) }
        if withSeries { header.append((strings.series, false)) }
        // The first cell is a row header, so the x value goes there; it keeps the numeric alignment.
        let rows = points.map { point -> [String] in
            var row = [format.value(point.x, unit: chart.xUnit, decimals: xDecimals), format.value(point.y, unit: yUnit, decimals: yDecimals)]
            if labelled { row.append(point.label ?? "") }
            if withSeries { row.append(chart.series.indices.contains(point.series) ? chart.series[point.series].name : "") }
            return row
        }
        return table(header: header, rows: rows)
    }
}
