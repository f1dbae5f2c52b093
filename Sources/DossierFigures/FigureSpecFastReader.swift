import DossierModel
import DossierCharts

/// Chart and table specs written the usual way, one `key: value` line per setting with
/// single-line scalar values, read by the fast YAML reader that reads front matter
/// (`FastYAMLText.flatMapping`) instead of a YAML parser.
///
/// Only a flat mapping of known keys (not `where` nor `annotations`, whose values are
/// structures), each once and none null, with every required key there, is read here; typed
/// values (`stack`, `decimals`) only in their plain forms. Anything else returns nil and
/// `FigureSpec.parseYAML` reads it, with its diagnostics. Under `DOSSIER_VERIFY=1` the YAML path
/// reads what this one read too, and any difference is an error.
enum FigureSpecFastReader {
    static func parse(_ yaml: String, isChart: Bool, fenceLine: Int) -> FigureSpec? {
        let known = isChart ? FigureSpec.chartKeys : FigureSpec.tableKeys
        guard let entries = FastYAMLText.flatMapping(yaml, known: Set(known).subtracting(["where", "annotations"])) else { return nil }
        var values: [String: String] = [:]
        var lines: [String: Int] = [:]
        var columns: [String: Int] = [:]
        var quoted: Set<String> = []
        for entry in entries {
            guard let value = entry.value.string else { return nil }
            if case .quoted = entry.value { quoted.insert(entry.key) }
            values[entry.key] = value
            lines[entry.key] = fenceLine + 1 + entry.line
            columns[entry.key] = entry.column
        }
        guard let data = values["data"] else { return nil }
        var spec = FigureSpec(type: nil, data: data, x: nil, y: [], series: nil, filters: [], sort: .none, title: nil, caption: nil,
                              unit: nil, label: nil, axis: nil, columns: [], annotations: [], decimals: nil, lines: lines)
        if isChart {
            guard let typeName = values["type"], let type = ChartType(rawValue: typeName), let x = values["x"], let y = values["y"] else {
                return nil
            }
            spec.type = type
            spec.x = x
            spec.y = [y]
            spec.series = values["series"]
            spec.unit = values["unit"]
            spec.label = values["label"]
            spec.axis = values["axis"]
            spec.highlight = values["highlight"]
            spec.highlightColumn = columns["highlight"] ?? 1
            if let stack = values["stack"] {
                // What YAML reads as a boolean here; anything else goes to the YAML path, which reports it.
                guard !quoted.contains("stack"), stack == "true" || stack == "false" else { return nil }
                spec.stack = stack == "true"
            }
        } else {
            spec.columns = values["columns"].map { [$0] } ?? []
        }
        spec.title = values["title"]
        spec.caption = values["caption"]
        if let id = values["id"] {
            guard Slug.isValid(id) else { return nil }
            spec.id = id
        }
        if let decimals = values["decimals"] {
            // One digit, 0 to 6: what YAML reads as that whole number (no octal, sign or underscore to interpret).
            guard !quoted.contains("decimals"), decimals.utf8.count == 1, let digit = decimals.utf8.first, digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "6") else {
                return nil
            }
            spec.decimals = Int(digit - UInt8(ascii: "0"))
        }
        if let sort = values["sort"] { spec.sort = FigureSpec.sortOrder(sort) }
        return spec
    }
}
