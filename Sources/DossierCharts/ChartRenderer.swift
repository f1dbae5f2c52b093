import DossierModel

/// Draws a `ChartData` as a self-contained, accessible inline SVG, and says the same in words
/// and in a table. Pure functions: the same input gives byte-identical output.
package enum ChartRenderer {
    /// The width of `svg(_:format:)`, in SVG user units.
    package static let defaultWidth = 640.0
    /// The narrowest drawing: a smaller `width` is drawn at this width.
    static let minimumWidth = 300.0

    /// A complete <svg> element for the chart, 640 units wide (`defaultWidth`).
    ///
    /// No width or height: it is sized by its `viewBox` and scales to its container
    /// (`svg.chart{width:100%;height:auto}`). Colours come from classes mapped to custom
    /// properties in the embedded `<style>` (see `ChartPalette`). Every text from `chart` is escaped.
    package static func svg(_ chart: ChartData, format: LocaleFormat) -> String {
        svg(chart, format: format, width: defaultWidth)
    }

    /// The same chart laid out for `width` user units (at least `minimumWidth`; not finite: `defaultWidth`).
    ///
    /// Text keeps its size at every width, so a drawing made for the width it is shown at (360 for a
    /// phone, shown at 1:1) stays readable: a narrow drawing has fewer ticks, thinner, rotated or
    /// shortened labels, a legend on more rows, a narrower label column, and for pies a list of
    /// slices under the circle when the labels do not fit beside it. The height follows from the
    /// layout. Ids come from `chart.id`: give each rendering on a page its own.
    package static func svg(_ chart: ChartData, format: LocaleFormat, width: Double) -> String {
        svg(chart, format: format, width: width, description: describe(chart, format: format))
    }

    /// `svg(_:format:width:)` with the chart's `describe(_:format:)` already written (the same for every
    /// drawing of a chart, at any width or id).
    static func svg(_ chart: ChartData, format: LocaleFormat, width: Double, description: String) -> String {
        var svg: [UInt8] = []
        appendSVG(chart, values: ChartValues(chart), format: format, width: width, description: description, to: &svg)
        return String(decoding: svg, as: UTF8.self)
    }

    /// `svg(_:format:width:description:)`, appended as UTF-8 to `svg`; `values` are the chart's
    /// `ChartValues`, the same for every drawing of it.
    package static func appendSVG(_ chart: ChartData, values: ChartValues, format: LocaleFormat, width: Double, description: String,
                                  to svg: inout [UInt8]) {
        let width = width.isFinite ? max(minimumWidth, width) : defaultWidth
        let id = ChartID.sanitized(chart.id)
        let drawn = draw(chart, values: values, id: id, width: width, format: format)
        let title = chart.title.isEmpty ? ChartDescription.fallbackTitle(chart, format: format) : chart.title
        svg.reserveCapacity(svg.count + drawn.body.utf8.count + drawn.defs.utf8.count + ChartPalette.stylesheet.utf8.count
                            + description.utf8.count + 512)
        func add(_ text: String) { svg.appendUTF8(text) }
        add("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
        SVGBuilder.appendNum(drawn.width, to: &svg)
        add(" ")
        SVGBuilder.appendNum(drawn.height, to: &svg)
        add("\" role=\"img\" aria-labelledby=\"")
        add(id)
        add("-title ")
        add(id)
        add("-desc\" class=\"chart chart-")
        add(chart.type.rawValue)
        add("\">\n<title id=\"")
        add(id)
        add("-title\">")
        XMLText.appendEscaped(title, to: &svg)
        add("</title>\n<desc id=\"")
        add(id)
        add("-desc\">")
        XMLText.appendEscaped(description, to: &svg)
        add("</desc>\n<style>")
        add(ChartPalette.stylesheet)
        add("</style>\n")
        if !drawn.defs.isEmpty {
            add("<defs>\n")
            svg.append(contentsOf: drawn.defs.utf8)
            add("</defs>\n")
        }
        svg.append(contentsOf: drawn.body.utf8)
        add("</svg>")
    }

    /// Plain-text description generated from the data, for <desc> and screen readers.
    ///
    /// French when `format.primaryLanguage` is `fr` (with its typography), English otherwise. Not escaped.
    package static func describe(_ chart: ChartData, format: LocaleFormat) -> String {
        describe(chart, values: ChartValues(chart), format: format)
    }

    /// `describe(_:format:)` from the chart's `ChartValues`, made once for its drawings, words and table.
    package static func describe(_ chart: ChartData, values: ChartValues, format: LocaleFormat) -> String {
        ChartDescription(chart: chart, values: values, format: format).text
    }

    /// `<table>` of the plotted values (no caption): a header row with the category label and the
    /// series names (x, y, label and series for scatter; value and share of the total for pie and
    /// donut), one row per category, numbers formatted with `format` in `class="num"` cells; a missing
    /// value reads `missing` (default: `n.d.` in French, `n/a` otherwise).
    package static func dataTable(_ chart: ChartData, format: LocaleFormat, missing: String? = nil) -> String {
        dataTable(chart, values: ChartValues(chart), format: format, missing: missing)
    }

    /// `dataTable(_:format:missing:)` from the chart's `ChartValues`.
    package static func dataTable(_ chart: ChartData, values: ChartValues, format: LocaleFormat, missing: String? = nil) -> String {
        ChartTable.html(chart, values: values, format: format, missing: missing ?? ChartStrings(format: format).notAvailable)
    }

    static func draw(_ chart: ChartData, values: ChartValues, id: String, width: Double, format: LocaleFormat) -> DrawnChart {
        let drawer = ChartRegistry.drawer(for: chart.type)
        guard drawer.hasData(chart, values: values) else { return EmptyChartDrawer.draw(width: width, format: format) }
        return drawer.draw(chart, values: values, id: id, width: width, format: format)
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
    static func draw(width: Double, format: LocaleFormat) -> DrawnChart {
        let height = 160.0
        var svg = SVGBuilder()
        svg.element("rect", [("class", "empty"), ("x", "1"), ("y", "1"), ("width", SVGBuilder.num(width - 2)),
                             ("height", SVGBuilder.num(height - 2))])
        svg.text("text", ChartStrings(format: format).noData, [("x", SVGBuilder.num(width / 2)), ("y", SVGBuilder.num(height / 2 + 5)),
                                                                ("text-anchor", "middle")])
        return DrawnChart(width: width, height: height, body: svg)
    }
}
