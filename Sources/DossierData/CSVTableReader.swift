import CSV
import DossierModel

/// Reads RFC 4180 CSV with CSV.swift (quoted fields with commas, quotes and newlines; CRLF),
/// keeping track of the line and column where each row and field starts.
enum CSVTableReader {
    static func read(_ text: String, file: String, diagnostics: inout Diagnostics) -> RawTable? {
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: false)
        } catch {
            diagnostics.error("cannot read CSV: \(error)", file: file, line: 1, column: 1)
            return nil
        }
        var header: [String]?
        var headerLine = 1
        var rows: [[String?]] = []
        var lines: [Int] = []
        var columns: [[Int]] = []
        var line = 1
        while let fields = reader.next() {
            let rowLine = line
            line += 1 + fields.reduce(0) { $0 + $1.unicodeScalars.filter { $0 == "\n" }.count }
            if fields.count == 1 && fields[0].isEmpty { continue }
            if header == nil {
                header = fields
                headerLine = rowLine
                continue
            }
            rows.append(fields.map { $0.isEmpty ? nil : $0 })
            lines.append(rowLine)
            columns.append(fieldColumns(fields))
        }
        guard let header else {
            diagnostics.error("dataset is empty: a CSV file needs a header row naming its columns", file: file, line: 1, column: 1)
            return nil
        }
        _ = headerLine
        return RawTable(header: header, rows: rows, lines: lines, columns: columns)
    }

    /// Where each field starts on its line, assuming fields that needed quotes were quoted.
    static func fieldColumns(_ fields: [String]) -> [Int] {
        var result: [Int] = []
        var column = 1
        for field in fields {
            result.append(column)
            let quoted = field.contains(",") || field.contains("\"") || field.contains("\n")
            let escapedQuotes = field.filter { $0 == "\"" }.count
            column += field.count + (quoted ? 2 + escapedQuotes : 0) + 1
        }
        return result
    }
}
