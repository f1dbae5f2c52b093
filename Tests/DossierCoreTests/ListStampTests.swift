import Testing
@testable import DossierModel
@testable import DossierTemplates
@testable import DossierBuild

/// Listings filled from a list stamp must be byte-identical to what swift-mustache renders,
/// whatever the list's length, its elements' shapes and their values.
@Suite struct ListStampTests {
    static func pair(_ templates: [String: String], listMinimum: Int = 3) -> (stamped: TemplateSet, direct: TemplateSet) {
        var all = ["templates/home.mustache": "h", "templates/section.mustache": "s", "templates/404.mustache": "n", "templates/page.mustache": "p"]
        all.merge(templates) { $1 }
        var diagnostics = Diagnostics()
        let stamped = TemplateSet(files: TemplateStampTests.files(all), stamping: true, listMinimum: listMinimum, diagnostics: &diagnostics)
        let direct = TemplateSet(files: TemplateStampTests.files(all), stamping: false, diagnostics: &diagnostics)
        #expect(diagnostics.items.isEmpty)
        return (stamped, direct)
    }

    /// Cards of several shapes: with or without a date and a summary, with 0 to 2 tags.
    static func cards(_ count: Int, values: [String] = TemplateStampTests.hostile) -> [TemplateValue] {
        (0..<count).map { index in
            let value = values[index % values.count]
            var card: TemplateContext = ["title": .string("\(index) \(value)"), "url": .string("p/\(index)/"),
                                         "tags": .strings(Array(["a", value].prefix(index % 3)))]
            if index % 4 != 1 { card["summary"] = .string(value) }
            if index % 5 != 2 {
                card["date"] = .string("2017-07-\(index % 28 + 1)")
                card["date_display"] = .string("\(index % 28 + 1) juil. 2017")
            }
            return .map(card)
        }
    }

    static let listing = """
    <h1>{{section.title}}</h1>
    {{#first(section.pages)}}
    <p>Première : {{title}}</p>
    <ol>
    {{#section.pages}}
      {{> partials/card}}
    {{/section.pages}}
    </ol>
    {{/first(section.pages)}}
    {{^section.pages}}<p>{{t.none}}</p>{{/section.pages}}
    <footer>{{{section.content}}}</footer>
    """

    static let card = """
    <li class="card"><a href="{{.url}}">{{.title}}</a>{{#.date}}<time datetime="{{.}}">{{date_display}}</time>{{/.date}}
    {{#.summary}}<p>{{.}}</p>
    {{/.summary}}{{#tags}}<span>{{.}}</span>{{/tags}} {{t.more}}</li>

    """

    static func context(_ pages: [TemplateValue], content: String = "<p>fin</p>\n") -> TemplateContext {
        ["section": ["title": "Notes & <brèves>", "pages": .list(pages), "content": .string(content)],
         "t": ["none": "Rien", "more": "Lire la suite »"]]
    }

    @Test func listingsOfEveryLengthRenderAsSwiftMustacheDoes() throws {
        let (stamped, direct) = Self.pair(["templates/section.mustache": Self.listing, "templates/partials/card.mustache": Self.card])
        for count in [0, 1, 2, 3, 7, 25, 60] {
            for content in ["<p>fin</p>\n", "", "a forged \u{E000}0&\u{E001}"] {
                let context = Self.context(Self.cards(count), content: content)
                #expect(try stamped.render("section", context: context, listing: true) == direct.render("section", context: context), "\(count)")
            }
        }
        let counts = stamped.stampCounts
        #expect(counts.listStamps > 0)
        #expect(counts.refused == 0)
    }

