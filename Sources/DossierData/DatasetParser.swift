import Foundation
import Yams
import DossierModel

/// Builds typed datasets from the files in `content/data/`.
package enum DatasetParser {
    static let metadataKeys = ["title", "description", "source", "source_url", "license", "columns"]

    package static func parse(_ files: [SourceFile], diagnostics: inout Diagnostics) -> [Dataset] {
        var byName: [String: [SourceFile]] = [:]
        for file in files {
            let fileName = PathText.lastComponent(file.path)
            let stem = String(fileName[..<(fileName.lastIndex(of: ".") ?? fileName.endIndex)])
            byName[stem, default: []].append(file)
        }
        var datasets: [Dataset] = []
        for name in byName.keys.sorted() {
            let group = byName[name] ?? []
            let dataFiles = group.filter { $0.path.hasSuffix(".csv") || $0.path.hasSuffix(".json") }
            let metadataFile = group.first { $0.path.hasSuffix(".yaml") || $0.path.hasSuffix(".yml") }
            guard let dataFile = dataFiles.first else {
                if let metadataFile {
                    diagnostics.error("metadata for dataset \"\(name)\" but no \(name).csv or \(name).json beside it", file: metadataFile.path, line: 1, column: 1)
                }
                continue
            }
            if dataFiles.count > 1 {
                diagnostics.error("dataset \"\(name)\" is defined twice (\(dataFiles.map(\.path).joined(separator: " and "))); keep one", file: dataFiles[1].path, line: 1, column: 1)
                continue
            }
            guard Slug.isValid(name), !name.contains(".") else {
                diagnostics.error("dataset name \"\(name)\" is not usable in a URL; rename the file to \(Slug.make(name)).\(dataFile.path.hasSuffix(".csv") ? "csv" : "json")", file: dataFile.path, line: 1, column: 1)
                continue
            }
            if let dataset = parseDataset(name: name, data: dataFile, metadata: metadataFile, diagnostics: &diagnostics) {
                datasets.append(dataset)
            }
        }
        return datasets
    }

    struct ColumnMetadata {
        var label: String?
        var unit: String?
        var type: DataType?
        var line: Int
        var column: Int
    }

    static func parseDataset(name: String, data: SourceFile, metadata file: SourceFile?, diagnostics: inout Diagnostics) -> Dataset? {
        var local = Diagnostics()
        var metadata = DatasetMetadata()
        var columnMetadata: [String: ColumnMetadata] = [:]
        if let file, let document = decodeYAML(file, &local) {
            document.warnUnknownKeys(metadataKeys, what: "dataset metadata", &local)
            metadata.title = document.string("title", &local)
            metadata.description = document.string("description", &local)
            metadata.source = document.string("source", &local)
            metadata.license = document.string("license", &local)
            if let url = document.string("source_url", &local) {
                if URLText.isSafeExternal(url) {
                    metadata.sourceURL = url
                } else {
                    document.report("`source_url` must be an http:// or https:// address, found \"\(url)\"", at: document.node("source_url"), &local)
                }
            }
            columnMetadata = readColumns(document, &local)
        }

        guard let text = UTF8Text.decode(data, diagnostics: &local) else {
            diagnostics.append(contentsOf: local)
            return nil
        }
        let table = data.path.hasSuffix(".csv")
            ? CSVTableReader.read(text, file: data.path, diagnostics: &local)
            : JSONTableReader.read(text, file: data.path, diagnostics: &local)
        guard let table else {
            diagnostics.append(contentsOf: local)
            return nil
        }
        let dataset = typedDataset(name: name, file: data.path, table: table, metadata: metadata,
                                   columnMetadata: columnMetadata, metadataFile: file?.path, diagnostics: &local)
        let failed = local.hasErrors
        diagnostics.append(contentsOf: local)
        return failed ? nil : dataset
    }

    /// The `columns:` mapping of a dataset's metadata: each column's `label`, `unit` and `type`,
    /// or only its label when written as a plain value.
    private static func readColumns(_ document: YAMLDocument, _ local: inout Diagnostics) -> [String: ColumnMetadata] {
        guard let node = document.node("columns"), !node.isNull else { return [:] }
        var columnMetadata: [String: ColumnMetadata] = [:]
        if case .mapping(let mapping) = node {
            for (key, value) in mapping {
                guard let columnName = key.string else { continue }
                var entry = ColumnMetadata(line: document.line(of: key), column: document.column(of: key))
                if case .mapping(let columnMapping) = value {
                    let column = document.child(columnMapping)
                    column.warnUnknownKeys(["label", "unit", "type"], what: "a column description", &local)
                    entry.label = column.string("label", &local)
                    entry.unit = column.string("unit", &local)
                    if let typeName = column.string("type", &local) {
                        if let type = DataType(rawValue: typeName) {
                            entry.type = type
                        } else {
                            column.report("unknown column type \"\(typeName)\" (use \(DataType.allCases.map(\.rawValue).joined(separator: ", ")))", at: column.node("type"), &local)
                        }
                    }
                } else if case .scalar(let scalar) = value {
                    entry.label = scalar.string
                } else {
                    document.report("column \"\(columnName)\" must be described by a mapping (`label`, `unit`, `type`)", at: value, &local)
                }
                columnMetadata[columnName] = entry
            }
        } else {
            document.report("`columns` must be a mapping from column name to its `label`, `unit` and `type`", at: node, &local)
        }
        return columnMetadata
    }

    static func decodeYAML(_ file: SourceFile, _ diagnostics: inout Diagnostics) -> YAMLDocument? {
        guard let text = UTF8Text.decode(file, diagnostics: &diagnostics) else { return nil }
        return YAMLDocument.parse(text, file: file.path, firstLine: 1, what: "dataset metadata", diagnostics: &diagnostics)
    }

    static func typedDataset(name: String, file: String, table: RawTable, metadata: DatasetMetadata,
                             columnMetadata: [String: ColumnMetadata], metadataFile: String?, diagnostics: inout Diagnostics) -> Dataset {
        var seen = Set<String>()
        for (index, column) in table.header.enumerated() {
            let trimmed = column.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                diagnostics.error("column \(index + 1) of the header has no name", file: file, line: 1, column: 1)
            } else if !seen.insert(trimmed).inserted {
                diagnostics.error("column \"\(trimmed)\" appears twice in the header", file: file, line: 1, column: 1)
            }
        }
        let header = table.header.map { $0.trimmingCharacters(in: .whitespaces) }
        if let metadataFile {
            for (columnName, entry) in columnMetadata.sorted(by: { $0.key < $1.key }) where !header.contains(columnName) {
                diagnostics.error("metadata describes column \"\(columnName)\", which \(PathText.lastComponent(file)) does not have (columns: \(header.joined(separator: ", ")))",
                                  file: metadataFile, line: entry.line, column: entry.column)
            }
        }
        var rows: [[String?]] = []
        var lines: [Int] = []
        var positions: [[Int]] = []
        for (index, row) in table.rows.enumerated() {
            if row.count != header.count {
                diagnostics.error("row has \(row.count) field\(row.count == 1 ? "" : "s"), the header has \(header.count) (\(header.joined(separator: ", ")))",
                                  file: file, line: table.lines[index], column: 1)
                continue
            }
            rows.append(row)
            lines.append(table.lines[index])
            positions.append(table.columns[index])
        }
        var columns: [DataColumn] = []
        var typedColumns: [[DataValue]] = []
        for (index, columnName) in header.enumerated() {
            let cells = rows.map { $0[index] ?? "" }
            let entry = columnMetadata[columnName]
            let type = entry?.type ?? CellParser.inferType(name: columnName, cells: cells)
            var unit = entry?.unit
            if type == .percent && unit == nil { unit = "%" }
            let decimals = type == .number || type == .percent ? CellParser.decimals(in: cells) : nil
            columns.append(DataColumn(name: columnName, label: entry?.label, unit: unit, type: type, decimals: decimals))
            var values: [DataValue] = []
            for (rowIndex, cell) in cells.enumerated() {
                if let value = CellParser.parse(cell, as: type) {
                    values.append(value)
                } else {
                    let position = positions[rowIndex]
                    diagnostics.error("column \"\(columnName)\" holds \(type.plural), but \"\(cell)\" is not \(type.noun)",
                                      file: file, line: lines[rowIndex], column: index < position.count ? position[index] : 1)
                    values.append(.empty)
                }
            }
            typedColumns.append(values)
        }
        let typedRows = rows.indices.map { row in typedColumns.map { $0[row] } }
        return Dataset(name: name, sourcePath: file, columns: columns, rows: typedRows, rowLines: lines, metadata: metadata)
    }
}

extension DataType {
    package var plural: String {
        switch self {
        case .number: return "numbers"
        case .percent: return "percentages"
        case .date: return "dates"
        case .text: return "text"
        }
    }

    var noun: String {
        switch self {
        case .number: return "a number (write it with a `.` decimal point and no thousands separator)"
        case .percent: return "a percentage (a number, optionally followed by %)"
        case .date: return "a date (2017, 2017-07, 2017-07-05 or a quarter like 2017Q3)"
        case .text: return "text"
        }
    }
}
