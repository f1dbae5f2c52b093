import Foundation
import Mustache
import Testing
@testable import DossierModel
@testable import DossierTemplates
@testable import DossierBuild

/// Stamped pages must be byte-identical to what swift-mustache renders, whatever the values.
@Suite struct TemplateStampTests {
    static func files(_ templates: [String: String]) -> [SourceFile] {
        templates.sorted { $0.key < $1.key }.map { SourceFile(path: $0.key, bytes: Array($0.value.utf8)) }
    }

    static func pair(_ templates: [String: String]) -> (stamped: TemplateSet, direct: TemplateSet) {
        var all = ["templates/home.mustache": "h", "templates/section.mustache": "s", "templates/404.mustache": "n"]
        all.merge(templates) { $1 }
        var diagnostics = Diagnostics()
        let stamped = TemplateSet(files: files(all), stamping: true, diagnostics: &diagnostics)
        let direct = TemplateSet(files: files(all), stamping: false, diagnostics: &diagnostics)
        #expect(diagnostics.items.isEmpty)
        return (stamped, direct)
    }

    static let hostile = [
        "plain", "", "a < b & c > d", "\"quoted\" and 'single'", "ligne\n", "deux\nlignes\n", "fin\r\n",
        "<\u{301} combining", "\u{600}< prepended", "é<é", "l’“accord”", "&amp; already", "{{not a tag}}",
        "\u{E000}0&\u{E001} a forged marker", "trailing \u{E001}",
    ]

    @Test func escapingMatchesSwiftMustache() throws {
        let template = try MustacheTemplate(string: "{{value}}")
        for value in Self.hostile + ["<", ">", "&", "\"", "'", "<>&\"'", "x\u{0308}<", "<\u{0308}"] {
            #expect(MustacheEscape.html(value) == template.render(["value": value]), "\(value.debugDescription)")
        }
    }

    @Test func everyHostileValueRendersAsSwiftMustacheDoes() throws {
        let page = """
        <h1>{{title}}</h1>{{{title}}}
        {{#items}}
          {{> partials/item}}
        {{/items}}
        {{^items}}none{{/items}}
        {{#flag}}on{{/flag}}{{^flag}}off{{/flag}}
        {{#empty(note)}}no note{{/empty(note)}}{{^empty(note)}}{{uppercased(note)}}{{/empty(note)}}
        {{#first(items)}}first: {{name}}{{/first(items)}}
        {{#meta}}{{count}} {{missing}}{{/meta}}
        <pre>
          {{> partials/body}}
        </pre>
        """
        let (stamped, direct) = Self.pair([
            "templates/page.mustache": page,
            "templates/partials/item.mustache": "<li>{{name}}{{#last()}}.{{/last()}}</li>\n{{{name}}}\n",
            "templates/partials/body.mustache": "{{{body}}}\n{{body}}\nafter\n",
        ])
        var contexts: [TemplateContext] = []
        for (index, value) in Self.hostile.enumerated() {
            for copies in [value, "x" + value] {
                contexts.append([
                    "title": .string(copies), "body": .string(value), "note": .string(index % 3 == 0 ? "" : value), "flag": .bool(index % 2 == 0),
                    "items": [["name": .string(value)], ["name": .string(copies)]], "meta": ["count": .int(index)],
                ])
            }
        }
        // Every context twice, so the second of each shape makes a stamp and later ones fill it.
        for context in contexts + contexts + contexts {
            #expect(try stamped.render("page", context: context) == direct.render("page", context: context))
        }
        let counts = stamped.stampCounts
        #expect(counts.stamps > 0)
        #expect(counts.stamped > 0)
        #expect(counts.refused == 0)
        #expect(direct.stampCounts == StampCache.Counts())
    }

    @Test func literalValuesAreKeptWhenATransformReadsThem() throws {
        let (stamped, direct) = Self.pair(["templates/page.mustache": "{{lowercased(name)}}|{{name}}|{{#sorted(tags)}}{{.}}{{/sorted(tags)}}"])
        let names = ["Alpha", "BETA", "Gamma", "delta"]
        for round in 0..<3 {
            for name in names {
                let context: TemplateContext = ["name": .string(name + "\(round)"), "tags": [.string(name), "b", "a"]]
                #expect(try stamped.render("page", context: context) == direct.render("page", context: context))
            }
        }
    }

