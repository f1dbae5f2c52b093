/// Every file of the built site, in memory, before anything is written.
package struct RenderedSite: Sendable {
    package enum Content: Sendable, Equatable {
        case text(String)
        /// Text as UTF-8 bytes, written as they are (a page of a one-pass build).
        case utf8([UInt8])
        /// A file copied as it is, by absolute path.
        case copy(from: String)

        /// Text and UTF-8 bytes are equal when they are the same bytes.
        package static func == (lhs: Content, rhs: Content) -> Bool {
            switch (lhs, rhs) {
            case (.text(let a), .text(let b)): return a == b
            case (.utf8(let a), .utf8(let b)): return a == b
            case (.text(let a), .utf8(let b)), (.utf8(let b), .text(let a)): return a.utf8.elementsEqual(b)
            case (.copy(let a), .copy(let b)): return a == b
            default: return false
            }
        }

        /// The text, for content that is text (nil for a copied file).
        package var text: String? {
            switch self {
            case .text(let text): return text
            case .utf8(let bytes): return String(decoding: bytes, as: UTF8.self)
            case .copy: return nil
            }
        }
    }

    /// Output path (relative to the output folder) → content.
    package var files: [String: Content]
    package var pageCount: Int

    package init(files: [String: Content] = [:], pageCount: Int = 0) {
        self.files = files
        self.pageCount = pageCount
    }
}
