/// The tags of a Mustache template, found without parsing it: enough to list the partials and
/// parents it names and to measure how deep its sections nest, before swift-mustache (whose
/// parser and renderer recurse once per level) ever sees it.
///
/// Follows set-delimiter tags (`{{=<% %>=}}`) as swift-mustache does: new delimiters hold until
/// the end of the section they appear in.
enum TemplateTags {
    struct Tag: Equatable {
        /// The character after the opening delimiter when it gives the tag a meaning
        /// (`#`, `^`, `/`, `>`, `<`, `$`, `!`, `=`, `&`, `{`, `%`); nil for a variable.
        let sigil: Unicode.Scalar?
        /// What follows the sigil, trimmed.
        let name: String
        /// Where the opening delimiter starts (1-based, in Unicode scalars).
        let line: Int
        let column: Int

        /// Opens a level of nesting: section, inverted section, block, parent.
        var opens: Bool { sigil == "#" || sigil == "^" || sigil == "$" || sigil == "<" }
        var closes: Bool { sigil == "/" }
    }

    static let sigils: Set<Unicode.Scalar> = ["#", "^", "/", ">", "<", "$", "!", "=", "&", "{", "%"]

    static func scan(_ text: String) -> [Tag] {
        var scanner = Scanner(Array(text.unicodeScalars))
        return scanner.run()
    }

    /// The first tag that opens a level deeper than `limit`.
    static func firstTooDeep(_ tags: [Tag], limit: Int) -> Tag? {
        var depth = 0
        for tag in tags {
            if tag.opens {
                depth += 1
                if depth > limit { return tag }
            } else if tag.closes {
                depth = max(depth - 1, 0)
            }
        }
        return nil
    }

    private struct Scanner {
        let scalars: [Unicode.Scalar]
        var open: [Unicode.Scalar] = ["{", "{"]
        var close: [Unicode.Scalar] = ["}", "}"]
        /// The delimiters in force outside each open section.
        var saved: [([Unicode.Scalar], [Unicode.Scalar])] = []
        var index = 0
        var line = 1
        var column = 1

        init(_ scalars: [Unicode.Scalar]) {
            self.scalars = scalars
        }

        mutating func run() -> [Tag] {
            var tags: [Tag] = []
            while index < scalars.count {
                guard matches(open, at: index) else {
                    advance(to: index + 1)
                    continue
                }
                let start = index + open.count
                guard let end = find(close, from: start) else { break }
                let tag = Self.tag(scalars[start..<end], line: line, column: column)
                tags.append(tag)
                advance(to: end + close.count)
                follow(tag)
            }
            return tags
        }

        /// Updates the delimiters after `tag`.
        private mutating func follow(_ tag: Tag) {
            if tag.opens {
                saved.append((open, close))
            } else if tag.closes, let outer = saved.popLast() {
                (open, close) = outer
            } else if tag.sigil == "=" {
                let parts = tag.name.unicodeScalars.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
                if parts.count == 2 {
                    open = Array(parts[0])
                    close = Array(parts[1])
                }
            }
        }

        private static func tag(_ inside: ArraySlice<Unicode.Scalar>, line: Int, column: Int) -> Tag {
            let sigil = inside.first.flatMap { sigils.contains($0) ? $0 : nil }
            var body = sigil == nil ? inside : inside.dropFirst()
            if sigil == "=", body.last == "=" { body = body.dropLast() }
            let name = String(String.UnicodeScalarView(body)).trimmingWhitespace
            return Tag(sigil: sigil, name: name, line: line, column: column)
        }

        private func matches(_ delimiter: [Unicode.Scalar], at position: Int) -> Bool {
            guard !delimiter.isEmpty, position + delimiter.count <= scalars.count else { return false }
            for (offset, scalar) in delimiter.enumerated() where scalars[position + offset] != scalar { return false }
            return true
        }

        private func find(_ delimiter: [Unicode.Scalar], from start: Int) -> Int? {
            var position = start
            while position + delimiter.count <= scalars.count {
                if matches(delimiter, at: position) { return position }
                position += 1
            }
            return nil
        }

        private mutating func advance(to end: Int) {
            while index < end {
                if scalars[index] == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                index += 1
            }
        }
    }
}

private extension String {
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
