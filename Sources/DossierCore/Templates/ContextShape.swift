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
    /// The long list read without its length (see `ListStamp`), when the shape was read for one.
    var list: ListValues?
    /// Added to the index of every marker made into this shape (the elements of a long list are
    /// numbered apart from the rest of the context).
    var markerOffset = 0
}

/// The elements of a long list after its first, whose length is left out of the shape's key:
/// the key names each distinct shape of these elements instead (`ListStamp`).
struct ListValues: Sendable {
    /// The distinct shapes of the elements after the first, in order of first appearance.
    var shapes: [[UInt8]] = []
    /// Per distinct shape, whether each of its values ends with a line break.
    var endsLine: [[Bool]] = []
    /// Per distinct shape, the position in the list of its first element.
    var representatives: [Int] = []
    /// Per element after the first: its shape (an index into `shapes`) and its values.
    var elements: [(shape: Int, values: [String])] = []
}
/// Reads the shape of a context and, to make a stamp, the context with markers in place of its
/// copied values.
struct ContextShaper: Sendable {
    let usage: TemplateUsage
    /// Last components of the transformed paths, to test most keys with one lookup.
    private let transformedLastKeys: Set<String>
    private let sharedShapes = SharedShapes()
    /// The least length of a list read without its length; nil when the templates read positions.
    let listMinimum: Int?

    init(usage: TemplateUsage, listMinimum: Int = TemplateSet.listStampMinimum) {
        self.usage = usage
        self.transformedLastKeys = Set(usage.transformed.compactMap(\.path.last))
        self.listMinimum = usage.positional ? nil : max(2, listMinimum)
    }

    /// How one walk of a context goes.
    private struct Walk {
        /// Build what swift-mustache reads (else only read the shape).
        var build = false
        /// When building: markers in place of the copied values (else the values themselves).
        var mark = true
        /// Read the first long list without its length (`ContextShape.list`).
        var longList = false
        /// When building: the elements of the long list kept after its first, by position, with
        /// the offset of their markers.
        var selection: [(index: Int, offset: Int)] = []
        /// Set once the long list is found: there is at most one.
        var foundList = false
    }

    /// Nil when a value holds a stamp marker (such a page is rendered by swift-mustache alone).
    /// - Parameter longList: read the first list of at least `listMinimum` elements, if any,
    ///   without its length (for a listing).
    func shape(_ context: TemplateContext, longList: Bool = false) -> ContextShape? {
        var shape = ContextShape()
        var path: [String] = []
        var walk = Walk(longList: longList && listMinimum != nil)
        shape.key.reserveCapacity(1024)
        guard self.walk(.map(context), path: &path, literal: false, walk: &walk, into: &shape) != nil else { return nil }
        return shape
    }

    /// The context with every copied value replaced by its marker, as swift-mustache reads it,
    /// and its shape.
    func stampContext(_ context: TemplateContext) -> (context: Any, shape: ContextShape)? {
        var shape = ContextShape()
        var path: [String] = []
        var walk = Walk(build: true)
        guard let built = self.walk(.map(context), path: &path, literal: false, walk: &walk, into: &shape) else { return nil }
        return (built, shape)
    }

    /// The context as swift-mustache reads it with its long list cut to its first element and
    /// the elements of `selection`, marked (each element with its own marker offset) or not.
    func listContext(_ context: TemplateContext, selection: [(index: Int, offset: Int)], mark: Bool) -> (context: Any, shape: ContextShape)? {
        var shape = ContextShape()
        var path: [String] = []
        var walk = Walk(build: true, mark: mark, longList: listMinimum != nil, selection: selection)
        guard let built = self.walk(.map(context), path: &path, literal: false, walk: &walk, into: &shape), walk.foundList else { return nil }
        return (built, shape)
    }

    static func marker(_ index: Int, endsLine: Bool) -> String {
        "\(StampMarker.open)\(index)&\(StampMarker.close)" + (endsLine ? "\n" : "")
    }

