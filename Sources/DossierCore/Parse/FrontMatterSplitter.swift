/// Separates the YAML front matter from the Markdown body of a page.
///
/// A page starts with a line `---`; the front matter ends at the next line that is `---` or `...`.
/// Lines are found on the UTF-8 bytes (a `\r` before `\n` is part of the line end), without
/// splitting the whole text: only the front matter is looked at.
struct FrontMatterSplitter {
    struct Split: Equatable {
        var yaml: String
        /// Line of the file where the YAML starts (the line after the opening `---`).
        var yamlStartLine: Int
        var body: String
        var bodyStartLine: Int
    }

    enum Failure: Error, Equatable {
        case missing
        case unclosed
    }

    static func split(_ source: String) -> Result<Split, Failure> {
        let bytes = source.utf8
        var lineStart = bytes.startIndex
        var lineNumber = 1
        var yamlStart: String.Index?
        var yamlLines: [Substring] = []
        while lineStart < bytes.endIndex {
            let newline = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            let line = source[lineStart..<newline]
            let content = line.trimmingTrailingWhitespace
            let next = newline < bytes.endIndex ? bytes.index(after: newline) : newline
            if yamlStart == nil {
                guard content == "---" else { return .failure(.missing) }
                yamlStart = next
            } else if content == "---" || content == "..." {
                return .success(Split(
                    yaml: yamlLines.joined(separator: "\n"),
                    yamlStartLine: 2,
                    body: String(source[next...]),
                    bodyStartLine: lineNumber + 1
                ))
            } else {
                yamlLines.append(line.hasSuffix("\r") ? line.dropLast() : line)
            }
            lineStart = next
            lineNumber += 1
        }
        return .failure(yamlStart == nil ? .missing : .unclosed)
    }
}

extension Substring {
    var trimmingTrailingWhitespace: Substring {
        var result = self
        while let last = result.unicodeScalars.last, last == " " || last == "\t" || last == "\r" {
            result = result.dropLast()
        }
        return result
    }
}
