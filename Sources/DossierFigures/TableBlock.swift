import DossierModel

/// A ```` ```table ```` block: rows of a dataset as an HTML table with formatted numbers.
struct TableBlock {
    let spec: FigureSpec
    let dataset: Dataset
    let format: LocaleFormat
    let file: String
    let fenceLine: Int

    func line(_ key: String) -> Int { spec.lines[key] ?? fenceLine }

    /// - Parameters:
    ///   - anchor: the figure's HTML id, when the block has an `id`
    ///   - label: "Tableau 1", when tables are numbered
    func html(figure: FigureHTML, urlPath: String, anchor: String? = nil, label: String? = nil) -> Result<String, Diagnostic> {
        let query = DataQuery(dataset: dataset, what: "table", file: file, line: fenceLine)
        var rows: [Int]
        switch query.rows(matching: spec.filters, line: line("where")) {
        case .success(let selected): rows = selected
        case .failure(let error): return .failure(error)
        }
        guard !rows.isEmpty else {
            return .failure(.error("table: no row of dataset \"\(dataset.name)\" with \(DataQuery.describe(spec.filters))", file: file, line: line("where")))
        }
        var columns: [Int] = []
        for name in spec.columns.isEmpty ? dataset.columnNames : spec.columns {
            switch query.column(name, line: line("columns")) {
            case .success(let index): columns.append(index)
            case .failure(let error): return .failure(error)
            }
        }
        switch spec.sort {
        case .none: break
        case .ascending(let name), .descending(let name):
            let index: Int
            switch query.column(name, line: line("sort")) {
            case .success(let found): index = found
            case .failure(let error): return .failure(error)
            }
            rows.sort { a, b in
                let x = dataset.rows[a][index], y = dataset.rows[b][index]
                return ChartBuilder.less(x, y) || (!ChartBuilder.less(y, x) && a < b)
            }
            if case .descending = spec.sort { rows.reverse() }
        }
        var html = "<table>\n<thead><tr>"
        for index in columns {
            let column = dataset.columns[index]
            let numeric = column.type == .number || column.type == .percent
            html += "<th scope=\"col\"\(numeric ? " class=\"num\"" : "")>\(figure.text(column.label))</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for row in rows {
            html += "<tr>"
            for (position, index) in columns.enumerated() {
                let column = dataset.columns[index]
                let numeric = column.type == .number || column.type == .percent
                let value = format.cell(dataset.rows[row][index], type: column.type, unit: column.unit, decimals: spec.decimals ?? column.decimals)
                let tag = position == 0 && !numeric ? "th scope=\"row\"" : "td"
                let close = position == 0 && !numeric ? "th" : "td"
                html += "<\(tag)\(numeric ? " class=\"num\"" : "")>\(value.xmlEscaped)</\(close)>"
            }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>"
        let caption = figure.caption(spec.caption, dataset: dataset, from: urlPath)
        let id = anchor.map { " id=\"\($0)\"" } ?? ""
        return .success("<figure class=\"figure figure-table\"\(id)>\n\(figure.title(spec.title, label: label))<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"\(figure.text(spec.title ?? dataset.metadata.title ?? dataset.name))\">\(html)</div>\n\(caption)\n</figure>")
    }
}
