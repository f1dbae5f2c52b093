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

    /// `parallelMap` of a transform that may throw: every element is done, then the results come
    /// back in order, or the first error in the input's order is thrown.
    package func parallelMapThrowing<T: Sendable>(_ transform: @Sendable (Element) throws -> T) throws -> [T] {
        try parallelMap { element in Result { try transform(element) } }.map { try $0.get() }
    }
}
