import Foundation

/// Round axis ticks: evenly spaced multiples of 1, 2, 2.5 or 5 × 10^k; 2.5 only from 25 up, since
/// 2,5 or 0,25 would add a decimal to every label (`0,0 2,5 5,0…` where `0 5 10` reads better).
enum NiceTicks {
    /// The mantissas a step may have, smallest first.
    static let mantissas: [Double] = [1, 2, 2.5, 5]

    /// Round ticks covering [min, max]: steps of 1, 2, 2.5 or 5 × 10^k, at most ~10 ticks, first tick ≤ min, last ≥ max;
    /// handles min == max, negatives, tiny and huge ranges, and includeZero (bars start at zero).
    ///
    /// The step chosen is the smallest nice step that needs at most `maxCount` ticks (clamped to 2…10). A range
    /// with a round number inside it (zero, 1 000 000…) needs at least three ticks, so it may get three when `maxCount` is 2.
    static func ticks(min: Double, max: Double, maxCount: Int = 6, includeZero: Bool = false) -> [Double] {
        guard let (low, high) = domain(min: min, max: max, includeZero: includeZero) else { return [0, 1] }
        let limit = Swift.max(2, Swift.min(10, maxCount))
        guard let startExponent = startExponent(range: high - low, limit: limit) else { return [low, high] }
        var best: [Double]?
        for exponent in startExponent...(startExponent + 4) {
            for mantissa in mantissas {
                // A step that needs far more than ten ticks is never chosen: skip making them.
                // (`ticksFor` moves each end by at most one step past these bounds.)
                if mantissa == 2.5 && exponent <= 0 { continue }
                let step = mantissa * power10(exponent)
                if step > 0, (ceil(high / step) - floor(low / step)) > 13 { continue }
                let ticks = ticksFor(low: low, high: high, mantissa: mantissa, exponent: exponent)
                if ticks.count >= 2 && ticks.count <= limit { return ticks }
                if ticks.count >= 2, ticks.count <= 10, ticks.count < (best?.count ?? Int.max) { best = ticks }
            }
        }
        return best ?? [low, high]
    }

    /// Beyond this magnitude values are clamped, so that steps, their powers of ten and the
    /// ticks (a few steps past the data) stay finite.
    static let largest = 1e300
    /// Below this magnitude values count as zero: a step near the data would need a power of ten
    /// past 1e308 as divisor (infinite), and no tick label prints that many decimals anyway.
    /// Subnormal numbers (below 2.2e-308) would also lose the precision the tick search needs.
    static let smallest = 1e-290

    /// One decade below the exponent of the step that would give `limit` ticks over `range`, so
    /// the search meets every candidate; nil when the range is not a positive finite number.
    static func startExponent(range: Double, limit: Int) -> Int? {
        let exponent = floor(log10(range / Double(limit)))
        guard range > 0, exponent.isFinite, abs(exponent) < 400 else { return nil }
        return Int(exponent) - 1
    }

    /// `value` clamped to ±`largest`, and zero when smaller than `smallest`.
    static func tame(_ value: Double) -> Double {
        abs(value) < smallest ? 0 : Swift.min(Swift.max(-largest, value), largest)
    }

    /// The interval to cover: finite, ordered, with zero if asked, and never empty.
    static func domain(min: Double, max: Double, includeZero: Bool) -> (Double, Double)? {
        var values = [min, max].filter(\.isFinite)
        if includeZero { values.append(0) }
        guard var low = values.min(), var high = values.max() else { return nil }
        // Tame absurd magnitudes so every computation below stays finite. Both ends on both
        // sides: values all above 1e300 (or all below -1e300) must not give a reversed interval.
        low = tame(low)
        high = tame(high)
        let magnitude = Swift.max(abs(low), abs(high))
        if high - low <= magnitude * 1e-12 {
            if magnitude == 0 {
                return includeZero || low == 0 ? (0, 1) : nil
            }
            // A single value: widen by 10 % of its size on both sides (or from zero when asked).
            let pad = magnitude * 0.1
            if includeZero {
                return low > 0 ? (0, high) : (low, 0)
            }
            low -= pad
            high += pad
        }
        return (low, high)
    }

    /// Ticks n × step from the last multiple ≤ low to the first ≥ high, computed as
    /// integer × mantissa scaled by an exact power of ten so `0.1 + 0.2` errors never show.
    static func ticksFor(low: Double, high: Double, mantissa: Double, exponent: Int) -> [Double] {
        let step = mantissa * power10(exponent)
        guard step.isFinite, step > 0 else { return [] }
        var first = floor(low / step)
        var last = ceil(high / step)
        guard first.isFinite, last.isFinite, last - first <= 1000 else { return [] }
        // Division rounding can land one step off either way: settle on the exact tick values.
        // A few steps at most; more means the arithmetic has broken down (no ticks, then).
        let tolerance = step * 1e-9
        func tick(_ n: Double) -> Double { value(n: n, mantissa: mantissa, exponent: exponent) }
        if tick(first + 1) <= low + tolerance { first += 1 }
        if tick(last - 1) >= high - tolerance { last -= 1 }
        for _ in 0..<maximumAdjustments where tick(first) > low + tolerance { first -= 1 }
        for _ in 0..<maximumAdjustments where tick(last) < high - tolerance { last += 1 }
        guard tick(first) <= low + tolerance, tick(last) >= high - tolerance, last >= first, last - first <= 1000 else { return [] }
        return (0...Int(last - first)).map { i in value(n: first + Double(i), mantissa: mantissa, exponent: exponent) }
    }

    /// How many steps `ticksFor` may move an end to settle it.
    static let maximumAdjustments = 3

    static func value(n: Double, mantissa: Double, exponent: Int) -> Double {
        let units = n * mantissa
        if units == 0 { return 0 }
        return exponent >= 0 ? units * power10(exponent) : units / power10(-exponent)
    }

    static func power10(_ exponent: Int) -> Double {
        pow(10, Double(exponent))
    }

    /// Decimals needed to print every tick exactly (0 for 20, 1 for 2.5, 2 for 0.25…).
    static func decimals(for ticks: [Double]) -> Int {
        guard ticks.count >= 2 else { return 0 }
        let step = abs(ticks[1] - ticks[0])
        guard step > 0, step.isFinite else { return 0 }
        for places in 0...15 {
            let scaled = step * pow(10, Double(places))
            if abs(scaled - scaled.rounded()) < 1e-6 * Swift.max(1, scaled) { return places }
        }
        return 15
    }
}
