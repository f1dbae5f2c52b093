import Foundation
import DossierModel
import DossierCharts

/// The rows a chart plots as CSV (RFC 4180): a header row of column labels, then one row per
/// category (per point for scatter charts), fields separated by commas, quoted when they hold a
/// comma, a quote, a line break or surrounding spaces, lines ended by CRLF, UTF-8 without a byte
/// order mark. Values are unformatted: numbers with a `.` decimal point and no grouping, dates as
/// ISO 8601 (`2017`, `2017-Q3`, `2017-07`, `2017-07-01`), a missing value an empty field.
package enum ChartCSV {
    static func csv(_ chart: ChartData, format: LocaleFormat) -> String {
        let strings = ChartStrings(format: format)
        var text = ""
        func add(_ row: [String]) {
            for (i, value) in row.enumerated() {
                if i > 0 { text += "," }
                text += field(value)
            }
            text += "\r\n"
        }
        switch ChartRegistry.drawer(for: chart.type).shape {
        case .points:
            let labelled = chart.points.contains { !($0.label ?? "").isEmpty }
            let withSeries = chart.series.count > 1
            var header = [withUnit(chart.categoryLabel.isEmpty ? "x" : chart.categoryLabel, chart.xUnit),
                          withUnit(chart.valueLabel.isEmpty ? "y" : chart.valueLabel, chart.unit)]
            if labelled { header.append(strings.label) }
            if withSeries { header.append(strings.series) }
            add(header)
            for point in chart.points {
                var row = [number(point.x), number(point.y)]
                if labelled { row.append(point.label ?? "") }
                if withSeries { row.append(chart.series.indices.contains(point.series) ? chart.series[point.series].name : "") }
                add(row)
            }
        case .shares, .series:
            let names = chart.series.map { series -> String in
                let name = series.name.isEmpty ? chart.valueLabel : series.name
                return withUnit(name, chart.unit)
            }
            add([chart.categoryLabel] + names)
            // One line per category, written as it goes: numbers never need quotes.
            for (index, category) in chart.categories.enumerated() {
                text += field(raw(category))
                for series in chart.series {
                    text += ","
                    if index < series.values.count, let value = series.values[index] { text += number(value) }
                }
                text += "\r\n"
            }
        }
        return text
    }

    /// `Part (%)`: a column label with the unit its values are in.
    static func withUnit(_ label: String, _ unit: String?) -> String {
        guard let unit, !unit.isEmpty, !label.hasSuffix("(\(unit))") else { return label }
        return label.isEmpty ? unit : "\(label) (\(unit))"
    }

    /// One field, quoted when it has to be (RFC 4180 §2.6–2.7).
    static func field(_ text: String) -> String {
        // Only a field holding one of these bytes can hold one of the characters below: most fields
        // are read as bytes alone, not broken into characters.
        let mayNeedQuotes = text.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
            || text.utf8.first == UInt8(ascii: " ") || text.utf8.last == UInt8(ascii: " ")
        guard mayNeedQuotes else { return text }
        let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || text.first == " " || text.last == " "
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A number as data, not as prose: `12.5`, `40`, `-0.25`; empty when not finite.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return value.description
    }

    /// A category as it is in the data.
    static func raw(_ category: ChartCategory) -> String {
        switch category.value {
        case .number(let value): return number(value)
        case .text(let text): return text
        case .date(let date): return isoDate(date)
        case .empty: return category.label
        }
    }

    static func isoDate(_ date: DateValue) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        switch date.precision {
        case .year: return "\(date.year)"
        case .quarter: return "\(date.year)-Q\(date.quarter)"
        case .month: return "\(date.year)-\(two(date.month))"
        case .day: return "\(date.year)-\(two(date.month))-\(two(date.day))"
        }
    }
}

