import Foundation
import DossierModel

/// Reads a JSON dataset: an array of flat objects. Column order is the order of the keys in
/// the first object that has them; the line of each object is found by scanning the text.
enum JSONTableReader {
    static func read(_ text: String, file: String, diagnostics: inout Diagnostics) -> RawTable? {
        // Strict RFC 8259 first (no trailing comma, no duplicate key), with the mistake's position.
        if let failure = JSONSyntax.firstError(in: text) {
            diagnostics.error("malformed JSON: \(failure.message)", file: file, line: failure.line, column: failure.column)
            return nil
        }
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            let described = (error as NSError).userInfo["NSDebugDescription"] as? String ?? "\(error)"
            diagnostics.error("malformed JSON: \(described)", file: file, line: 1, column: 1)
            return nil
        }
        guard let array = value as? [Any] else {
            diagnostics.error("a JSON dataset must be an array of objects (`[{\"year\": 2017, …}, …]`)", file: file, line: 1, column: 1)
            return nil
        }
        let objectLines = Self.objectLines(in: text)
        let keyOrder = Self.keyOrder(in: text)
        var header: [String] = []
        var seen = Set<String>()
        var objects: [[String: Any]] = []
        var failed = false
        for (index, element) in array.enumerated() {
            let line = index < objectLines.count ? objectLines[index] : 1
            guard let object = element as? [String: Any] else {
                diagnostics.error("element \(index + 1) of the array is not an object", file: file, line: line, column: 1)
                failed = true
                continue
            }
            let keys = object.keys.sorted { (keyOrder[$0] ?? Int.max, $0) < (keyOrder[$1] ?? Int.max, $1) }
            for key in keys where seen.insert(key).inserted { header.append(key) }
            objects.append(object)
        }
        if failed { return nil }
        return table(of: objects, header: header, objectLines: objectLines, file: file, diagnostics: &diagnostics)
    }

    /// The rows of `objects` in the order of `header`, each value as its text (nil when it is
    /// null, empty or missing); nil when a value is not a single one (an array or an object).
    private static func table(of objects: [[String: Any]], header: [String], objectLines: [Int], file: String,
                              diagnostics: inout Diagnostics) -> RawTable? {
        var failed = false
        var rows: [[String?]] = []
        var lines: [Int] = []
        for (index, object) in objects.enumerated() {
            let line = index < objectLines.count ? objectLines[index] : 1
            var row: [String?] = []
            for key in header {
                switch object[key] {
                case nil, is NSNull: row.append(nil)
                case let string as String: row.append(string.isEmpty ? nil : string)
                case let bool as Bool where Self.isBoolean(object[key]):
                    row.append(bool ? "true" : "false")
                case let number as NSNumber:
                    if Self.isBoolean(number) {
                        row.append(number.boolValue ? "true" : "false")
                    } else {
                        row.append(number.stringValue)
                    }
                default:
                    diagnostics.error("field \"\(key)\" of object \(index + 1) is not a single value: datasets are flat", file: file, line: line, column: 1)
                    failed = true
                    row.append(nil)
                }
            }
            rows.append(row)
            lines.append(line)
        }
        if failed { return nil }
        return RawTable(header: header, rows: rows, lines: lines, columns: Array(repeating: [], count: rows.count))
    }

    /// JSON `true`/`false` arrive as NSNumber on Linux; their type code is `c` (char).
    static func isBoolean(_ value: Any?) -> Bool {
        guard let number = value as? NSNumber else { return value is Bool }
        return String(cString: number.objCType) == "c"
    }

    /// The line on which each object of the top-level array starts.
    static func objectLines(in text: String) -> [Int] {
        var lines: [Int] = []
        var line = 1
        var depth = 0
        var inString = false
        var escaped = false
        for c in text.unicodeScalars {
            if c == "\n" { line += 1 }
            if inString {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
                continue
            }
            switch c {
            case "\"": inString = true
            case "{", "[":
                if c == "{" && depth == 1 { lines.append(line) }
                depth += 1
            case "}", "]": depth -= 1
            default: break
            }
        }
        return lines
    }

    /// The order in which keys first appear in the text.
    static func keyOrder(in text: String) -> [String: Int] {
        var order: [String: Int] = [:]
        let scalars = Array(text.unicodeScalars)
        var i = 0
        var inString = false
        var start = 0
        while i < scalars.count {
            let c = scalars[i]
            if inString {
                if c == "\\" { i += 2; continue }
                if c == "\"" {
                    inString = false
                    var j = i + 1
                    while j < scalars.count, scalars[j] == " " || scalars[j] == "\n" || scalars[j] == "\t" || scalars[j] == "\r" { j += 1 }
                    if j < scalars.count, scalars[j] == ":" {
                        var key = ""
                        key.unicodeScalars.append(contentsOf: scalars[start..<i])
                        if order[key] == nil { order[key] = order.count }
                    }
                }
            } else if c == "\"" {
                inString = true
                start = i + 1
            }
            i += 1
        }
        return order
    }
}
