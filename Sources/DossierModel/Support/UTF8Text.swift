/// Decodes file bytes as UTF-8, locating the first invalid byte instead of replacing it silently.
package enum UTF8Text {
    /// The text, or the 1-based line and column (in characters) of the first invalid sequence.
    package static func decode(_ bytes: [UInt8]) -> Result<String, InvalidUTF8> {
        let body = withoutByteOrderMark(bytes)
        // Fast path: valid text (the usual case) is decoded in one pass by the standard library.
        if let text = String(validating: body, as: UTF8.self) { return .success(text) }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = body.makeIterator()
        var offset = body.startIndex
        var line = 1
        var column = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                offset += encoded.count
                if encoded.count == 1 && encoded.first == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .error:
                return .failure(InvalidUTF8(line: line, column: column))
            case .emptyInput:
                return .success(String(decoding: body, as: UTF8.self))
            }
        }
    }

    /// The bytes after a leading UTF-8 byte order mark, which is not part of the text.
    package static func withoutByteOrderMark(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
    }

    /// The file's text, or nil after reporting where its first invalid byte is.
    package static func decode(_ file: SourceFile, diagnostics: inout Diagnostics) -> String? {
        switch decode(file.bytes) {
        case .success(let text):
            return text
        case .failure(let invalid):
            diagnostics.error("file is not valid UTF-8 (save it as UTF-8)", file: file.path, line: invalid.line, column: invalid.column)
            return nil
        }
    }

    package struct InvalidUTF8: Error, Equatable {
        let line: Int
        let column: Int
    }
}
