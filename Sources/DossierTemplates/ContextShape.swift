import Foundation
import DossierModel

/// A template context (`TemplateValue`) reduced to what decides which parts of a template are rendered: every
/// mapping's keys, every list's length, every Boolean, and the values a transform reads. The
/// other strings and numbers are only copied into the output, so two contexts with the same
/// shape render the same text around different values (see `TemplateStamp`).
struct ContextShape: Sendable {
    /// Equal for two contexts exactly when their shapes are equal.
    var key: [UInt8] = []
    /// The copied values, in the order of their markers.
    var values: [StampValue] = []
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
    var elements: [(shape: Int, values: [StampValue])] = []
}

/// A value copied into a stamped page: a string, or UTF-8 bytes (`TemplateValue.utf8`).
typealias StampValue = HeldText

extension HeldText {
    var holdsMarker: Bool {
        switch self {
        case .string(let string): return StampMarker.occurs(in: string)
        case .utf8(let bytes): return StampMarker.occurs(in: bytes)
        }
    }

    /// Whether the text ends with a line break that is a character of its own: swift-mustache
    /// indents what follows it in an indented partial. (`\r\n` is one character.)
    var endsLine: Bool {
        switch self {
        case .string(let string): return string.utf8.last == 0x0A && string.last == "\n"
        case .utf8(let bytes): return bytes.last == 0x0A && !(bytes.count >= 2 && bytes[bytes.count - 2] == 0x0D)
        }
    }
}
/// Reads the shape of a context and, to make a stamp, the context with markers in place of its
/// copied values.
struct ContextShaper: Sendable {
    let usage: TemplateUsage
    /// The transformed paths by their last component: a key that is none of these has no
    /// transform.
    let transformedByLastKey: [String: [TemplateUsage.Transformed]]
    /// For each first byte of a key, a bit per length (up to 63) of the transformed last keys
    /// that begin with it: most keys are told apart from those without hashing.
    let lastKeyLengths: [UInt64]
    let sharedShapes = SharedShapes()
    /// The least length of a list read without its length; nil when the templates read positions.
    private(set) var listMinimum: Int?
    /// Where the long list is, when only one list may be it (`cuttingLargestList`).
    private(set) var longListPath: [String]?

    init(usage: TemplateUsage, listMinimum: Int = TemplateSet.listStampMinimum) {
        self.usage = usage
        let byLastKey = Dictionary(grouping: usage.transformed.filter { !$0.path.isEmpty }) { $0.path[$0.path.count - 1] }
        var lengths = [UInt64](repeating: 0, count: 256)
        for key in byLastKey.keys { lengths[Int(key.utf8.first ?? 0)] |= 1 << UInt64(min(key.utf8.count, 63)) }
        self.transformedByLastKey = byLastKey
        self.lastKeyLengths = lengths
        self.listMinimum = usage.positional ? nil : max(2, listMinimum)
    }

    /// How one walk of a context goes.
    private struct Walk {
        /// Markers in place of the copied values (else the values themselves).
        var mark = true
        /// Read the first long list without its length (`ContextShape.list`).
        var longList = false
        /// The elements of the long list kept after its first, by position, with
        /// the offset of their markers.
        var selection: [(index: Int, offset: Int)] = []
        /// Set once the long list is found: there is at most one.
        var foundList = false
    }

    /// This shaper, reading as the long list of `context` the list that holds the most values,
    /// or no list when that one holds less than half of the context's values. A listing's stamp is
    /// made from three or more renders in which every other list is whole, so it pays only when
    /// the list cut is most of the page: the home page's 10,000 contents entries, not its 1,000
    /// figures; not one dataset's figures on the data index, which lists ten such.
    func cuttingLargestList(of context: TemplateContext) -> ContextShaper {
        guard let minimum = listMinimum else { return self }
        var best: (size: Int, path: [String])?
        var path: [String] = []
        let total = Self.size(of: .map(context), path: &path, minimum: minimum, best: &best)
        var copy = self
        if let best, best.size * 2 >= total {
            copy.longListPath = best.path
        } else {
            copy.listMinimum = nil
        }
        return copy
    }

    /// The number of values in `value`; notes in `best` the list of at least `minimum` elements
    /// holding the most, outside shared values (where no long list is looked for).
    private static func size(of value: TemplateValue, path: inout [String], minimum: Int, best: inout (size: Int, path: [String])?) -> Int {
        switch value {
        case .map(let mapping):
            var total = 1
            for (key, child) in mapping {
                path.append(key)
                total += size(of: child, path: &path, minimum: minimum, best: &best)
                path.removeLast()
            }
            return total
        case .list(let list):
            let total = list.reduce(1) { $0 + size(of: $1, path: &path, minimum: minimum, best: &best) }
            if list.count >= minimum, total > best?.size ?? 0 { best = (total, path) }
            return total
        default:
            return 1
        }
    }

    /// Nil when a value holds a stamp marker (such a page is rendered by swift-mustache alone).
    /// - Parameter longList: read the first list of at least `listMinimum` elements, if any,
    ///   without its length (for a listing).
    func shape(_ context: TemplateContext, longList: Bool = false) -> ContextShape? {
        var shape = ContextShape()
        var path: [String] = []
        var search = longList && listMinimum != nil
        shape.key.reserveCapacity(2048)
        shape.values.reserveCapacity(64)
        shape.endsLine.reserveCapacity(64)
        guard read(.map(context), path: &path, literal: false, element: false, longList: &search, into: &shape) else { return nil }
        return shape
    }

    /// The context with every copied value replaced by its marker, as swift-mustache reads it,
    /// and its shape.
    func stampContext(_ context: TemplateContext) -> (context: Any, shape: ContextShape)? {
        var shape = ContextShape()
        var path: [String] = []
        var walk = Walk()
        guard let built = self.walk(.map(context), path: &path, literal: false, walk: &walk, into: &shape) else { return nil }
        return (built, shape)
    }

