import CCmark
import Foundation

/// The memory cmark's trees live in: an arena per thread, emptied when the outermost
/// `Cmark.withDocument` on that thread returns.
///
/// cmark allocates every node, every line of every block and every growing buffer one by one,
/// and frees them one by one: on the 10,000-brief benchmark that was about 1.7 million `calloc`,
/// 1.9 million `realloc` and 2.9 million `free` calls, a tenth of the build's instructions
/// (docs/PERFORMANCE.md, change 35). From an arena, an allocation is an addition, growing the
/// last allocation is done in place, and a free costs next to nothing (only the last block is
/// taken back): the arena is emptied at once when the tree is done with.
///
/// cmark's allocator interface (`cmark_mem`) is three plain C functions with no context, so they
/// find their arena through a thread-local slot (`pthread_getspecific`). That slot, made once
/// per process, is the only thread-local state of the program. Each arena belongs to its thread:
/// a tree is parsed, changed, rendered and freed on the thread that runs `withDocument`, which
/// its closure never leaves.
///
/// Every block handed out starts after a 16-byte header (its size, and whether it came from
/// `malloc` instead): outside a `withDocument` scope the functions fall back to `malloc`, so
/// that nothing cmark might allocate there is ever released by a reset.
enum CmarkArena {
    /// The allocator to give cmark (`cmark_parser_new_with_mem`, `cmark_node_new_with_mem`).
    nonisolated(unsafe) static let allocator: UnsafeMutablePointer<cmark_mem> = {
        let allocator = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        allocator.initialize(to: cmark_mem(calloc: arenaCalloc, realloc: arenaRealloc, free: arenaFree))
        return allocator
    }()

    /// Runs `body` with the calling thread's arena open. When the outermost scope on the thread
    /// returns, everything allocated in the arena is released: no pointer into it may outlive it.
    static func withScope<Result>(_ body: () throws -> Result) rethrows -> Result {
        let state = ArenaState.current()
        state.pointee.depth += 1
        defer {
            state.pointee.depth -= 1
            if state.pointee.depth == 0 { state.pointee.reset() }
        }
        return try body()
    }

    /// The largest arena kept between documents; a larger one is given back at its reset.
    static let keptCapacity = 8 << 20
    /// The size of a new arena's first chunk.
    static let chunkCapacity = 256 << 10
}

/// The header before every block: its size, and whether it came from `malloc`.
private let headerSize = 16
private let fromMalloc = 1

private func roundedUp(_ size: Int) -> Int { (size + 15) & ~15 }

/// One thread's arena: a chunk it allocates from, and the chunks it filled before (a list linked
/// through their first word). Manual memory throughout: it is reached from C callbacks.
struct ArenaState {
    /// The chunk allocated from; its first 16 bytes link the chunks filled before it.
    var chunk: UnsafeMutableRawPointer?
    var used = 0
    var capacity = 0
    /// The block handed out last, which can grow, or be taken back, in place.
    var last: UnsafeMutableRawPointer?
    /// The sum of the capacities of all chunks since the last reset.
    var total = 0
    var depth = 0

