import Foundation
import DossierModel

/// How much of the served site a rebuild changed: the terminal reports it, and a rebuild that
/// changes nothing (a save without edits) does not reload the browsers.
struct SiteDifference: Equatable, Sendable {
    /// HTML files added, removed or changed.
    var pages = 0
    /// Other files added, removed or changed (feeds, copied assets whose source changed).
    var files = 0

    var isEmpty: Bool { pages == 0 && files == 0 }

    /// - Parameter changedSources: absolute paths of the files that changed, to tell whether a
    ///   copied file (`.copy(from:)`, the same path before and after) has new bytes; nil when
    ///   unknown, which counts every copied file as changed.
    init(old: RenderedSite?, new: RenderedSite, changedSources: Set<String>?) {
        let oldFiles = old?.files ?? [:]
        for (path, content) in new.files {
            let changed: Bool
            switch (oldFiles[path], content) {
            case (nil, _):
                changed = true
            case (.text(let before)?, .text(let after)):
                changed = !Self.sameBytes(before, after)
            case (let before?, .text), (let before?, .utf8):
                changed = before != content
            case (.copy(let before)?, .copy(let after)):
                changed = before != after || changedSources?.contains(after) ?? true
            default:
                changed = true
            }
            if changed { count(path) }
        }
        for path in oldFiles.keys where new.files[path] == nil {
            count(path)
        }
    }

    init(pages: Int, files: Int) {
        self.pages = pages
        self.files = files
    }

    private mutating func count(_ path: String) {
        if ContentTypes.isHTML(path) { pages += 1 } else { files += 1 }
    }

    /// Byte comparison: `==` on strings compares canonical equivalence, much slower on the
    /// non-ASCII text of a French site.
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        let fast = a.utf8.withContiguousStorageIfAvailable { left in
            b.utf8.withContiguousStorageIfAvailable { right in
                left.isEmpty || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0
            }
        }
        return (fast ?? nil) ?? a.utf8.elementsEqual(b.utf8)
    }
}
