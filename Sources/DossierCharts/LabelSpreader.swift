/// Moves labels along one axis so that neighbours are at least `gap` apart, each as close as it can
/// be to where it wants to be: overlapping labels merge into a block centred on their wishes.
enum LabelSpreader {
    /// Positions in the input's order, or nil when `desired.count` labels cannot fit in `low…high`.
    static func spread(_ desired: [Double], gap: Double, low: Double, high: Double) -> [Double]? {
        let n = desired.count
        guard n > 0 else { return [] }
        guard Double(n - 1) * gap <= high - low + 1e-9 else { return nil }
        // Stable order by wish (ties keep input order, so output never depends on sorting details).
        let order = desired.indices.sorted { (desired[$0], $0) < (desired[$1], $1) }
        let wishes = order.map { desired[$0] }

        struct Block {
            var first: Int
            var count: Int
            var start: Double
        }
        func place(first: Int, count: Int) -> Double {
            // The start that puts the block's members, on average, where they want to be.
            var sum = 0.0
            for k in 0..<count { sum += wishes[first + k] - Double(k) * gap }
            let ideal = sum / Double(count)
            return min(max(ideal, low), high - Double(count - 1) * gap)
        }
        var blocks: [Block] = []
        for i in 0..<n {
            blocks.append(Block(first: i, count: 1, start: place(first: i, count: 1)))
            // Merge backwards while the newest block overlaps the one before it.
            while blocks.count > 1 {
                let last = blocks[blocks.count - 1]
                let previous = blocks[blocks.count - 2]
                guard previous.start + Double(previous.count) * gap > last.start + 1e-9 else { break }
                blocks.removeLast(2)
                let count = previous.count + last.count
                blocks.append(Block(first: previous.first, count: count, start: place(first: previous.first, count: count)))
            }
        }
        var sortedPositions: [Double] = []
        for block in blocks {
            for k in 0..<block.count { sortedPositions.append(block.start + Double(k) * gap) }
        }
        var result = [Double](repeating: 0, count: n)
        for (rank, index) in order.enumerated() { result[index] = sortedPositions[rank] }
        return result
    }
}
