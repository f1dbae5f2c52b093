import DossierModel
import DossierCharts
import DossierMarkdown

/// The HTML around generated charts and tables: `<figure>`, caption with the source, data table.
package struct FigureHTML {
    let format: LocaleFormat
    let strings: [String: String]
    let portable: Bool

    func text(_ value: String) -> String {
        plain(value).xmlEscaped
    }

    /// `Source : <a href="…/data/NAME/">IDC, cité par ZDNet</a>` linking to the dataset page.
    func sourceLine(_ dataset: Dataset, from urlPath: String) -> String {
        let label = dataset.metadata.source ?? dataset.metadata.title ?? dataset.name
        let href = RelativeURL.link(from: urlPath, to: DatasetURL.page(dataset.name), portable: portable)
        return "<span class=\"figure-source\">\(strings["source"] ?? "Source")\(strings["label_separator"] ?? ": ")<a href=\"\(href.xmlEscaped)\">\(text(label))</a></span>"
    }

    /// A title as a reader sees it, typography applied, without markup.
    func plain(_ value: String) -> String {
        var typography = Typography(language: format.primaryLanguage)
        return typography.correct(value)
    }

    /// The figure's title, shown above the chart or table, after its number ("Figure 2 — ").
    func title(_ title: String?, label: String? = nil) -> String {
        let title = title.flatMap { $0.isEmpty ? nil : $0 }
        guard title != nil || label != nil else { return "" }
        var html = "<p class=\"figure-title\">"
        if let label { html += "<span class=\"figure-number\">\(label.xmlEscaped)</span>" + (title == nil ? "" : " — ") }
        if let title { html += text(title) }
        return html + "</p>\n"
    }

    /// The last child of the figure: the caption text and the source.
    func caption(_ caption: String?, dataset: Dataset, from urlPath: String, share: String = "") -> String {
        var parts: [String] = []
        if let caption, !caption.isEmpty { parts.append("<span class=\"figure-caption\">\(text(caption))</span>") }
        parts.append(sourceLine(dataset, from: urlPath))
        return "<figcaption>" + parts.joined(separator: " ") + share + "</figcaption>"
    }

    /// The chart's share links, the last line of its caption: its SVG file, its data as CSV
    /// (`ChartExport`, beside the page) and a permalink to the figure.
    /// - Parameter name: the figure as the permalink's accessible name says it (`Figure 2`, or its title).
    func shareLinks(id: String, name: String) -> String {
        let permalink = (strings["chart_permalink"] ?? "Link to this figure") + (name.isEmpty ? "" : (strings["label_separator"] ?? ": ") + name)
        return "<span class=\"figure-share\">"
            + "<a href=\"\(ChartExport.href(ChartExport.svgName(id)).xmlEscaped)\" type=\"image/svg+xml\">\((strings["chart_svg"] ?? "SVG").xmlEscaped)</a> "
            + "<a href=\"\(ChartExport.href(ChartExport.csvName(id)).xmlEscaped)\" type=\"text/csv\">\((strings["chart_csv"] ?? "Data (CSV)").xmlEscaped)</a> "
            + "<a class=\"figure-permalink\" href=\"#\(id.xmlEscaped)\" aria-label=\"\(permalink.xmlEscaped)\">#</a></span>"
    }

    /// - Parameters:
    ///   - drawing: appends the chart drawn for `frame` (see `ChartFrame`) as UTF-8. The stylesheet
    ///     shows one of the drawings (the hidden ones are out of the accessibility tree too).
    func chart(_ chart: ChartData, table: String, caption: String?, label: String?, dataset: Dataset, from urlPath: String, share: String = "",
               drawing: (_ frame: ChartFrame, _ html: inout [UInt8]) -> Void) -> [UInt8] {
        // Built as bytes, the drawings written straight into them.
        let dataLabel = strings["chart_data"] ?? "Data"
        var html: [UInt8] = []
        html.reserveCapacity(table.utf8.count + 49_152)
        func add(_ text: String) { html.appendUTF8(text) }
        add("<figure class=\"figure figure-chart figure-")
        add(chart.type.rawValue)
        add("\" id=\"")
        add(chart.id)
        add("\">\n")
        add(title(chart.title, label: label))
        for (i, frame) in ChartFrame.allCases.enumerated() {
            add(i == 0 ? "<div class=\"chart-frame chart-frame-" : "</div>\n<div class=\"chart-frame chart-frame-")
            add(frame.rawValue)
            add("\">")
            drawing(frame, &html)
        }
        add("</div>\n<details class=\"figure-data\"><summary>")
        add(dataLabel)
        add("</summary><div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"")
        add(dataLabel.xmlEscaped)
        add("\">")
        add(table)
        add("</div></details>\n")
        add(self.caption(caption, dataset: dataset, from: urlPath, share: share))
        add("\n</figure>")
        return html
    }
}

/// The drawings of a chart, each laid out for the width it is shown at, so its text stays the
/// size it is drawn at: `wide` in the text column, `broad` on a wide screen where the chart
/// breaks out of the column, `narrow` on a phone.
enum ChartFrame: String, CaseIterable {
    case wide
    case broad
    case narrow

    /// The drawing's width in SVG user units (CSS pixels at 1:1).
    var width: Double {
        switch self {
        case .wide: return ChartRenderer.defaultWidth
        case .broad: return 880
        case .narrow: return 360
        }
    }

    /// Added to the chart's id, so that ids stay unique on the page.
    var idSuffix: String {
        switch self {
        case .wide: return ""
        case .broad: return "-broad"
        case .narrow: return "-narrow"
        }
    }
}
