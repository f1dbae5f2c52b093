import Yams

/// A YAML mapping read from a file, with the line offset needed to report problems at the right place.
///
/// Typed getters report a diagnostic when a value has the wrong shape and return nil,
/// so a caller can keep going and report every problem of the file at once.
package struct YAMLDocument {
    let file: String
    /// Line of the file on which the YAML text starts (1-based).
    let firstLine: Int
    let mapping: Node.Mapping
    let mark: Mark?

    /// Parses `text`; reports a syntax error or a top level that is not a mapping.
    /// An empty document gives an empty mapping.
    package static func parse(_ text: String, file: String, firstLine: Int, what: String, diagnostics: inout Diagnostics) -> YAMLDocument? {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            let (problem, mark) = describe(error)
            let line = mark.map { firstLine + $0.line - 1 } ?? firstLine
            diagnostics.error("\(what): invalid YAML: \(problem)", file: file, line: line, column: mark?.column ?? 1)
            return nil
        } catch {
            diagnostics.error("\(what): invalid YAML: \(error)", file: file, line: firstLine, column: 1)
            return nil
        }
        guard let node else {
            return YAMLDocument(file: file, firstLine: firstLine, mapping: Node.Mapping([]), mark: nil)
        }
        guard case .mapping(let mapping) = node else {
            let mark = node.mark
            diagnostics.error("\(what) must be a mapping of `key: value` lines, found \(node.kindName)", file: file,
                              line: mark.map { firstLine + $0.line - 1 } ?? firstLine, column: mark?.column ?? 1)
            return nil
        }
        return YAMLDocument(file: file, firstLine: firstLine, mapping: mapping, mark: mapping.mark)
    }

    init(file: String, firstLine: Int, mapping: Node.Mapping, mark: Mark?) {
        self.file = file
        self.firstLine = firstLine
        self.mapping = mapping
        self.mark = mark
    }

    /// A nested mapping, reported relative to the same file.
    package func child(_ mapping: Node.Mapping) -> YAMLDocument {
        YAMLDocument(file: file, firstLine: firstLine, mapping: mapping, mark: mapping.mark)
    }

    package var keys: [(name: String, node: Node)] {
        mapping.compactMap { pair in pair.key.string.map { ($0, pair.key) } }
    }

    package func node(_ key: String) -> Node? {
        mapping.first { $0.key.string == key }?.value
    }

    package func line(of node: Node?) -> Int {
        guard let mark = node?.mark else { return mark.map { firstLine + $0.line - 1 } ?? firstLine }
        return firstLine + mark.line - 1
    }

    package func column(of node: Node?) -> Int {
        node?.mark?.column ?? mark?.column ?? 1
    }

    package func report(_ message: String, at node: Node?, _ diagnostics: inout Diagnostics, severity: Diagnostic.Severity = .error) {
        diagnostics.append(Diagnostic(file: file, line: line(of: node), column: column(of: node), severity: severity, message: message))
    }

    package func string(_ key: String, _ diagnostics: inout Diagnostics) -> String? {
        guard let node = node(key), !node.isNull else { return nil }
        guard case .scalar(let scalar) = node else {
            report("`\(key)` must be text, found \(node.kindName)", at: node, &diagnostics)
            return nil
        }
        return scalar.string
    }

    package func bool(_ key: String, _ diagnostics: inout Diagnostics) -> Bool? {
        guard let node = node(key), !node.isNull else { return nil }
        guard let value = node.bool else {
            report("`\(key)` must be true or false, found \(node.shortDescription)", at: node, &diagnostics)
            return nil
        }
        return value
    }

    package func int(_ key: String, _ diagnostics: inout Diagnostics) -> Int? {
        guard let node = node(key), !node.isNull else { return nil }
        guard let value = node.int else {
            report("`\(key)` must be a whole number, found \(node.shortDescription)", at: node, &diagnostics)
            return nil
        }
        return value
    }

    /// A list of strings; a single string is accepted as a list of one.
    package func strings(_ key: String, _ diagnostics: inout Diagnostics) -> [String]? {
        guard let node = node(key), !node.isNull else { return nil }
        switch node {
        case .scalar(let scalar):
            return [scalar.string]
        case .sequence(let sequence):
            var values: [String] = []
            for item in sequence {
                if case .scalar(let scalar) = item {
                    values.append(scalar.string)
                } else {
                    report("`\(key)` must be a list of text values, found \(item.kindName) in it", at: item, &diagnostics)
                }
            }
            return values
        default:
            report("`\(key)` must be a list, found \(node.kindName)", at: node, &diagnostics)
            return nil
        }
    }

    /// A list of mappings (`sources`, `menu`).
    package func mappings(_ key: String, _ diagnostics: inout Diagnostics) -> [YAMLDocument]? {
        guard let node = node(key), !node.isNull else { return nil }
        guard case .sequence(let sequence) = node else {
            report("`\(key)` must be a list, found \(node.kindName)", at: node, &diagnostics)
            return nil
        }
        var result: [YAMLDocument] = []
        for item in sequence {
            if case .mapping(let mapping) = item {
                result.append(child(mapping))
            } else {
                report("each entry of `\(key)` must be a mapping (`title: …`), found \(item.kindName)", at: item, &diagnostics)
            }
        }
        return result
    }

    /// Warns about keys that are not in `known`, naming the closest known one.
    package func warnUnknownKeys(_ known: [String], what: String, _ diagnostics: inout Diagnostics) {
        for (name, node) in keys where !known.contains(name) {
            var message = "unknown key `\(name)` in \(what)"
            if let suggestion = name.closest(among: known).map(\.candidate),
               name.editDistance(to: suggestion) <= 2 {
                message += "; did you mean `\(suggestion)`?"
            } else {
                message += " (known keys: \(known.joined(separator: ", ")))"
            }
            report(message, at: node, &diagnostics, severity: .warning)
        }
    }

    private static func describe(_ error: YamlError) -> (String, Mark?) {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let text = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return (text, mark)
        case .reader(let problem, _, _, _):
            return (problem, nil)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ("duplicate key \(duplicates.map { "`\($0)`" }.joined(separator: ", "))", context.mark)
        default:
            return ("\(error)", nil)
        }
    }
}

extension Node {
    package var kindName: String {
        switch self {
        case .scalar: return "a single value"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    package var isNull: Bool {
        if case .scalar(let scalar) = self, scalar.style == .plain {
            return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
        }
        return false
    }

    package var shortDescription: String {
        if case .scalar(let scalar) = self { return "\"\(scalar.string)\"" }
        return kindName
    }
}
