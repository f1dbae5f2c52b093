import Foundation

/// Numbers and dates of one language from Foundation's locale data, for the tags `LocaleFormat`
/// does not write by hand. Made once per language and process (formatters are costly to make),
/// shared by every thread: the formatters are used under a lock.
final class FoundationFormats: @unchecked Sendable {
    private let lock = NSLock()
    private let locale: Locale
    private let calendar: Calendar
    /// By number of decimals, then percent or not.
    private var numberFormatters: [NumberKey: NumberFormatter] = [:]
    private let monthYear: DateFormatter
    private let dayMonthYear: DateFormatter
    private let long: DateFormatter
    private let months: [String]

    private struct NumberKey: Hashable {
        let places: Int
        let percent: Bool
    }

    private init(locale: Locale) {
        self.locale = locale
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        calendar.locale = locale
        self.calendar = calendar
        monthYear = Self.dateFormatter(locale: locale, calendar: calendar, template: "MMMyyyy")
        dayMonthYear = Self.dateFormatter(locale: locale, calendar: calendar, template: "dMMMyyyy")
        long = Self.dateFormatter(locale: locale, calendar: calendar, template: nil)
        let symbols: [String] = long.shortMonthSymbols
        months = symbols.count == 12 ? symbols : LocaleFormat.englishMonths
    }

    // MARK: One instance per language

    private final class Registry: @unchecked Sendable {
        let lock = NSLock()
        var formats: [String: FoundationFormats?] = [:]
    }

    private static let registry = Registry()

    /// The languages Foundation has data for (primary subtags).
    private static let knownLanguages: Set<String> = Set(Locale.availableIdentifiers.map(LocaleFormat.primarySubtag))

    /// The formats of `tag`, nil when Foundation has no data for its language.
    static func shared(for tag: String) -> FoundationFormats? {
        let key = tag.lowercased()
        registry.lock.lock()
        defer { registry.lock.unlock() }
        if let known = registry.formats[key] { return known }
        let made = knownLanguages.contains(LocaleFormat.primarySubtag(tag))
            ? FoundationFormats(locale: Locale(identifier: tag.replacingOccurrences(of: "-", with: "_")))
            : nil
        registry.formats[key] = made
        return made
    }

    // MARK: Formatting

    /// `value`, already rounded to `places` decimals, with the language's separators (and its
    /// percent sign and spacing when `percent`); the minus sign is U+2212.
    func number(_ value: Double, places: Int, percent: Bool) -> String {
        let key = NumberKey(places: max(0, min(places, 20)), percent: percent)
        lock.lock()
        defer { lock.unlock() }
        let formatter = numberFormatters[key] ?? makeNumberFormatter(key)
        numberFormatters[key] = formatter
        let text = formatter.string(from: NSNumber(value: value)) ?? String(value)
        return text.replacingOccurrences(of: "-", with: "\u{2212}")
    }

    /// `Juli 2017`, or `5. Juli 2017` with a day; spaces are no-break spaces, as in a chart label.
    func shortDate(year: Int, month: Int, day: Int?) -> String {
        guard let date = date(year: year, month: month, day: day ?? 1) else { return "\(month)/\(year)" }
        lock.lock()
        defer { lock.unlock() }
        let text = (day == nil ? monthYear : dayMonthYear).string(from: date)
        return text.replacingOccurrences(of: " ", with: "\u{00A0}")
    }

    /// The language's long date: `5. Juli 2017`, `5 July 2017`.
    func fullDate(year: Int, month: Int, day: Int) -> String {
        guard let date = date(year: year, month: month, day: day) else { return "\(year)-\(month)-\(day)" }
        lock.lock()
        defer { lock.unlock() }
        return long.string(from: date)
    }

    func shortMonth(_ index: Int) -> String {
        months.indices.contains(index) ? months[index] : LocaleFormat.englishMonths[max(0, min(11, index))]
    }

    private func date(year: Int, month: Int, day: Int) -> Date? {
        calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12))
    }

    private func makeNumberFormatter(_ key: NumberKey) -> NumberFormatter {
        let formatter = NumberFormatter()
        formatter.locale = locale
        formatter.numberStyle = key.percent ? .percent : .decimal
        if key.percent { formatter.multiplier = 1 }
        formatter.minimumFractionDigits = key.places
        formatter.maximumFractionDigits = key.places
        formatter.roundingMode = .halfUp
        return formatter
    }

    /// A formatter for `template` (`MMMyyyy`) in the locale's order, or its long date style.
    private static func dateFormatter(locale: Locale, calendar: Calendar, template: String?) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = locale
        formatter.calendar = calendar
        formatter.timeZone = calendar.timeZone
        if let template, let format = DateFormatter.dateFormat(fromTemplate: template, options: 0, locale: locale) {
            formatter.dateFormat = format
        } else {
            formatter.dateStyle = .long
            formatter.timeStyle = .none
        }
        return formatter
    }
}
