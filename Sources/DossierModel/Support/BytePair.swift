import Foundation

/// Whether two ASCII bytes follow each other somewhere in some text (`[^` for a footnote, `[@`
/// for a reference): the question most pages answer no to, asked of their bytes, not a string.
package enum BytePair {
    /// Jumps from one `first` to the next with `memchr` (as `MustacheEscape` does), looking at the
    /// byte after each.
    package static func occurs(_ first: UInt8, _ second: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, bytes.count >= 2 else { return false }
        var start = 0
        while start < bytes.count - 1 {
            guard let found = memchr(base + start, Int32(first), bytes.count - 1 - start) else { return false }
            let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if bytes[index + 1] == second { return true }
            start = index + 1
        }
        return false
    }
}
