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
        var literal = literal
        let transforms = self.transforms(at: path, element: element)
        switch value {
        case .string(let string):
            if StampMarker.occurs(in: string) { return false }
            if literal || transforms?.isEmpty == false || string.isEmpty {
                Self.appendLiteral(UInt8(ascii: "L"), string, to: &shape.key)
                return true
            }
            let endsLine = Self.endsLine(string)
            shape.key.append(endsLine ? UInt8(ascii: "n") : UInt8(ascii: "s"))
            shape.values.append(.string(string))
            shape.endsLine.append(endsLine)
            return true
        case .utf8(let bytes):
            // Read as the string of these bytes would be.
            if StampMarker.occurs(in: bytes) { return false }
            if literal || transforms?.isEmpty == false || bytes.isEmpty {
                Self.appendLiteral(UInt8(ascii: "L"), bytes, to: &shape.key)
                return true
            }
            let endsLine = Self.endsLine(bytes)
            shape.key.append(endsLine ? UInt8(ascii: "n") : UInt8(ascii: "s"))
            shape.values.append(.utf8(bytes))
            shape.endsLine.append(endsLine)
            return true
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
            if let transforms, !transforms.isSubset(of: TemplateUsage.shapeOnlyTransforms) { literal = true }
            shape.key.append(UInt8(ascii: "{"))
            for (key, child) in mapping.sorted(by: { $0.key < $1.key }) {
                Self.appendLiteral(UInt8(ascii: "k"), key, to: &shape.key)
                path.append(key)
                let read = self.read(child, path: &path, literal: literal, element: false, longList: &longList, into: &shape)
                path.removeLast()
                guard read else { return false }
            }
            shape.key.append(UInt8(ascii: "}"))
            return true
        case .shared(let shared):
            // A shared value is read once for all the contexts it is in; no long list is looked
            // for in it, so that it reads the same in each.
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
        case .list(let list):
            if longList, isLongList(list, literal: literal, transforms: transforms ?? []) {
                longList = false
                return readLongList(list, path: &path, into: &shape)
            }
            if let transforms, !transforms.isSubset(of: TemplateUsage.shapeOnlyTransforms) { literal = true }
            shape.key.append(UInt8(ascii: "["))
            for element in list {
                guard read(element, path: &path, literal: literal, element: true, longList: &longList, into: &shape) else { return false }
            }
            shape.key.append(UInt8(ascii: "]"))
            return true
        }
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
    func isLongList(_ list: [TemplateValue], literal: Bool, transforms: Set<String>) -> Bool {
        guard let minimum = listMinimum, list.count >= minimum, !literal else { return false }
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

    static func endsLine(_ string: String) -> Bool {
        string.utf8.last == 0x0A && string.last == "\n"
    }

    /// `endsLine` of the string these bytes spell: a last `\n` is a character of its own unless
    /// a `\r` comes before it.
    static func endsLine(_ bytes: [UInt8]) -> Bool {
        bytes.last == 0x0A && !(bytes.count >= 2 && bytes[bytes.count - 2] == 0x0D)
    }

    /// A literal in the key: a tag, the text's length in bytes, `:` and the text.
    static func appendLiteral(_ tag: UInt8, _ text: String, to key: inout [UInt8]) {
        key.append(tag)
        appendDecimal(text.utf8.count, to: &key)
        key.append(UInt8(ascii: ":"))
        key.append(contentsOf: text.utf8)
    }

    static func appendLiteral(_ tag: UInt8, _ bytes: [UInt8], to key: inout [UInt8]) {
        key.append(tag)
        appendDecimal(bytes.count, to: &key)
        key.append(UInt8(ascii: ":"))
        key.append(contentsOf: bytes)
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