    /// The context as swift-mustache reads it with its long list cut to its first element and
    /// the elements of `selection`, marked (each element with its own marker offset) or not.
    func listContext(_ context: TemplateContext, selection: [(index: Int, offset: Int)], mark: Bool) -> (context: Any, shape: ContextShape)? {
        var shape = ContextShape()
        var path: [String] = []
        var walk = Walk(mark: mark, longList: listMinimum != nil, selection: selection)
        guard let built = self.walk(.map(context), path: &path, literal: false, walk: &walk, into: &shape), walk.foundList else { return nil }
        return (built, shape)
    }

    static func marker(_ index: Int, endsLine: Bool) -> String {
        "\(StampMarker.open)\(index)&\(StampMarker.close)" + (endsLine ? "\n" : "")
    }

    /// Returns the node as swift-mustache reads it: marked, or with its own values when
    /// `walk.mark` is false; nil when a value holds a marker. Reads the same key and values as
    /// `read` (`ContextShape+Read.swift`), which is the fast path without building anything.
    /// `element` is true for the elements of a list, which share the list's path but are not what
    /// a transform of that path reads.
    private func walk(_ value: TemplateValue, path: inout [String], literal: Bool, element: Bool = false, walk: inout Walk,
                      into shape: inout ContextShape) -> Any? {
        var literal = literal
        let transforms = self.transforms(at: path, element: element) ?? []
        switch value {
        case .string(let string):
            return walkCopied(.string(string), literal: literal || !transforms.isEmpty, mark: walk.mark, into: &shape)
        case .utf8(let bytes):
            return walkCopied(.utf8(bytes), literal: literal || !transforms.isEmpty, mark: walk.mark, into: &shape)
        case .bool(let bool):
            shape.key.append(bool ? UInt8(ascii: "T") : UInt8(ascii: "F"))
            return bool
        case .int(let number):
            if literal || !transforms.isEmpty {
                Self.appendLiteral(UInt8(ascii: "I"), String(number), to: &shape.key)
                return number
            }
            shape.key.append(UInt8(ascii: "s"))
            return stamped(.string(String(describing: number)), value: number, endsLine: false, mark: walk.mark, into: &shape)
        case .map(let mapping):
            if !transforms.isSubset(of: TemplateUsage.shapeOnlyTransforms) { literal = true }
            shape.key.append(UInt8(ascii: "{"))
            var built: [String: Any] = [:]
            built.reserveCapacity(mapping.count)
            for (key, child) in mapping.sorted(by: { $0.key < $1.key }) {
                Self.appendLiteral(UInt8(ascii: "k"), key, to: &shape.key)
                path.append(key)
                let node = self.walk(child, path: &path, literal: literal, walk: &walk, into: &shape)
                path.removeLast()
                guard let node else { return nil }
                built[key] = node
            }
            shape.key.append(UInt8(ascii: "}"))
            return built
        case .shared(let shared):
            // No long list is looked for in a shared value (see `read`).
            var inner = Walk(mark: walk.mark)
            return self.walk(shared.value, path: &path, literal: literal, element: element, walk: &inner, into: &shape)
        case .list(let list):
            if walk.longList, !walk.foundList, isLongList(list, at: path, literal: literal, transforms: transforms) {
                walk.foundList = true
                return longList(list, path: &path, walk: &walk, into: &shape)
            }
            if !transforms.isSubset(of: TemplateUsage.shapeOnlyTransforms) { literal = true }
            shape.key.append(UInt8(ascii: "["))
            var built: [Any] = []
            built.reserveCapacity(list.count)
            for element in list {
                guard let node = self.walk(element, path: &path, literal: literal, element: true, walk: &walk, into: &shape) else { return nil }
                built.append(node)
            }
            shape.key.append(UInt8(ascii: "]"))
            return built
        }
    }

    /// The long list cut to its first element and the selection's: the first is read as any
    /// value, the others each with its own marker offset.
    private func longList(_ list: [TemplateValue], path: inout [String], walk: inout Walk, into shape: inout ContextShape) -> Any? {
        // Nothing in the elements is read as a long list: each must read the same way.
        var inner = Walk(mark: walk.mark)
        shape.key.append(contentsOf: Array("[*".utf8))
        guard let first = self.walk(list[0], path: &path, literal: false, element: true, walk: &inner, into: &shape) else { return nil }
        var built: [Any] = [first]
        for (index, offset) in walk.selection {
            var alone = ContextShape(markerOffset: offset)
            guard let node = self.walk(list[index], path: &path, literal: false, element: true, walk: &inner, into: &alone) else { return nil }
            built.append(node)
        }
        shape.key.append(UInt8(ascii: "]"))
        return built
    }

    /// A string's or bytes' place (`readText`), as swift-mustache reads it: a string (bytes
    /// become one only here, when building), or its marker.
    private func walkCopied(_ text: StampValue, literal: Bool, mark: Bool, into shape: inout ContextShape) -> Any? {
        switch Self.readText(text, literal: literal, into: &shape) {
        case nil: return nil
        case .literal?: return text.string
        case .copied(let endsLine)?: return stamped(text, value: text.string, endsLine: endsLine, mark: mark, into: &shape)
        }
    }

    /// A copied value: its marker, or itself when not marking.
    private func stamped(_ text: StampValue, value: Any, endsLine: Bool, mark: Bool, into shape: inout ContextShape) -> Any {
        let index = shape.markerOffset + shape.values.count
        shape.values.append(text)
        shape.endsLine.append(endsLine)
        return mark ? Self.marker(index, endsLine: endsLine) : value
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
