import Testing
@testable import DossierModel
@testable import DossierParse

@Suite struct FrontMatterSplitterTests {
    @Test func splitsYAMLAndBodyWithLineNumbers() throws {
        let split = try FrontMatterSplitter.split("---\ntitle: A\ndate: 2017-07-05\n---\nBody\n").get()
        #expect(split.yaml == "title: A\ndate: 2017-07-05")
        #expect(split.yamlStartLine == 2)
        #expect(split.body == "Body\n")
        #expect(split.bodyStartLine == 5)
    }

    @Test func acceptsCRLFAndDotsAsClosingLine() throws {
        let split = try FrontMatterSplitter.split("---\r\ntitle: A\r\n...\r\nBody").get()
        #expect(split.body == "Body")
        #expect(split.bodyStartLine == 4)
    }

    @Test func reportsMissingAndUnclosedFrontMatter() {
        #expect(FrontMatterSplitter.split("# Title\n") == .failure(.missing))
        #expect(FrontMatterSplitter.split("---\ntitle: A\n") == .failure(.unclosed))
    }
}

@Suite struct FrontMatterDecoderTests {
    func decode(_ yaml: String) -> (FrontMatter?, Diagnostics) {
        var diagnostics = Diagnostics()
        let result = FrontMatterDecoder.decode(yaml, file: "content/a.md", firstLine: 2, diagnostics: &diagnostics)
        return (result, diagnostics)
    }

    @Test func decodesEveryField() throws {
        let (front, diagnostics) = decode("""
        title: L’accord
        date: 2017-07-05
        summary: Résumé
        tags: [brevets, Nokia]
        draft: true
        weight: 3
        slug: accord-2017
        sources:
          - title: Reuters
            publisher: Reuters
            url: https://www.reuters.com/x
            date: 2017-07-05
        """)
        #expect(diagnostics.items.isEmpty)
        let value = try #require(front)
        #expect(value.title == "L’accord")
        #expect(value.date == "2017-07-05")
        #expect(value.tags == ["brevets", "Nokia"])
        #expect(value.draft && value.weight == 3 && value.slug == "accord-2017")
        #expect(value.sources == [SourceReference(title: "Reuters", publisher: "Reuters", url: "https://www.reuters.com/x", date: "2017-07-05")])
    }

    @Test func missingTitleIsAnError() {
        let (front, diagnostics) = decode("date: 2017-07-05")
        #expect(front == nil)
        #expect(diagnostics.errors.map(\.description) == ["content/a.md:1:1: error: front matter has no `title` (every page needs one, e.g. `title: L’accord`)"])
    }

    @Test func badDateIsReportedOnItsLine() {
        let (_, diagnostics) = decode("title: A\ndate: 2017-02-30")
        #expect(diagnostics.errors.count == 1)
        #expect(diagnostics.errors.first?.line == 3)
        #expect(diagnostics.errors.first?.message.contains("YYYY-MM-DD") == true)
    }

    @Test func syntaxErrorGivesTheFileLine() {
        let (_, diagnostics) = decode("title: A\ntags: [a, b\nsummary: x")
        let error = diagnostics.errors.first
        #expect(error?.message.hasPrefix("front matter: invalid YAML") == true)
        #expect((error?.line ?? 0) >= 3)
    }

    @Test func notAMappingIsAnError() {
        let (_, diagnostics) = decode("- a\n- b")
        #expect(diagnostics.errors.first?.message.contains("must be a mapping") == true)
    }

    @Test func wrongTypesAreReported() {
        let (_, diagnostics) = decode("title: A\ndraft: perhaps\nweight: heavy\nsources: nope")
        #expect(diagnostics.errors.map(\.line).sorted() == [3, 4, 5])
    }

    @Test func unknownKeyWarnsWithSuggestion() {
        let (front, diagnostics) = decode("title: A\nsumary: x")
        #expect(front != nil)
        #expect(diagnostics.warnings.first?.message == "unknown key `sumary` in front matter; did you mean `summary`?")
    }

    @Test func sourceURLMustBeHTTP() {
        let (_, diagnostics) = decode("title: A\nsources:\n  - title: X\n    url: javascript:alert(1)")
        #expect(diagnostics.errors.first?.line == 5)
    }

    @Test func unsafeSlugIsRefused() {
        let (_, diagnostics) = decode("title: A\nslug: ../../x")
        #expect(diagnostics.errors.first?.message.contains("not usable in a URL") == true)
    }
}

@Suite struct UTF8TextTests {
    @Test func findsTheFirstInvalidByte() {
        let bytes = Array("ab\ncé".utf8) + [0xFF] + Array("x".utf8)
        #expect(UTF8Text.decode(bytes) == .failure(UTF8Text.InvalidUTF8(line: 2, column: 3)))
    }

    @Test func dropsAByteOrderMark() throws {
        #expect(try UTF8Text.decode([0xEF, 0xBB, 0xBF] + Array("é".utf8)).get() == "é")
    }
}

@Suite struct PlacementTests {
    @Test func pagesGetPrettyURLs() {
        #expect(PagePlacement(contentPath: "index.md", slug: nil).urlPath == "")
        #expect(PagePlacement(contentPath: "index.md", slug: nil).kind == .home)
        #expect(PagePlacement(contentPath: "briefs/index.md", slug: nil).kind == .sectionIndex)
        #expect(PagePlacement(contentPath: "briefs/accord.md", slug: nil).urlPath == "briefs/accord/")
        #expect(PagePlacement(contentPath: "briefs/accord.md", slug: "deal").urlPath == "briefs/deal/")
        #expect(PagePlacement(contentPath: "Mes Notes/Été 2017.md", slug: nil).urlPath == "mes-notes/ete-2017/")
        #expect(PagePlacement(contentPath: "a-propos.md", slug: nil).section == nil)
    }
}

@Suite struct SlugTests {
    @Test(arguments: [
        ("L’accord du 5 juillet", "l-accord-du-5-juillet"),
        ("Œuvre à « part »", "oeuvre-a-part"),
        ("  Déjà vu !  ", "deja-vu"),
        ("Xiaomi: 2017Q3", "xiaomi-2017q3"),
        ("???", ""),
    ])
    func slugs(input: String, expected: String) {
        #expect(Slug.make(input) == expected)
    }
}

@Suite struct DateTextTests {
    @Test func displaysFrenchDates() {
        #expect(DateText.display("2017-07-05", language: "fr") == "5\u{00A0}juillet 2017")
        #expect(DateText.display("2017-07-01", language: "fr") == "1er\u{00A0}juillet 2017")
        #expect(DateText.display("2017-07-05", language: "en") == "July 5, 2017")
    }

    @Test func validatesCalendarDates() {
        #expect(DateText.isValidISODate("2016-02-29"))
        #expect(!DateText.isValidISODate("2017-02-29"))
        #expect(!DateText.isValidISODate("2017-7-5"))
        #expect(!DateText.isValidISODate("05/07/2017"))
    }
}
