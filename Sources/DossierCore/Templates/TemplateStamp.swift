/// A template rendered once by swift-mustache with a marker in place of each copied value of
/// its context (`ContextShaper.stampContext`): the text between markers is what every context of
/// the same shape renders, so such a context is rendered by copying that text and its own values,
/// escaped where the marker was escaped.
///
/// A marker is U+E000, the value's index, `&`, U+E001, and a line break when the value ends
/// with one. swift-mustache's escaping turns its `&` into `&amp;`, which tells an escaped place
/// (`{{name}}`) from a raw one (`{{{name}}}`). Any other form of a marker in the output means the
/// template did something else with the value, and no stamp is made.
struct TemplateStamp: Sendable {
    struct Slot: Sendable {
        /// Literal text before the value.
        var text: String
        var value: Int
        var escaped: Bool
    }

    private let slots: [Slot]
    /// Literal text after the last value.
    private let tail: String
    private let literalSize: Int
    private let valueCount: Int

    init?(rendered: String, endsLine: [Bool]) {
        let source = Array(rendered.utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(source.count)
        var slots: [Slot] = []
        var textStart = 0
        var index = 0
        let count = source.count
        while index < count {
            let byte = source[index]
            guard byte == 0xEE, index + 2 < count, source[index + 1] == 0x80 else {
                bytes.append(byte)
                index += 1
                continue
            }
            // A lone U+E001, or a marker that does not read back, is not a stamp.
            guard source[index + 2] == 0x80 else { return nil }
            var cursor = index + 3
            var value = 0
            var digits = 0
            while cursor < count, source[cursor] >= 0x30, source[cursor] <= 0x39, digits < 9 {
                value = value * 10 + Int(source[cursor] - 0x30)
                cursor += 1
                digits += 1
            }
            guard digits > 0, value < endsLine.count else { return nil }
            let escaped: Bool
            if Self.matches(source, at: cursor, "&\u{E001}") {
                escaped = false
                cursor += 4
            } else if Self.matches(source, at: cursor, "&amp;\u{E001}") {
                escaped = true
                cursor += 8
            } else {
                return nil
            }
            if endsLine[value] {
                guard cursor < count, source[cursor] == 0x0A else { return nil }
                cursor += 1
            }
            // Markers are whole scalars, so the text between two of them is valid UTF-8.
            slots.append(Slot(text: String(decoding: bytes[textStart...], as: UTF8.self), value: value, escaped: escaped))
            textStart = bytes.count
            index = cursor
        }
        self.slots = slots
        self.tail = String(decoding: bytes[textStart...], as: UTF8.self)
        self.literalSize = bytes.count
        self.valueCount = endsLine.count
    }

    private static func matches(_ source: [UInt8], at index: Int, _ expected: String) -> Bool {
        var position = index
        for byte in expected.utf8 {
            guard position < source.count, source[position] == byte else { return false }
            position += 1
        }
        return true
    }

    /// The page for a context of this stamp's shape, from its values. Built by appending strings,
    /// which copies their bytes without checking them again.
    func fill(_ values: [String]) -> String {
        var escaped = [String?](repeating: nil, count: valueCount)
        var size = literalSize
        for slot in slots {
            if slot.escaped {
                if escaped[slot.value] == nil { escaped[slot.value] = MustacheEscape.html(values[slot.value]) }
                size += escaped[slot.value]?.utf8.count ?? 0
            } else {
                size += values[slot.value].utf8.count
            }
        }
        var output = ""
        output.reserveCapacity(size)
        for slot in slots {
            output += slot.text
            output += slot.escaped ? escaped[slot.value] ?? "" : values[slot.value]
        }
        output += tail
        return output
    }
}
