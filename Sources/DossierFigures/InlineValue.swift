import Foundation
import DossierModel

/// A dataset value in a sentence: `` `=dataset.column[key=value, key=value]` `` becomes
/// `<data value="13.8">13,8 %</data>`, formatted like the charts. The selection must be
/// exactly one row, so the text cannot silently disagree with the data.
struct InlineValue: Equatable {
    var dataset: String
    var column: String
    var filters: [DataFilter]

    /// Nil when `code` is not a value reference (it does not start with `=`).
    static func parse(_ code: String) -> Result<InlineValue, SyntaxError>? {
        let trimmed = code.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("="), trimmed.count > 1 else { return nil }
        var body = Substring(trimmed.dropFirst())
        var filters: [DataFilter] = []
        if let open = body.firstIndex(of: "[") {
            guard body.hasSuffix("]") else { return .failure(SyntaxError("missing `]` at the end of the selection")) }
            let inside = body[body.index(after: open)..<body.index(before: body.endIndex)]
            for condition in inside.split(separator: ",") {
                let parts = condition.split(separator: "=", maxSplits: 1)
                guard parts.count == 2 else { return .failure(SyntaxError("each condition is written `column=value`, found \"\(condition.trimmingCharacters(in: .whitespaces))\"")) }
                filters.append(DataFilter(column: parts[0].trimmingCharacters(in: .whitespaces), values: [parts[1].trimmingCharacters(in: .whitespaces)]))
            }
            body = body[..<open]
        }
        guard let dot = body.firstIndex(of: ".") else {
            return .failure(SyntaxError("write `=dataset.column[column=value, …]`"))
        }
        let dataset = body[..<dot].trimmingCharacters(in: .whitespaces)
        let column = body[body.index(after: dot)...].trimmingCharacters(in: .whitespaces)
        guard !dataset.isEmpty, !column.isEmpty else { return .failure(SyntaxError("write `=dataset.column[column=value, …]`")) }
        return .success(InlineValue(dataset: dataset, column: column, filters: filters))
    }

    func html(in dataset: Dataset, format: LocaleFormat, file: String, line: Int, column position: Int) -> Result<String, Diagnostic> {
        let query = DataQuery(dataset: dataset, what: "value", file: file, line: line)
        let index: Int
        switch query.column(column) {
        case .success(let found): index = found
        case .failure(let error): return .failure(error)
        }
        let rows: [Int]
        switch query.rows(matching: filters) {
        case .success(let selected): rows = selected
        case .failure(let error): return .failure(error)
        }
        guard rows.count == 1, let row = rows.first else {
            let condition = filters.isEmpty ? "" : " with \(DataQuery.describe(filters))"
            let problem = rows.isEmpty ? "no row" : "\(rows.count) rows"
            return .failure(.error("value: \(problem) of dataset \"\(dataset.name)\"\(condition); a value needs exactly one (add conditions in [ ])",
                                   file: file, line: line, column: position))
        }
        let cell = dataset.rows[row][index]
        let type = dataset.columns[index].type
        let text = format.cell(cell, type: type, unit: dataset.columns[index].unit, decimals: Self.decimals(of: cell, column: dataset.columns[index].decimals))
        let raw: String
        switch cell {
        case .number(let number): raw = LocaleFormat(language: "en").number(number).replacingOccurrences(of: ",", with: "")
        case .date(let date): raw = DateValueText.iso(date)
        case .text(let text): raw = text
        case .empty:
            return .failure(.error("value: the cell \(column) of the selected row of dataset \"\(dataset.name)\" is empty", file: file, line: line, column: position))
        }
        return .success("<data class=\"datum\" value=\"\(raw.replacingOccurrences(of: "\u{2212}", with: "-").xmlEscaped)\">\(text.xmlEscaped)</data>")
    }
}

extension InlineValue {
    /// A value in a sentence is written without the trailing zeros its column keeps for
    /// alignment in tables: `72,0 %` reads `72 %`, `12,40` reads `12,4`.
    static func decimals(of cell: DataValue, column decimals: Int?) -> Int? {
        guard case .number(let number) = cell, let decimals, decimals > 0 else { return decimals }
        var fewest = decimals
        while fewest > 0 {
            let scale = pow(10.0, Double(fewest - 1))
            let shorter = (number * scale).rounded() / scale
            let full = (number * pow(10.0, Double(decimals))).rounded() / pow(10.0, Double(decimals))
            guard abs(shorter - full) < 1e-9 * max(1, abs(full)) else { break }
            fewest -= 1
        }
        return fewest
    }
}

struct SyntaxError: Error, Equatable {
    let message: String
    init(_ message: String) { self.message = message }
}

enum DateValueText {
    /// `2017`, `2017-Q3`, `2017-07`, `2017-07-05`.
    static func iso(_ date: DateValue) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        switch date.precision {
        case .year: return String(date.year)
        case .quarter: return "\(date.year)-Q\(date.quarter)"
        case .month: return "\(date.year)-\(two(date.month))"
        case .day: return "\(date.year)-\(two(date.month))-\(two(date.day))"
        }
    }
}
