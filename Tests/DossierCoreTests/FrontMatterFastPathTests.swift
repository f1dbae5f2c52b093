import Testing
@testable import DossierModel
@testable import DossierParse

/// The fast front-matter reader against the YAML path, which is the reference: whenever the fast
/// reader answers, the YAML path must give the same value and no diagnostic at all.
@Suite struct FrontMatterFastPathTests {
    struct Comparison {
        /// The cases where the reader answers something other than what the YAML path gives without diagnostics.
        var disagreements: [String] = []
        /// Cases the YAML path reads without any diagnostic, and how many of them the reader answers.
        var clean = 0
        var answeredClean = 0

        var report: String {
            "\(disagreements.count) disagreements:\n\(disagreements.prefix(20).joined(separator: "\n"))"
        }
    }

    static func compare(_ corpus: [String], read: (String) -> FrontMatter?) -> Comparison {
        var comparison = Comparison()
        for yaml in corpus {
            let fast = read(yaml)
            var diagnostics = Diagnostics()
            let reference = FrontMatterDecoder.decodeWithYAML(yaml, file: "content/a.md", firstLine: 2, diagnostics: &diagnostics)
            if reference != nil && diagnostics.items.isEmpty {
                comparison.clean += 1
                if fast != nil { comparison.answeredClean += 1 }
            }
            guard let fast else { continue }
            if reference != fast || !diagnostics.items.isEmpty {
                comparison.disagreements.append("""
                \(String(reflecting: yaml))
                  fast: \(String(describing: fast))
                  YAML: \(String(describing: reference)) \(diagnostics.items.map(\.description))
                """)
            }
        }
        return comparison
    }

    @Test func agreesWithTheYAMLPathOnHandWrittenCases() {
        let comparison = Self.compare(FrontMatterCorpus.cases(), read: FrontMatterFastReader.read)
        #expect(comparison.disagreements.isEmpty, "\(comparison.report)")
        // Not vacuous: most of what the YAML path reads cleanly is read by the fast path.
        #expect(comparison.clean > 1000)
        #expect(comparison.answeredClean * 10 > comparison.clean * 7)
    }

    @Test func agreesWithTheYAMLPathOnGeneratedCases() {
        let comparison = Self.compare(FrontMatterCorpus.generated(4000), read: FrontMatterFastReader.read)
        #expect(comparison.disagreements.isEmpty, "\(comparison.report)")
        #expect(comparison.clean > 500)
        #expect(comparison.answeredClean * 2 > comparison.clean)
    }

    @Test func agreesWithTheYAMLPathOnMutatedCases() {
        let seeds = FrontMatterCorpus.cases() + FrontMatterCorpus.generated(500, seed: 7)
        let comparison = Self.compare(FrontMatterCorpus.mutations(of: seeds, count: 8000), read: FrontMatterFastReader.read)
        #expect(comparison.disagreements.isEmpty, "\(comparison.report)")
        #expect(comparison.clean > 300)
        #expect(comparison.answeredClean * 2 > comparison.clean)
    }

    @Test func readsEveryPageOfTheRepositoryLikeTheYAMLPath() throws {
        let pages = try FrontMatterCorpus.repositoryContent()
        #expect(pages.count >= 9)
        for (path, yaml) in pages {
            #expect(FrontMatterFastReader.read(yaml) != nil, "fast path gave up on content/\(path)")
        }
        #expect(Self.compare(pages.map(\.yaml), read: FrontMatterFastReader.read).disagreements.isEmpty)
    }

