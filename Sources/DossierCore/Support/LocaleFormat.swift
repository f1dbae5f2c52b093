import Foundation

/// Numbers and dates written the way the site's language writes them.
///
/// `fr`: `1 234,5` (narrow no-break space U+202F between thousands), `12,5 %`, `juil. 2017`,
/// `T3 2017`. Other languages: `1,234.5`, `12.5%`, `Jul 2017`, `Q3 2017`.
public struct LocaleFormat: Sendable, Equatable {
    public let language: String

    public init(language: String) {
        self.language = language
    }

    var isFrench: Bool { language == "fr" }
    var groupSeparator: String { isFrench ? "\u{202F}" : "," }
    var decimalSeparator: String { isFrench ? "," : "." }

    /// `value` with `decimals` digits after the separator (nil: as many as needed, up to 6).
    /// Thousands are grouped from four digits on (`1 234`); years are dates, not numbers, so
    /// they are never grouped.
    public func number(_ value: Double, decimals: Int? = nil) -> String {
        guard value.isFinite else { return "–" }
        let places = decimals ?? Self.significantDecimals(value)
        let scale = pow10(places)
        // Past 2^53 a Double has no fraction to round, and scaling could overflow to infinity
        // (1e308 with one decimal), whose fraction is not a number.
        let scaled = abs(value) * scale
        let rounded = scaled.isFinite ? scaled.rounded() / scale : abs(value)
        let negative = value < 0 && rounded != 0
        let integerPart = floor(rounded)
        var fraction = ""
        if places > 0 {
            let fractionValue = Int(((rounded - integerPart) * scale).rounded())
            fraction = String(fractionValue)
            fraction = String(repeating: "0", count: max(0, places - fraction.count)) + fraction
        }
        let digits = integerPart < 1e18 ? String(Int64(integerPart)) : String(format: "%.0f", integerPart)
        var grouped = ""
        if digits.count >= 4 {
            for (i, c) in digits.enumerated() {
                if i > 0 && (digits.count - i) % 3 == 0 { grouped += groupSeparator }
                grouped.append(c)
            }
        } else {
            grouped = digits
        }
        var text = (negative ? "\u{2212}" : "") + grouped
        if !fraction.isEmpty { text += decimalSeparator + fraction }
        return text
    }

    /// `12,5 %` / `12.5%`.
    public func percent(_ value: Double, decimals: Int? = nil) -> String {
        number(value, decimals: decimals) + (isFrench ? "\u{202F}%" : "%")
    }

    /// A value with its unit: percent units get the language's spacing, others a no-break space.
    public func value(_ value: Double, unit: String?, decimals: Int? = nil) -> String {
        guard let unit, !unit.isEmpty else { return number(value, decimals: decimals) }
        if unit == "%" { return percent(value, decimals: decimals) }
        return number(value, decimals: decimals) + "\u{00A0}" + unit
    }

    public func date(_ date: DateValue) -> String {
        switch date.precision {
        case .year: return String(date.year)
        case .quarter: return isFrench ? "T\(date.quarter)\u{00A0}\(date.year)" : "Q\(date.quarter)\u{00A0}\(date.year)"
        case .month: return "\(shortMonth(date.month))\u{00A0}\(date.year)"
        case .day: return "\(date.day)\u{00A0}\(shortMonth(date.month))\u{00A0}\(date.year)"
        }
    }

    public func shortMonth(_ month: Int) -> String {
        let french = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]
        let english = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return (isFrench ? french : english)[max(0, min(11, month - 1))]
    }

    /// Any cell, formatted for display in a table or a sentence.
    public func cell(_ value: DataValue, type: DataType, unit: String? = nil, decimals: Int? = nil) -> String {
        switch value {
        case .number(let number):
            return type == .percent ? self.value(number, unit: unit ?? "%", decimals: decimals) : self.value(number, unit: unit, decimals: decimals)
        case .date(let date): return self.date(date)
        case .text(let text): return text
        case .empty: return ""
        }
    }

    static func significantDecimals(_ value: Double) -> Int {
        for places in 0...6 {
            let scale = pow10(places)
            if abs((value * scale).rounded() - value * scale) < 1e-6 * max(1, abs(value * scale)) { return places }
        }
        return 6
    }
}

private func pow10(_ n: Int) -> Double {
    var result = 1.0
    for _ in 0..<max(0, n) { result *= 10 }
    return result
}
