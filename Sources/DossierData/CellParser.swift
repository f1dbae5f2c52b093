import Foundation
import DossierModel

/// Turns the text of a cell into a typed value, and guesses a column's type from its cells.
package enum CellParser {
    package static func parse(_ text: String, as type: DataType) -> DataValue? {
        let trimmed = normalizeSpaces(text).trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return .empty }
        if type == .text { return .text(text.trimmingCharacters(in: .whitespaces)) }
        switch type {
        case .number: return number(trimmed).map(DataValue.number)
        case .percent:
            var body = Substring(trimmed)
            if body.hasSuffix("%") { body = body.dropLast() }
            return number(body.trimmingCharacters(in: .whitespaces)).map(DataValue.number)
        case .date: return date(trimmed).map(DataValue.date)
        case .text: return .text(trimmed)
        }
    }

    /// No-break and narrow no-break spaces read as plain spaces, so `T4 2017` typed with
    /// French spacing matches `T4 2017` typed without.
    package static func normalizeSpaces(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0xC2 || $0 == 0xE2 }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\u{00A0}" || $0 == "\u{202F}" || $0 == "\u{2009}" ? " " : $0 }))
    }

    /// A plain decimal number: optional sign, digits, optional `.` fraction and exponent.
    static func number(_ text: String) -> Double? {
        var body = Substring(text)
        var negative = false
        if body.hasPrefix("-") || body.hasPrefix("\u{2212}") { negative = true; body = body.dropFirst() } else if body.hasPrefix("+") { body = body.dropFirst() }
        guard let first = body.first, first.isASCII, first.isNumber || first == "." else { return nil }
        guard body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "e" || $0 == "E" || $0 == "-" || $0 == "+") }) else { return nil }
        guard let value = Double(body), value.isFinite else { return nil }
        return negative ? -value : value
    }

    /// `2017`, `2017-07`, `2017-07-05`, and quarters `2017Q3`, `2017-Q3`, `2017-T3`, `2017T3`, `T3 2017`, `Q3 2017`.
    static func date(_ text: String) -> DateValue? {
        let upper = text.uppercased()
        if let quarter = quarterDate(upper) { return quarter }
        let parts = upper.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              parts[0].count == 4, let year = Int(parts[0]) else { return nil }
        if parts.count == 1 { return DateValue(year: year, precision: .year) }
        guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return nil }
        if parts.count == 2 { return DateValue(year: year, month: month, precision: .month) }
        guard parts[2].count == 2, let day = Int(parts[2]), day >= 1, day <= DateText.daysIn(month: month, year: year) else { return nil }
        return DateValue(year: year, month: month, day: day, precision: .day)
    }

    private static func quarterDate(_ text: String) -> DateValue? {
        var year: Substring, quarter: Substring
        if let first = text.first, first == "Q" || first == "T" {
            let parts = text.dropFirst().split(separator: " ")
            guard parts.count == 2 else { return nil }
            (quarter, year) = (parts[0], parts[1])
        } else {
            guard text.count >= 6 else { return nil }
            year = text.prefix(4)
            var rest = text.dropFirst(4)
            if rest.hasPrefix("-") || rest.hasPrefix(" ") { rest = rest.dropFirst() }
            guard let marker = rest.first, marker == "Q" || marker == "T" else { return nil }
            quarter = rest.dropFirst()
        }
        guard year.count == 4, year.allSatisfy({ $0.isASCII && $0.isNumber }), let y = Int(year),
              quarter.count == 1, let q = Int(quarter), (1...4).contains(q) else { return nil }
        return DateValue(year: y, month: (q - 1) * 3 + 1, precision: .quarter)
    }

    /// The most digits written after a decimal point in `cells` (at most 6).
    static func decimals(in cells: [String]) -> Int {
        var most = 0
        for cell in cells {
            guard let point = cell.firstIndex(of: ".") else { continue }
            let digits = cell[cell.index(after: point)...].prefix { $0.isASCII && $0.isNumber }.count
            most = max(most, digits)
        }
        return min(most, 6)
    }

    /// The narrowest type every non-empty cell fits. A column of four-digit whole numbers
    /// named like a year (`year`, `annee`, `an`…) is a date column of years.
    static func inferType(name: String, cells: [String]) -> DataType {
        let values = cells.map { normalizeSpaces($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !values.isEmpty else { return .text }
        if values.allSatisfy({ number($0) != nil }) {
            let slug = Slug.make(name)
            let yearLike = ["year", "years", "annee", "annees", "an", "date", "periode", "period", "exercice"].contains(slug)
                || slug.hasSuffix("-year") || slug.hasPrefix("year-") || slug.hasPrefix("annee")
            if yearLike, values.allSatisfy({ $0.count == 4 && $0.allSatisfy(\.isNumber) }) { return .date }
            return .number
        }
        if values.allSatisfy({ date($0) != nil }) { return .date }
        if values.contains(where: { $0.hasSuffix("%") }), values.allSatisfy({ parse($0, as: .percent) != nil }) { return .percent }
        return .text
    }
}
