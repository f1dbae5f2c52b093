/// Every file of the built site, in memory, before anything is written.
public struct RenderedSite: Sendable {
    public enum Content: Sendable, Equatable {
        case text(String)
        /// A file copied as it is, by absolute path.
        case copy(from: String)
    }

    /// Output path (relative to the output folder) → content.
    public var files: [String: Content]
    public var pageCount: Int

    public init(files: [String: Content] = [:], pageCount: Int = 0) {
        self.files = files
        self.pageCount = pageCount
    }
}
