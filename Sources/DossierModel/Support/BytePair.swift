/// Whether two ASCII bytes follow each other somewhere in some text (`[^` for a footnote, `[@`
/// for a reference): the question most pages answer no to, asked of their bytes, not a string.
package enum BytePair {
    package static func occurs(_ first: UInt8, _ second: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 2 else { return false }
        for index in 0..<(bytes.count - 1) where bytes[index] == first && bytes[index + 1] == second { return true }
        return false
    }
}
