/// Calendar dates written `YYYY-MM-DD`, and their display in the site's language.
public enum DateText {
    public static func parse(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year)
        else { return nil }
        return (year, month, day)
    }

    public static func isValidISODate(_ text: String) -> Bool {
        parse(text) != nil
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `5 juillet 2017` (`1er` for the first of the month) in French, `July 5, 2017` in English.
    public static func display(_ text: String, language: String) -> String {
        guard let (year, month, day) = parse(text) else { return text }
        switch language {
        case "fr":
            let months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet",
                          "août", "septembre", "octobre", "novembre", "décembre"]
            let dayText = day == 1 ? "1er" : String(day)
            return "\(dayText)\u{00A0}\(months[month - 1]) \(year)"
        default:
            let months = ["January", "February", "March", "April", "May", "June", "July",
                          "August", "September", "October", "November", "December"]
            return "\(months[month - 1]) \(day), \(year)"
        }
    }
}
