import Foundation
import Testing
@testable import DossierCharts

@Suite struct ChartNiceTicksTests {
    /// The step is mantissa × 10^k with mantissa 1, 2, 2.5 or 5.
    static func isNiceStep(_ step: Double) -> Bool {
        guard step > 0, step.isFinite else { return false }
        let exponent = floor(log10(step))
        let mantissa = step / pow(10, exponent)
        return [1, 2, 2.5, 5, 10].contains { abs(mantissa - $0) < 1e-6 * $0 }
    }

    static func check(_ ticks: [Double], min low: Double, max high: Double, maxCount: Int, includeZero: Bool,
                      sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let context = "ticks(\(low), \(high), maxCount: \(maxCount), includeZero: \(includeZero)) = \(ticks)"
        #expect(ticks.count >= 2 && ticks.count <= 10, "\(context): count", sourceLocation: sourceLocation)
        guard ticks.count >= 2, let first = ticks.first, let last = ticks.last else { return }
        let step = ticks[1] - ticks[0]
        let tolerance = abs(step) * 1e-6
        #expect(first <= Swift.min(low, high) + tolerance, "\(context): first tick above the data", sourceLocation: sourceLocation)
        #expect(last >= Swift.max(low, high) - tolerance, "\(context): last tick below the data", sourceLocation: sourceLocation)
        #expect(isNiceStep(step), "\(context): step \(step) is not 1, 2, 2.5 or 5 × 10^k", sourceLocation: sourceLocation)
        for (a, b) in zip(ticks, ticks.dropFirst()) {
            #expect(abs((b - a) - step) <= tolerance, "\(context): uneven spacing", sourceLocation: sourceLocation)
        }
        if includeZero {
            #expect(first <= 0 && last >= 0, "\(context): zero left out", sourceLocation: sourceLocation)
        }
        // Two ticks cannot cover a range with a round number inside it (zero, 1 000 000…): three then.
        #expect(ticks.count <= Swift.max(maxCount, 3), "\(context): more than maxCount", sourceLocation: sourceLocation)
        // Every tick is an exact multiple of the step (no 0.30000000000000004).
        for tick in ticks {
            let units = tick / step
            #expect(abs(units - units.rounded()) < 1e-6, "\(context): \(tick) is not a multiple of \(step)", sourceLocation: sourceLocation)
        }
    }

    @Test func examples() {
        #expect(NiceTicks.ticks(min: 0, max: 100) == [0, 20, 40, 60, 80, 100])
        #expect(NiceTicks.ticks(min: 8, max: 20.1, includeZero: true) == [0, 5, 10, 15, 20, 25])
        #expect(NiceTicks.ticks(min: 0.1, max: 0.7) == [0, 0.2, 0.4, 0.6, 0.8])
        #expect(NiceTicks.ticks(min: -35.2, max: 74.5, includeZero: true) == [-50, -25, 0, 25, 50, 75])
        #expect(NiceTicks.ticks(min: -35.2, max: 74.5, maxCount: 7, includeZero: true) == [-40, -20, 0, 20, 40, 60, 80])
        #expect(NiceTicks.ticks(min: 0, max: 0) == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(NiceTicks.ticks(min: 0, max: 0, maxCount: 2) == [0, 1])
        #expect(NiceTicks.ticks(min: 5, max: 5, includeZero: true) == [0, 1, 2, 3, 4, 5])
        #expect(NiceTicks.ticks(min: .nan, max: .infinity) == [0, 1])
        #expect(NiceTicks.ticks(min: 20, max: 0) == [0, 5, 10, 15, 20])
    }

    @Test func singleValueGetsARangeAroundIt() {
        for value in [5.0, -5, 1e12, -1e-9, 123.456] {
            let ticks = NiceTicks.ticks(min: value, max: value)
            Self.check(ticks, min: value, max: value, maxCount: 6, includeZero: false)
            #expect((ticks.first ?? 0) < value && (ticks.last ?? 0) > value)
        }
    }

    @Test func propertiesHoldOverRandomRanges() {
        var random = SplitMix64(seed: 20170705)
        for _ in 0..<4000 {
            let scale = pow(10, Double.random(in: -10...13, using: &random))
            var a = Double.random(in: -1...1, using: &random) * scale
            var b = Double.random(in: -1...1, using: &random) * scale
            switch Int.random(in: 0..<6, using: &random) {
            case 0: b = a  // zero width
            case 1: a = abs(a); b = abs(b)  // positive
            case 2: a = -abs(a); b = -abs(b)  // negative
            case 3: b = a + abs(a) * 1e-3  // narrow far from zero
            default: break
            }
            let maxCount = Int.random(in: 2...10, using: &random)
            let includeZero = Bool.random(using: &random)
            let ticks = NiceTicks.ticks(min: a, max: b, maxCount: maxCount, includeZero: includeZero)
            Self.check(ticks, min: a, max: b, maxCount: maxCount, includeZero: includeZero)
        }
    }

