import Testing
@testable import DossierModel
@testable import DossierTemplates

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

    @Test func cyclesAreReportedWhereTheyClose() {
        var templates = complete
        templates["templates/page.mustache"] = "{{> partials/a}}"
        templates["templates/partials/a.mustache"] = "a\n  {{> partials/b}}"
        templates["templates/partials/b.mustache"] = "{{#x}}{{> partials/a}}{{/x}}"
        var diagnostics = Diagnostics()
        let set = TemplateSet(files: files(templates), diagnostics: &diagnostics)
        #expect(diagnostics.errors.map(\.description) == [
            "templates/partials/b.mustache:1:7: error: template cycle: partials/a → partials/b → partials/a; a template cannot include or inherit from itself"
        ])
        // Nothing is rendered: swift-mustache would recurse until the stack overflows.
        #expect(throws: TemplateMissing.self) { try set.render("page", context: [:]) }
    }

    @Test func cyclesBehindChangedDelimitersAreFound() {
        var templates = complete
        templates["templates/page.mustache"] = "{{=<% %>=}}<%> page%>"
        var diagnostics = Diagnostics()
        _ = TemplateSet(files: files(templates), diagnostics: &diagnostics)
        #expect(diagnostics.errors.map(\.description) == [
            "templates/page.mustache:1:12: error: template cycle: page → page; a template cannot include or inherit from itself"
        ])
    }

    @Test func sectionsNestedTooDeepAreRefusedUnparsed() {
        var templates = complete
        templates["templates/page.mustache"] = "<p>\n" + String(repeating: "{{^x}}", count: 5_000) + String(repeating: "{{/x}}", count: 5_000)
        var diagnostics = Diagnostics()
        _ = TemplateSet(files: files(templates), diagnostics: &diagnostics)
        #expect(diagnostics.errors.map(\.description) == ["templates/page.mustache:2:601: error: sections nested more than 100 levels deep"])
    }

    @Test func aChainOfPartialsNestedTooDeepIsRefused() {
        var templates = complete
        templates["templates/page.mustache"] = "{{> partials/c1}}"
        for level in 1...60 {
            templates["templates/partials/c\(level).mustache"] = "{{#x}}{{#y}}{{> partials/c\(level + 1)}}{{/y}}{{/x}}"
        }
        templates["templates/partials/c61.mustache"] = "end"
        var diagnostics = Diagnostics()
        let set = TemplateSet(files: files(templates), diagnostics: &diagnostics)
        #expect(diagnostics.errors.map(\.description) == [
            "templates/partials/c27.mustache:1:13: error: templates nested too deep: \"partials/c28\" here makes 102 levels of sections and templates (at most 100)"
        ])
        #expect(throws: TemplateMissing.self) { try set.render("page", context: [:]) }
    }

    @Test func deepButBoundedNestingRenders() throws {
        var templates = complete
        templates["templates/page.mustache"] = String(repeating: "{{#x}}", count: 99) + "deep" + String(repeating: "{{/x}}", count: 99)
        var diagnostics = Diagnostics()
        let set = TemplateSet(files: files(templates), diagnostics: &diagnostics)
        #expect(diagnostics.errors.isEmpty)
        #expect(try set.render("page", context: ["x": .bool(true)]) == "deep")
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
