/// A line of YAML text: byte offsets of its start, its end (before `\n`) and the next line.
package struct FastYAMLLine {
    package var start: Int
    package var end: Int
    /// Number of spaces before the first other byte.
    package var indent: Int
    package var next: Int
}

/// A scalar as the fast front-matter reader read it, with the conversions the YAML path applies.
package enum FastYAMLValue: Equatable {
    /// Nothing after the colon (or only a comment): null.
    case empty
    /// A plain (unquoted) scalar, without its trailing spaces.
    case plain(String)
    /// A single- or double-quoted scalar, unescaped.
    case quoted(String)

    /// As `Node.isNull`: an empty value, or a plain `~`, `null`, `Null`, `NULL`.
    package var isNull: Bool {
        switch self {
        case .empty: return true
        case .plain(let text): return text == "~" || text == "null" || text == "Null" || text == "NULL"
        case .quoted: return false
        }
    }

    /// As `YAMLDocument.string`: the scalar's text, nil when it is null.
    package var string: String? {
        switch self {
        case .empty: return nil
        case .plain(let text): return isNull ? nil : text
        case .quoted(let text): return text
        }
    }

    /// The text of a list item (null words stay text there, as in `YAMLDocument.strings`);
    /// nil for an empty item, which the fast path leaves to the YAML path.
    package var itemString: String? {
        switch self {
        case .empty: return nil
        case .plain(let text), .quoted(let text): return text
        }
    }

    /// As `Node.bool` for a scalar that is not null: only the plain words YAML 1.1 resolves to booleans.
    package var bool: Bool? {
        guard case .plain(let text) = self else { return nil }
        switch text {
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": return true
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": return false
        default: return nil
        }
    }

    /// As `Node.int`, for the plain decimal numbers only (`0`, `42`, `-7`): octal, hexadecimal,
    /// binary, sexagesimal and `_` separators are left to the YAML path.
    package var int: Int? {
        guard case .plain(let text) = self else { return nil }
        if text == "0" { return 0 }
        var digits = text.utf8[...]
        if digits.first == UInt8(ascii: "-") { digits = digits.dropFirst() }
        guard let first = digits.first, first >= UInt8(ascii: "1"), first <= UInt8(ascii: "9"), digits.count <= 18,
              digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        return Int(text)
    }
}

