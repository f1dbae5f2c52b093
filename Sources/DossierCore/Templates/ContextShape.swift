import Foundation

/// A template context (`TemplateValue`) reduced to what decides which parts of a template are rendered: every
/// mapping's keys, every list's length, every Boolean, and the values a transform reads. The
/// other strings and numbers are only copied into the output, so two contexts with the same
/// shape render the same text around different values (see `TemplateStamp`).
struct ContextShape: Sendable {
    /// Equal for two contexts exactly when their shapes are equal.
    var key: [UInt8] = []
    /// The copied values, in the order of their markers.
    var values: [String] = []
    /// Whether each value ends with a line break: swift-mustache indents what follows a line
    /// break in an indented partial, so the marker must end the same way.
    var endsLine: [Bool] = []
}

/// Reads the shape of a context and, to make a stamp, the context with markers in place of its
/// copied values.
struct ContextShaper: Sendable {
    let usage: TemplateUsage
    /// Last components of the transformed paths, to test most keys with one lookup.
    private let transformedLastKeys: Set<String>
    private let sharedShapes = SharedShapes()

    init(usage: TemplateUsage) {
        self.usage = usage
        self.transformedLastKeys = Set(usage.transformed.compactMap(\.path.last))
    }

    /// Nil when a value holds a stamp marker (such a page is rendered by swift-mustache alone).
    func shape(_ context: TemplateContext) -> ContextShape? {
        var shape = ContextShape()
        var path: [String] = []
        shape.key.reserveCapacity(1024)
        guard walk(.map(context), path: &path, literal: false, build: false, into: &shape) != nil else { return nil }
        return shape
    }

    /// The context with every copied value replaced by its marker, as swift-mustache reads it,
    /// and its shape.
    func stampContext(_ context: TemplateContext) -> (context: Any, shape: ContextShape)? {
        var shape = ContextShape()
        var path: [String] = []
        guard let built = walk(.map(context), path: &path, literal: false, build: true, into: &shape) else { return nil }
        return (built, shape)
    }

    static func marker(_ index: Int, endsLine: Bool) -> String {
        "\(StampMarker.open)\(index)&\(StampMarker.close)" + (endsLine ? "\n" : "")
    }

    /// Returns the node as swift-mustache reads it (marked) when `build`, a placeholder otherwise;
    /// nil when a value holds a marker. `element` is true for the elements of a list, which share
    /// the list's path but are not what a transform of that path reads.
    private func walk(_ value: TemplateValue, path: inout [String], literal: Bool, element: Bool = false, build: Bool,
                      into shape: inout ContextShape) -> Any? {
        var literal = literal
        var transforms: Set<String> = []
        if !element, let last = path.last, transformedLastKeys.contains(last) {
            for entry in usage.transformed where path.count >= entry.path.count && Array(path.suffix(entry.path.count)) == entry.path {
                transforms.formUnion(entry.transforms)
            }
        }
        switch value {
        case .string(let string):
            if StampMarker.occurs(in: string) { return nil }
            if literal || !transforms.isEmpty || string.isEmpty {
                appendLiteral(UInt8(ascii: "L"), string, to: &shape.key)
                return build ? string : ()
            }
            let endsLine = string.utf8.last == 0x0A && string.last == "\n"
            shape.key.append(endsLine ? UInt8(ascii: "n") : UInt8(ascii: "s"))
            return stamped(string, endsLine: endsLine, build: build, into: &shape)
        case .bool(let bool):
            shape.key.append(bool ? UInt8(ascii: "T") : UInt8(ascii: "F"))
            return build ? bool : ()
        case .int(let number):
            if literal || !transforms.isEmpty {
                appendLiteral(UInt8(ascii: "I"), String(number), to: &shape.key)
                return build ? number : ()
            }
            shape.key.append(UInt8(ascii: "s"))
            return stamped(String(describing: number), endsLine: false, build: build, into: &shape)
        case .map(let mapping):
            if !transforms.isSubset(of: TemplateUsage.shapeOnlyTransforms) { literal = true }
            shape.key.append(UInt8(ascii: "{"))
            var built: [String: Any] = [:]
            if build { built.reserveCapacity(mapping.count) }
            for (key, child) in mapping.sorted(by: { $0.key < $1.key }) {
                appendLiteral(UInt8(ascii: "k"), key, to: &shape.key)
                path.append(key)
                let node = walk(child, path: &path, literal: literal, build: build, into: &shape)
                path.removeLast()
                guard let node else { return nil }
                if build { built[key] = node }
            }
            shape.key.append(UInt8(ascii: "}"))
            return build ? built : ()
        case .shared(let shared):
            if build { return walk(shared.value, path: &path, literal: literal, element: element, build: true, into: &shape) }
            let memo = SharedShapes.Key(value: shared, path: path, literal: literal, element: element)
            if let known = sharedShapes[memo] {
                shape.key.append(contentsOf: known.key)
                shape.values.append(contentsOf: known.values)
                shape.endsLine.append(contentsOf: known.endsLine)
                return ()
            }
            var alone = ContextShape()
            guard walk(shared.value, path: &path, literal: literal, element: element, build: false, into: &alone) != nil else { return nil }
            sharedShapes[memo] = alone
            shape.key.append(contentsOf: alone.key)
            shape.values.append(contentsOf: alone.values)
            shape.endsLine.append(contentsOf: alone.endsLine)
            return ()
        case .list(let list):
            if !transforms.isSubset(of: TemplateUsage.shapeOnlyTransforms) { literal = true }
            shape.key.append(UInt8(ascii: "["))
            var built: [Any] = []
            if build { built.reserveCapacity(list.count) }
            for element in list {
                guard let node = walk(element, path: &path, literal: literal, element: true, build: build, into: &shape) else { return nil }
                if build { built.append(node) }
            }
            shape.key.append(UInt8(ascii: "]"))
            return build ? built : ()
        }
    }

    private func stamped(_ text: String, endsLine: Bool, build: Bool, into shape: inout ContextShape) -> Any? {
        let index = shape.values.count
        shape.values.append(text)
        shape.endsLine.append(endsLine)
        return build ? Self.marker(index, endsLine: endsLine) : ()
    }

    private func appendLiteral(_ tag: UInt8, _ text: String, to key: inout [UInt8]) {
        key.append(tag)
        key.append(contentsOf: String(text.utf8.count).utf8)
        key.append(UInt8(ascii: ":"))
        key.append(contentsOf: text.utf8)
    }
}

/// The shapes of shared values, read once (see `TemplateValue.shared`). A shape depends on where
/// the value sits (a transform may read it there), so the place is part of the key.
final class SharedShapes: @unchecked Sendable {
    struct Key: Hashable {
        let value: SharedTemplateValue
        let path: [String]
        let literal: Bool
        let element: Bool

        static func == (lhs: Key, rhs: Key) -> Bool {
            lhs.value === rhs.value && lhs.path == rhs.path && lhs.literal == rhs.literal && lhs.element == rhs.element
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(ObjectIdentifier(value))
            hasher.combine(path)
            hasher.combine(literal)
            hasher.combine(element)
        }
    }

    private let lock = NSLock()
    private var shapes: [Key: ContextShape] = [:]

    subscript(key: Key) -> ContextShape? {
        get {
            lock.lock()
            defer { lock.unlock() }
            return shapes[key]
        }
        set {
            lock.lock()
            // `dossier serve` makes new shared values at every rebuild; forget the old ones.
            if shapes.count >= 4096 { shapes.removeAll() }
            shapes[key] = newValue
            lock.unlock()
        }
    }
}
