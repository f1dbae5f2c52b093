/// Path arithmetic on `/`-separated strings.
///
/// NSString's `deletingLastPathComponent` traps on some inputs in swift-corelibs-foundation
/// (seen with Swift 6.3.1 on Linux), so the writer and the output guard use these instead.
enum PathText {
    /// `/a/b/c` → `/a/b`; `/a` → `/`; `c` → ``.
    static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// `/a/b/c` → `c`.
    static func lastComponent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}
