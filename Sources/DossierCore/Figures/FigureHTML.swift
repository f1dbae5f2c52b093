/// The HTML around generated charts and tables: `<figure>`, caption with the source, data table.
struct FigureHTML {
    let format: LocaleFormat
    let strings: [String: String]
    let portable: Bool

    func text(_ value: String) -> String {
        var typography = Typography(language: format.language)
        return typography.correct(value).xmlEscaped
    }

    /// `Source : <a href="…/data/NAME/">IDC, cité par ZDNet</a>` linking to the dataset page.
    func sourceLine(_ dataset: Dataset, from urlPath: String) -> String {
        let label = dataset.metadata.source ?? dataset.metadata.title ?? dataset.name
        let href = RelativeURL.link(from: urlPath, to: DatasetPages.urlPath(dataset.name), portable: portable)
        return "<span class=\"figure-source\">\(strings["source"] ?? "Source")\(strings["label_separator"] ?? ": ")<a href=\"\(href.xmlEscaped)\">\(text(label))</a></span>"
    }

    /// The figure's title, shown above the chart or table.
    func title(_ title: String?) -> String {
        guard let title, !title.isEmpty else { return "" }
        return "<p class=\"figure-title\">\(text(title))</p>\n"
    }

    /// The last child of the figure: the caption text and the source.
    func caption(_ caption: String?, dataset: Dataset, from urlPath: String) -> String {
        var parts: [String] = []
        if let caption, !caption.isEmpty { parts.append("<span class=\"figure-caption\">\(text(caption))</span>") }
        parts.append(sourceLine(dataset, from: urlPath))
        return "<figcaption>" + parts.joined(separator: " ") + "</figcaption>"
    }

    /// - Parameters:
    ///   - svg: the chart drawn 640 wide; `narrowSVG`: drawn 360 wide for phones. The stylesheet
    ///     shows one of the two (the hidden one is out of the accessibility tree too).
    func chart(_ chart: ChartData, svg: String, narrowSVG: String, table: String, caption: String?, dataset: Dataset, from urlPath: String) -> String {
        // Appended piece by piece into one string sized for the two drawings and the table.
        let dataLabel = strings["chart_data"] ?? "Data"
        var html = ""
        html.reserveCapacity(svg.utf8.count + narrowSVG.utf8.count + table.utf8.count + 1024)
        html += "<figure class=\"figure figure-chart figure-"
        html += chart.type.rawValue
        html += "\" id=\""
        html += chart.id
        html += "\">\n"
        html += title(chart.title)
        html += "<div class=\"chart-frame chart-frame-wide\">"
        html += svg
        html += "</div>\n<div class=\"chart-frame chart-frame-narrow\">"
        html += narrowSVG
        html += "</div>\n<details class=\"figure-data\"><summary>"
        html += dataLabel
        html += "</summary><div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\""
        html += dataLabel.xmlEscaped
        html += "\">"
        html += table
        html += "</div></details>\n"
        html += self.caption(caption, dataset: dataset, from: urlPath)
        html += "\n</figure>"
        return html
    }
}
