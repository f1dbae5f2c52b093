import DossierModel
/// Reading a context's shape (`ContextShaper.shape`), done for every page: the same key and
/// values as the walk that builds a stamp's context, without building anything, boxing a value
/// or making a string for a number.
extension ContextShaper {
    /// Transforms that do not read a list's length nor its last element: `first` reads the
    /// first element, which is part of the key.
    static let listTransforms: Set<String> = ["first", "empty"]

    /// Reads `value` at `path` into `shape`; false when a value holds a stamp marker.
    /// - Parameter longList: whether the long list is still to be found (see `shape`).
    func read(_ value: TemplateValue, path: inout [String], literal: Bool, element: Bool, longList: inout Bool,
              into shape: inout ContextShape) -> Bool {
        let transforms = self.transforms(at: path, element: element)
        switch value {
        case .string(let string):
            return readCopied(.string(string), literal: literal || transforms?.isEmpty == false, into: &shape)
        case .utf8(let bytes):
            return readCopied(.utf8(bytes), literal: literal || transforms?.isEmpty == false, into: &shape)
        case .bool(let bool):
            shape.key.append(bool ? UInt8(ascii: "T") : UInt8(ascii: "F"))
            return true
        case .int(let number):
            if literal || transforms?.isEmpty == false {
                Self.appendLiteral(UInt8(ascii: "I"), String(number), to: &shape.key)
                return true
            }
            shape.key.append(UInt8(ascii: "s"))
            shape.values.append(.string(String(describing: number)))
            shape.endsLine.append(false)
            return true
        case .map(let mapping):
            let literal = literal || transforms.map { !$0.isSubset(of: TemplateUsage.shapeOnlyTransforms) } ?? false
            return readMap(mapping, path: &path, literal: literal, longList: &longList, into: &shape)
        case .shared(let shared):
            return readShared(shared, path: &path, literal: literal, element: element, into: &shape)
        case .list(let list):
            if longList, isLongList(list, at: path, literal: literal, transforms: transforms ?? []) {
                longList = false
                return readLongList(list, path: &path, into: &shape)
            }
            let literal = literal || transforms.map { !$0.isSubset(of: TemplateUsage.shapeOnlyTransforms) } ?? false
            shape.key.append(UInt8(ascii: "["))
            for element in list {
                guard read(element, path: &path, literal: literal, element: true, longList: &longList, into: &shape) else { return false }
            }
            shape.key.append(UInt8(ascii: "]"))
            return true
        }
    }

    /// A map's entries in key order, each key in the key and its value read. The order is sorted
    /// in a buffer on the stack rather than an array of the entries (a map has a handful of keys).
    private func readMap(_ mapping: [String: TemplateValue], path: inout [String], literal: Bool, longList: inout Bool,
                         into shape: inout ContextShape) -> Bool {
        shape.key.append(UInt8(ascii: "{"))
        let complete = withUnsafeTemporaryAllocation(of: Dictionary<String, TemplateValue>.Index.self, capacity: mapping.count) { buffer -> Bool in
            guard let order = buffer.baseAddress else { return true }  // an empty map
            let count = Self.sortByKey(mapping, into: order)
            defer { order.deinitialize(count: count) }
            for position in UnsafeBufferPointer(start: order, count: count) {
                let (key, child) = mapping[position]
                Self.appendLiteral(UInt8(ascii: "k"), key, to: &shape.key)
                path.append(key)
                let read = self.read(child, path: &path, literal: literal, element: false, longList: &longList, into: &shape)
                path.removeLast()
                guard read else { return false }
            }
            return true
        }
        guard complete else { return false }
        shape.key.append(UInt8(ascii: "}"))
        return true
    }

    /// Initializes `order` with the positions of `mapping`'s entries in key order (an insertion
    /// sort); returns how many. Slots below the count are initialized, the others not (an index
    /// need not be a plain value on every platform).
    private static func sortByKey(_ mapping: [String: TemplateValue], into order: UnsafeMutablePointer<Dictionary<String, TemplateValue>.Index>) -> Int {
        var count = 0
        for position in mapping.indices {
            // The slot, then the later ones moved up by one.
            let key = mapping[position].key
            var slot = count
            while slot > 0 && key < mapping[order[slot - 1]].key { slot -= 1 }
            if slot < count {
                (order + count).initialize(to: order[count - 1])
                var moved = count - 1
                while moved > slot {
                    order[moved] = order[moved - 1]
                    moved -= 1
                }
                order[slot] = position
            } else {
                (order + count).initialize(to: position)
            }
            count += 1
        }
        return count
    }