    static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { state in
            guard let state else { return }
            let arena = state.assumingMemoryBound(to: ArenaState.self)
            arena.pointee.releaseChunks()
            arena.deinitialize(count: 1)
            arena.deallocate()
        }
        return key
    }()

    /// The calling thread's arena, made at its first use.
    static func current() -> UnsafeMutablePointer<ArenaState> {
        if let state = pthread_getspecific(key) { return state.assumingMemoryBound(to: ArenaState.self) }
        let state = UnsafeMutablePointer<ArenaState>.allocate(capacity: 1)
        state.initialize(to: ArenaState())
        pthread_setspecific(key, state)
        return state
    }

    /// The calling thread's arena when it is open (inside `CmarkArena.withScope`).
    static func open() -> UnsafeMutablePointer<ArenaState>? {
        guard let state = pthread_getspecific(key)?.assumingMemoryBound(to: ArenaState.self), state.pointee.depth > 0 else { return nil }
        return state
    }

    /// A block of `size` bytes, not zeroed; nil when memory runs out.
    mutating func allocate(_ size: Int) -> UnsafeMutableRawPointer? {
        let needed = headerSize + roundedUp(size)
        if chunk == nil || used + needed > capacity {
            guard addChunk(atLeast: needed) else { return nil }
        }
        guard let chunk else { return nil }
        let header = chunk + used
        header.storeBytes(of: size, as: Int.self)
        header.storeBytes(of: 0, toByteOffset: 8, as: Int.self)
        used += needed
        last = header + headerSize
        return last
    }

    /// Grows or shrinks the block handed out last, in place, if its chunk has room.
    mutating func resizeLast(_ block: UnsafeMutableRawPointer, to size: Int) -> Bool {
        guard block == last, let chunk else { return false }
        let end = block - chunk + roundedUp(size)
        guard end <= capacity else { return false }
        used = end
        (block - headerSize).storeBytes(of: size, as: Int.self)
        return true
    }

    /// Takes back the block handed out last; any other block stays until the reset.
    mutating func free(_ block: UnsafeMutableRawPointer) {
        guard block == last, let chunk else { return }
        used = block - headerSize - chunk
        last = nil
    }

    private mutating func addChunk(atLeast needed: Int) -> Bool {
        let size = max(CmarkArena.chunkCapacity, needed + headerSize)
        guard let fresh = malloc(size) else { return false }
        fresh.storeBytes(of: chunk, as: UnsafeMutableRawPointer?.self)
        chunk = fresh
        used = headerSize
        capacity = size
        total += size
        last = nil
        return true
    }

    /// Empties the arena. When the document needed more than one chunk, the next gets one chunk
    /// about as large as all of them together (up to `keptCapacity`).
    mutating func reset() {
        last = nil
        guard let chunk else { return }
        let previous = chunk.load(as: UnsafeMutableRawPointer?.self)
        if previous == nil && capacity <= CmarkArena.keptCapacity {
            used = headerSize
            total = capacity
            return
        }
        let wanted = total
        releaseChunks()
        if wanted <= CmarkArena.keptCapacity { _ = addChunk(atLeast: wanted - 2 * headerSize) }
    }

    mutating func releaseChunks() {
        var next = chunk
        while let current = next {
            next = current.load(as: UnsafeMutableRawPointer?.self)
            Foundation.free(current)
        }
        chunk = nil
        used = 0
        capacity = 0
        total = 0
        last = nil
    }
}

/// A block from `malloc`, with the same header (outside any arena scope).
private func mallocBlock(_ size: Int) -> UnsafeMutableRawPointer? {
    guard let header = malloc(headerSize + size) else { return nil }
    header.storeBytes(of: size, as: Int.self)
    header.storeBytes(of: fromMalloc, toByteOffset: 8, as: Int.self)
    return header + headerSize
}

private func allocateBlock(_ size: Int) -> UnsafeMutableRawPointer? {
    if let arena = ArenaState.open() { return arena.pointee.allocate(size) }
    return mallocBlock(size)
}

private let arenaCalloc: @convention(c) (Int, Int) -> UnsafeMutableRawPointer? = { count, size in
    let (bytes, overflow) = count.multipliedReportingOverflow(by: size)
    guard !overflow, let block = allocateBlock(bytes) else { return nil }
    memset(block, 0, bytes)
    return block
}

private let arenaRealloc: @convention(c) (UnsafeMutableRawPointer?, Int) -> UnsafeMutableRawPointer? = { block, size in
    guard let block else { return allocateBlock(size) }
    let header = block - headerSize
    if header.load(fromByteOffset: 8, as: Int.self) == fromMalloc {
        guard let moved = realloc(header, headerSize + size) else { return nil }
        moved.storeBytes(of: size, as: Int.self)
        return moved + headerSize
    }
    if let arena = ArenaState.open(), arena.pointee.resizeLast(block, to: size) { return block }
    guard let moved = allocateBlock(size) else { return nil }
    memcpy(moved, block, min(size, header.load(as: Int.self)))
    return moved
}

/// `malloc`'s blocks are given back; an arena block is, only when it is the last one handed out
/// (cmark's temporaries: a reference label normalized for a lookup, then freed, at every `]`);
/// any other stays until the reset.
private let arenaFree: @convention(c) (UnsafeMutableRawPointer?) -> Void = { block in
    guard let block else { return }
    let header = block - headerSize
    if header.load(fromByteOffset: 8, as: Int.self) == fromMalloc {
        free(header)
    } else if let arena = ArenaState.open() {
        arena.pointee.free(block)
    }
}
