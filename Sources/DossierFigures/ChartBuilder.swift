import DossierModel
import DossierData
import DossierCharts

/// Selects a chart's data from its dataset: the `where` filter, the series (long or wide
/// format), the order of categories and the annotations, giving the `ChartData` to draw.
struct ChartBuilder {
    /// Beyond these a chart cannot be read (nor drawn in reasonable size): the build says so
    /// and suggests a filter. Documented in the README ("Limits").
    static let maximumSeries = 40
    static let maximumCategories = 5_000
    static let maximumPoints = 20_000

    let spec: FigureSpec
    let dataset: Dataset
    let format: LocaleFormat
    let file: String
    let fenceLine: Int
    let id: String

    func line(_ key: String) -> Int { spec.lines[key] ?? fenceLine }

    /// The chart's data, or the first problem found in the spec or the dataset (the helpers throw it).
    func build() -> Result<ChartData, Diagnostic> {
        let query = DataQuery(dataset: dataset, what: "chart", file: file, line: fenceLine)
        guard let type = spec.type, let xName = spec.x, !spec.y.isEmpty else {
            return .failure(.error("chart: incomplete spec", file: file, line: fenceLine))
        }
        do throws(Diagnostic) {
            let rows = try selectedRows(query)
            let columns = try self.columns(query, x: xName)
            let units = Set(columns.y.map { dataset.columns[$0].unit ?? "" })
            let unit = spec.unit ?? (units.count == 1 ? units.first.flatMap { $0.isEmpty ? nil : $0 } : nil)
            let valueLabel = spec.axis ?? columns.y.map { dataset.columns[$0].label }.joined(separator: ", ")
            let title = spec.title ?? dataset.metadata.title ?? dataset.name

            if ChartRegistry.drawer(for: type).shape == .points {
                if let error = stackError(type, seriesCount: 0) ?? highlightError(type, seriesNames: []) { return .failure(error) }
                return scatter(rows: rows, x: columns.x, y: columns.y[0], seriesColumn: columns.series, unit: unit, title: title)
            }
            let categories = Categories(rows: rows, x: columns.x, dataset: dataset)
            let table = try seriesTable(rows: rows, columns: columns, categories: categories, xName: xName)
            if ChartRegistry.drawer(for: type).shape == .shares,
               let error = negativeSlice(type, rows: rows, x: columns.x, y: columns.y[0], seriesColumn: columns.series) {
                throw error
            }
            let xType = dataset.columns[columns.x].type
            let order = try categoryOrder(categories.values, xType: xType, xName: xName, table: table)
            try checkSize(type, table: table, categoryCount: categories.values.count)
            let sortedCategories = order.map { ChartCategory(label: format.cell(categories.values[$0], type: xType), value: categories.values[$0]) }
            let series = table.names.indices.map { s in ChartSeries(name: table.names[s], values: order.map { table.values[s][$0] }) }
            let annotations = try self.annotations(on: sortedCategories, xType: xType, xName: xName)
            return .success(ChartData(type: type, id: id, title: title, unit: unit, valueLabel: valueLabel,
                                      categoryLabel: dataset.columns[columns.x].label, categories: sortedCategories, series: series,
                                      annotations: annotations, decimals: spec.decimals, stacked: spec.stack ?? true, highlight: spec.highlight))
        } catch {
            return .failure(error)
        }
    }

    /// The rows the `where` filter keeps; none is an error.
    private func selectedRows(_ query: DataQuery) throws(Diagnostic) -> [Int] {
        let rows = try query.rows(matching: spec.filters, line: line("where")).get()
        guard !rows.isEmpty else {
            let filter = spec.filters.isEmpty ? "" : " with \(DataQuery.describe(spec.filters))"
            throw .error("chart: no row of dataset \"\(dataset.name)\"\(filter)", file: file, line: line("where"))
        }
        return rows
    }

    /// The order of the categories: as they appear, or in time/number order when x is a date or number,
    /// unless `sort` names x or a plotted series (by their totals when it names none of several series).
    private func categoryOrder(_ categories: [DataValue], xType: DataType, xName: String, table: SeriesTable) throws(Diagnostic) -> [Int] {
        var order = Array(categories.indices)
        switch spec.sort {
        case .none:
            if xType == .date || xType == .number { order.sort { Self.less(categories[$0], categories[$1]) } }
        case .ascending(let key), .descending(let key):
            let descending: Bool
            if case .descending = spec.sort { descending = true } else { descending = false }
            let seriesNames = table.names, values = table.values
            if key == xName {
                order.sort { Self.less(categories[$0], categories[$1]) }
            } else if let s = seriesNames.firstIndex(of: key) ?? (spec.y.contains(key) || key == spec.series ? 0 : nil) {
                let totals = categories.indices.map { c in seriesNames.count > 1 && !seriesNames.contains(key) ? values.reduce(0) { $0 + ($1[c] ?? 0) } : (values[s][c] ?? -Double.infinity) }
                order.sort { totals[$0] < totals[$1] || (totals[$0] == totals[$1] && $0 < $1) }
            } else {
                throw .error("chart: `sort` names \"\(key)\", which is neither x (\(xName)) nor a plotted series (\(seriesNames.joined(separator: ", ")))", file: file, line: line("sort"))
            }
            if descending { order.reverse() }
        }
        return order
    }

