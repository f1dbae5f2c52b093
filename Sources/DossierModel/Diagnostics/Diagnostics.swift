/// Every diagnostic gathered across a build, so the user sees all problems at once.
package struct Diagnostics: Sendable, Equatable {
    package private(set) var items: [Diagnostic] = []

    package init(_ items: [Diagnostic] = []) {
        self.items = items
    }

    package mutating func append(_ diagnostic: Diagnostic) {
        items.append(diagnostic)
    }

    package mutating func append(contentsOf other: Diagnostics) {
        items.append(contentsOf: other.items)
    }

    package mutating func append(contentsOf other: [Diagnostic]) {
        items.append(contentsOf: other)
    }

    package mutating func error(_ message: String, file: String, line: Int = 0, column: Int = 0) {
        append(.error(message, file: file, line: line, column: column))
    }

    package mutating func warning(_ message: String, file: String, line: Int = 0, column: Int = 0) {
        append(.warning(message, file: file, line: line, column: column))
    }

    package var errors: [Diagnostic] { items.filter { $0.severity == .error } }
    package var warnings: [Diagnostic] { items.filter { $0.severity == .warning } }
    package var hasErrors: Bool { items.contains { $0.severity == .error } }

    /// Sorted and without exact repeats, ready to print.
    package var sorted: [Diagnostic] {
        var seen = Set<String>()
        return items.sorted().filter { seen.insert($0.description).inserted }
    }
}

/// Thrown when a stage cannot go on; carries everything found so far.
struct BuildFailure: Error, Sendable {
    package var diagnostics: Diagnostics

    package init(_ diagnostics: Diagnostics) {
        self.diagnostics = diagnostics
    }
}