    @Test func usageScanFindsTransformsAndRefusesWhatItCannotRead() {
        let usage = TemplateUsage.scan(["{{! a comment (with parens) }}{{#first(page.toc)}}{{/first(page.toc)}}{{^empty(section.content)}}x{{/empty(section.content)}}{{#last()}}{{/last()}}"])
        #expect(usage?.transformed == [
            TemplateUsage.Transformed(path: ["page", "toc"], transforms: ["first"]),
            TemplateUsage.Transformed(path: ["section", "content"], transforms: ["empty"]),
        ])
        #expect(TemplateUsage.scan(["{{=<% %>=}}<% name %>"]) == nil)
        #expect(TemplateUsage.scan(["{{>*dynamic}}"]) == nil)
        #expect(TemplateUsage.scan(["{{#empty(.)}}x{{/empty(.)}}"]) == nil)
        #expect(TemplateUsage.scan(["text with \u{E000} in it"]) == nil)
        #expect(TemplateUsage.scan(["{{unclosed"]) == nil)
        let plain = TemplateUsage.scan(["{{{raw}}} {{> partials/x}} {{<layout}}{{$main}}{{/main}}{{/layout}}"])
        #expect(plain?.transformed == [])
        #expect(plain?.positional == false)
        #expect(plain?.firstKeys.contains("raw") == true)
    }

    @Test func aStampIsRefusedWhenTheMarkersDoNotReadBack() {
        #expect(TemplateStamp(rendered: "a\u{E000}0&\u{E001}b", endsLine: [false]) != nil)
        #expect(TemplateStamp(rendered: "a\u{E000}0&amp;\u{E001}b", endsLine: [false]) != nil)
        #expect(TemplateStamp(rendered: "a\u{E000}0&\u{E001}b", endsLine: [true]) == nil)
        #expect(TemplateStamp(rendered: "a\u{E000}1&\u{E001}b", endsLine: [false]) == nil)
        #expect(TemplateStamp(rendered: "a\u{E000}0\u{E001}b", endsLine: [false]) == nil)
        #expect(TemplateStamp(rendered: "A\u{E000}0&\u{E001}", endsLine: [false])?.fill([.string("<b>")]) == "A<b>")
        #expect(TemplateStamp(rendered: "A\u{E000}0&amp;\u{E001}", endsLine: [false])?.fill([.string("<b>")]) == "A&lt;b&gt;")
    }

    @Test func theExampleSiteIsTheSameWithAndWithoutStamps() throws {
        let root = GalleryTests.repository.path
        let stamped = SiteBuilder(root: root, options: BuildOptions(stampTemplates: true)).build()
        let direct = SiteBuilder(root: root, options: BuildOptions(stampTemplates: false)).build()
        let stampedFiles = try #require(stamped.site?.files)
        let directFiles = try #require(direct.site?.files)
        #expect(stampedFiles.count == directFiles.count)
        for (path, content) in directFiles {
            #expect(stampedFiles[path] == content, "\(path)")
        }
    }
}

/// `TemplateUsage.tags(in:)` reads bytes; it must find the tags the `range(of:)` version found.
@Suite struct TemplateTagScanTests {
    static func reference(_ source: String) -> [Substring]? {
        var tags: [Substring] = []
        var rest = source[...]
        while let open = rest.range(of: "{{") {
            var inner = rest[open.upperBound...]
            let triple = inner.first == "{"
            if triple { inner = inner.dropFirst() }
            guard let close = inner.range(of: triple ? "}}}" : "}}") else { return nil }
            let tag = inner[..<close.lowerBound]
            rest = inner[close.upperBound...]
            switch tag.first {
            case "!": continue
            case "=": return nil
            default: tags.append(tag)
            }
        }
        return tags
    }

    @Test func findsWhatTheStringSearchFound() throws {
        var sources = [
            "", "text", "{", "{{", "}}", "{{a}}", "{{{a}}}", "{{{a}}", "{{a}}}", "{a}} {{b}", "{{!c}}{{d}}", "{{=<% %>=}}",
            "{{#first(page.toc)}}x{{/first(page.toc)}}", "é{{é}}è{{{à}}}ù", "{{ a } b }}", "{{ a }}} }}", "{{{ a }} }}}",
            "{{a}}{{b}}{{{c}}}{{!d}}", "{{{{a}}}}", "}{{a}}{", "{{> partials/x}}\n{{<layout}}{{$main}}m{{/main}}{{/layout}}",
        ]
        let templates = URL(fileURLWithPath: GalleryTests.repository.path).appendingPathComponent("theme")
        for name in try FileManager.default.subpathsOfDirectory(atPath: templates.path) where name.hasSuffix(".mustache") {
            sources.append(try String(contentsOf: templates.appendingPathComponent(name), encoding: .utf8))
        }
        for source in sources {
            #expect(TemplateUsage.tags(in: source)?.map(String.init) == Self.reference(source)?.map(String.init), "\(source.debugDescription)")
        }
    }
}
