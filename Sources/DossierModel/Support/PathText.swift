/// Path arithmetic on `/`-separated strings.
///
/// NSString's `deletingLastPathComponent` traps on some inputs in swift-corelibs-foundation
/// (seen with Swift 6.3.1 on Linux), so the writer and the output guard use these instead.
package enum PathText {
    /// `/a/b/c` → `/a/b`; `/a` → `/`; `c` → ``. The separator is the byte `/`, as for the
    /// system (a `/` followed by a combining mark is still one), found without grapheme breaking.
    package static func parent(_ path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// `/a/b/c` → `c`.
    package static func lastComponent(_ path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(path[path.utf8.index(after: slash)...])
    }
}
