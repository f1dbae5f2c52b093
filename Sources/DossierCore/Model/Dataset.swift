/// A table of data from `content/data/NAME.csv` or `.json`, with typed columns.
public struct Dataset: Sendable, Equatable {
    /// File name without extension: `china-share`.
    public var name: String
    /// Path relative to the project root: `content/data/china-share.csv`.
    public var sourcePath: String
    public var columns: [DataColumn]
    /// Row-major cells, each row as long as `columns`.
    public var rows: [[DataValue]]
    /// Line of the source file each row starts on (for diagnostics).
    public var rowLines: [Int]
    public var metadata: DatasetMetadata

    public init(name: String, sourcePath: String, columns: [DataColumn], rows: [[DataValue]], rowLines: [Int], metadata: DatasetMetadata) {
        self.name = name
        self.sourcePath = sourcePath
        self.columns = columns
        self.rows = rows
        self.rowLines = rowLines
        self.metadata = metadata
    }

    public func columnIndex(_ name: String) -> Int? {
        columns.firstIndex { $0.name == name }
    }

    public var columnNames: [String] { columns.map(\.name) }
}

public struct DataColumn: Sendable, Equatable {
    public var name: String
    /// Human label from the metadata; defaults to the name.
    public var label: String
    /// Unit shown after values (`M`, `€`, `%`…); percent columns use `%` by default.
    public var unit: String?
    public var type: DataType
    /// Digits after the decimal point as the data writes them (`8.0` → 1), so tables and
    /// sentences show `8,0 %` where the source did; nil for columns that are not numbers.
    public var decimals: Int?

    public init(name: String, label: String? = nil, unit: String? = nil, type: DataType, decimals: Int? = nil) {
        self.name = name
        self.label = label ?? name
        self.unit = unit
        self.type = type
        self.decimals = decimals
    }
}

public enum DataType: String, Sendable, Equatable, CaseIterable {
    case number
    /// A number of percentage points: `12.4` is 12,4 %.
    case percent
    case date
    case text
}

public enum DataValue: Sendable, Equatable, Hashable {
    case number(Double)
    case date(DateValue)
    case text(String)
    case empty

    public var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    public var isEmpty: Bool { self == .empty }
}

/// A date at the precision it was written: a year, a quarter, a month or a day.
public struct DateValue: Sendable, Hashable, Comparable {
    public enum Precision: Int, Sendable, Comparable {
        case year, quarter, month, day
        public static func < (a: Precision, b: Precision) -> Bool { a.rawValue < b.rawValue }
    }

    public var year: Int
    /// 1–12; for a quarter, its first month.
    public var month: Int
    public var day: Int
    public var precision: Precision

    public init(year: Int, month: Int = 1, day: Int = 1, precision: Precision) {
        self.year = year
        self.month = month
        self.day = day
        self.precision = precision
    }

    public var quarter: Int { (month - 1) / 3 + 1 }

    /// A continuous position in years, for time axes: mid-period, so bars and points centre on it.
    public var position: Double {
        switch precision {
        case .year: return Double(year)
        case .quarter: return Double(year) + Double(quarter - 1) / 4
        case .month: return Double(year) + Double(month - 1) / 12
        case .day: return Double(year) + (Double(month - 1) + Double(day - 1) / 31) / 12
        }
    }

    public static func < (a: DateValue, b: DateValue) -> Bool {
        (a.year, a.month, a.day, a.precision) < (b.year, b.month, b.day, b.precision)
    }
}

/// What `content/data/NAME.yaml` says about a dataset.
public struct DatasetMetadata: Sendable, Equatable {
    public var title: String?
    public var description: String?
    public var source: String?
    public var sourceURL: String?
    public var license: String?

    public init(title: String? = nil, description: String? = nil, source: String? = nil, sourceURL: String? = nil, license: String? = nil) {
        self.title = title
        self.description = description
        self.source = source
        self.sourceURL = sourceURL
        self.license = license
    }
}