/// A chart as a document of its own (`ID.svg`): opened alone in a browser or placed in another
/// document, it shows the figure's title, the drawing, the caption and the source, in the
/// built-in theme's light colours, with its stylesheet inside. Every text is escaped.
package enum StandaloneSVG {
    /// Space around the content, in SVG user units (CSS pixels at 1:1).
    static let padding = 20.0
    static let titleSize = 18.0
    static let noteSize = 14.0

    /// The light colours of the built-in theme (`theme/assets/style.css`), which the chart's own
    /// stylesheet reads as custom properties.
    static let stylesheet: String = {
        var css = ".dossier-chart{"
        css += "--chart-font:system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto Sans\",\"Helvetica Neue\",Arial,\"Liberation Sans\",sans-serif;"
        css += "--chart-fg:#1b1c1f;--chart-bg:#fcfcfa;--chart-grid:#e2e1da;--chart-axis:#7c7d85;"
        css += "--chart-s0:#0072b2;--chart-s1:#a66300;--chart-s2:#00825f;--chart-s3:#c4422a;--chart-s4:#b44e89;"
        css += "--chart-s5:#7a5cb0;--chart-s6:#7d7400;--chart-s7:#1b1c1f;--chart-other:#6b6b6b;"
        css += "--chart-muted:#b0b0b0;--chart-muted-fg:#56575f;"
        css += "font-family:var(--chart-font)}"
        css += ".dossier-chart .export-bg{fill:#fcfcfa}"
        css += ".dossier-chart .export-title{font-size:\(SVGBuilder.num(titleSize))px;font-weight:700;fill:#1b1c1f}"
        css += ".dossier-chart .export-note{font-size:\(SVGBuilder.num(noteSize))px;fill:#56575f}"
        return css
    }()

    /// - Parameters:
    ///   - drawing: the chart's `<svg>` element (`ChartRenderer.appendSVG`), its size in its `viewBox`.
    ///   - title: the figure's title line as the page shows it (with its number, `Figure 1 — …`).
    ///   - notes: the lines under the drawing: the caption, the source.
    ///   - language: the `lang` of the text.
    static func document(drawing: [UInt8], title: String, notes: [String], language: String) -> (svg: String, width: Double, height: Double) {
        let (width, height) = size(of: drawing) ?? (ChartRenderer.defaultWidth, 400)
        let titleLines = title.isEmpty ? [] : TextWidth.fill(title, maxLines: 4, maxWidth: width / 1.1, fontSize: titleSize)
        let noteLines = notes.filter { !$0.isEmpty }.flatMap { TextWidth.fill($0, maxLines: 6, maxWidth: width, fontSize: noteSize) }
        let titleLine = titleSize * 1.3, noteLine = noteSize * 1.4
        var y = padding
        var text = SVGBuilder()
        for line in titleLines {
            y += titleLine
            text.text("text", line, [("class", "export-title"), ("x", SVGBuilder.num(padding)), ("y", SVGBuilder.num(y - titleLine * 0.25))])
        }
        if !titleLines.isEmpty { y += 12 }
        let chartY = y
        y += height + 8
        var notesSVG = SVGBuilder()
        for line in noteLines {
            y += noteLine
            notesSVG.text("text", line, [("class", "export-note"), ("x", SVGBuilder.num(padding)), ("y", SVGBuilder.num(y - noteLine * 0.3))])
        }
        let totalWidth = (width + 2 * padding).rounded(.up)
        let totalHeight = (y + padding).rounded(.up)
        var svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(SVGBuilder.num(totalWidth))\" height=\"\(SVGBuilder.num(totalHeight))\""
        svg += " viewBox=\"0 0 \(SVGBuilder.num(totalWidth)) \(SVGBuilder.num(totalHeight))\" lang=\"\(language.xmlEscaped)\""
        svg += " class=\"dossier-chart\" role=\"img\" aria-labelledby=\"export-title\">\n"
        svg += "<title id=\"export-title\">\((title.isEmpty ? noteLines.first ?? "" : title).xmlEscaped)</title>\n"
        svg += "<style>\(stylesheet)</style>\n"
        svg += "<rect class=\"export-bg\" width=\"100%\" height=\"100%\"/>\n"
        svg += text.output
        svg += "<svg x=\"\(SVGBuilder.num(padding))\" y=\"\(SVGBuilder.num(chartY))\" width=\"\(SVGBuilder.num(width))\" height=\"\(SVGBuilder.num(height))\">\n"
        svg += String(decoding: drawing, as: UTF8.self)
        svg += "\n</svg>\n"
        svg += notesSVG.output
        svg += "</svg>\n"
        return (svg, totalWidth, totalHeight)
    }

    /// The width and height in the drawing's `viewBox="0 0 W H"`.
    static func size(of drawing: [UInt8]) -> (Double, Double)? {
        let marker = Array("viewBox=\"0 0 ".utf8)
        guard let start = drawing.firstRange(of: marker)?.upperBound,
              let end = drawing[start...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        let parts = String(decoding: drawing[start..<end], as: UTF8.self).split(separator: " ").compactMap { Double($0) }
        guard parts.count == 2, parts[0] > 0, parts[1] > 0 else { return nil }
        return (parts[0], parts[1])
    }
}
