import Foundation

/// A file compiled into the binary (`tools/embed.py`): the built-in theme, the `init` skeleton.
package struct EmbeddedFile: Sendable, Equatable {
    /// Path relative to the embedded folder, with `/` separators.
    package let path: String
    package let bytes: [UInt8]

    package init(path: String, text: String) {
        self.path = path
        self.bytes = Array(text.utf8)
    }

    /// For files that are not plain UTF-8 text with `\n` line ends.
    package init(path: String, base64: String) {
        self.path = path
        self.bytes = Data(base64Encoded: base64).map { Array($0) } ?? []
    }

    package init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}
