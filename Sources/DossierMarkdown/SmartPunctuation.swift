/// Typographic punctuation for text that is not Markdown: the titles and summaries of front
/// matter. Markdown text gets it from cmark's smart option; this does the same on plain text:
/// `--` and `---` become dashes, `...` an ellipsis, straight quotes and apostrophes curly ones.
/// French text then gets its own rules (`Typography`): « » and narrow no-break spaces.
package enum SmartPunctuation {
    /// `text` with typographic punctuation in `language` (a primary language subtag).
    package static func correct(_ text: String, language: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "'") || $0 == UInt8(ascii: "\"") })
            || language == "fr"
        else { return text }
        var typography = Typography(language: language)
        // French rules turn the straight quotes into « » and ’ themselves.
        let smart = apply(text, quotes: !typography.isActive)
        return typography.isActive ? typography.correct(smart) : smart
    }

    /// Dashes and ellipses, and curly quotes when `quotes` is true (cmark's rules).
    static func apply(_ text: String, quotes: Bool) -> String {
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "-":
                var end = index
                while end < scalars.count, scalars[end] == "-" { end += 1 }
                output.append(contentsOf: dashes(count: end - index))
                index = end
                continue
            case "." where index + 2 < scalars.count && scalars[index + 1] == "." && scalars[index + 2] == ".":
                output.append("\u{2026}")
                index += 3
                continue
            case "\"" where quotes:
                output.append(opens(after: index > 0 ? scalars[index - 1] : nil) ? "\u{201C}" : "\u{201D}")
            case "'" where quotes:
                let next = index + 1 < scalars.count ? scalars[index + 1] : nil
                let opening = opens(after: index > 0 ? scalars[index - 1] : nil) && next.map { !$0.properties.isWhitespace } == true
                output.append(opening ? "\u{2018}" : "\u{2019}")
            default:
                output.append(scalar)
            }
            index += 1
        }
        return String(output)
    }

    /// A run of `count` hyphens, as cmark writes it: one stays a hyphen; otherwise em dashes
    /// when the count divides by 3, en dashes when by 2, else em dashes then one or two en dashes.
    static func dashes(count: Int) -> [Unicode.Scalar] {
        guard count > 1 else { return Array(repeating: "-", count: count) }
        let (em, en): (Int, Int)
        if count % 3 == 0 {
            (em, en) = (count / 3, 0)
        } else if count % 2 == 0 {
            (em, en) = (0, count / 2)
        } else if count % 3 == 2 {
            (em, en) = ((count - 2) / 3, 1)
        } else {
            (em, en) = ((count - 4) / 3, 2)
        }
        return Array(repeating: "\u{2014}", count: em) + Array(repeating: "\u{2013}", count: en)
    }

    /// Whether a quote after `previous` opens: at the start, after a space, a bracket or a dash.
    private static func opens(after previous: Unicode.Scalar?) -> Bool {
        guard let previous else { return true }
        return previous.properties.isWhitespace || "([{\u{2014}\u{2013}\u{201C}\u{2018}".unicodeScalars.contains(previous)
    }
}