    /// Returns the node as swift-mustache reads it (marked) when building, a placeholder otherwise;
    /// nil when a value holds a marker. `element` is true for the elements of a list, which share
    /// the list's path but are not what a transform of that path reads.
    private func walk(_ value: TemplateValue, path: inout [String], literal: Bool, element: Bool = false, walk: inout Walk,
                      into shape: inout ContextShape) -> Any? {
        let build = walk.build
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
            if build, !walk.mark {
                shape.values.append(string)
                shape.endsLine.append(false)
                return string
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
            if build, !walk.mark {
                shape.values.append(String(describing: number))
                shape.endsLine.append(false)
                return number
            }
            return stamped(String(describing: number), endsLine: false, build: build, into: &shape)
        case .map(let mapping):
            if !transforms.isSubset(of: TemplateUsage.shapeOnlyTransforms) { literal = true }
            shape.key.append(UInt8(ascii: "{"))
            var built: [String: Any] = [:]
            if build { built.reserveCapacity(mapping.count) }
            for (key, child) in mapping.sorted(by: { $0.key < $1.key }) {
                appendLiteral(UInt8(ascii: "k"), key, to: &shape.key)
                path.append(key)
                let node = self.walk(child, path: &path, literal: literal, walk: &walk, into: &shape)
                path.removeLast()
                guard let node else { return nil }
                if build { built[key] = node }
            }
            shape.key.append(UInt8(ascii: "}"))
            return build ? built : ()
        case .shared(let shared):
            // A shared value is read once for every context it is in, so no long list is looked
            // for in it.
            var inner = Walk(build: walk.build, mark: walk.mark)
            if build { return self.walk(shared.value, path: &path, literal: literal, element: element, walk: &inner, into: &shape) }
            let memo = SharedShapes.Key(value: shared, path: path, literal: literal, element: element)
            if let known = sharedShapes[memo] {
                shape.key.append(contentsOf: known.key)
                shape.values.append(contentsOf: known.values)
                shape.endsLine.append(contentsOf: known.endsLine)
                return ()
            }
            var alone = ContextShape()
            guard self.walk(shared.value, path: &path, literal: literal, element: element, walk: &inner, into: &alone) != nil else { return nil }
            sharedShapes[memo] = alone
            shape.key.append(contentsOf: alone.key)
            shape.values.append(contentsOf: alone.values)
            shape.endsLine.append(contentsOf: alone.endsLine)
            return ()
        case .list(let list):
            if walk.longList, !walk.foundList, let minimum = listMinimum, list.count >= minimum, !literal,
               transforms.isSubset(of: Self.listTransforms) {
                walk.foundList = true
                return longList(list, path: &path, walk: &walk, into: &shape)
            }
            if !transforms.isSubset(of: TemplateUsage.shapeOnlyTransforms) { literal = true }
            shape.key.append(UInt8(ascii: "["))
            var built: [Any] = []
            if build { built.reserveCapacity(list.count) }
            for element in list {
                guard let node = self.walk(element, path: &path, literal: literal, element: true, walk: &walk, into: &shape) else { return nil }
                if build { built.append(node) }
            }
            shape.key.append(UInt8(ascii: "]"))
            return build ? built : ()
        }
    }

    /// Transforms that do not read a list's length nor its last element: `first` reads the
    /// first element, which is part of the key.
    static let listTransforms: Set<String> = ["first", "empty"]

    /// The long list: its first element is read as any value; the others each into a shape of
    /// their own (`ContextShape.list`), or, when building, only those of the selection.
    private func longList(_ list: [TemplateValue], path: inout [String], walk: inout Walk, into shape: inout ContextShape) -> Any? {
        // Nothing in the elements is read as a long list: each must read the same way.
        var inner = Walk(build: walk.build, mark: walk.mark)
        shape.key.append(contentsOf: Array("[*".utf8))
        guard let first = self.walk(list[0], path: &path, literal: false, element: true, walk: &inner, into: &shape) else { return nil }
        if walk.build {
            var built: [Any] = [first]
            for (index, offset) in walk.selection {
                var alone = ContextShape(markerOffset: offset)
                guard let node = self.walk(list[index], path: &path, literal: false, element: true, walk: &inner, into: &alone) else { return nil }
                built.append(node)
            }
            shape.key.append(UInt8(ascii: "]"))
            return built
        }
        var values = ListValues()
        values.elements.reserveCapacity(list.count - 1)
        var known: [[UInt8]: Int] = [:]
        for index in list.indices.dropFirst() {
            var alone = ContextShape()
            guard self.walk(list[index], path: &path, literal: false, element: true, walk: &inner, into: &alone) != nil else { return nil }
            let kind: Int
            if let seen = known[alone.key] {
                kind = seen
            } else {
                kind = values.shapes.count
                known[alone.key] = kind
                values.shapes.append(alone.key)
                values.endsLine.append(alone.endsLine)
                values.representatives.append(index)
            }
            values.elements.append((kind, alone.values))
        }
        for key in values.shapes {
            shape.key.append(UInt8(ascii: "e"))
            shape.key.append(contentsOf: String(key.count).utf8)
            shape.key.append(UInt8(ascii: ":"))
            shape.key.append(contentsOf: key)
        }
        shape.key.append(UInt8(ascii: "]"))
        shape.list = values
        return ()
    }

    private func stamped(_ text: String, endsLine: Bool, build: Bool, into shape: inout ContextShape) -> Any? {
        let index = shape.markerOffset + shape.values.count
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
