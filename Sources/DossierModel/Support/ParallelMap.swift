import Foundation

extension Array where Element: Sendable {
    /// `map` spread over every core; results keep the input order, so output stays deterministic.
    package func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        nonisolated(unsafe) let output = results
        self.withUnsafeBufferPointer { input in
            nonisolated(unsafe) let input = input
            DispatchQueue.concurrentPerform(iterations: input.count) { index in
                output[index] = transform(input[index])
            }
        }
        // Every slot is filled; moving the results out leaves nothing to deinitialize, and spares
        // copying each result only to release the original.
        return results.indices.map { results.moveElement(from: $0)! }
    }
}
