/// A page's Markdown body: UTF-8 known to be well-formed, held as bytes (a slice of the file's
/// own bytes when the page was split on them), so that it goes to cmark without being made into
/// a `String`, which would check and copy it again.
package struct MarkdownText: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    package let utf8: ArraySlice<UInt8>

    package init(_ string: String) {
        utf8 = ArraySlice(string.utf8)
    }

    package init(stringLiteral value: String) {
        self.init(value)
    }

    /// Bytes the caller has checked are UTF-8 (`UTF8Check`).
    package init(checked utf8: ArraySlice<UInt8>) {
        self.utf8 = utf8
    }

    package var string: String { String(decoding: utf8, as: UTF8.self) }
    package var description: String { string }
    package var isEmpty: Bool { utf8.isEmpty }
}
