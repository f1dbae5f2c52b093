import DossierModel
import DossierData

/// Separates the YAML front matter from the Markdown body of a page.
///
/// A page starts with a line `---`; the front matter ends at the next line that is `---` or `...`.
/// Lines are found on the UTF-8 bytes (a `\r` before `\n` is part of the line end), without
/// splitting the whole text: only the front matter is looked at.
package struct FrontMatterSplitter {
    package struct Split: Equatable {
        package var yaml: String
        /// Line of the file where the YAML starts (the line after the opening `---`).
        var yamlStartLine: Int
        var body: MarkdownText
        var bodyStartLine: Int
    }

    package enum Failure: Error, Equatable {
        case missing
        case unclosed
    }

    package static func split(_ source: String) -> Result<Split, Failure> {
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
                    body: MarkdownText(String(source[next...])),
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

    /// Splits a file's bytes (after any byte order mark) without decoding the whole file first:
    /// only the YAML and the body are decoded. Nil when the bytes path is not sure to give what
    /// `split(_:)` gives on the decoded text: when the front matter is missing or unclosed, when a
    /// part is not valid UTF-8 (the caller then decodes the whole file, which reports it), or when a
    /// line starting with `---` or `...` has a non-ASCII byte (`split(_:)` trims whole grapheme
    /// clusters, and a prepended mark can cling to a trailing space). When both parts are valid
    /// UTF-8, so is the whole file: what lies between them is ASCII.
    package static func split(utf8 bytes: ArraySlice<UInt8>) -> Split? {
        bytes.withUnsafeBufferPointer { buffer -> Split? in
            guard let layout = ByteLayout(buffer), let yaml = layout.yaml(of: buffer) else { return nil }
            // The body stays the file's bytes, checked once.
            guard UTF8Check.isValid(UnsafeBufferPointer(rebasing: buffer[layout.bodyStart...])) else { return nil }
            let body = MarkdownText(checked: bytes[(bytes.startIndex + layout.bodyStart)...])
            return Split(yaml: yaml, yamlStartLine: 2, body: body, bodyStartLine: layout.bodyStartLine)
        }
    }
}

/// Where the parts of a page are, found on its bytes.
private struct ByteLayout {
    /// From the start of the first YAML line to the end of the last one (before its `\n`).
    var yaml: Range<Int>
    /// Whether a YAML line ends with `\r`, which the YAML leaves out.
    var carriageReturns = false
    var bodyStart: Int
    var bodyStartLine: Int

    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        var lineStart = 0
        var lineNumber = 1
        var yamlStart: Int?
        var yamlEnd = 0
        while lineStart < bytes.count {
            let newline = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            let next = newline < bytes.count ? newline + 1 : newline
            let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<newline])
            if line.starts(with: "---".utf8) || line.starts(with: "...".utf8) {
                guard line.allSatisfy({ $0 < 0x80 }) else { return nil }
            }
            // The line without its trailing spaces, tabs and carriage returns.
            var content = line[...]
            while let last = content.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") || last == UInt8(ascii: "\r") {
                content = content.dropLast()
            }
            if let yamlStart {
                if content.elementsEqual("---".utf8) || content.elementsEqual("...".utf8) {
                    yaml = yamlStart..<max(yamlStart, yamlEnd)
                    bodyStart = next
                    bodyStartLine = lineNumber + 1
                    return
                }
                yamlEnd = newline
                if line.last == UInt8(ascii: "\r") { carriageReturns = true }
            } else {
                guard content.elementsEqual("---".utf8) else { return nil }
                yamlStart = next
            }
            lineStart = next
            lineNumber += 1
        }
        return nil
    }

    /// The YAML, decoded; nil when it is not valid UTF-8.
    func yaml(of bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let yamlText: String?
        if carriageReturns {
            // The lines joined with `\n`, each without the one `\r` that ends it.
            var joined: [UInt8] = []
            joined.reserveCapacity(yaml.count)
            var lineStart = yaml.lowerBound
            while lineStart <= yaml.upperBound {
                let newline = bytes[lineStart..<yaml.upperBound].firstIndex(of: UInt8(ascii: "\n")) ?? yaml.upperBound
                if lineStart > yaml.lowerBound { joined.append(UInt8(ascii: "\n")) }
                let end = newline > lineStart && bytes[newline - 1] == UInt8(ascii: "\r") ? newline - 1 : newline
                joined.append(contentsOf: bytes[lineStart..<end])
                lineStart = newline + 1
            }
            yamlText = String(validating: joined, as: UTF8.self)
        } else {
            yamlText = String(validating: UnsafeBufferPointer(rebasing: bytes[yaml]), as: UTF8.self)
        }
        return yamlText
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
