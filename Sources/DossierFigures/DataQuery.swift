import DossierModel
import DossierData

/// Row selection shared by charts, tables and inline values: `where` filters and column lookup.
struct DataQuery {
    let dataset: Dataset
    let what: String
    let file: String
    let line: Int

    /// The index of `name`, or an error listing the dataset's columns.
    func column(_ name: String, line: Int? = nil) -> Result<Int, Diagnostic> {
        if let index = dataset.columnIndex(name) { return .success(index) }
        var message = "\(what): unknown column \"\(name)\" in dataset \"\(dataset.name)\" (columns: \(dataset.columnNames.joined(separator: ", ")))"
        if let suggestion = name.closest(among: dataset.columnNames).map(\.candidate),
           name.editDistance(to: suggestion) <= 2 {
            message = "\(what): unknown column \"\(name)\" in dataset \"\(dataset.name)\"; did you mean \"\(suggestion)\"? (columns: \(dataset.columnNames.joined(separator: ", ")))"
        }
        return .failure(.error(message, file: file, line: line ?? self.line, column: 1))
    }

    /// Rows whose cells match every filter (a filter lists accepted values, compared as typed values).
    func rows(matching filters: [DataFilter], line filterLine: Int? = nil) -> Result<[Int], Diagnostic> {
        var selected = Array(dataset.rows.indices)
        for filter in filters {
            let index: Int
            switch column(filter.column, line: filterLine) {
            case .success(let found): index = found
            case .failure(let error): return .failure(error)
            }
            let type = dataset.columns[index].type
            let accepted = Set(filter.values.map { Self.comparable(CellParser.parse($0, as: type) ?? .text($0)) })
            selected = selected.filter { accepted.contains(Self.comparable(dataset.rows[$0][index])) }
        }
        return .success(selected)
    }

    /// Text compared with its spaces normalized (`T4 2017` with a no-break space matches `T4 2017`).
    static func comparable(_ value: DataValue) -> DataValue {
        if case .text(let text) = value { return .text(CellParser.normalizeSpaces(text)) }
        return value
    }

    /// How a selection's filters read in a message: `vendor = Xiaomi, year = 2017`.
    static func describe(_ filters: [DataFilter]) -> String {
        filters.map { "\($0.column) = \($0.values.joined(separator: " | "))" }.joined(separator: ", ")
    }
}

/// `where: {constructeur: Xiaomi}`: a column and the values a selected row may hold there.
struct DataFilter: Equatable, Sendable {
    var column: String
    var values: [String]
}
