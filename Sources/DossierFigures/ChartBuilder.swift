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

    func build() -> Result<ChartData, Diagnostic> {
        let query = DataQuery(dataset: dataset, what: "chart", file: file, line: fenceLine)
        guard let type = spec.type, let xName = spec.x, !spec.y.isEmpty else {
            return .failure(.error("chart: incomplete spec", file: file, line: fenceLine))
        }
        let rows: [Int]
        switch query.rows(matching: spec.filters, line: line("where")) {
        case .success(let selected): rows = selected
        case .failure(let error): return .failure(error)
        }
        guard !rows.isEmpty else {
            let filter = spec.filters.isEmpty ? "" : " with \(DataQuery.describe(spec.filters))"
            return .failure(.error("chart: no row of dataset \"\(dataset.name)\"\(filter)", file: file, line: line("where")))
        }
        let x: Int
        switch query.column(xName, line: line("x")) {
        case .success(let index): x = index
        case .failure(let error): return .failure(error)
        }
        var yColumns: [Int] = []
        for name in spec.y {
            switch query.column(name, line: line("y")) {
            case .success(let index):
                let column = dataset.columns[index]
                guard column.type == .number || column.type == .percent else {
                    return .failure(.error("chart: column \"\(name)\" holds \(column.type.plural); `y` needs numbers", file: file, line: line("y")))
                }
                yColumns.append(index)
            case .failure(let error): return .failure(error)
            }
        }
        var seriesColumn: Int?
        if let name = spec.series {
            switch query.column(name, line: line("series")) {
            case .success(let index): seriesColumn = index
            case .failure(let error): return .failure(error)
            }
            if yColumns.count != 1 {
                return .failure(.error("chart: with `series:`, `y` must name one column (the series come from \"\(name)\")", file: file, line: line("y")))
            }
        }
        let units = Set(yColumns.map { dataset.columns[$0].unit ?? "" })
        let unit = spec.unit ?? (units.count == 1 ? units.first.flatMap { $0.isEmpty ? nil : $0 } : nil)
        let valueLabel = spec.axis ?? yColumns.map { dataset.columns[$0].label }.joined(separator: ", ")
        let title = spec.title ?? dataset.metadata.title ?? dataset.name

        if ChartRegistry.drawer(for: type).shape == .points {
            if let error = stackError(type, seriesCount: 0) ?? highlightError(type, seriesNames: []) { return .failure(error) }
            return scatter(rows: rows, x: x, y: yColumns[0], seriesColumn: seriesColumn, unit: unit, title: title)
        }

        // Categories in order of appearance, or in time/number order when x is a date or number.
        var categories: [DataValue] = []
        var categoryIndex: [DataValue: Int] = [:]
        for row in rows {
            let value = dataset.rows[row][x]
            if value.isEmpty { continue }
            if categoryIndex[value] == nil {
                categoryIndex[value] = categories.count
                categories.append(value)
            }
        }
        var seriesNames: [String] = []
        var values: [[Double?]] = []
        if let seriesColumn {
            var seriesIndex: [DataValue: Int] = [:]
            for row in rows {
                let key = dataset.rows[row][seriesColumn]
                if key.isEmpty { continue }
                if seriesIndex[key] == nil {
                    seriesIndex[key] = seriesNames.count
                    seriesNames.append(format.cell(key, type: dataset.columns[seriesColumn].type))
                    values.append(Array(repeating: nil, count: categories.count))
                }
            }
            for row in rows {
                let cells = dataset.rows[row]
                guard let c = categoryIndex[cells[x]], let s = seriesIndex[cells[seriesColumn]] else { continue }
                if values[s][c] != nil {
                    return .failure(.error("chart: several rows of dataset \"\(dataset.name)\" for \(xName) = \(format.cell(cells[x], type: dataset.columns[x].type)) and \(spec.series ?? "") = \(seriesNames[s]); add a `where` filter",
                                           file: file, line: fenceLine))
                }
                values[s][c] = cells[yColumns[0]].number
            }
        } else {
            for y in yColumns {
                seriesNames.append(dataset.columns[y].label)
                var column: [Double?] = Array(repeating: nil, count: categories.count)
                for row in rows {
                    guard let c = categoryIndex[dataset.rows[row][x]] else { continue }
                    if column[c] != nil {
                        return .failure(.error("chart: several rows of dataset \"\(dataset.name)\" for \(xName) = \(format.cell(dataset.rows[row][x], type: dataset.columns[x].type)); add a `where` filter or a `series`",
                                               file: file, line: fenceLine))
                    }
                    column[c] = dataset.rows[row][y].number
                }
                values.append(column)
            }
        }

        if ChartRegistry.drawer(for: type).shape == .shares, let error = negativeSlice(type, rows: rows, x: x, y: yColumns[0], seriesColumn: seriesColumn) {
            return .failure(error)
        }

        var order = Array(categories.indices)
        let xType = dataset.columns[x].type
        switch spec.sort {
        case .none:
            if xType == .date || xType == .number { order.sort { Self.less(categories[$0], categories[$1]) } }
        case .ascending(let key), .descending(let key):
            let descending: Bool
            if case .descending = spec.sort { descending = true } else { descending = false }
            if key == xName {
                order.sort { Self.less(categories[$0], categories[$1]) }
            } else if let s = seriesNames.firstIndex(of: key) ?? (spec.y.contains(key) || key == spec.series ? 0 : nil) {
                let totals = categories.indices.map { c in seriesNames.count > 1 && !seriesNames.contains(key) ? values.reduce(0) { $0 + ($1[c] ?? 0) } : (values[s][c] ?? -Double.infinity) }
                order.sort { totals[$0] < totals[$1] || (totals[$0] == totals[$1] && $0 < $1) }
            } else {
                return .failure(.error("chart: `sort` names \"\(key)\", which is neither x (\(xName)) nor a plotted series (\(seriesNames.joined(separator: ", ")))", file: file, line: line("sort")))
            }
            if descending { order.reverse() }
        }
        if seriesNames.count > Self.maximumSeries {
            return .failure(.error("chart: \(seriesNames.count) series, more than the \(Self.maximumSeries) a chart can show; narrow them with `where`",
                                   file: file, line: fenceLine))
        }
        if categories.count > Self.maximumCategories {
            return .failure(.error("chart: \(categories.count) categories on x, too many to draw (at most \(Self.maximumCategories)); narrow them with `where`",
                                   file: file, line: fenceLine))
        }
        if let error = stackError(type, seriesCount: seriesNames.count) ?? highlightError(type, seriesNames: seriesNames) {
            return .failure(error)
        }
        let sortedCategories = order.map { ChartCategory(label: format.cell(categories[$0], type: xType), value: categories[$0]) }
        let series = seriesNames.indices.map { s in ChartSeries(name: seriesNames[s], values: order.map { values[s][$0] }) }

        var annotations: [ChartAnnotation] = []
        for annotation in spec.annotations {
            let value = CellParser.parse(annotation.x, as: xType) ?? .text(annotation.x)
            guard let index = sortedCategories.firstIndex(where: { $0.value == value }) else {
                return .failure(.error("chart: annotation at \(xName) = \"\(annotation.x)\", which is not among the chart's categories (\(sortedCategories.prefix(8).map(\.label).joined(separator: ", "))\(sortedCategories.count > 8 ? ", …" : ""))",
                                       file: file, line: annotation.line))
            }
            annotations.append(ChartAnnotation(categoryIndex: index, label: annotation.label))
        }
        return .success(ChartData(type: type, id: id, title: title, unit: unit, valueLabel: valueLabel,
                                  categoryLabel: dataset.columns[x].label, categories: sortedCategories, series: series,
                                  annotations: annotations, decimals: spec.decimals, stacked: spec.stack ?? true, highlight: spec.highlight))
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
