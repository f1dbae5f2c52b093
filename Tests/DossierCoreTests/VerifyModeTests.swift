import Testing
@testable import DossierModel
@testable import DossierParse
@testable import DossierBuild

/// `DOSSIER_VERIFY=1`: the YAML parser reads every input the fast readers read, and a
/// difference is an error of the build.
@Suite struct VerifyModeTests {
    @Test func aVerifiedBuildOfTheFigureCorpusAgreesEverywhere() throws {
        var files = FigureTests.data
        files["content/briefs/chine.md"] = page("Chine", """
            ```chart
            type: line
            data: parts
            x: trimestre
            y: part
            series: constructeur
            title: Parts (en %)
            caption: Xiaomi remonte – d’après Counterpoint.
            id: parts
            ```

            ```table
            data: parts
            sort: -part
            decimals: 1
            ```
            """, extra: "date: 2017-07-05\ntags: [a, b]\nsources:\n  - id: cp\n    title: Counterpoint\n    url: https://example.org\n")
        let site = try TestSite(files)
        defer { site.cleanUp() }
        let result = site.build(BuildOptions(verify: true))
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.sorted)")
    }

    @Test(arguments: FrontMatterCorpus.cases())
    func theFastFrontMatterReaderAgreesWithYAMLUnderVerification(yaml: String) {
        var diagnostics = Diagnostics()
        _ = FrontMatterDecoder.decode(yaml, file: "content/a.md", firstLine: 2, verify: true, diagnostics: &diagnostics)
        #expect(!diagnostics.items.contains { $0.message.hasPrefix("DOSSIER_VERIFY") }, "\(diagnostics.sorted)")
    }

    @Test func aDisagreementNamesBothReadings() {
        let message = Verification.mismatch("front matter", fast: "a", reference: Optional("b"), diagnostics: Diagnostics())
        #expect(message.hasPrefix("DOSSIER_VERIFY: the fast reader of this front matter disagrees with the YAML parser; fast: a; YAML: b"))
    }

    /// Typography, link paths and template stamps (with their escaper) run beside their
    /// references on a site that exercises them: French punctuation, links with `..`, `#`,
    /// non-ASCII paths, and many pages of one shape (stamped), with text to escape.
    @Test func theOtherFastPathsAgreeWithTheirReferencesAndChangeNothing() throws {
        var files = FigureTests.data
        for index in 0..<12 {
            files["content/briefs/note-\(index).md"] = page("Note \(index) – « <b> & co »", """
                Le « chiffre » : 72 % ; vraiment ? Oui ! Voir [l’accord](../accord.md#le-texte), \
                [la note](note-\((index + 1) % 12).md), [l’été](../été/carte.md) et [le site](https://example.org/a?b=1&c=2).

                ## Le texte

                *Emphase* « entre guillemets » et `code : non touché`.
                """)
        }
        files["content/accord.md"] = page("Accord", "## Le texte\n\nTexte.")
        files["content/été/carte.md"] = page("Carte d’été", "Voir [l’accord](../accord.md).")
        let site = try TestSite(files)
        defer { site.cleanUp() }
        let verified = site.build(BuildOptions(verify: true))
        #expect(!verified.diagnostics.hasErrors, "\(verified.diagnostics.sorted)")
        let plain = site.build(BuildOptions())
        #expect(verified.site?.files.keys.sorted() == plain.site?.files.keys.sorted())
        for (path, content) in plain.site?.files ?? [:] {
            #expect(verified.site?.files[path] == content, "\(path)")
        }
        #expect(plain.site?.files["briefs/note-3/index.html"]?.text?.contains("&lt;b&gt; &amp; co") == true)
    }

    @Test func aDisagreementOfAFastPathNamesBothResults() {
        let message = Verification.disagreement("relative link", fast: "../a/", reference: "../b/")
        #expect(message.hasPrefix("DOSSIER_VERIFY: the fast relative link disagrees with its reference; fast: \"../a/\"; reference: \"../b/\""))
    }
}