    @Test func extremeRanges() {
        let cases: [(Double, Double)] = [(0, 1e12), (-1e12, 1e12), (1e-9, 2e-9), (0, 1e-9), (-3e-9, 1e-9), (1e12, 1e12 + 5e5),
                                         (999_999, 1_000_001), (-0.0001, 0.0001), (1e200, 1e201)]
        for (low, high) in cases {
            for includeZero in [false, true] {
                for maxCount in [2, 5, 6, 10] {
                    Self.check(NiceTicks.ticks(min: low, max: high, maxCount: maxCount, includeZero: includeZero),
                               min: low, max: high, maxCount: maxCount, includeZero: includeZero)
                }
            }
        }
    }

    /// Subnormal and tiny values (5e-324 crashed, 1e-310…2.2e-308 never ended), values near Double's
    /// limit and ranges spanning zero: a few ticks, finite, increasing and evenly spaced, that cover
    /// the data (values past ±1e300 are clamped to it, values under 1e-290 count as zero).
    static let extremeRanges: [(Double, Double)] = [
        (5e-324, 5e-324), (0, 5e-324), (-5e-324, 5e-324), (-5e-324, 0), (1e-310, 1e-310), (1e-310, 2.2250738585072014e-308),
        (2.2250738585072014e-308, 2.2250738585072014e-308), (-2.2250738585072014e-308, 1e-309), (1e-300, 1e-299),
        (1e-289, 1e-289 * (1 + 1e-11)), (1e-289, 1e-289 * (1 + 1.01e-12)), (-3e-289, 1e-289), (1e-289, 1e-288),
        (-1e308, 1e308), (0, 1e308), (1e308, 1e308), (-.greatestFiniteMagnitude, .greatestFiniteMagnitude),
        (5e-324, 1e308), (-1e308, -5e-324), (1e-300, 1e300), (-1e299, 1e-299), (1e299, 1e299 * (1 + 1e-11)),
    ]

    @Test func subnormalTinyAndHugeRangesGetTicks() {
        for (low, high) in Self.extremeRanges {
            for includeZero in [false, true] {
                for maxCount in [2, 5, 6, 10] {
                    let ticks = NiceTicks.ticks(min: low, max: high, maxCount: maxCount, includeZero: includeZero)
                    let context = "ticks(\(low), \(high), maxCount: \(maxCount), includeZero: \(includeZero)) = \(ticks)"
                    #expect(ticks.count >= 2 && ticks.count <= 10, "\(context)")
                    #expect(ticks.allSatisfy { $0.isFinite }, "\(context)")
                    #expect(zip(ticks, ticks.dropFirst()).allSatisfy { $0 < $1 }, "\(context): not increasing")
                    let (first, last) = (ticks.first ?? 0, ticks.last ?? 0)
                    // Past 1e22 powers of ten are inexact: a tick may miss the data by an ulp.
                    let tolerance = (ticks.count >= 2 ? ticks[1] - ticks[0] : 0) * 1e-6
                    #expect(first <= NiceTicks.tame(low) + tolerance && last >= NiceTicks.tame(high) - tolerance, "\(context): the data is not covered")
                    // The full check where the range is not clamped, snapped to zero, or so narrow
                    // beside its magnitude that the ticks' differences lose their digits.
                    let magnitude = Swift.max(abs(low), abs(high))
                    if magnitude <= 1e300, Swift.min(abs(low), abs(high)) >= 1e-290, high - low >= magnitude * 1e-6 {
                        Self.check(ticks, min: low, max: high, maxCount: maxCount, includeZero: includeZero)
                    }
                }
            }
        }
    }

    @Test func decimalsFollowTheStep() {
        #expect(NiceTicks.decimals(for: [0, 20, 40]) == 0)
        #expect(NiceTicks.decimals(for: [0, 2.5, 5]) == 1)
        #expect(NiceTicks.decimals(for: [0, 0.25, 0.5]) == 2)
        #expect(NiceTicks.decimals(for: [0.1, 0.2, 0.3]) == 1)
    }
}
