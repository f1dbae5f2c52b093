import Foundation
import Yams
import DossierModel
import DossierCharts

/// A ```` ```chart ```` or ```` ```table ```` block's YAML, read and checked.
struct FigureSpec: Equatable {
    var type: ChartType?
    var data: String
    var x: String?
    var y: [String]
    var series: String?
    /// Column → accepted values (as written).
    var filters: [DataFilter]
    var sort: Sort
    var title: String?
    var caption: String?
    var unit: String?
    var label: String?
    /// Title of the value axis; default: the y column's label.
    var axis: String?
    var columns: [String]
    var annotations: [Annotation]
    var decimals: Int?
    /// File line of each key, to report a problem with a value where it is written.
    var lines: [String: Int]
    /// What `[@fig:id]` / `[@tbl:id]` in the text refers to; optional.
    var id: String? = nil
    /// `area` charts: `stack: false` overlays the series instead of piling them up; nil when not written.
    var stack: Bool? = nil
    /// The series the chart is about (`highlight: Xiaomi`), and the column its name starts at.
    var highlight: String? = nil
    var highlightColumn = 1

    enum Sort: Equatable {
        case none
        case ascending(String)
        case descending(String)
    }

    /// `annotations: [{x: 2017Q3, label: Accord}]`, with the file line of the entry.
    struct Annotation: Equatable {
        var x: String
        var label: String
        var line: Int
    }

    static let chartKeys = ["type", "data", "x", "y", "series", "where", "sort", "title", "caption", "unit", "annotations", "label", "axis", "decimals",
                            "stack", "highlight", "id"]
    static let tableKeys = ["data", "columns", "where", "sort", "title", "caption", "decimals", "id"]

    /// Reads a spec with the YAML parser (`YAMLDocument`): every value, warning and error.
    /// - Parameters:
    ///   - isChart: charts need `type`, `x` and `y`; tables take `columns`
    ///   - fenceLine: the file line of the opening fence (the YAML starts on the next line)
    static func parse(_ yaml: String, isChart: Bool, file: String, fenceLine: Int, diagnostics: inout Diagnostics) -> FigureSpec? {
        let what = isChart ? "chart" : "table"
        var local = Diagnostics()
        guard let document = YAMLDocument.parse(yaml, file: file, firstLine: fenceLine + 1, what: what, diagnostics: &local) else {
            diagnostics.append(contentsOf: local.items.map { item in
                var item = item
                if !item.message.hasPrefix(what) { item.message = "\(what): " + item.message }
                return item
            })
            return nil
        }
        document.warnUnknownKeys(isChart ? chartKeys : tableKeys, what: "a \(what) block", &local)
        var lines: [String: Int] = [:]
        for (name, node) in document.keys { lines[name] = document.line(of: node) }

        var spec = FigureSpec(type: nil, data: "", x: nil, y: [], series: nil, filters: [], sort: .none, title: nil, caption: nil,
                              unit: nil, label: nil, axis: nil, columns: [], annotations: [], decimals: nil, lines: lines)
        if let data = document.string("data", &local), !data.isEmpty {
            spec.data = data
        } else if document.node("data") == nil || document.node("data")?.isNull == true {
            local.error("\(what): missing `data:` (the name of a dataset in content/data/)", file: file, line: fenceLine, column: 1)
        }
        if isChart {
            spec.readChartKeys(document, file: file, fenceLine: fenceLine, &local)
        } else {
            spec.columns = document.strings("columns", &local) ?? []
        }
        spec.readCommonKeys(document, isChart: isChart, &local)
        let failed = local.hasErrors
        diagnostics.append(contentsOf: local)
        return failed ? nil : spec
    }