    /// A shared value is read once for all the contexts it is in; no long list is looked for in
    /// it, so that it reads the same in each.
    private func readShared(_ shared: SharedTemplateValue, path: inout [String], literal: Bool, element: Bool,
                            into shape: inout ContextShape) -> Bool {
        let memo = SharedShapes.Key(value: shared, path: path, literal: literal, element: element)
        if let known = sharedShapes[memo] {
            shape.key.append(contentsOf: known.key)
            shape.values.append(contentsOf: known.values)
            shape.endsLine.append(contentsOf: known.endsLine)
            return true
        }
        var alone = ContextShape()
        var none = false
        guard read(shared.value, path: &path, literal: literal, element: element, longList: &none, into: &alone) else { return false }
        sharedShapes[memo] = alone
        shape.key.append(contentsOf: alone.key)
        shape.values.append(contentsOf: alone.values)
        shape.endsLine.append(contentsOf: alone.endsLine)
        return true
    }

    /// A string's or bytes' place: `readText`, and the value when it is copied.
    private func readCopied(_ text: StampValue, literal: Bool, into shape: inout ContextShape) -> Bool {
        switch Self.readText(text, literal: literal, into: &shape) {
        case nil:
            return false
        case .literal?:
            return true
        case .copied(let endsLine)?:
            shape.values.append(text)
            shape.endsLine.append(endsLine)
            return true
        }
    }

    /// How a string or bytes value reads, whichever way it is held.
    enum TextReading {
        /// Kept in the key (read by a transform, or empty, which `{{#x}}` reads).
        case literal
        /// Copied where its marker is; a value that ends a line has a marker that does too.
        case copied(endsLine: Bool)
    }

    /// Writes the key of `text`; nil when it holds a stamp marker.
    static func readText(_ text: StampValue, literal: Bool, into shape: inout ContextShape) -> TextReading? {
        if text.holdsMarker { return nil }
        if literal || text.count == 0 {
            appendLiteral(UInt8(ascii: "L"), text, to: &shape.key)
            return .literal
        }
        let endsLine = text.endsLine
        shape.key.append(endsLine ? UInt8(ascii: "n") : UInt8(ascii: "s"))
        return .copied(endsLine: endsLine)
    }

    /// The long list: its first element is read as any value; the others each into a shape of
    /// their own (`ContextShape.list`), whose distinct keys go into the key.
    private func readLongList(_ list: [TemplateValue], path: inout [String], into shape: inout ContextShape) -> Bool {
        var none = false
        shape.key.append(contentsOf: Array("[*".utf8))
        guard read(list[0], path: &path, literal: false, element: true, longList: &none, into: &shape) else { return false }
        var values = ListValues()
        values.elements.reserveCapacity(list.count - 1)
        var known: [[UInt8]: Int] = [:]
        for index in list.indices.dropFirst() {
            var alone = ContextShape()
            guard read(list[index], path: &path, literal: false, element: true, longList: &none, into: &alone) else { return false }
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
            Self.appendDecimal(key.count, to: &shape.key)
            shape.key.append(UInt8(ascii: ":"))
            shape.key.append(contentsOf: key)
        }
        shape.key.append(UInt8(ascii: "]"))
        shape.list = values
        return true
    }

    /// Whether `list` is read without its length: long enough, and read by no transform but
    /// `listTransforms`.
    func isLongList(_ list: [TemplateValue], at path: [String], literal: Bool, transforms: Set<String>) -> Bool {
        guard let minimum = listMinimum, list.count >= minimum, !literal, longListPath.map({ $0 == path }) ?? true else { return false }
        return transforms.isSubset(of: Self.listTransforms)
    }

    /// The transforms the templates apply at `path`; nil when none can (most keys, and a list's
    /// elements).
    func transforms(at path: [String], element: Bool) -> Set<String>? {
        guard !element, let last = path.last,
              lastKeyLengths[Int(last.utf8.first ?? 0)] & (1 << UInt64(min(last.utf8.count, 63))) != 0,
              let entries = transformedByLastKey[last] else { return nil }
        var transforms: Set<String> = []
        for entry in entries where path.count >= entry.path.count && path.suffix(entry.path.count).elementsEqual(entry.path) {
            if transforms.isEmpty { transforms = entry.transforms } else { transforms.formUnion(entry.transforms) }
        }
        return transforms
    }

    /// A literal in the key: a tag, the text's length in bytes, `:` and the text.
    static func appendLiteral(_ tag: UInt8, _ text: String, to key: inout [UInt8]) {
        appendLiteral(tag, .string(text), to: &key)
    }

    static func appendLiteral(_ tag: UInt8, _ text: StampValue, to key: inout [UInt8]) {
        key.append(tag)
        appendDecimal(text.count, to: &key)
        key.append(UInt8(ascii: ":"))
        switch text {
        case .string(let string): key.appendUTF8(string)
        case .utf8(let bytes): key.append(contentsOf: bytes)
        }
    }

    static func appendDecimal(_ number: Int, to key: inout [UInt8]) {
        if number < 10 {
            key.append(UInt8(ascii: "0") + UInt8(number))
            return
        }
        appendDecimal(number / 10, to: &key)
        key.append(UInt8(ascii: "0") + UInt8(number % 10))
    }
}