    @Test func readsTheBenchmarkFrontMatter() throws {
        let yaml = """
        title: "Analyse numéro 12"
        date: 2015-01-13
        summary: "Marché accord Inde brevet licence !"
        tags: [réseau, Chine]
        weight: 12
        sources:
          - title: "Rapport 12"
            publisher: IDC
            url: https://example.org/rapport/12
        """
        let value = try #require(FrontMatterFastReader.read(yaml))
        #expect(value == FrontMatter(
            title: "Analyse numéro 12", date: "2015-01-13", summary: "Marché accord Inde brevet licence !",
            tags: ["réseau", "Chine"], weight: 12,
            sources: [SourceReference(title: "Rapport 12", publisher: "IDC", url: "https://example.org/rapport/12")]
        ))
    }

    /// The comparison itself catches a wrong value: a reader that gets one conversion wrong disagrees.
    @Test func theComparisonCatchesAWrongConversion() {
        let corpus = FrontMatterCorpus.cases()
        let wrongDraft = Self.compare(corpus) { yaml in
            FrontMatterFastReader.read(yaml).map { value in
                var value = value
                if yaml.contains("draft: yes") { value.draft = false }
                return value
            }
        }
        #expect(!wrongDraft.disagreements.isEmpty)
        let wrongNull = Self.compare(corpus) { yaml in
            FrontMatterFastReader.read(yaml).map { value in
                var value = value
                if value.summary == nil && yaml.contains("summary: ~") { value.summary = "~" }
                return value
            }
        }
        #expect(!wrongNull.disagreements.isEmpty)
    }

    @Test(arguments: [
        "title: A",
        "title: A  \n\n# comment\nsummary: B # trailing",
        "title: 'It''s'\nsummary: \"a \\\"b\\\" \\u00e9\"",
        "title: A\ndraft: yes\nweight: -12",
        "title: A\ndraft: Off\nweight: 0",
        "title: A\ndate: ~\nsummary: null\nslug:\ndraft: NULL\nweight: ~\ntags: ~\nsources:",
        "title: A\ntags: [a b, \"c\", 'd']",
        "title: A\ntags: []",
        "title: A\ntags: yes",
        "title: A\ntags:\n  - a\n  - ~",
        "title: A\ntags:\n- a\n- b\nweight: 1",
        "title: A\nsources:\n- title: B\n  url: https://b.example\n- title: C\n  publisher:",
        "title: 2017-07-05\nsummary: 0x1F",
        "title: a:b, c [d] {e} 'f' \"g\" h#i",
        "title: -a",
    ])
    func acceptsTheCommonSubset(_ yaml: String) {
        #expect(FrontMatterFastReader.read(yaml) != nil)
    }

    @Test(arguments: [
        // Not in the subset.
        "title: A\nsummary: >\n  B", "title: A\nsummary: |\n  B", "title: &a A", "title: *a", "title: !!str A",
        "title: A\n  B", "title: \"A\n  B\"", "title: A\tB", "title: A\r", "{title: A}", "  title: A", "title : A",
        "title: \"\\x\"", "title: \"\\uD800\"", "title: \"\\uFEFFA\"", "title: A\ntags: [a, [b]]", "title: A\ntags: [a, ]",
        "title: A\ntags: [a,\n  b]", "title: A\ntags: [a: b]", "title: A\nsources: []", "title: A\nsources:\n  -   title: B",
        "title: A\ntags:\n  - a\n   - b", "title: A\ntags:\n  -", "title: A\ntags:\n  - a\n  # indented comment",
        "title: A\u{2028}B", "\u{FEFF}title: A", "title: A\u{85}",
        // Conversions left to Yams.
        "title: A\nweight: 0x1F", "title: A\nweight: 010", "title: A\nweight: 1_000", "title: A\nweight: 1:30",
        "title: A\nweight: +3", "title: A\nweight: 99999999999999999999",
        // What the YAML path reports: an error or a warning.
        "title: A\ntitle: B", "title: A\nsumary: B", "summary: B", "title: ~", "title:", "title: \"  \"",
        "title: A\ndraft: maybe", "title: A\ndraft: \"true\"", "title: A\nweight: \"3\"", "title: A\nweight: 1.5",
        "title: A\ndate: 2017-02-30", "title: A\nslug: ../x", "title: A\nsources:\n  - publisher: B",
        "title: A\nsources:\n  - title: B\n    url: javascript:x", "title: A\nsources:\n  - title: B\n    editor: C",
        "title: A\nsummary: a: b", "title: A\nsummary: [a]", "title: A\ntags:\n  - a: b",
    ])
    func fallsBackOutsideTheSubset(_ yaml: String) {
        #expect(FrontMatterFastReader.read(yaml) == nil)
    }
}
