/// Text held as a `String`, or as UTF-8 bytes known to be well-formed (`UTF8Check`): a page's
/// HTML and the values copied into it stay bytes from cmark to the file, without being made into
/// a string that would check them again.
package enum HeldText: Sendable, Equatable {
    case string(String)
    case utf8([UInt8])

    package var string: String {
        switch self {
        case .string(let string): return string
        case .utf8(let bytes): return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// The length in UTF-8 bytes (`String.utf8.count` is constant time).
    package var count: Int {
        switch self {
        case .string(let string): return string.utf8.count
        case .utf8(let bytes): return bytes.count
        }
    }

    /// Equal when the bytes are, however each is held.
    package static func == (lhs: HeldText, rhs: HeldText) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)): return a == b
        case (.utf8(let a), .utf8(let b)): return a == b
        case (.string(let a), .utf8(let b)), (.utf8(let b), .string(let a)): return a.utf8.elementsEqual(b)
        }
    }
}