/// Byte-level scanning of the YAML subset the fast front-matter reader accepts.
///
/// Every function returns nil when the text is not plainly in the subset; the caller then gives up.
package struct FastYAMLText {
    let bytes: UnsafeBufferPointer<UInt8>

    private static let space = UInt8(ascii: " ")
    private static let newline = UInt8(ascii: "\n")
    private static let hash = UInt8(ascii: "#")
    private static let colon = UInt8(ascii: ":")
    private static let dash = UInt8(ascii: "-")
    private static let doubleQuote = UInt8(ascii: "\"")
    private static let singleQuote = UInt8(ascii: "'")
    private static let backslash = UInt8(ascii: "\\")
    private static let comma = UInt8(ascii: ",")
    private static let openBracket = UInt8(ascii: "[")
    private static let closeBracket = UInt8(ascii: "]")

    /// Whether the text has only characters that YAML reads as themselves: no control character
    /// (tabs and `\r` included), no DEL, no C1 control or NEL, no line or paragraph separator,
    /// no byte order mark, no U+FFFE or U+FFFF. libyaml rejects some of these and treats others
    /// as line breaks or skips them; the YAML path deals with all of them.
    package static func isPlainText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte < 0x20 && byte != newline || byte == 0x7F { return false }
                index += 1
                continue
            }
            let next = index + 1 < count ? bytes[index + 1] : 0
            let third = index + 2 < count ? bytes[index + 2] : 0
            switch byte {
            case 0xC2 where next < 0xA0:
                return false  // U+0080...U+009F
            case 0xE2 where next == 0x80 && (third == 0xA8 || third == 0xA9):
                return false  // U+2028, U+2029
            case 0xEF where (next == 0xBB && third == 0xBF) || (next == 0xBF && (third == 0xBE || third == 0xBF)):
                return false  // U+FEFF, U+FFFE, U+FFFF
            default:
                index += 1
            }
        }
        return true
    }

    package func byte(at index: Int) -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    package func skipSpaces(from index: Int, to end: Int) -> Int {
        var index = index
        while index < end && bytes[index] == Self.space { index += 1 }
        return index
    }

    /// The line starting at `start`.
    func line(at start: Int) -> FastYAMLLine {
        var end = start
        let count = bytes.count
        while end < count && bytes[end] != Self.newline { end += 1 }
        var indent = 0
        while start + indent < end && bytes[start + indent] == Self.space { indent += 1 }
        return FastYAMLLine(start: start, end: end, indent: indent, next: end < count ? end + 1 : end)
    }

    /// The first line at or after `position` that is neither blank nor a comment starting in the
    /// first column; nil at the end of the text.
    package func significantLine(at position: Int) -> FastYAMLLine? {
        var position = position
        while position < bytes.count {
            let line = line(at: position)
            if line.start + line.indent < line.end && !(line.indent == 0 && bytes[line.start] == Self.hash) {
                return line
            }
            position = line.next
        }
        return nil
    }

    /// A `key:` at `column` of `line` (lowercase ASCII letters, then a colon followed by a space or
    /// the end of the line), with the offset just after the colon.
    package func key(in line: FastYAMLLine, at column: Int) -> (String, Int)? {
        let start = line.start + column
        var index = start
        while index < line.end, bytes[index] >= UInt8(ascii: "a"), bytes[index] <= UInt8(ascii: "z") {
            index += 1
        }
        guard index > start, index < line.end, bytes[index] == Self.colon,
              index + 1 == line.end || bytes[index + 1] == Self.space else { return nil }
        return (text(start..<index), index + 1)
    }

    /// Whether `line` is a block list entry `- …` with its dash at `column`.
    package func isListEntry(_ line: FastYAMLLine, column: Int) -> Bool {
        let dash = line.start + column
        return dash + 1 < line.end && bytes[dash] == Self.dash && bytes[dash + 1] == Self.space
    }

    /// After a key with an empty value: the column of the dashes when a block list follows
    /// (possibly in the first column), nil when the next line is another key or there is none.
    package func blockListColumn(at position: Int) -> Int? {
        guard let line = significantLine(at: position) else { return nil }
        if line.indent == 0 && bytes[line.start] != Self.dash { return nil }
        return line.indent
    }

    /// Whether a block ends cleanly at `position`: the next line is a key in the first column, or there is none.
    package func endsBlock(at position: Int) -> Bool {
        guard let line = significantLine(at: position) else { return true }
        return line.indent == 0
    }

    package func isEmptyValue(from start: Int, to end: Int) -> Bool {
        scalar(from: start, to: end) == .empty
    }

    /// The scalar written from `start` (just after `: ` or `- `) to the end of the line `end`.
    package func scalar(from start: Int, to end: Int) -> FastYAMLValue? {
        let first = skipSpaces(from: start, to: end)
        guard first < end, bytes[first] != Self.hash else { return .empty }
        switch bytes[first] {
        case Self.doubleQuote:
            guard let (text, after) = doubleQuoted(from: first, to: end), isLineEnd(after, end) else { return nil }
            return .quoted(text)
        case Self.singleQuote:
            guard let (text, after) = singleQuoted(from: first, to: end), isLineEnd(after, end) else { return nil }
            return .quoted(text)
        default:
            return plain(from: first, to: end).map { .plain($0) }
        }
    }

    /// Whether only spaces, then possibly a comment after at least one space, follow `index` on the line.
    private func isLineEnd(_ index: Int, _ end: Int) -> Bool {
        let next = skipSpaces(from: index, to: end)
        return next == end || (next > index && bytes[next] == Self.hash)
    }

    /// Whether a plain scalar may start with `byte` here: YAML's indicators start something else,
    /// except a dash followed by a non-space (`-3`, `-foo`), which is kept for block values only.
    private func isPlainStart(_ index: Int, _ end: Int, inFlow: Bool) -> Bool {
        switch bytes[index] {
        case UInt8(ascii: "-"):
            return !inFlow && index + 1 < end && bytes[index + 1] != Self.space
        case UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"),
             UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""),
             UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
            return false
        default:
            return true
        }
    }

    /// A plain scalar in a block value: up to a comment (` #`) or the end of the line, without
    /// trailing spaces. A `:` followed by a space or the end of the line would make a mapping: nil.
    private func plain(from start: Int, to end: Int) -> String? {
        guard isPlainStart(start, end, inFlow: false) else { return nil }
        var index = start
        var last = start
        while index < end {
            let byte = bytes[index]
            if byte == Self.colon && (index + 1 == end || bytes[index + 1] == Self.space) { return nil }
            if byte == Self.space {
                if index + 1 < end && bytes[index + 1] == Self.hash { break }
            } else {
                last = index + 1
            }
            index += 1
        }
        return text(start..<last)
    }

    /// `[a, "b c", d]` on one line: the items, or nil outside the simplest form (no empty item,
    /// no trailing comma, no `:`, `#`, quote, bracket or brace inside a plain item).
    package func flowList(from start: Int, to end: Int) -> [String]? {
        var index = skipSpaces(from: start, to: end)
        guard index < end, bytes[index] == Self.openBracket else { return nil }
        index = skipSpaces(from: index + 1, to: end)
        var items: [String] = []
        if index < end && bytes[index] == Self.closeBracket {
            return isLineEnd(index + 1, end) ? items : nil
        }
        while true {
            guard index < end else { return nil }
            let item: String
            let after: Int
            switch bytes[index] {
            case Self.doubleQuote:
                guard let (text, next) = doubleQuoted(from: index, to: end) else { return nil }
                (item, after) = (text, next)
            case Self.singleQuote:
                guard let (text, next) = singleQuoted(from: index, to: end) else { return nil }
                (item, after) = (text, next)
            default:
                guard let (text, next) = flowPlain(from: index, to: end) else { return nil }
                (item, after) = (text, next)
            }
            items.append(item)
            index = skipSpaces(from: after, to: end)
            guard index < end else { return nil }
            if bytes[index] == Self.closeBracket {
                return isLineEnd(index + 1, end) ? items : nil
            }
            guard bytes[index] == Self.comma else { return nil }
            index = skipSpaces(from: index + 1, to: end)
        }
    }

    /// A plain item of a flow list, up to `,` or `]`, without trailing spaces.
    private func flowPlain(from start: Int, to end: Int) -> (String, Int)? {
        guard isPlainStart(start, end, inFlow: true) else { return nil }
        var index = start
        var last = start
        while index < end {
            switch bytes[index] {
            case Self.comma, Self.closeBracket:
                return last > start ? (text(start..<last), index) : nil
            case UInt8(ascii: ":"), UInt8(ascii: "#"), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "}"),
                 UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "?"):
                return nil
            case Self.space:
                break
            default:
                last = index + 1
            }
            index += 1
        }
        return nil
    }

    /// A single-quoted scalar closed on its line (`''` stands for `'`), and the offset after it.
    private func singleQuoted(from start: Int, to end: Int) -> (String, Int)? {
        var index = start + 1
        var pieceStart = index
        var result: [UInt8]?
        while index < end {
            if bytes[index] == Self.singleQuote {
                if index + 1 < end && bytes[index + 1] == Self.singleQuote {
                    result = (result ?? []) + bytes[pieceStart...index]
                    index += 2
                    pieceStart = index
                    continue
                }
                guard var result else { return (text(pieceStart..<index), index + 1) }
                result += bytes[pieceStart..<index]
                return (String(decoding: result, as: UTF8.self), index + 1)
            }
            index += 1
        }
        return nil
    }

    /// A double-quoted scalar closed on its line, its escapes decoded as libyaml decodes them,
    /// and the offset after it. An unknown or invalid escape, or `\` at the end of the line: nil.
    private func doubleQuoted(from start: Int, to end: Int) -> (String, Int)? {
        var index = start + 1
        var pieceStart = index
        var result: [UInt8]?
        while index < end {
            switch bytes[index] {
            case Self.doubleQuote:
                guard var result else { return (text(pieceStart..<index), index + 1) }
                result += bytes[pieceStart..<index]
                return (String(decoding: result, as: UTF8.self), index + 1)
            case Self.backslash:
                guard index + 1 < end else { return nil }
                var output = result ?? []
                output += bytes[pieceStart..<index]
                guard let length = Self.unescape(bytes, at: index + 1, end: end, into: &output) else { return nil }
                result = output
                index += 1 + length
                pieceStart = index
            default:
                index += 1
            }
        }
        return nil
    }

    /// Appends the character escaped by the letter at `index` (after a backslash); the number of
    /// bytes the escape takes after the backslash, or nil for an escape the fast path does not take.
    private static func unescape(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int, into output: inout [UInt8]) -> Int? {
        let simple: [UInt8]
        switch bytes[index] {
        case UInt8(ascii: "0"): simple = [0x00]
        case UInt8(ascii: "a"): simple = [0x07]
        case UInt8(ascii: "b"): simple = [0x08]
        case UInt8(ascii: "t"): simple = [0x09]
        case UInt8(ascii: "n"): simple = [0x0A]
        case UInt8(ascii: "v"): simple = [0x0B]
        case UInt8(ascii: "f"): simple = [0x0C]
        case UInt8(ascii: "r"): simple = [0x0D]
        case UInt8(ascii: "e"): simple = [0x1B]
        case UInt8(ascii: " "), UInt8(ascii: "\""), UInt8(ascii: "/"), UInt8(ascii: "\\"): simple = [bytes[index]]
        case UInt8(ascii: "N"): simple = [0xC2, 0x85]
        case UInt8(ascii: "_"): simple = [0xC2, 0xA0]
        case UInt8(ascii: "L"): simple = [0xE2, 0x80, 0xA8]
        case UInt8(ascii: "P"): simple = [0xE2, 0x80, 0xA9]
        case UInt8(ascii: "x"): return hexEscape(bytes, at: index + 1, digits: 2, end: end, into: &output)
        case UInt8(ascii: "u"): return hexEscape(bytes, at: index + 1, digits: 4, end: end, into: &output)
        case UInt8(ascii: "U"): return hexEscape(bytes, at: index + 1, digits: 8, end: end, into: &output)
        default: return nil
        }
        output += simple
        return 1
    }

    /// `\xHH`, `\uHHHH`, `\UHHHHHHHH`: the code point as UTF-8. Surrogates and values past U+10FFFF
    /// are errors for libyaml; U+FEFF is left to the YAML path too (a leading one may be dropped
    /// when the scalar becomes a string).
    private static func hexEscape(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, digits: Int, end: Int,
                                  into output: inout [UInt8]) -> Int? {
        guard index + digits <= end else { return nil }
        var value: UInt32 = 0
        for offset in 0..<digits {
            let byte = bytes[index + offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        guard value != 0xFEFF, let scalar = Unicode.Scalar(value) else { return nil }
        UTF8.encode(scalar) { output.append($0) }
        return 1 + digits
    }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    package init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }
}
