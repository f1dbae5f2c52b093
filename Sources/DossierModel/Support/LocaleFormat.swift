import Foundation

/// Numbers and dates written the way the site's language writes them.
///
/// `fr`: `1 234,5` (narrow no-break space U+202F between thousands), `12,5 %`, `juil. 2017`,
/// `T3 2017`. `en`: `1,234.5`, `12.5%`, `Jul 2017`, `Q3 2017`. These two (and `fr-FR`, `en-US`)
/// are written by hand, the hot path of every chart tick and table cell; a test checks them
/// against Foundation. Any other tag (`de`, `en-GB`, `fr-CA`…) follows Foundation's locale data
/// (`1.234,5`, `12,5 %`, `Juli 2017` in German), with formatters made once per language.
/// Negative numbers take the minus sign U+2212 in every language.
package struct LocaleFormat: Sendable, Equatable {
    /// The BCP 47 tag, as `site.yaml` gives it.
    package let language: String
    /// What comes before a quarter's number: `T` (`T3 2017`) in French, `Q` otherwise.
    let quarterPrefix: String
    let style: Style

    enum Style: Sendable {
        case french
        case english
        case foundation(FoundationFormats)
    }

    /// - Parameter quarterPrefix: nil for the language's own (`T` in French, `Q` otherwise).
    package init(language: String, quarterPrefix: String? = nil) {
        self.language = language
        let primary = Self.primarySubtag(language)
        self.quarterPrefix = quarterPrefix ?? (primary == "fr" ? "T" : "Q")
        self.style = Self.style(for: language)
    }

    package static func == (lhs: LocaleFormat, rhs: LocaleFormat) -> Bool {
        lhs.language == rhs.language && lhs.quarterPrefix == rhs.quarterPrefix
    }

    /// The primary language subtag, lowercased: `fr` for `fr-CA`.
    package var primaryLanguage: String { Self.primarySubtag(language) }

    static func primarySubtag(_ tag: String) -> String {
        String(tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? "").lowercased()
    }

    /// The hand-written styles for the tags they match exactly; Foundation for the others, or
    /// English when Foundation does not know the language.
    static func style(for tag: String) -> Style {
        switch tag.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "fr", "fr-fr": return .french
        case "en", "en-us": return .english
        default: return FoundationFormats.shared(for: tag).map(Style.foundation) ?? .english
        }
    }

    var isFrench: Bool {
        if case .french = style { return true }
        return false
    }

    var groupSeparator: String { isFrench ? "\u{202F}" : "," }
    var decimalSeparator: String { isFrench ? "," : "." }

    /// `value` with `decimals` digits after the separator (nil: as many as needed, up to 6).
    /// Thousands are grouped from four digits on (`1 234`) in French and English, as the
    /// language's data says in others; years are dates, not numbers, so they are never grouped.
    package func number(_ value: Double, decimals: Int? = nil) -> String {
        guard value.isFinite else { return "–" }
        let places = decimals ?? Self.significantDecimals(value)
        if case .foundation(let formats) = style {
            return formats.number(Self.rounded(value, places: places), places: places, percent: false)
        }
        return handWritten(value, places: places)
    }

    /// `12,5 %` / `12.5%` (`value` is already in percent: 12.5, not 0.125).
    package func percent(_ value: Double, decimals: Int? = nil) -> String {
        if case .foundation(let formats) = style, value.isFinite {
            let places = decimals ?? Self.significantDecimals(value)
            return formats.number(Self.rounded(value, places: places), places: places, percent: true)
        }
        return number(value, decimals: decimals) + (isFrench ? "\u{202F}%" : "%")
    }

    /// A value with its unit: percent units get the language's spacing, others a no-break space.
    package func value(_ value: Double, unit: String?, decimals: Int? = nil) -> String {
        guard let unit, !unit.isEmpty else { return number(value, decimals: decimals) }
        if unit == "%" { return percent(value, decimals: decimals) }
        return number(value, decimals: decimals) + "\u{00A0}" + unit
    }

    /// A chart or table date: `2017`, `T3 2017`, `juil. 2017`, `5 juil. 2017` (no-break spaces).
    package func date(_ date: DateValue) -> String {
        switch date.precision {
        case .year: return String(date.year)
        case .quarter: return "\(quarterPrefix)\(date.quarter)\u{00A0}\(date.year)"
        case .month, .day:
            if case .foundation(let formats) = style {
                return formats.shortDate(year: date.year, month: date.month, day: date.precision == .day ? date.day : nil)
            }
            let month = "\(shortMonth(date.month))\u{00A0}\(date.year)"
            return date.precision == .day ? "\(date.day)\u{00A0}\(month)" : month
        }
    }

    /// The abbreviated name of a month (1–12): `juil.`, `Jul`, `Juli`.
    func shortMonth(_ month: Int) -> String {
        let index = max(0, min(11, month - 1))
        switch style {
        case .french: return Self.frenchMonths[index]
        case .english: return Self.englishMonths[index]
        case .foundation(let formats): return formats.shortMonth(index)
        }
    }

    static let frenchMonths = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]
    static let englishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// A date written in full, as under a page's title: `5 juillet 2017` (`1er juillet` for the
    /// first of the month: any French tag), `July 5, 2017` (`en`), `5 July 2017` (`en-GB`).
    /// Text that is not a `YYYY-MM-DD` date is returned as it is.
    package func fullDate(_ text: String) -> String {
        guard let (year, month, day) = DateText.parse(text) else { return text }
        if primaryLanguage == "fr" { return DateText.frenchFullDate(year: year, month: month, day: day) }
        if case .foundation(let formats) = style { return formats.fullDate(year: year, month: month, day: day) }
        return DateText.englishFullDate(year: year, month: month, day: day)
    }

    /// Any cell, formatted for display in a table or a sentence.
    package func cell(_ value: DataValue, type: DataType, unit: String? = nil, decimals: Int? = nil) -> String {
        switch value {
        case .number(let number):
            return type == .percent ? self.value(number, unit: unit ?? "%", decimals: decimals) : self.value(number, unit: unit, decimals: decimals)
        case .date(let date): return self.date(date)
        case .text(let text): return text
        case .empty: return ""
        }
    }

    package static func significantDecimals(_ value: Double) -> Int {
        for places in 0...6 {
            let scale = pow10(places)
            if abs((value * scale).rounded() - value * scale) < 1e-6 * max(1, abs(value * scale)) { return places }
        }
        return 6
    }

    /// `value` rounded half away from zero to `places` decimals; never `-0`.
    static func rounded(_ value: Double, places: Int) -> Double {
        let scale = pow10(places)
        // Past 2^53 a Double has no fraction to round, and scaling could overflow to infinity
        // (1e308 with one decimal), whose fraction is not a number.
        let scaled = abs(value) * scale
        let magnitude = scaled.isFinite ? scaled.rounded() / scale : abs(value)
        return value < 0 && magnitude != 0 ? -magnitude : magnitude
    }

    /// The French and English numbers, written without Foundation (the hot path).
    private func handWritten(_ value: Double, places: Int) -> String {
        let rounded = abs(Self.rounded(value, places: places))
        let integerPart = floor(rounded)
        let digits = integerPart < 1e18 ? String(Int64(integerPart)) : String(format: "%.0f", integerPart)
        var text = value < 0 && rounded != 0 ? "\u{2212}" : ""
        // The digits are ASCII: counted and grouped as bytes, not as characters.
        let count = digits.utf8.count
        if count >= 4 {
            for (i, digit) in digits.utf8.enumerated() {
                if i > 0 && (count - i) % 3 == 0 { text += groupSeparator }
                text.unicodeScalars.append(Unicode.Scalar(digit))
            }
        } else {
            text += digits
        }
        if places > 0 {
            let fraction = String(Int(((rounded - integerPart) * pow10(places)).rounded()))
            text += decimalSeparator
            text += String(repeating: "0", count: max(0, places - fraction.utf8.count))
            text += fraction
        }
        return text
    }
}

private func pow10(_ n: Int) -> Double {
    var result = 1.0
    for _ in 0..<max(0, n) { result *= 10 }
    return result
}
