import DossierModel

/// A template rendered once by swift-mustache with a marker in place of each copied value of
/// its context (`ContextShaper.stampContext`): the text between markers is what every context of
/// the same shape renders, so such a context is rendered by copying that text and its own values,
/// escaped where the marker was escaped.
///
/// The markers are read by `StampText`.
struct TemplateStamp: Sendable {
    private let text: StampText
    private let valueCount: Int

    init?(rendered: String, endsLine: [Bool]) {
        guard let text = StampText(rendered: Array(rendered.utf8), place: { index in
            index < endsLine.count ? (.context(index), endsLine[index]) : nil
        }) else { return nil }
        self.text = text
        self.valueCount = endsLine.count
    }

    /// The page for a context of this stamp's shape, from its values.
    func fill(_ values: [StampValue]) -> String {
        fill(values, into: "")
    }

    /// `fill` as UTF-8 bytes: values held as bytes are copied without becoming a string.
    func fillUTF8(_ values: [StampValue]) -> [UInt8] {
        fill(values, into: [])
    }

    private func fill<Output: StampOutput>(_ values: [StampValue], into empty: Output) -> Output {
        var escaped = [String?](repeating: nil, count: valueCount)
        var output = empty
        output.reserveCapacity(text.size(values, escaped: &escaped))
        text.append(to: &output, values, escaped: &escaped)
        return output
    }
}

/// Where a stamp is filled: a `String`, or UTF-8 bytes for a file.
protocol StampOutput {
    mutating func reserveCapacity(_ count: Int)
    mutating func append(text: String)
    mutating func append(value: StampValue)
}

extension String: StampOutput {
    mutating func append(text: String) { self += text }

    mutating func append(value: StampValue) {
        switch value {
        case .string(let string): self += string
        case .utf8(let bytes): self += String(decoding: bytes, as: UTF8.self)
        }
    }
}

extension Array: StampOutput where Element == UInt8 {
    mutating func append(text: String) { appendUTF8(text) }

    mutating func append(value: StampValue) {
        switch value {
        case .string(let string): appendUTF8(string)
        case .utf8(let bytes): append(contentsOf: bytes)
        }
    }
}

/// Rendered text cut at its markers: literal text and the places of values.
///
/// A marker is U+E000, the value's index, `&`, U+E001, and a line break when the value ends
/// with one. swift-mustache's escaping turns its `&` into `&amp;`, which tells an escaped place
/// (`{{name}}`) from a raw one (`{{{name}}}`). Any other form of a marker in the output means the
/// template did something else with the value, and no stamp is made.
struct StampText: Sendable {
    /// Where a value comes from: the context's values, or those of one element of a long list.
    enum Source: Sendable, Equatable {
        case context(Int)
        case element(Int)
    }

    struct Slot: Sendable {
        /// Literal text before the value.
        var text: String
        var value: Source
        var escaped: Bool
    }

    private(set) var slots: [Slot] = []
    /// Literal text after the last value.
    private(set) var tail: String
    let literalSize: Int

    /// - Parameter place: the source of a marker's index and whether its value ends with a line
    ///   break; nil for an index that has no place here.
    init?(rendered source: ArraySlice<UInt8>, place: (Int) -> (Source, Bool)?) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(source.count)
        var slots: [Slot] = []
        var textStart = 0
        var index = source.startIndex
        let end = source.endIndex
        while index < end {
            let byte = source[index]
            guard byte == 0xEE, index + 2 < end, source[index + 1] == 0x80 else {
                bytes.append(byte)
                index += 1
                continue
            }
            // A lone U+E001, or a marker that does not read back, is not a stamp.
            guard source[index + 2] == 0x80 else { return nil }
            var cursor = index + 3
            var value = 0
            var digits = 0
            while cursor < end, source[cursor] >= 0x30, source[cursor] <= 0x39, digits < 9 {
                value = value * 10 + Int(source[cursor] - 0x30)
                cursor += 1
                digits += 1
            }
            guard digits > 0, let (from, endsLine) = place(value) else { return nil }
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
            if endsLine {
                guard cursor < end, source[cursor] == 0x0A else { return nil }
                cursor += 1
            }
            // Markers are whole scalars, so the text between two of them is valid UTF-8.
            slots.append(Slot(text: String(decoding: bytes[textStart...], as: UTF8.self), value: from, escaped: escaped))
            textStart = bytes.count
            index = cursor
        }
        self.slots = slots
        self.tail = String(decoding: bytes[textStart...], as: UTF8.self)
        self.literalSize = bytes.count
    }

    init?(rendered: [UInt8], place: (Int) -> (Source, Bool)?) {
        self.init(rendered: rendered[...], place: place)
    }

    private static func matches(_ source: ArraySlice<UInt8>, at index: Int, _ expected: String) -> Bool {
        var position = index
        for byte in expected.utf8 {
            guard position < source.endIndex, source[position] == byte else { return false }
            position += 1
        }
        return true
    }

    /// The size of the filled text (at least; an element's escaped values may be longer); escapes
    /// the context's values it needs into `escaped`.
    func size(_ values: [StampValue], element: [StampValue] = [], escaped: inout [String?]) -> Int {
        var size = literalSize
        for slot in slots {
            switch slot.value {
            case .context(let index):
                if slot.escaped {
                    if escaped[index] == nil { escaped[index] = MustacheEscape.html(values[index].string) }
                    size += escaped[index]?.utf8.count ?? 0
                } else {
                    size += values[index].count
                }
            case .element(let index):
                // Escaping is not done twice for a size: the estimate is close enough.
                size += element[index].count
            }
        }
        return size
    }

    /// Appends the text filled with the context's `values` (escaped ones from `escaped`, made
    /// when missing) and one element's values. Appending copies bytes without checking them
    /// again.
    func append<Output: StampOutput>(to output: inout Output, _ values: [StampValue], element: [StampValue] = [],
                                     escaped: inout [String?]) {
        for slot in slots {
            output.append(text: slot.text)
            switch slot.value {
            case .context(let index):
                if slot.escaped {
                    if escaped[index] == nil { escaped[index] = MustacheEscape.html(values[index].string) }
                    output.append(text: escaped[index] ?? "")
                } else {
                    output.append(value: values[index])
                }
            case .element(let index):
                if slot.escaped {
                    output.append(text: MustacheEscape.html(element[index].string))
                } else {
                    output.append(value: element[index])
                }
            }
        }
        output.append(text: tail)
    }
}
