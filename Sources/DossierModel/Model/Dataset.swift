/// A table of data from `content/data/NAME.csv` or `.json`, with typed columns.
package struct Dataset: Sendable, Equatable {
    /// File name without extension: `china-share`.
    package var name: String
    /// Path relative to the project root: `content/data/china-share.csv`.
    package var sourcePath: String
    package var columns: [DataColumn]
    /// Row-major cells, each row as long as `columns`.
    package var rows: [[DataValue]]
    /// Line of the source file each row starts on (for diagnostics).
    package var rowLines: [Int]
    package var metadata: DatasetMetadata

    package init(name: String, sourcePath: String, columns: [DataColumn], rows: [[DataValue]], rowLines: [Int], metadata: DatasetMetadata) {
        self.name = name
        self.sourcePath = sourcePath
        self.columns = columns
        self.rows = rows
        self.rowLines = rowLines
        self.metadata = metadata
    }

    package func columnIndex(_ name: String) -> Int? {
        columns.firstIndex { $0.name == name }
    }

    package var columnNames: [String] { columns.map(\.name) }
}

package struct DataColumn: Sendable, Equatable {
    package var name: String
    /// Human label from the metadata; defaults to the name.
    package var label: String
    /// Unit shown after values (`M`, `€`, `%`…); percent columns use `%` by default.
    package var unit: String?
    package var type: DataType
    /// Digits after the decimal point as the data writes them (`8.0` → 1), so tables and
    /// sentences show `8,0 %` where the source did; nil for columns that are not numbers.
    package var decimals: Int?

    package init(name: String, label: String? = nil, unit: String? = nil, type: DataType, decimals: Int? = nil) {
        self.name = name
        self.label = label ?? name
        self.unit = unit
        self.type = type
        self.decimals = decimals
    }
}

package enum DataType: String, Sendable, Equatable, CaseIterable {
    case number
    /// A number of percentage points: `12.4` is 12,4 %.
    case percent
    case date
    case text
}

package enum DataValue: Sendable, Equatable, Hashable {
    case number(Double)
    case date(DateValue)
    case text(String)
    case empty

    package var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    package var isEmpty: Bool { self == .empty }
}

/// A date at the precision it was written: a year, a quarter, a month or a day.
package struct DateValue: Sendable, Hashable, Comparable {
    package enum Precision: Int, Sendable, Comparable {
        case year, quarter, month, day
        package static func < (a: Precision, b: Precision) -> Bool { a.rawValue < b.rawValue }
    }

    package var year: Int
    /// 1–12; for a quarter, its first month.
    package var month: Int
    package var day: Int
    package var precision: Precision

    package init(year: Int, month: Int = 1, day: Int = 1, precision: Precision) {
        self.year = year
        self.month = month
        self.day = day
        self.precision = precision
    }

    package var quarter: Int { (month - 1) / 3 + 1 }

    /// A continuous position in years, for time axes: mid-period, so bars and points centre on it.
    package var position: Double {
        switch precision {
        case .year: return Double(year)
        case .quarter: return Double(year) + Double(quarter - 1) / 4
        case .month: return Double(year) + Double(month - 1) / 12
        case .day: return Double(year) + (Double(month - 1) + Double(day - 1) / 31) / 12
        }
    }

    package static func < (a: DateValue, b: DateValue) -> Bool {
        (a.year, a.month, a.day, a.precision) < (b.year, b.month, b.day, b.precision)
    }
}

/// What `content/data/NAME.yaml` says about a dataset.
package struct DatasetMetadata: Sendable, Equatable {
    package var title: String?
    package var description: String?
    package var source: String?
    package var sourceURL: String?
    package var license: String?

    package init(title: String? = nil, description: String? = nil, source: String? = nil, sourceURL: String? = nil, license: String? = nil) {
        self.title = title
        self.description = description
        self.source = source
        self.sourceURL = sourceURL
        self.license = license
    }
}
