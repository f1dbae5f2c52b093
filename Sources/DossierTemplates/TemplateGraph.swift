import DossierModel

/// Which templates each template includes (`{{> name}}`) or inherits from (`{{< name}}`), and
/// how deep its sections nest, checked before anything is rendered.
///
/// swift-mustache renders a partial by recursing into it: a template that includes or inherits
/// from itself, directly or through others, recurses until the stack overflows, and so does a
/// very deep nesting of sections. Both become diagnostics here.
struct TemplateGraph {
    struct Reference {
        let target: String
        let line: Int
        let column: Int
        /// How many sections, blocks and parents are open around the reference.
        let depth: Int
    }

    struct Node {
        let file: String
        let references: [Reference]
        /// The deepest level of sections, blocks and parents in the template itself.
        let depth: Int
    }

    /// Levels of nesting, sections and templates together, allowed on the way to any tag.
    static let depthLimit = 100

    private(set) var nodes: [String: Node] = [:]

    /// Adds a template from its tags (`TemplateTags.scan`).
    mutating func add(_ name: String, file: String, tags: [TemplateTags.Tag]) {
        var references: [Reference] = []
        var depth = 0, deepest = 0
        for tag in tags {
            if (tag.sigil == ">" || tag.sigil == "<"), !tag.name.isEmpty, !tag.name.hasPrefix("*") {
                references.append(Reference(target: tag.name, line: tag.line, column: tag.column, depth: depth))
            }
            if tag.opens {
                depth += 1
                deepest = max(deepest, depth)
            } else if tag.closes {
                depth = max(depth - 1, 0)
            }
        }
        nodes[name] = Node(file: file, references: references, depth: deepest)
    }

    /// Reports every reference that closes a cycle, at its file, line and column; true when
    /// there is none.
    func checkCycles(diagnostics: inout Diagnostics) -> Bool {
        var state: [String: Visit] = [:]
        var clean = true
        for root in nodes.keys.sorted() where state[root] == nil {
            // An explicit stack: a long chain of partials must not overflow this one either.
            var stack: [(name: String, next: Int)] = [(root, 0)]
            state[root] = .inProgress
            while let top = stack.last {
                guard let node = nodes[top.name], top.next < node.references.count else {
                    state[top.name] = .done
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                let reference = node.references[top.next]
                guard nodes[reference.target] != nil else { continue }
                switch state[reference.target] {
                case .inProgress:
                    clean = false
                    let names = stack.map(\.name).drop { $0 != reference.target } + [reference.target]
                    diagnostics.error("template cycle: \(names.joined(separator: " → ")); a template cannot include or inherit from itself",
                                      file: node.file, line: reference.line, column: reference.column)
                case .done:
                    break
                case nil:
                    state[reference.target] = .inProgress
                    stack.append((reference.target, 0))
                }
            }
        }
        return clean
    }

    /// Reports each reference through which rendering would nest deeper than `limit` levels
    /// (sections, blocks, parents and partials counted together); true when there is none.
    /// Call on a graph without cycles.
    func checkDepth(limit: Int = TemplateGraph.depthLimit, diagnostics: inout Diagnostics) -> Bool {
        let totals = totalDepths()
        var clean = true
        for name in nodes.keys.sorted() {
            guard let node = nodes[name] else { continue }
            for reference in node.references {
                guard let inner = totals[reference.target] else { continue }
                let levels = reference.depth + 1 + inner
                // Reported where the limit is crossed, not again by every template above.
                if levels > limit && inner <= limit {
                    clean = false
                    diagnostics.error("templates nested too deep: \"\(reference.target)\" here makes \(levels) levels of sections and templates (at most \(limit))",
                                      file: node.file, line: reference.line, column: reference.column)
                }
            }
        }
        return clean
    }

    /// The deepest nesting reached when rendering each template, partials included.
    private func totalDepths() -> [String: Int] {
        var totals: [String: Int] = [:]
        for root in nodes.keys.sorted() where totals[root] == nil {
            var stack: [(name: String, next: Int)] = [(root, 0)]
            var onStack: Set<String> = [root]
            while let top = stack.last {
                guard let node = nodes[top.name] else {
                    stack.removeLast()
                    continue
                }
                if top.next < node.references.count {
                    stack[stack.count - 1].next += 1
                    let target = node.references[top.next].target
                    if nodes[target] != nil, totals[target] == nil, onStack.insert(target).inserted {
                        stack.append((target, 0))
                    }
                    continue
                }
                var total = node.depth
                for reference in node.references {
                    if let inner = totals[reference.target] { total = max(total, reference.depth + 1 + inner) }
                }
                totals[top.name] = total
                onStack.remove(top.name)
                stack.removeLast()
            }
        }
        return totals
    }

    private enum Visit {
        case inProgress
        case done
    }
}
