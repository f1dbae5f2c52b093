import DossierModel
import DossierTemplates

/// The pages of `/data/`: one per dataset (metadata, table, download, pages that use it) and an index.
package enum DatasetPages {
    /// Rows shown on a dataset's page; the downloadable file always has them all.
    package static let maximumRowsShown = 1000

}

extension ContextBuilder {
    /// `usedBy`: the pages whose charts, tables or values read the dataset, in listing order.
    /// `figures`: the report's charts, of which those drawn from this dataset are listed.
    package func dataset(_ dataset: Dataset, usedBy: [Page], figures: ReportFigures? = nil) -> TemplateContext {
        let urlPath = DatasetURL.page(dataset.name)
        let title = dataset.metadata.title ?? dataset.name
        var context = base(urlPath: urlPath, kind: "dataset", title: fullTitle(title))
        var values: TemplateContext = [
            "name": .string(dataset.name),
            "title": .string(title),
            "url": .string(link(from: urlPath, to: urlPath)),
            "file_name": .string(DatasetURL.fileName(dataset)),
            "file_url": .string(DatasetURL.fileName(dataset)),
            "rows_count": .string(format.number(Double(dataset.rows.count))),
            "columns": .list(dataset.columns.map { column -> TemplateValue in
                var values: TemplateContext = ["name": .string(column.name), "label": .string(column.label), "type": .string(column.type.rawValue),
                                               "type_name": .string(strings["type_" + column.type.rawValue] ?? column.type.rawValue)]
                if let unit = column.unit { values["unit"] = .string(unit) }
                return .map(values)
            }),
            "table": .string(table(dataset, format: format)),
            "truncated": .bool(dataset.rows.count > DatasetPages.maximumRowsShown),
            "used_by": .list(usedBy.map { ["title": .string($0.frontMatter.title), "url": .string(link(from: urlPath, to: $0.urlPath))] }),
            "figures": .list(figures?.values(from: urlPath, contexts: self, dataset: dataset.name) ?? []),
        ]
        let metadata = dataset.metadata
        if let description = Self.text(metadata.description) { values["description"] = .string(description) }
        if let source = metadata.source { values["source"] = .string(source) }
        if let url = metadata.sourceURL { values["source_url"] = .string(url) }
        if let license = metadata.license { values["license"] = .string(license) }
        context["dataset"] = .map(values)
        context["page"] = ["title": .string(title), "url": .string(link(from: urlPath, to: urlPath)), "breadcrumbs": [
            ["title": .string(strings["home"] ?? "Home"), "url": .string(link(from: urlPath, to: ""))],
            ["title": .string(strings["datasets"] ?? "Data"), "url": .string(link(from: urlPath, to: DatasetURL.index))],
        ]]
        return context
    }

    /// Each dataset with the charts drawn from it (`figures`).
    package func datasetIndex(_ datasets: [Dataset], figures: ReportFigures? = nil) -> TemplateContext {
        let urlPath = DatasetURL.index
        let title = strings["datasets"] ?? "Data"
        var context = base(urlPath: urlPath, kind: "datasets", title: fullTitle(title))
        context["datasets"] = .list(datasets.map { dataset -> TemplateValue in
            var values: TemplateContext = [
                "name": .string(dataset.name),
                "title": .string(dataset.metadata.title ?? dataset.name),
                "url": .string(link(from: urlPath, to: DatasetURL.page(dataset.name))),
                "rows_count": .string(format.number(Double(dataset.rows.count))),
                "figures": .list(figures?.values(from: urlPath, contexts: self, dataset: dataset.name) ?? []),
            ]
            if let description = Self.text(dataset.metadata.description) { values["description"] = .string(description) }
            if let source = Self.text(dataset.metadata.source) { values["source"] = .string(source) }
            return .map(values)
        })
        context["page"] = ["title": .string(title), "url": .string(link(from: urlPath, to: urlPath)), "breadcrumbs": [
            ["title": .string(strings["home"] ?? "Home"), "url": .string(link(from: urlPath, to: ""))],
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
