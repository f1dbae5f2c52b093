import Foundation

/// Swaps two paths atomically with Linux's `renameat2(…, RENAME_EXCHANGE)`.
///
/// Swift's Glibc module does not export `renameat2` (it needs `_GNU_SOURCE`), so the function
/// is looked up in the C library at run time; where it does not exist the caller falls back.
enum AtomicExchange {
    private typealias Renameat2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    private static let function: Renameat2? = {
        #if os(Linux)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: Renameat2.self)
        #else
        return nil
        #endif
    }()

    private static let currentDirectory: Int32 = -100  // AT_FDCWD
    private static let exchangeFlag: UInt32 = 1 << 1   // RENAME_EXCHANGE

    /// True when `a` and `b` (both existing) were exchanged.
    static func exchange(_ a: String, _ b: String) -> Bool {
        guard let function else { return false }
        return function(currentDirectory, a, currentDirectory, b, exchangeFlag) == 0
    }
}
