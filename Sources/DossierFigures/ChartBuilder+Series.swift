import DossierModel
import DossierData

extension ChartBuilder {
    /// The columns a chart is drawn from: x, the y columns (of numbers), and in a long table the column the
    /// series come from (`series:`).
    struct Columns {
        var x: Int
        var y: [Int]
        var series: Int?
    }

    /// The distinct non-empty values of x in the selected rows, in order of appearance, and the category of
    /// each row.
    struct Categories {
        var values: [DataValue] = []
        /// The index in `values` of each selected row's x, in the rows' order; nil for an empty x.
        var ofRow: [Int?] = []

        init(rows: [Int], x: Int, dataset: Dataset) {
            var index: [DataValue: Int] = [:]
            ofRow.reserveCapacity(rows.count)
            for row in rows {
                let value = dataset.rows[row][x]
                if value.isEmpty {
                    ofRow.append(nil)
                } else if let c = index[value] {
                    ofRow.append(c)
                } else {
                    index[value] = values.count
                    ofRow.append(values.count)
                    values.append(value)
                }
            }
        }
    }

    /// The series' names and, for each, its value in each category (in the categories' order of appearance).
    struct SeriesTable {
        var names: [String] = []
        var values: [[Double?]] = []
    }

    /// The columns `x`, `y` and `series` name: each must exist, `y` must hold numbers and, with `series:`, name one column.
    func columns(_ query: DataQuery, x xName: String) throws(Diagnostic) -> Columns {
        let x = try query.column(xName, line: line("x")).get()
        var yColumns: [Int] = []
        for name in spec.y {
            let index = try query.column(name, line: line("y")).get()
            let column = dataset.columns[index]
            guard column.type == .number || column.type == .percent else {
                throw .error("chart: column \"\(name)\" holds \(column.type.plural); `y` needs numbers", file: file, line: line("y"))
            }
            yColumns.append(index)
        }
        var seriesColumn: Int?
        if let name = spec.series {
            seriesColumn = try query.column(name, line: line("series")).get()
            if yColumns.count != 1 {
                throw .error("chart: with `series:`, `y` must name one column (the series come from \"\(name)\")", file: file, line: line("y"))
            }
        }
        return Columns(x: x, y: yColumns, series: seriesColumn)
    }

    /// The series and their values: one per value of the `series` column in a long table, else one per `y` column.
    func seriesTable(rows: [Int], columns: Columns, categories: Categories, xName: String) throws(Diagnostic) -> SeriesTable {
        if let seriesColumn = columns.series {
            return try longSeries(rows: rows, x: columns.x, y: columns.y[0], seriesColumn: seriesColumn, categories: categories, xName: xName)
        }
        return try wideSeries(rows: rows, x: columns.x, yColumns: columns.y, categories: categories, xName: xName)
    }

    /// One series per non-empty value of `seriesColumn`, in order of appearance; two rows for one category and
    /// series are an error.
    private func longSeries(rows: [Int], x: Int, y: Int, seriesColumn: Int, categories: Categories,
                            xName: String) throws(Diagnostic) -> SeriesTable {
        var table = SeriesTable()
        var seriesIndex: [DataValue: Int] = [:]
        // The series of each row, in the rows' order (nil for an empty name): each name looked up once.
        var seriesOfRow: [Int?] = []
        seriesOfRow.reserveCapacity(rows.count)
        for row in rows {
            let key = dataset.rows[row][seriesColumn]
            if key.isEmpty {
                seriesOfRow.append(nil)
            } else if let s = seriesIndex[key] {
                seriesOfRow.append(s)
            } else {
                seriesIndex[key] = table.names.count
                seriesOfRow.append(table.names.count)
                table.names.append(format.cell(key, type: dataset.columns[seriesColumn].type))
                table.values.append(Array(repeating: nil, count: categories.values.count))
            }
        }
        for (i, row) in rows.enumerated() {
            guard let c = categories.ofRow[i], let s = seriesOfRow[i] else { continue }
            let cells = dataset.rows[row]
            if table.values[s][c] != nil {
                throw .error("chart: several rows of dataset \"\(dataset.name)\" for \(xName) = \(format.cell(cells[x], type: dataset.columns[x].type)) and \(spec.series ?? "") = \(table.names[s]); add a `where` filter",
                             file: file, line: fenceLine)
            }
            table.values[s][c] = cells[y].number
        }
        return table
    }

    /// One series per `y` column, named by its label; two rows for one category are an error.
    private func wideSeries(rows: [Int], x: Int, yColumns: [Int], categories: Categories, xName: String) throws(Diagnostic) -> SeriesTable {
        var table = SeriesTable()
        for y in yColumns {
            table.names.append(dataset.columns[y].label)
            var column: [Double?] = Array(repeating: nil, count: categories.values.count)
            for (i, row) in rows.enumerated() {
                guard let c = categories.ofRow[i] else { continue }
                if column[c] != nil {
                    throw .error("chart: several rows of dataset \"\(dataset.name)\" for \(xName) = \(format.cell(dataset.rows[row][x], type: dataset.columns[x].type)); add a `where` filter or a `series`",
                                 file: file, line: fenceLine)
                }
                column[c] = dataset.rows[row][y].number
            }
            table.values.append(column)
        }
        return table
    }
}
