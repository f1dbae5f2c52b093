import Foundation
import Testing
@testable import DossierModel

/// Numbers and dates in every language: Foundation's formats for the tags not written by hand,
/// and the hand-written French and English ones checked against Foundation.
@Suite struct LanguageFormatTests {
    @Test func germanNumbersComeFromFoundation() {
        let de = LocaleFormat(language: "de")
        #expect(de.number(12.4) == "12,4")
        #expect(de.number(1234.5) == "1.234,5")
        #expect(de.number(-3) == "\u{2212}3")
        #expect(de.number(2.675, decimals: 2) == "2,68")
        #expect(de.number(3, decimals: 2) == "3,00")
        #expect(de.number(12345.67, decimals: 1) == "12.345,7")
        #expect(de.percent(12.5) == "12,5\u{00A0}%")
        #expect(de.value(41.5, unit: "M") == "41,5\u{00A0}M")
        #expect(de.number(.nan) == "–")
    }

    @Test func datesFollowTheLanguageTag() {
        let de = LocaleFormat(language: "de")
        #expect(de.date(DateValue(year: 2017, month: 7, precision: .month)) == "Juli\u{00A0}2017")
        #expect(de.date(DateValue(year: 2017, month: 7, precision: .quarter)) == "Q3\u{00A0}2017")
        #expect(de.fullDate("2017-07-05") == "5. Juli 2017")
        #expect(LocaleFormat(language: "en-GB").fullDate("2017-07-05") == "5 July 2017")
        #expect(LocaleFormat(language: "en").fullDate("2017-07-05") == "July 5, 2017")
        #expect(LocaleFormat(language: "fr-CA").fullDate("2017-07-01") == "1er\u{00A0}juillet 2017")
        #expect(LocaleFormat(language: "de", quarterPrefix: "Qu").date(DateValue(year: 2017, month: 7, precision: .quarter)) == "Qu3\u{00A0}2017")
        #expect(DateText.display("2017-07-05", language: "en-GB") == "5 July 2017")
    }

    @Test func englishTagsWithARegionUseTheirOwnData() {
        let gb = LocaleFormat(language: "en-GB")
        #expect(gb.number(1234.5) == "1,234.5")
        #expect(gb.date(DateValue(year: 2017, month: 7, day: 5, precision: .day)) == "5\u{00A0}Jul\u{00A0}2017")
    }

    @Test func anUnknownLanguageIsWrittenInEnglish() {
        let unknown = LocaleFormat(language: "qq")
        #expect(unknown.number(1234.5) == "1,234.5")
        #expect(unknown.date(DateValue(year: 2017, month: 7, precision: .month)) == "Jul\u{00A0}2017")
    }

    /// The hand-written French and English formats (the hot path) say what Foundation says,
    /// but for the documented choices: U+2212 for minus, U+202F before `%` in French.
    @Test func handWrittenFormatsMatchFoundation() {
        let values: [Double] = [0, 3, -3, 12.4, 999, 1234.5, -1234.5, 12345.67, 1_234_567, 0.125, 1e15]
        for (tag, format) in [("fr_FR", LocaleFormat(language: "fr")), ("en_US", LocaleFormat(language: "en"))] {
            for places in 0...3 {
                // One formatter per number of places: corelibs' formatter keeps its first settings.
                let formatter = NumberFormatter()
                formatter.locale = Locale(identifier: tag)
                formatter.numberStyle = .decimal
                formatter.roundingMode = .halfUp
                formatter.minimumFractionDigits = places
                formatter.maximumFractionDigits = places
                for value in values {
                    // Rounded first, as `LocaleFormat` does: half away from zero.
                    let expected = formatter.string(from: NSNumber(value: LocaleFormat.rounded(value, places: places)))?.replacingOccurrences(of: "-", with: "\u{2212}")
                    #expect(format.number(value, decimals: places) == expected, "\(tag) \(value) \(places)")
                }
            }
            let dates = DateFormatter()
            dates.locale = Locale(identifier: tag)
            #expect((1...12).map(format.shortMonth) == dates.shortMonthSymbols, "\(tag)")
        }
        let percent = NumberFormatter()
        percent.locale = Locale(identifier: "en_US")
        percent.numberStyle = .percent
        percent.minimumFractionDigits = 1
        #expect(LocaleFormat(language: "en").percent(12.5) == percent.string(from: 0.125))
    }

    @Test func englishFullDateMatchesFoundation() throws {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateStyle = .long
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        let date = try #require(calendar.date(from: DateComponents(year: 2017, month: 7, day: 5, hour: 12)))
        #expect(LocaleFormat(language: "en").fullDate("2017-07-05") == formatter.string(from: date))
    }
}
