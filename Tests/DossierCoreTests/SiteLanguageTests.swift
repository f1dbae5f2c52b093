import Foundation
import Testing
@testable import DossierModel
@testable import DossierParse

/// `strings:` in `site.yaml` and the warning for a language without built-in strings.
@Suite struct SiteLanguageConfigTests {
    func decode(_ yaml: String) -> (SiteConfig?, Diagnostics) {
        var diagnostics = Diagnostics()
        let config = SiteConfigDecoder.decode(SourceFile(path: "content/site.yaml", bytes: Array(yaml.utf8)), diagnostics: &diagnostics)
        return (config, diagnostics)
    }

    @Test func aLanguageWithoutStringsWarnsOnItsLine() throws {
        let (config, diagnostics) = decode("title: Bericht\nlanguage: de\n")
        #expect(config?.language == "de")
        let warning = try #require(diagnostics.warnings.first)
        #expect(warning.file == "content/site.yaml" && warning.line == 2)
        #expect(warning.message.contains("fall back to English"))
        #expect(warning.message.contains("add `strings:` to site.yaml"))
    }

    @Test func frenchAndEnglishTagsDoNotWarn() {
        for tag in ["fr", "fr-CA", "en", "en-GB"] {
            #expect(decode("title: T\nlanguage: \(tag)\n").1.items.isEmpty, "\(tag)")
        }
    }

    @Test func everyStringGivenSilencesTheFallbackWarning() {
        let strings = InterfaceStrings.names.map { "  \($0): \"x\"\n" }.joined()
        let (config, diagnostics) = decode("title: T\nlanguage: de\nstrings:\n" + strings)
        #expect(diagnostics.items.isEmpty, "\(diagnostics.sorted)")
        #expect(config?.strings.count == InterfaceStrings.names.count)
    }

    @Test func someStringsGivenNameTheOthers() throws {
        let (_, diagnostics) = decode("title: T\nlanguage: de\nstrings:\n  contents: Inhalt\n")
        let message = try #require(diagnostics.warnings.first?.message)
        #expect(message.contains("still in English: back_home,"))
        #expect(!message.contains("contents"))
    }

    @Test func stringsOverrideTheLanguagesOwn() {
        let (config, _) = decode("title: T\nlanguage: fr\nstrings:\n  contents: Au menu\n")
        let table = config.map(InterfaceStrings.table(for:)) ?? [:]
        #expect(table["contents"] == "Au menu")
        #expect(table["home"] == "Accueil")
    }

    @Test func unknownNamesWarnAndNonTextIsAnError() {
        let (config, diagnostics) = decode("title: T\nlanguage: en\nstrings:\n  contnts: Inhalt\n  home: [a, b]\n  next: 12\n  tags:\n")
        #expect(config == nil)
        #expect(diagnostics.warnings.map(\.message) == ["unknown key `contnts` in `strings`; did you mean `contents`?"])
        #expect(diagnostics.warnings.first?.line == 4)
        let errors = diagnostics.errors
        #expect(errors.count == 3)
        #expect(errors.contains { $0.line == 5 && $0.message.hasPrefix("`strings.home` must be text") })
        #expect(errors.contains { $0.line == 6 && $0.message.hasPrefix("`strings.next` must be text") })
        #expect(errors.contains { $0.line == 7 && $0.message.hasPrefix("`strings.tags` must be text") })
        #expect(decode("title: T\nstrings: Inhalt\n").1.errors.first?.message.hasPrefix("`strings` must be a mapping") == true)
    }

    @Test func quarterPrefixReachesTheFormat() {
        let (config, _) = decode("title: T\nlanguage: de\nstrings:\n  quarter_prefix: Quartal\u{00A0}\n")
        #expect(config?.localeFormat.date(DateValue(year: 2017, month: 7, precision: .quarter)) == "Quartal\u{00A0}3\u{00A0}2017")
        #expect(SiteConfig(language: "fr-CA").localeFormat.quarterPrefix == "T")
        #expect(SiteConfig(language: "de").localeFormat.quarterPrefix == "Q")
    }

    @Test func theNamesAreTheKeysOfBothTables() {
        #expect(InterfaceStrings.names == InterfaceStrings.french.keys.sorted())
        #expect(InterfaceStrings.names.contains("quarter_prefix"))
    }
}
