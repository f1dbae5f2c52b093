import Foundation

/// Where the server reports: the terminal in the tool, buffers in tests.
public struct PreviewLog: Sendable {
    /// Progress: "Serving …", "Rebuilt in 12 ms …".
    public var info: @Sendable (String) -> Void
    /// Diagnostics and failures, compiler-style.
    public var error: @Sendable (String) -> Void

    public init(info: @escaping @Sendable (String) -> Void, error: @escaping @Sendable (String) -> Void) {
        self.info = info
        self.error = error
    }

    public static let standard = PreviewLog(
        info: { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) },
        error: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
    )

    public static let silent = PreviewLog(info: { _ in }, error: { _ in })
}
