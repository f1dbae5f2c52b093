import Foundation
/// What a set of templates does with the values of its context, found by scanning the tags of
/// the template sources: the facts `TemplateStamp` needs to know that a template's output
/// depends on a string or number only by copying it (escaped or not) into the output.
///
/// The only value-dependent construct of swift-mustache is a transform, `fn(name)`: a string,
/// a number or a sorted list goes through `fn`, so those values must stay literal. Anything the
/// scan cannot read with certainty (changed delimiters, dynamic partials, a transform of `.`,
/// the stamp markers in a template's text) turns stamping off for the whole set.
struct TemplateUsage: Sendable, Equatable {
    /// A transformed name, as the dotted path written in the tag, and the transforms applied.
    struct Transformed: Sendable, Equatable {
        var path: [String]
        var transforms: Set<String>
    }

    var transformed: [Transformed]
    /// Whether a tag reads an element's position in its list (`first()`, `index()`…): then a
    /// list's elements do not all render alike, and no list stamp is made (`ListStamp`).
    var positional = false
    /// The first component of every name the tags read (`page` for `page.title`): a key that is
    /// none of these can be read only as part of a value printed whole.
    var firstKeys: Set<String> = []

    /// Transforms whose result on a list or a mapping depends only on its shape (its length,
    /// its keys), which is part of a stamp's key.
    static let shapeOnlyTransforms: Set<String> = ["first", "last", "count", "empty", "reversed", "enumerated"]

    /// Nil when stamping cannot be proven safe for these templates.
    static func scan(_ sources: [String]) -> TemplateUsage? {
        var byPath: [[String]: Set<String>] = [:]
        var positional = false
        var firstKeys: Set<String> = []
        for source in sources {
            if source.utf8.contains(0xEE), source.unicodeScalars.contains(where: { StampMarker.isMarker($0) }) { return nil }
            guard let tags = tags(in: source) else { return nil }
            for tag in tags {
                guard let (path, transforms) = transformedName(tag) else { return nil }
                if let first = path.first { firstKeys.insert(first) }
                guard !transforms.isEmpty else { continue }
                // `first()` and friends on the sequence context depend only on the position.
                if path.isEmpty {
                    positional = true
                    continue
                }
                if path == ["."] { return nil }
                byPath[path, default: []].formUnion(transforms)
            }
        }
        let transformed = byPath.map { Transformed(path: $0.key, transforms: $0.value) }
            .sorted { $0.path.joined(separator: ".") < $1.path.joined(separator: ".") }
        return TemplateUsage(transformed: transformed, positional: positional, firstKeys: firstKeys)
    }

    /// The inside of every `{{…}}` and `{{{…}}}` tag except comments; nil when the delimiters
    /// change (`{{=<% %>=}}`) or a tag is not closed. Read on the UTF-8 bytes: every delimiter
    /// is ASCII, so a tag's inside is whole characters.
    static func tags(in source: String) -> [Substring]? {
        var tags: [Substring] = []
        let utf8 = source.utf8
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        var index = utf8.startIndex
        while let brace = utf8[index...].firstIndex(of: open) {
            let next = utf8.index(after: brace)
            guard next < utf8.endIndex else { break }
            guard utf8[next] == open else {
                index = next
                continue
            }
            var start = utf8.index(after: next)
            let triple = start < utf8.endIndex && utf8[start] == open
            if triple { start = utf8.index(after: start) }
            // The first run of two (or three) closing braces ends the tag.
            var end = start
            var found = false
            while let candidate = utf8[end...].firstIndex(of: close) {
                var run = candidate
                var count = 0
                while run < utf8.endIndex, utf8[run] == close, count < (triple ? 3 : 2) {
                    run = utf8.index(after: run)
                    count += 1
                }
                if count == (triple ? 3 : 2) {
                    end = candidate
                    index = run
                    found = true
                    break
                }
                end = run
            }
            guard found else { return nil }
            let tag = source[start..<end]
            switch tag.utf8.first {
            case UInt8(ascii: "!"): continue
            case UInt8(ascii: "="): return nil
            default: tags.append(tag)
            }
        }
        return tags
    }

    /// `#first(page.toc)` → (["page", "toc"], ["first"]); `page.title` → (["page", "title"], []).
    /// Nil for a dynamic partial (`>*name`), whose template depends on a value.
    static func transformedName(_ tag: Substring) -> (path: [String], transforms: Set<String>)? {
        var text = tag.drop { $0 == " " || $0 == "\t" }
        if let sigil = text.first, "#^/&>$<%".contains(sigil) {
            text = text.dropFirst().drop { $0 == " " || $0 == "\t" }
            if sigil == ">", text.first == "*" { return nil }
            if sigil == ">" || sigil == "<" || sigil == "$" || sigil == "%" { return ([], []) }
        }
        let name = text.trimmingCharacters(in: .whitespaces)
        var transforms = Set<String>()
        var inner = Substring(name)
        while let open = inner.firstIndex(of: "(") {
            transforms.insert(String(inner[..<open]).trimmingCharacters(in: .whitespaces))
            inner = inner[inner.index(after: open)...]
        }
        let argument = inner.filter { $0 != ")" }.trimmingCharacters(in: .whitespaces)
        if argument.isEmpty { return ([], transforms) }
        if argument == "." { return (["."], transforms) }
        return (argument.split(separator: ".").map(String.init), transforms)
    }
}
