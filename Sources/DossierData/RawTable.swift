/// A data file's cells as text, with the line each row starts on, before typing.
struct RawTable: Equatable {
    var header: [String]
    var rows: [[String?]]
    /// Line of the file each row starts on.
    var lines: [Int]
    /// Character column where each field of each row starts (1-based), when known.
    var columns: [[Int]]
}
