/// The pages of `/data/`: one per dataset (metadata, table, download, pages that use it) and an index.
enum DatasetPages {
    static let indexPath = "data/"
    /// Rows shown on a dataset's page; the downloadable file always has them all.
    static let maximumRowsShown = 1000

    static func urlPath(_ name: String) -> String { "data/\(name)/" }

    /// The original file's name in the output, beside the dataset's page.
    static func fileName(_ dataset: Dataset) -> String { PathText.lastComponent(dataset.sourcePath) }
}

extension ContextBuilder {
    /// `usedBy`: the pages whose charts, tables or values read the dataset, in listing order.
    func dataset(_ dataset: Dataset, usedBy: [Page]) -> [String: Any] {
        let urlPath = DatasetPages.urlPath(dataset.name)
        let title = dataset.metadata.title ?? dataset.name
        var context = base(urlPath: urlPath, kind: "dataset", title: fullTitle(title))
        let format = LocaleFormat(language: language)
        var values: [String: Any] = [
            "name": dataset.name,
            "title": title,
            "url": link(from: urlPath, to: urlPath),
            "file_name": DatasetPages.fileName(dataset),
            "file_url": DatasetPages.fileName(dataset),
            "rows_count": format.number(Double(dataset.rows.count)),
            "columns": dataset.columns.map { column -> [String: Any] in
                var values: [String: Any] = ["name": column.name, "label": column.label, "type": column.type.rawValue]
                if let unit = column.unit { values["unit"] = unit }
                return values
            },
            "table": table(dataset, format: format),
            "truncated": dataset.rows.count > DatasetPages.maximumRowsShown,
            "used_by": usedBy.map { ["title": $0.frontMatter.title, "url": link(from: urlPath, to: $0.urlPath)] },
        ]
        let metadata = dataset.metadata
        if let description = metadata.description { values["description"] = description }
        if let source = metadata.source { values["source"] = source }
        if let url = metadata.sourceURL { values["source_url"] = url }
        if let license = metadata.license { values["license"] = license }
        context["dataset"] = values
        context["page"] = ["title": title, "url": link(from: urlPath, to: urlPath), "breadcrumbs": [
            ["title": strings["home"] ?? "Home", "url": link(from: urlPath, to: "")],
            ["title": strings["datasets"] ?? "Data", "url": link(from: urlPath, to: DatasetPages.indexPath)],
        ]]
        return context
    }

    func datasetIndex(_ datasets: [Dataset]) -> [String: Any] {
        let urlPath = DatasetPages.indexPath
        let title = strings["datasets"] ?? "Data"
        var context = base(urlPath: urlPath, kind: "datasets", title: fullTitle(title))
        let format = LocaleFormat(language: language)
        context["datasets"] = datasets.map { dataset -> [String: Any] in
            var values: [String: Any] = [
                "name": dataset.name,
                "title": dataset.metadata.title ?? dataset.name,
                "url": link(from: urlPath, to: DatasetPages.urlPath(dataset.name)),
                "rows_count": format.number(Double(dataset.rows.count)),
            ]
            if let description = dataset.metadata.description { values["description"] = description }
            if let source = dataset.metadata.source { values["source"] = source }
            return values
        }
        context["page"] = ["title": title, "url": link(from: urlPath, to: urlPath), "breadcrumbs": [
            ["title": strings["home"] ?? "Home", "url": link(from: urlPath, to: "")],
        ]]
        return context
    }

    /// The dataset as an HTML table (escaped), numbers formatted and right-aligned.
    func table(_ dataset: Dataset, format: LocaleFormat) -> String {
        var html = "<table>\n<thead><tr>"
        for column in dataset.columns {
            let numeric = column.type == .number || column.type == .percent
            var label = column.label.xmlEscaped
            if let unit = column.unit, column.type != .percent { label += " <span class=\"unit\">(\(unit.xmlEscaped))</span>" }
            html += "<th scope=\"col\"\(numeric ? " class=\"num\"" : "")>\(label)</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for row in dataset.rows.prefix(DatasetPages.maximumRowsShown) {
            html += "<tr>"
            for (index, column) in dataset.columns.enumerated() {
                let numeric = column.type == .number || column.type == .percent
                let text = format.cell(row[index], type: column.type, unit: column.type == .percent ? "%" : nil, decimals: column.decimals)
                html += "<td\(numeric ? " class=\"num\"" : "")>\(text.xmlEscaped)</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>"
    }
}