    /// A home page with two long lists: the stamp cuts the one that holds most of the page (the
    /// contents), whichever comes first in key order, and still renders as swift-mustache does.
    @Test func aListingWithTwoLongListsCutsTheLargest() throws {
        let home = """
        {{#figures}}<a href="{{.url}}">{{.title}}</a>
        {{/figures}}<ol>
        {{#section.pages}}
          {{> partials/card}}
        {{/section.pages}}
        </ol>
        """
        let (stamped, direct) = Self.pair(["templates/home.mustache": home, "templates/partials/card.mustache": Self.card])
        let figures: [TemplateValue] = (0..<5).map { ["title": .string("Figure \($0) <&>"), "url": .string("f/\($0)/")] }
        // No forged marker among the values, so that a stamp can be made.
        var context = Self.context(Self.cards(60, values: Array(TemplateStampTests.hostile.prefix(13))))
        context["figures"] = .list(figures)
        #expect(try stamped.render("home", context: context, listing: true) == direct.render("home", context: context))
        #expect(stamped.stampCounts.listStamps == 1)

        let shaper = ContextShaper(usage: try #require(TemplateUsage.scan([home, Self.card])), listMinimum: 3)
        #expect(shaper.cuttingLargestList(of: context).longListPath == ["section", "pages"])
        // Ten long lists of the same size (in a list too short to be cut): none is most of the
        // page, so none is cut.
        let wide = ContextShaper(usage: try #require(TemplateUsage.scan([home, Self.card])), listMinimum: 20)
        let even: TemplateContext = ["groups": .list((0..<10).map { _ in ["items": .list(Self.cards(25))] })]
        #expect(wide.cuttingLargestList(of: even).listMinimum == nil)
        #expect(wide.cuttingLargestList(of: context).longListPath == ["section", "pages"])
    }

    @Test func aListStampIsMadeOnceAndFilledAgain() throws {
        let (stamped, direct) = Self.pair(["templates/section.mustache": Self.listing, "templates/partials/card.mustache": Self.card], listMinimum: 20)
        let short = Self.context(Self.cards(19))
        #expect(try stamped.render("section", context: short, listing: true) == direct.render("section", context: short))
        #expect(stamped.stampCounts.listStamps == 0)
        // The same shapes (no empty value, none with a marker), other values.
        for values in [["x", "y & z"], ["<b>", "l’“accord”"], ["é<é", "fin"]] {
            let long = Self.context(Self.cards(500, values: values))
            #expect(try stamped.render("section", context: long, listing: true) == direct.render("section", context: long))
        }
        #expect(stamped.stampCounts.listStamps == 1)
        #expect(stamped.stampCounts.listed == 3)
    }

    @Test func theTextBetweenElementsMayRepeatWhatFollowsThem() throws {
        // The element's text and the text after the list begin alike: the place where an element
        // is put in is ambiguous, and any choice must give the same page.
        let (stamped, direct) = Self.pair(["templates/section.mustache": "<ul>{{#section.pages}}<li>{{title}}</li>{{/section.pages}}<li>{{t.more}}</li></ul>"])
        for count in [3, 4, 30] {
            let context = Self.context(Self.cards(count, values: ["a", "b < c", "d"]))
            #expect(try stamped.render("section", context: context, listing: true) == direct.render("section", context: context))
        }
        #expect(stamped.stampCounts.listed == 3)
    }

    @Test func aListReadTwiceOrByPositionIsRenderedBySwiftMustache() throws {
        let templates = [
            "{{#section.pages}}<a>{{title}}</a>{{/section.pages}}<hr>{{#section.pages}}<b>{{url}}</b>{{/section.pages}}",
            "{{#section.pages}}{{title}}{{^last()}}, {{/last()}}{{/section.pages}}",
            "{{count(section.pages)}} : {{#section.pages}}{{title}}{{/section.pages}}",
            "{{#last(section.pages)}}{{title}}{{/last(section.pages)}}",
            "{{section.pages}}",
        ]
        for template in templates {
            let (stamped, direct) = Self.pair(["templates/section.mustache": template])
            for count in [3, 8, 25] {
                let context = Self.context(Self.cards(count))
                #expect(try stamped.render("section", context: context, listing: true) == direct.render("section", context: context), "\(template)")
            }
            #expect(stamped.stampCounts.listed == 0 || template == "{{section.pages}}", "\(template)")
        }
    }

    @Test func elementValuesThatEndALineInAnIndentedPartial() throws {
        let (stamped, direct) = Self.pair([
            "templates/section.mustache": "<div>\n  {{> partials/list}}\n</div>\n",
            "templates/partials/list.mustache": "{{#section.pages}}\n<p>{{{summary}}}</p>\n{{{summary}}}\n{{/section.pages}}\n",
        ])
        let values = ["ligne\n", "deux\nlignes\n", "sans fin", "<b>gras</b>\n"]
        for count in [3, 5, 40] {
            let context = Self.context(Self.cards(count, values: values))
            #expect(try stamped.render("section", context: context, listing: true) == direct.render("section", context: context))
        }
        #expect(stamped.stampCounts.listed == 3)
    }
}

@Suite struct TemplateReadsTests {
    static func set(_ home: String) -> TemplateSet {
        var diagnostics = Diagnostics()
        let files = ["templates/home.mustache": home, "templates/section.mustache": "{{#section.pages}}{{title}}{{/section.pages}}",
                     "templates/page.mustache": "{{page.title}}", "templates/404.mustache": "{{t.not_found_title}}"]
        return TemplateSet(files: TemplateStampTests.files(files), diagnostics: &diagnostics)
    }

    @Test func aKeyIsReadWhenANameStartsWithIt() {
        #expect(Self.set("{{#sections}}{{#pages}}{{title}}{{/pages}}{{/sections}}").mayRead("pages"))
        #expect(Self.set("{{#first(sections)}}{{pages}}{{/first(sections)}}").mayRead("pages"))
        #expect(!Self.set("{{#sections}}{{title}}{{/sections}}").mayRead("pages"), "section.pages starts with section")
        #expect(Self.set("{{=<% %>=}}<% title %>").mayRead("pages"), "templates that cannot be read are taken to read everything")
    }

    @Test func theHomePageHasCardsOnlyWhenATemplateReadsThem() throws {
        let site = try TestSite([
            "content/index.md": page("Accueil"),
            "content/notes/a.md": page("Note A"),
            "templates/home.mustache": "{{#sections}}[{{title}}{{#pages}} {{title}}{{/pages}}]{{/sections}}",
        ])
        defer { site.cleanUp() }
        let files = try #require(site.build().site?.files)
        #expect(files["index.html"] == .text("[Notes Note A]"))

        try site.write("templates/home.mustache", "{{#sections}}[{{title}}]{{/sections}}")
        let without = try #require(site.build().site?.files)
        #expect(without["index.html"] == .text("[Notes]"))
    }
}