    /// Fails when the chart has more series or categories than it can show, or its `stack` or `highlight` does not apply.
    private func checkSize(_ type: ChartType, table: SeriesTable, categoryCount: Int) throws(Diagnostic) {
        if table.names.count > Self.maximumSeries {
            throw .error("chart: \(table.names.count) series, more than the \(Self.maximumSeries) a chart can show; narrow them with `where`",
                         file: file, line: fenceLine)
        }
        if categoryCount > Self.maximumCategories {
            throw .error("chart: \(categoryCount) categories on x, too many to draw (at most \(Self.maximumCategories)); narrow them with `where`",
                         file: file, line: fenceLine)
        }
        if let error = stackError(type, seriesCount: table.names.count) ?? highlightError(type, seriesNames: table.names) {
            throw error
        }
    }

    /// The annotations, each on the category its `x` names (in the sorted categories); one on no category is an error.
    private func annotations(on categories: [ChartCategory], xType: DataType, xName: String) throws(Diagnostic) -> [ChartAnnotation] {
        var annotations: [ChartAnnotation] = []
        for annotation in spec.annotations {
            let value = CellParser.parse(annotation.x, as: xType) ?? .text(annotation.x)
            guard let index = categories.firstIndex(where: { $0.value == value }) else {
                throw .error("chart: annotation at \(xName) = \"\(annotation.x)\", which is not among the chart's categories (\(categories.prefix(8).map(\.label).joined(separator: ", "))\(categories.count > 8 ? ", …" : ""))",
                             file: file, line: annotation.line)
            }
            annotations.append(ChartAnnotation(categoryIndex: index, label: annotation.label))
        }
        return annotations
    }

    func scatter(rows: [Int], x: Int, y: Int, seriesColumn: Int?, unit: String?, title: String) -> Result<ChartData, Diagnostic> {
        let xColumn = dataset.columns[x]
        guard xColumn.type == .number || xColumn.type == .percent else {
            return .failure(.error("chart: a scatter chart needs numbers for `x`; column \"\(xColumn.name)\" holds \(xColumn.type.plural)", file: file, line: line("x")))
        }
        var labelColumn: Int?
        if let name = spec.label {
            switch DataQuery(dataset: dataset, what: "chart", file: file, line: fenceLine).column(name, line: line("label")) {
            case .success(let index): labelColumn = index
            case .failure(let error): return .failure(error)
            }
        }
        var seriesNames: [String] = []
        var seriesIndex: [DataValue: Int] = [:]
        var points: [ScatterPoint] = []
        for row in rows {
            let cells = dataset.rows[row]
            guard let px = cells[x].number, let py = cells[y].number else { continue }
            var s = 0
            if let seriesColumn {
                let key = cells[seriesColumn]
                if seriesIndex[key] == nil {
                    seriesIndex[key] = seriesNames.count
                    seriesNames.append(format.cell(key, type: dataset.columns[seriesColumn].type))
                }
                s = seriesIndex[key] ?? 0
            }
            let label = labelColumn.map { format.cell(cells[$0], type: dataset.columns[$0].type) }
            points.append(ScatterPoint(x: px, y: py, label: label, series: s))
        }
        if seriesNames.isEmpty { seriesNames = [dataset.columns[y].label] }
        if seriesNames.count > Self.maximumSeries || points.count > Self.maximumPoints {
            return .failure(.error("chart: too many series or points for a scatter chart (\(seriesNames.count) series, \(points.count) points; at most \(Self.maximumSeries) and \(Self.maximumPoints)); narrow them with `where`",
                                   file: file, line: fenceLine))
        }
        return .success(ChartData(type: .scatter, id: id, title: title, unit: unit, valueLabel: dataset.columns[y].label,
                                  categoryLabel: xColumn.label, categories: [], series: seriesNames.map { ChartSeries(name: $0, values: []) },
                                  points: points, xUnit: xColumn.unit))
    }

    /// A pie or donut shows shares of a total, so a negative value among the ones it draws (the
    /// first series: column `y`, or with `series:` the rows of the first series) is a mistake in
    /// the data or in the choice of chart, not something to leave out silently. The error names
    /// the dataset row by file and line.
    func negativeSlice(_ type: ChartType, rows: [Int], x: Int, y: Int, seriesColumn: Int?) -> Diagnostic? {
        let firstSeries = seriesColumn.flatMap { column in rows.lazy.map { dataset.rows[$0][column] }.first { !$0.isEmpty } }
        for row in rows {
            let cells = dataset.rows[row]
            if cells[x].isEmpty { continue }
            if let seriesColumn, cells[seriesColumn] != firstSeries { continue }
            guard let value = cells[y].number, value < 0 else { continue }
            let rowLine = row < dataset.rowLines.count ? dataset.rowLines[row] : 0
            let xName = dataset.columns[x].name
            return .error("chart: a \(type.rawValue) chart cannot show the negative value \(format.cell(cells[y], type: dataset.columns[y].type)) "
                          + "of \"\(dataset.columns[y].name)\" for \(xName) = \(format.cell(cells[x], type: dataset.columns[x].type)) "
                          + "(\(dataset.sourcePath):\(rowLine)); its slices are shares of a positive total",
                          file: file, line: line("y"))
        }
        return nil
    }

    static func less(_ a: DataValue, _ b: DataValue) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): return x < y
        case (.date(let x), .date(let y)): return x < y
        case (.text(let x), .text(let y)): return x < y
        default: return false
        }
    }
}
