import Foundation

/// Separates the YAML front matter from the Markdown body of a page.
///
/// A page starts with a line `---`; the front matter ends at the next line that is `---` or `...`.
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
        // "\r\n" is one Character in Swift: normalize line ends so lines split everywhere.
        let text = source.contains("\r\n") ? source.replacingOccurrences(of: "\r\n", with: "\n") : source
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.first, first.trimmingTrailingWhitespace == "---" else {
            return .failure(.missing)
        }
        lines = lines.dropFirst()
        var yamlLines: [Substring] = []
        var lineNumber = 2
        while let line = lines.first {
            lines = lines.dropFirst()
            let trimmed = line.trimmingTrailingWhitespace
            if trimmed == "---" || trimmed == "..." {
                return .success(Split(
                    yaml: yamlLines.joined(separator: "\n"),
                    yamlStartLine: 2,
                    body: lines.joined(separator: "\n"),
                    bodyStartLine: lineNumber + 1
                ))
            }
            yamlLines.append(line)
            lineNumber += 1
        }
        return .failure(.unclosed)
    }
}

extension Substring {
    var trimmingTrailingWhitespace: Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" || last == "\r" {
            result = result.dropLast()
        }
        return result
    }
}
