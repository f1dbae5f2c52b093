/// Calendar dates written `YYYY-MM-DD`, and their display in the site's language.
package enum DateText {
    /// The date written `YYYY-MM-DD` with ASCII digits (exactly ten bytes), if it exists in the calendar.
    package static func parse(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let bytes = text.utf8
        guard bytes.count == 10 else { return nil }
        var fields = (year: 0, month: 0, day: 0)
        for (offset, byte) in bytes.enumerated() {
            if offset == 4 || offset == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
            let digit = Int(byte - UInt8(ascii: "0"))
            switch offset {
            case ..<4: fields.year = fields.year * 10 + digit
            case ..<7: fields.month = fields.month * 10 + digit
            default: fields.day = fields.day * 10 + digit
            }
        }
        guard (1...12).contains(fields.month), fields.day >= 1, fields.day <= daysIn(month: fields.month, year: fields.year)
        else { return nil }
        return fields
    }

    package static func isValidISODate(_ text: String) -> Bool {
        parse(text) != nil
    }

    package static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The date in full in the language of `language` (a BCP 47 tag): `5 juillet 2017` (`1er`
    /// for the first of the month), `July 5, 2017` in English, `5 July 2017` for `en-GB`.
    /// See `LocaleFormat.fullDate(_:)`.
    package static func display(_ text: String, language: String) -> String {
        LocaleFormat(language: language).fullDate(text)
    }

    /// `5 juillet 2017`, `1er juillet 2017`: a no-break space after the day.
    static func frenchFullDate(year: Int, month: Int, day: Int) -> String {
        let months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet",
                      "août", "septembre", "octobre", "novembre", "décembre"]
        let dayText = day == 1 ? "1er" : String(day)
        return "\(dayText)\u{00A0}\(months[max(0, min(11, month - 1))]) \(year)"
    }

    /// `July 5, 2017`.
    static func englishFullDate(year: Int, month: Int, day: Int) -> String {
        let months = ["January", "February", "March", "April", "May", "June", "July",
                      "August", "September", "October", "November", "December"]
        return "\(months[max(0, min(11, month - 1))]) \(day), \(year)"
    }
}