    /// The keys only a chart has: `type`, `x` and `y` (reported when missing), `series`, `unit`,
    /// `label`, `axis`, `stack`, `highlight` and `annotations`.
    private mutating func readChartKeys(_ document: YAMLDocument, file: String, fenceLine: Int, _ local: inout Diagnostics) {
        if let typeName = document.string("type", &local) {
            if let type = ChartType(rawValue: typeName) {
                self.type = type
            } else {
                document.report("chart: unknown type \"\(typeName)\" (use \(ChartType.allCases.map(\.rawValue).joined(separator: ", ")))", at: document.node("type"), &local)
            }
        } else if document.node("type")?.isNull ?? true {
            local.error("chart: missing `type:` (\(ChartType.allCases.map(\.rawValue).joined(separator: ", ")))", file: file, line: fenceLine, column: 1)
        }
        x = document.string("x", &local)
        if x == nil && document.node("x")?.isNull ?? true {
            local.error("chart: missing `x:` (the column for categories or the horizontal axis)", file: file, line: fenceLine, column: 1)
        }
        // `y:` with no value, `y: ~` or `y: []` is as missing as no `y` at all (a scatter chart
        // without it used to crash the build); a `y` of the wrong shape is already reported.
        let reported = local.errors.count
        y = document.strings("y", &local) ?? []
        if y.isEmpty && local.errors.count == reported {
            local.error("chart: missing `y:` (a column of numbers, or a list of them)", file: file, line: fenceLine, column: 1)
        }
        series = document.string("series", &local)
        unit = document.string("unit", &local)
        label = document.string("label", &local)
        axis = document.string("axis", &local)
        stack = document.bool("stack", &local)
        highlight = document.string("highlight", &local)
        highlightColumn = document.column(of: document.node("highlight"))
        for entry in document.mappings("annotations", &local) ?? [] {
            guard let x = entry.string("x", &local), let label = entry.string("label", &local) else {
                entry.report("chart: an annotation needs `x` and `label`", at: nil, &local)
                continue
            }
            annotations.append(Annotation(x: x, label: label, line: entry.line(of: nil)))
        }
    }

    /// The keys charts and tables share, after their own: `title`, `caption`, `id`, `decimals`,
    /// `where` and `sort`.
    private mutating func readCommonKeys(_ document: YAMLDocument, isChart: Bool, _ local: inout Diagnostics) {
        let what = isChart ? "chart" : "table"
        title = document.string("title", &local)
        caption = document.string("caption", &local)
        if let id = document.string("id", &local) {
            if Slug.isValid(id) {
                self.id = id
            } else {
                document.report("\(what): `id` \"\(id)\" is not usable in `[@\(isChart ? "fig" : "tbl"):id]`: use letters, digits and hyphens only (e.g. `\(Slug.make(id))`)",
                                at: document.node("id"), &local)
            }
        }
        if let decimals = document.int("decimals", &local) {
            if (0...6).contains(decimals) {
                self.decimals = decimals
            } else {
                document.report("\(what): `decimals` must be between 0 and 6", at: document.node("decimals"), &local)
            }
        }
        readFilters(document, what: what, &local)
        if let sort = document.string("sort", &local) { self.sort = Self.sortOrder(sort) }
    }

    /// `where: {column: value}` or `where: {column: [values]}`, into `filters`.
    private mutating func readFilters(_ document: YAMLDocument, what: String, _ local: inout Diagnostics) {
        guard let node = document.node("where"), !node.isNull else { return }
        if case .mapping(let mapping) = node {
            for (key, value) in mapping {
                guard let column = key.string else { continue }
                switch value {
                case .scalar(let scalar): filters.append(DataFilter(column: column, values: [scalar.string]))
                case .sequence(let sequence):
                    filters.append(DataFilter(column: column, values: sequence.compactMap { $0.string }))
                default:
                    document.report("\(what): `where: {\(column): …}` takes a value or a list of values", at: value, &local)
                }
            }
        } else {
            document.report("\(what): `where` must be a mapping such as `{vendor: Xiaomi}`", at: node, &local)
        }
    }

    /// `none`, `column` or `+column` (ascending), `-column` (descending).
    static func sortOrder(_ sort: String) -> Sort {
        let trimmed = sort.trimmingCharacters(in: .whitespaces)
        if trimmed == "none" || trimmed.isEmpty {
            return .none
        } else if trimmed.hasPrefix("-") {
            return .descending(String(trimmed.dropFirst()))
        } else {
            return .ascending(trimmed.hasPrefix("+") ? String(trimmed.dropFirst()) : trimmed)
        }
    }
}
