/// Draws a `ChartData` as a self-contained, accessible inline SVG, and says the same in words
/// and in a table. Pure functions: the same input gives byte-identical output.
public enum ChartRenderer {
    /// A complete <svg> element for the chart.
    ///
    /// No width or height: it is sized by its `viewBox` (640 wide) and scales to its container
    /// (`svg.chart{width:100%;height:auto}`). Colours come from classes mapped to custom
    /// properties in the embedded `<style>` (see `ChartPalette`). Every text from `chart` is escaped.
    public static func svg(_ chart: ChartData, format: LocaleFormat) -> String {
        let id = ChartID.sanitized(chart.id)
        let values = ChartValues(chart)
        let drawn = draw(chart, values: values, id: id, format: format)
        let title = chart.title.isEmpty ? ChartDescription.fallbackTitle(chart, format: format) : chart.title
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(SVGBuilder.num(drawn.width)) \(SVGBuilder.num(drawn.height))\""
        svg += " role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" class=\"chart chart-\(chart.type.rawValue)\">\n"
        svg += "<title id=\"\(id)-title\">" + title.xmlEscaped + "</title>\n"
        svg += "<desc id=\"\(id)-desc\">" + describe(chart, format: format).xmlEscaped + "</desc>\n"
        svg += "<style>" + ChartPalette.stylesheet + "</style>\n"
        if !drawn.defs.isEmpty { svg += "<defs>\n" + drawn.defs + "</defs>\n" }
        svg += drawn.body
        svg += "</svg>"
        return svg
    }

    /// Plain-text description generated from the data, for <desc> and screen readers.
    ///
    /// French when `format.language` is `fr` (with its typography), English otherwise. Not escaped.
    public static func describe(_ chart: ChartData, format: LocaleFormat) -> String {
        ChartDescription(chart: chart, format: format).text
    }

    /// `<table>` of the plotted values (no caption): a header row with the category label and the
    /// series names (x, y, label and series for scatter; value and share of the total for pie and
    /// donut), one row per category, numbers formatted with `format` in `class="num"` cells.
    public static func dataTable(_ chart: ChartData, format: LocaleFormat) -> String {
        ChartTable.html(chart, format: format)
    }

    static func draw(_ chart: ChartData, values: ChartValues, id: String, format: LocaleFormat) -> DrawnChart {
        switch chart.type {
        case .pie, .donut:
            guard PieChartDrawer.hasData(values) else { return EmptyChartDrawer.draw(format: format) }
            return PieChartDrawer.draw(chart, values: values, donut: chart.type == .donut, format: format)
        case .scatter:
            guard ScatterChartDrawer.hasData(chart) else { return EmptyChartDrawer.draw(format: format) }
            return ScatterChartDrawer.draw(chart, chartID: id, format: format)
        case .bar, .groupedBar, .stackedBar, .hbar, .line, .area:
            guard !values.categories.isEmpty, !values.allValues.isEmpty else { return EmptyChartDrawer.draw(format: format) }
            switch chart.type {
            case .hbar: return HorizontalBarChartDrawer.draw(chart, values: values, chartID: id, format: format)
            case .line: return LineChartDrawer.draw(chart, values: values, area: false, chartID: id, format: format)
            case .area: return LineChartDrawer.draw(chart, values: values, area: true, chartID: id, format: format)
            case .stackedBar: return BarChartDrawer.draw(chart, values: values, stacked: true, chartID: id, format: format)
            default: return BarChartDrawer.draw(chart, values: values, stacked: false, chartID: id, format: format)
            }
        }
    }
}

/// Ids in the SVG (`ID-title`, `ID-desc`, `ID-p1` patterns) are built from `ChartData.id`, kept to
/// letters, digits, `-` and `_` so they are valid in XML, CSS and `url(#…)`.
enum ChartID {
    static func sanitized(_ id: String) -> String {
        var result = ""
        for scalar in id.unicodeScalars {
            let ok = (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9")
                || scalar == "-" || scalar == "_"
            result.unicodeScalars.append(ok ? scalar : "-")
        }
        if let first = result.unicodeScalars.first, (first >= "a" && first <= "z") || (first >= "A" && first <= "Z") {
            return result
        }
        return "chart-" + result
    }
}

/// A chart with nothing to plot still gets a frame saying so, rather than an empty box.
enum EmptyChartDrawer {
    static func draw(format: LocaleFormat) -> DrawnChart {
        let width = VerticalLayout.width, height = 160.0
        var svg = SVGBuilder()
        svg.element("rect", [("class", "empty"), ("x", "1"), ("y", "1"), ("width", SVGBuilder.num(width - 2)),
                             ("height", SVGBuilder.num(height - 2))])
        svg.text("text", ChartStrings(format: format).noData, [("x", SVGBuilder.num(width / 2)), ("y", SVGBuilder.num(height / 2 + 5)),
                                                                ("text-anchor", "middle")])
        return DrawnChart(width: width, height: height, body: svg.output)
    }
}
