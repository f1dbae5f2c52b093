/// Every diagnostic gathered across a build, so the user sees all problems at once.
public struct Diagnostics: Sendable, Equatable {
    public private(set) var items: [Diagnostic] = []

    public init(_ items: [Diagnostic] = []) {
        self.items = items
    }

    public mutating func append(_ diagnostic: Diagnostic) {
        items.append(diagnostic)
    }

    public mutating func append(contentsOf other: Diagnostics) {
        items.append(contentsOf: other.items)
    }

    public mutating func append(contentsOf other: [Diagnostic]) {
        items.append(contentsOf: other)
    }

    public mutating func error(_ message: String, file: String, line: Int = 0, column: Int = 0) {
        append(.error(message, file: file, line: line, column: column))
    }

    public mutating func warning(_ message: String, file: String, line: Int = 0, column: Int = 0) {
        append(.warning(message, file: file, line: line, column: column))
    }

    public var errors: [Diagnostic] { items.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { items.filter { $0.severity == .warning } }
    public var hasErrors: Bool { items.contains { $0.severity == .error } }

    /// Sorted and without exact repeats, ready to print.
    public var sorted: [Diagnostic] {
        var seen = Set<String>()
        return items.sorted().filter { seen.insert($0.description).inserted }
    }
}

/// Thrown when a stage cannot go on; carries everything found so far.
public struct BuildFailure: Error, Sendable {
    public var diagnostics: Diagnostics

    public init(_ diagnostics: Diagnostics) {
        self.diagnostics = diagnostics
    }
}
