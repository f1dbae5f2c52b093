import Testing
@testable import DossierCore

@Suite struct TemplateSetTests {
    func files(_ templates: [String: String]) -> [SourceFile] {
        templates.sorted { $0.key < $1.key }.map { SourceFile(path: $0.key, bytes: Array($0.value.utf8)) }
    }

    var complete: [String: String] {
        ["templates/home.mustache": "h", "templates/section.mustache": "s", "templates/page.mustache": "p", "templates/404.mustache": "n"]
    }

    @Test func missingPartialIsReportedWhereItIsUsed() {
        var templates = complete
        templates["templates/page.mustache"] = "<p>\n  {{> partials/nope}}</p>"
        var diagnostics = Diagnostics()
        _ = TemplateSet(files: files(templates), diagnostics: &diagnostics)
        #expect(diagnostics.errors.map(\.description) == [
            "templates/page.mustache:2:3: error: template \"partials/nope\" not found (expected templates/partials/nope.mustache)"
        ])
    }

    @Test func missingParentLayoutIsReported() {
        var templates = complete
        templates["templates/home.mustache"] = "{{<layout}}{{$main}}x{{/main}}{{/layout}}"
        var diagnostics = Diagnostics()
        _ = TemplateSet(files: files(templates), diagnostics: &diagnostics)
        #expect(diagnostics.errors.first?.message.contains("\"layout\" not found") == true)
    }

    @Test func missingRequiredTemplateIsReported() {
        var templates = complete
        templates.removeValue(forKey: "templates/404.mustache")
        var diagnostics = Diagnostics()
        _ = TemplateSet(files: files(templates), diagnostics: &diagnostics)
        #expect(diagnostics.errors.map(\.file) == ["templates/404.mustache"])
    }

    @Test func syntaxErrorsHaveALine() {
        var templates = complete
        templates["templates/page.mustache"] = "a\n{{#x}}b"
        var diagnostics = Diagnostics()
        _ = TemplateSet(files: files(templates), diagnostics: &diagnostics)
        #expect(diagnostics.errors.first?.file == "templates/page.mustache")
        #expect(diagnostics.errors.first?.message.hasPrefix("template syntax") == true)
    }

    @Test func rendersWithInheritanceAndEscapes() throws {
        var templates = complete
        templates["templates/layout.mustache"] = "<main>{{$main}}{{/main}}</main>"
        templates["templates/page.mustache"] = "{{<layout}}{{$main}}{{title}}{{/main}}{{/layout}}"
        var diagnostics = Diagnostics()
        let set = TemplateSet(files: files(templates), diagnostics: &diagnostics)
        #expect(diagnostics.items.isEmpty)
        #expect(try set.render("page", context: ["title": "<script>"]) == "<main>&lt;script&gt;</main>")
        #expect(throws: TemplateMissing.self) { try set.render("nope", context: [:]) }
    }
}
