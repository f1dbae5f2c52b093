/// XXH64 (seed 0), written from the xxHash specification
/// (https://github.com/Cyan4973/xxHash/blob/dev/doc/xxhash_spec.md): a 64-bit hash of a file's
/// bytes at several gigabytes a second, for the output record (`OutputRecord`) to tell whether
/// a page is the one already on disk without reading it back. Not a cryptographic hash: it
/// guards against accidents (an edited page), not against an adversary who writes into the
/// output folder, who could change it anyway.
enum XXHash64 {
    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let prime5: UInt64 = 0x27D4_EB2F_1656_67C5

    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        guard let base = bytes.baseAddress else { return avalanche(prime5) }
        let count = bytes.count
        var offset = 0
        var hash: UInt64
        if count >= 32 {
            var lane1 = prime1 &+ prime2, lane2 = prime2, lane3: UInt64 = 0, lane4 = 0 &- prime1
            while offset + 32 <= count {
                lane1 = round(lane1, base.loadUnaligned(fromByteOffset: offset, as: UInt64.self).littleEndian)
                lane2 = round(lane2, base.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self).littleEndian)
                lane3 = round(lane3, base.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self).littleEndian)
                lane4 = round(lane4, base.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self).littleEndian)
                offset += 32
            }
            hash = rotate(lane1, 1) &+ rotate(lane2, 7) &+ rotate(lane3, 12) &+ rotate(lane4, 18)
            hash = merge(hash, lane1)
            hash = merge(hash, lane2)
            hash = merge(hash, lane3)
            hash = merge(hash, lane4)
        } else {
            hash = prime5
        }
        return finish(hash, from: base + offset, count: count - offset, total: count)
    }

    static func hash(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { hash($0) }
    }

    /// The last 0–31 bytes, then the avalanche.
    private static func finish(_ start: UInt64, from base: UnsafeRawPointer, count: Int, total: Int) -> UInt64 {
        var hash = start &+ UInt64(total)
        var offset = 0
        while offset + 8 <= count {
            hash ^= round(0, base.loadUnaligned(fromByteOffset: offset, as: UInt64.self).littleEndian)
            hash = rotate(hash, 27) &* prime1 &+ prime4
            offset += 8
        }
        if offset + 4 <= count {
            hash ^= UInt64(base.loadUnaligned(fromByteOffset: offset, as: UInt32.self).littleEndian) &* prime1
            hash = rotate(hash, 23) &* prime2 &+ prime3
            offset += 4
        }
        while offset < count {
            hash ^= UInt64(base.load(fromByteOffset: offset, as: UInt8.self)) &* prime5
            hash = rotate(hash, 11) &* prime1
            offset += 1
        }
        return avalanche(hash)
    }

    private static func avalanche(_ start: UInt64) -> UInt64 {
        var hash = start
        hash ^= hash >> 33
        hash = hash &* prime2
        hash ^= hash >> 29
        hash = hash &* prime3
        hash ^= hash >> 32
        return hash
    }

    @inline(__always) private static func round(_ lane: UInt64, _ input: UInt64) -> UInt64 {
        rotate(lane &+ input &* prime2, 31) &* prime1
    }

    @inline(__always) private static func merge(_ hash: UInt64, _ lane: UInt64) -> UInt64 {
        (hash ^ round(0, lane)) &* prime1 &+ prime4
    }

    @inline(__always) private static func rotate(_ value: UInt64, _ bits: UInt64) -> UInt64 {
        (value << bits) | (value >> (64 - bits))
    }
}
