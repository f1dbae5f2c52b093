import Testing
@testable import DossierMarkdown
@testable import DossierModel

/// Heading ids: the same ids as ever, in a number of steps that grows with the page.
@Suite struct HeadingIDsTests {
    /// The ids as they were given before `HeadingIDs`: each heading counts up from 1.
    static func reference(_ bases: [String], reserved: Set<String>) -> [String] {
        var used = reserved
        return bases.map { base in
            var id = base
            var counter = 1
            while used.contains(id) {
                id = "\(base)-\(counter)"
                counter += 1
            }
            used.insert(id)
            return id
        }
    }

    static let cases: [[String]] = [
        ["a", "a", "a"],
        ["a-1", "a", "a", "a", "a-2", "a"],
        ["a", "a-1", "a", "a-1", "a-1-1", "a"],
        ["contenu", "contenu", "toc", "toc-1", "toc"],
        ["b", "a", "b", "a", "a-2", "b-1", "b", "a", "a"],
    ]

    @Test(arguments: cases)
    func sameIDsAsTheCountingLoop(_ bases: [String]) {
        let reserved: Set<String> = ["contenu", "toc"]
        var ids = HeadingIDs(reserved: reserved)
        #expect(bases.map { ids.take($0) } == Self.reference(bases, reserved: reserved))
    }

    @Test func probesGrowLinearlyWithTheHeadings() {
        var ids = HeadingIDs(reserved: [])
        var last = ""
        for _ in 0..<50_000 { last = ids.take("a") }
        #expect(last == "a-49999")
        // Two look-ups per heading: the base, then the next free suffix (the counting loop
        // made 1.25 billion).
        #expect(ids.probes <= 2 * 50_000)
    }

    @Test func aPageOfFiftyThousandHeadings() {
        let markdown = String(repeating: "## a\n\n", count: 50_000) + "## a-7 {#a-7}\n"
        let result = MarkdownRenderer(unsafeHTML: false, language: "en")
            .render(markdown, file: "content/h.md", firstLine: 1, contentPath: "h.md", urlPath: "h/", links: LinkResolver(pages: [:], drafts: [], portable: false))
        let ids = result.headings.map(\.id)
        #expect(ids.count == 50_001)
        #expect(Set(ids).count == ids.count)
        #expect(ids.prefix(3) == ["a", "a-1", "a-2"])
        #expect(ids[49_999] == "a-49999")
        // The explicit id was taken by the 8th heading: still reported.
        #expect(ids.last == "a-7-1")
        #expect(result.diagnostics.errors.map(\.message) == ["heading id \"a-7\" is already used on this page"])
        #expect(result.html.contains("<h2 id=\"a-49999\">a</h2>"))
    }
}
