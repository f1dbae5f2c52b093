import Testing
@testable import DossierModel
@testable import DossierTheme
@testable import DossierCharts
@testable import DossierTemplates
@testable import DossierMarkdown
@testable import DossierLoad
@testable import DossierData
@testable import DossierParse
@testable import DossierFigures
@testable import DossierRender
@testable import DossierOutput
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
        let message = Verification.mismatch("chart spec", fast: "a", reference: Optional("b"), diagnostics: Diagnostics())
        #expect(message.hasPrefix("DOSSIER_VERIFY: the fast reader of this chart spec disagrees with the YAML parser; fast: a; YAML: b"))
    }
}
