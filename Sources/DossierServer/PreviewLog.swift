import Foundation

/// Where the server reports: the terminal in the tool, buffers in tests.
package struct PreviewLog: Sendable {
    /// Progress: "Serving …", "Rebuilt in 12 ms …".
    package var info: @Sendable (String) -> Void
    /// Diagnostics and failures, compiler-style.
    package var error: @Sendable (String) -> Void

    package init(info: @escaping @Sendable (String) -> Void, error: @escaping @Sendable (String) -> Void) {
        self.info = info
        self.error = error
    }

    package static let standard = PreviewLog(
        info: { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) },
        error: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
    )

    package static let silent = PreviewLog(info: { _ in }, error: { _ in })
}
