import DossierModel
import DossierCharts

/// Chart and table specs written the usual way, one `key: value` line per setting with plain values,
/// read without a YAML parser.
///
/// Only text that YAML would read as a flat mapping of plain scalars, without a single problem to
/// report, is read here: every line blank or `key: value`, the key a known one (not `where` nor
/// `annotations`, whose values are structures) and written once, the value a plain scalar of letters
/// (ASCII, Latin accented, general punctuation quotes and dashes), digits, spaces and `-_.,()/%+`
/// starting with a letter or digit (or `-`/`+` before one), and every required key there. Anything else
/// returns nil and `FigureSpec.parseYAML` reads it, with its diagnostics.
enum FlatSpec {
    struct Entry: Equatable {
        var key: String
        var value: String
        /// 0-based line in the spec text.
        var line: Int
        /// 1-based column where the value starts.
        var column = 1
    }

    static func parse(_ yaml: String, isChart: Bool, fenceLine: Int) -> FigureSpec? {
        let known = isChart ? FigureSpec.chartKeys : FigureSpec.tableKeys
        guard let entries = entries(yaml, known: known.filter { $0 != "where" && $0 != "annotations" }) else { return nil }
        var values: [String: String] = [:]
        var lines: [String: Int] = [:]
        var columns: [String: Int] = [:]
        for entry in entries {
            // A value YAML reads as null is a missing key, reported by the YAML path when required.
            guard !["null", "Null", "NULL"].contains(entry.value) else { return nil }
            values[entry.key] = entry.value
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
                guard stack == "true" || stack == "false" else { return nil }
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
            guard decimals.utf8.count == 1, let digit = decimals.utf8.first, digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "6") else {
                return nil
            }
            spec.decimals = Int(digit - UInt8(ascii: "0"))
        }
        if let sort = values["sort"] { spec.sort = FigureSpec.sortOrder(sort) }
        return spec
    }

    /// The `key: value` lines of `yaml`, or nil when it is anything else (see the type's description).
    static func entries(_ yaml: String, known: [String]) -> [Entry]? {
        var entries: [Entry] = []
        var line = 0
        let bytes = Array(yaml.utf8)
        for text in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            defer { line += 1 }
            if text.isEmpty { continue }
            guard let colon = text.firstIndex(of: UInt8(ascii: ":")) else { return nil }
            let keyBytes = text[text.startIndex..<colon]
            guard !keyBytes.isEmpty, keyBytes.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) else { return nil }
            var start = colon + 1
            // At least one space between `:` and the value.
            guard start < text.endIndex, text[start] == UInt8(ascii: " ") else { return nil }
            while start < text.endIndex, text[start] == UInt8(ascii: " ") { start += 1 }
            var end = text.endIndex
            while end > start, text[end - 1] == UInt8(ascii: " ") { end -= 1 }
            let valueBytes = text[start..<end]
            guard isPlainValue(valueBytes) else { return nil }
            let key = String(decoding: keyBytes, as: UTF8.self)
            guard known.contains(key), !entries.contains(where: { $0.key == key }) else { return nil }
            entries.append(Entry(key: key, value: String(decoding: valueBytes, as: UTF8.self), line: line,
                                 column: start - text.startIndex + 1))
        }
        return entries
    }

    /// A value YAML reads as the plain scalar made of exactly these bytes (see the type's description).
    static func isPlainValue(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            guard bytes.count > 1, isAlphanumeric(bytes[bytes.startIndex + 1]) else { return false }
        } else if !(isAlphanumeric(first) || first >= 0xC3) {
            return false
        }
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let byte = bytes[i]
            if byte < 0x80 {
                guard isAlphanumeric(byte) || isAllowedPunctuation(byte) else { return false }
                i += 1
                continue
            }
            // U+00C0 … U+027F (two bytes, lead 0xC3 … 0xC9) or U+2010 … U+201F (‐ – — ‘ ’ “ ” …: 0xE2 0x80 0x90 … 0x9F).
            let next = i + 1
            if byte >= 0xC3 && byte <= 0xC9 {
                guard next < bytes.endIndex, bytes[next] & 0xC0 == 0x80 else { return false }
                i = next + 1
            } else if byte == 0xE2 {
                let third = next + 1
                guard third < bytes.endIndex, bytes[next] == 0x80, bytes[third] >= 0x90, bytes[third] <= 0x9F else { return false }
                i = third + 1
            } else {
                return false
            }
        }
        return true
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    private static func isAllowedPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: "("),
             UInt8(ascii: ")"), UInt8(ascii: "/"), UInt8(ascii: "%"), UInt8(ascii: "+"):
            return true
        default:
            return false
        }
    }
}
