/// A 64-bit hash of bytes that is the same in every process and on every run (Swift's `Hasher`
/// is seeded per process): the page cache's keys and its record of each output file
/// (`PageCache`). It tells changed bytes from unchanged ones; it is not meant to resist someone
/// who crafts a collision.
///
/// The mixing is xxHash64's (one lane, eight bytes at a time, then its final avalanche), written
/// here from its published constants.
package struct ContentHash: Sendable, Equatable {
    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let prime5: UInt64 = 0x27D4_EB2F_1656_67C5

    private var state: UInt64

    package init(seed: UInt64 = 0) {
        state = seed &+ Self.prime5
    }

    /// The hash of what was combined so far.
    package var value: UInt64 { Self.avalanche(state) }

    /// Adds `bytes` and their count, so that `"ab", "c"` and `"a", "bc"` differ.
    package mutating func combine(_ bytes: UnsafeRawBufferPointer) {
        var hash = state ^ (UInt64(bytes.count) &* Self.prime5)
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            hash = Self.rotate(hash ^ Self.round(word), 27) &* Self.prime1 &+ Self.prime4
            offset += 8
        }
        while offset < bytes.count {
            hash = Self.rotate(hash ^ (UInt64(bytes[offset]) &* Self.prime5), 11) &* Self.prime1
            offset += 1
        }
        state = Self.avalanche(hash)
    }

    package mutating func combine(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { combine($0) }
    }

    package mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine(UnsafeRawBufferPointer($0)) }
    }

    package mutating func combine(_ number: UInt64) {
        withUnsafeBytes(of: number.littleEndian) { combine($0) }
    }

    package mutating func combine(_ number: Int) {
        combine(UInt64(bitPattern: Int64(number)))
    }

    /// The hash of one run of bytes.
    package static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash = ContentHash()
        hash.combine(bytes)
        return hash.value
    }

    private static func round(_ word: UInt64) -> UInt64 {
        rotate(UInt64(littleEndian: word) &* prime2, 31) &* prime1
    }

    private static func rotate(_ value: UInt64, _ bits: UInt64) -> UInt64 {
        (value << bits) | (value >> (64 - bits))
    }

    private static func avalanche(_ value: UInt64) -> UInt64 {
        var hash = value
        hash ^= hash >> 33
        hash &*= prime2
        hash ^= hash >> 29
        hash &*= prime3
        hash ^= hash >> 32
        return hash
    }
}
