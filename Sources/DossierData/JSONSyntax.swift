/// A strict RFC 8259 check of a JSON text, run before `JSONSerialization` reads it: Foundation's
/// reader on Linux accepts trailing commas (`[1,]`, `{"a": 1,}`) and keeps the last of duplicate
/// keys, and it reports its errors without a position. This one stops at the first mistake and
/// says where it is (line, and column counted in characters), so a dataset file gets the same kind
/// of diagnostic as a CSV file.
///
/// Besides the grammar it refuses a key written twice in one object (as a CSV header may not name
/// a column twice) and nesting deeper than `maximumDepth`. It walks the bytes once, without
/// recursion, so no input can exhaust the stack.
struct JSONSyntax {
    struct Failure: Error, Equatable {
        var message: String
        var line: Int
        var column: Int
    }

    /// Datasets are flat (an array of objects of single values); deeper nesting is refused here
    /// rather than left to a reader with a stack.
    static let maximumDepth = 512

    /// The first mistake in `text`, or nil when it is one well-formed JSON value.
    static func firstError(in text: String) -> Failure? {
        var text = text
        return text.withUTF8 { bytes -> Failure? in
            var checker = JSONSyntax(bytes: bytes)
            do throws(Failure) {
                try checker.check()
                return nil
            } catch {
                return error
            }
        }
    }

    /// An object or array being read, with the keys an object has so far and where each was.
    private struct Frame {
        var isObject: Bool
        var keys: [String: (line: Int, column: Int)] = [:]
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var line = 1
    /// Index of the first byte of the current line.
    private var lineStart = 0

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        // A byte order mark is not JSON, but editors write one: it is skipped, as the CSV reader does.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3; lineStart = 3 }
    }

    // MARK: The value grammar, as a loop over a stack of open containers

    private mutating func check() throws(Failure) {
        var stack: [Frame] = []
        var expectingValue = true
        while true {
            skipWhitespace()
            if expectingValue {
                expectingValue = try readValue(&stack)
                continue
            }
            guard let frame = stack.last else {
                if index < bytes.count { throw failure("unexpected \(found) after the end of the JSON value") }
                return
            }
            let close = frame.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
            guard let byte = peek() else {
                throw failure("the text ends before the \(frame.isObject ? "object" : "array") is closed with `\(Character(Unicode.Scalar(close)))`")
            }
            if byte == close {
                index += 1
                stack.removeLast()
            } else if byte == UInt8(ascii: ",") {
                try readComma(&stack, close: close)
                expectingValue = true
            } else {
                throw failure("expected `,` or `\(Character(Unicode.Scalar(close)))`, found \(found)")
            }
        }
    }

    /// A value: a scalar, or the opening of a container (then its first key, or its end when empty).
    /// Returns whether a value comes next (in a container just opened and not empty).
    private mutating func readValue(_ stack: inout [Frame]) throws(Failure) -> Bool {
        guard let byte = peek() else { throw failure("the text ends where a value was expected") }
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            guard stack.count < Self.maximumDepth else { throw failure("arrays and objects are nested more than \(Self.maximumDepth) deep") }
            let isObject = byte == UInt8(ascii: "{")
            index += 1
            stack.append(Frame(isObject: isObject))
            skipWhitespace()
            if peek() == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                index += 1
                stack.removeLast()
                return false
            }
            if isObject { try readKey(&stack) }
            return true
        case UInt8(ascii: "\""): _ = try readString(decoding: false)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try readNumber()
        case UInt8(ascii: "t"): try readLiteral("true")
        case UInt8(ascii: "f"): try readLiteral("false")
        case UInt8(ascii: "n"): try readLiteral("null")
        default: throw failure("expected a value (a string, number, object, array, true, false or null), found \(found)")
        }
        return false
    }

    /// After `,`: the next key in an object, or the next value in an array; never the end (a trailing comma).
    private mutating func readComma(_ stack: inout [Frame], close: UInt8) throws(Failure) {
        let comma = failure("")
        index += 1
        skipWhitespace()
        if peek() == close {
            throw Failure(message: "trailing comma before `\(Character(Unicode.Scalar(close)))`: JSON allows none",
                          line: comma.line, column: comma.column)
        }
        if stack.last?.isObject == true {
            try readKey(&stack)
        }
    }

    /// `"key" :`, refusing a key the object already has.
    private mutating func readKey(_ stack: inout [Frame]) throws(Failure) {
        guard peek() == UInt8(ascii: "\"") else { throw failure("expected a key in double quotes, found \(found)") }
        let start = failure("")
        let key = try readString(decoding: true)
        if let first = stack[stack.count - 1].keys[key] {
            throw Failure(message: "key \"\(key)\" appears twice in the same object (first at line \(first.line), column \(first.column))",
                          line: start.line, column: start.column)
        }
        stack[stack.count - 1].keys[key] = (start.line, start.column)
        skipWhitespace()
        guard peek() == UInt8(ascii: ":") else { throw failure("expected `:` after the key \"\(key)\", found \(found)") }
        index += 1
    }

    // MARK: Scalars

    /// A string from its opening quote; its decoded text when `decoding` (keys), else "".
    private mutating func readString(decoding: Bool) throws(Failure) -> String {
        index += 1
        var scalars = String.UnicodeScalarView()
        var runStart = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                if decoding { scalars.append(contentsOf: String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<index]), as: UTF8.self).unicodeScalars) }
                index += 1
                return String(scalars)
            }
            if byte < 0x20 {
                throw failure("control character U+\(hex(UInt32(byte))) in a string: write it as an escape such as \\n or \\u00\(hex(UInt32(byte)).suffix(2))")
            }
            if byte == UInt8(ascii: "\\") {
                if decoding { scalars.append(contentsOf: String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<index]), as: UTF8.self).unicodeScalars) }
                let scalar = try readEscape()
                if decoding { scalars.append(scalar) }
                runStart = index
                continue
            }
            index += 1
        }
        throw failure("the text ends inside a string: a closing `\"` is missing")
    }

    /// An escape from its backslash: `\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t` or `\uXXXX`
    /// (a surrogate pair is joined; a lone surrogate reads as U+FFFD).
    private mutating func readEscape() throws(Failure) -> Unicode.Scalar {
        let start = failure("")
        index += 1
        guard let byte = peek() else { throw failure("the text ends inside a string: a closing `\"` is missing") }
        index += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let unit = try readHex4(escapeAt: start)
            if (0xD800...0xDBFF).contains(unit), peek() == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") {
                let low = failure("")
                index += 2
                let second = try readHex4(escapeAt: low)
                if (0xDC00...0xDFFF).contains(second) {
                    return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (second - 0xDC00)) ?? "\u{FFFD}"
                }
                return "\u{FFFD}"
            }
            return Unicode.Scalar(unit) ?? "\u{FFFD}"
        default:
            throw Failure(message: "unknown escape `\\\(Character(Unicode.Scalar(byte)))` in a string (use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX)",
                          line: start.line, column: start.column)
        }
    }

    /// The four hex digits of a `\u` escape.
    private mutating func readHex4(escapeAt start: Failure) throws(Failure) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = peek(), let digit = Self.hexDigit(byte) else {
                throw Failure(message: "`\\u` must be followed by four hexadecimal digits", line: start.line, column: start.column)
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    private mutating func readNumber() throws(Failure) {
        let start = failure("")
        let malformed = { (why: String) in Failure(message: "malformed number: \(why)", line: start.line, column: start.column) }
        if peek() == UInt8(ascii: "-") { index += 1 }
        guard let first = peek(), Self.isDigit(first) else { throw malformed("a digit must follow `-`") }
        index += 1
        if first == UInt8(ascii: "0"), let next = peek(), Self.isDigit(next) { throw malformed("no leading zero is allowed") }
        skipDigits()
        if peek() == UInt8(ascii: ".") {
            index += 1
            guard let next = peek(), Self.isDigit(next) else { throw malformed("a digit must follow the decimal point") }
            skipDigits()
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            index += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            guard let next = peek(), Self.isDigit(next) else { throw malformed("a digit must follow the exponent's `e`") }
            skipDigits()
        }
    }

    private mutating func readLiteral(_ word: StaticString) throws(Failure) {
        let start = failure("")
        let length = word.utf8CodeUnitCount
        let matches = index + length <= bytes.count && (0..<length).allSatisfy { bytes[index + $0] == word.utf8Start[$0] }
        guard matches else { throw Failure(message: "expected a value, found \(found)", line: start.line, column: start.column) }
        index += length
    }

    // MARK: Bytes and positions

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipDigits() {
        while let byte = peek(), Self.isDigit(byte) { index += 1 }
    }

    /// Space, tab, line feed and carriage return: the only whitespace JSON has.
    private mutating func skipWhitespace() {
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): index += 1
            case UInt8(ascii: "\n"):
                index += 1
                line += 1
                lineStart = index
            default: return
            }
        }
    }

    /// A failure at the current position; its column counts characters (UTF-8 lead bytes).
    private func failure(_ message: String) -> Failure {
        var column = 1
        for byte in bytes[lineStart..<min(index, bytes.count)] where byte & 0xC0 != 0x80 { column += 1 }
        return Failure(message: message, line: line, column: column)
    }

    /// The character at the current position, for messages: `` `]` ``, or U+0001 for an invisible one.
    private var found: String {
        guard index < bytes.count else { return "the end of the text" }
        let byte = bytes[index]
        if byte >= 0x21 && byte < 0x7F { return "`\(Character(Unicode.Scalar(byte)))`" }
        if byte < 0x80 { return "U+\(hex(UInt32(byte)))" }
        let end = bytes[(index + 1)...].firstIndex { $0 & 0xC0 != 0x80 } ?? bytes.count
        let character = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
        return character.unicodeScalars.first.map { "U+\(hex($0.value))" } ?? "a byte"
    }

    private func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }
}
