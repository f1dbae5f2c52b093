import Foundation
import Testing
@testable import DossierModel
@testable import DossierTemplates
@testable import DossierMarkdown

/// A page's HTML may stay UTF-8 bytes from cmark to its file: the check of those bytes, the
/// stamps that copy them, and the Markdown stage that keeps them must agree with the string path.
@Suite struct UTF8PathTests {
    static func valid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { UTF8Check.isValid($0) }
    }

    @Test func theCheckAgreesWithTheStandardLibrary() {
        var cases: [[UInt8]] = [
            [], Array("plain ASCII, longer than a word of eight bytes".utf8), Array("é à ù « » – — 中文 😀".utf8),
            [0xC0, 0x80], [0xC1, 0xBF], [0xC2, 0x80], [0xE0, 0x80, 0x80], [0xE0, 0xA0, 0x80], [0xED, 0xA0, 0x80],
            [0xED, 0x9F, 0xBF], [0xEF, 0xBF, 0xBF], [0xF0, 0x80, 0x80, 0x80], [0xF0, 0x90, 0x80, 0x80],
            [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0x80], [0xBF],
            [0xE2, 0x82], [0xF0, 0x9F, 0x98], Array("abcdefg".utf8) + [0xC3], Array("abcdefgh".utf8) + [0xC3, 0xA9],
        ]
        // Every prefix of a mixed text, and random bytes.
        let mixed = Array("Les « brevets » de Nokia — 27,6 millions ; 中文 😀 fin.".utf8)
        for end in 0...mixed.count { cases.append(Array(mixed[..<end])) }
        var generator = SystemRandomNumberGenerator()
        for length in 0..<400 {
            cases.append((0..<(length % 40)).map { _ in UInt8.random(in: 0...255, using: &generator) })
            cases.append((0..<(length % 40)).map { _ in UInt8.random(in: 0x60...0xF5, using: &generator) })
        }
        for bytes in cases {
            #expect(Self.valid(bytes) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
        }
    }

    @Test func stampsCopyBytesAsTheyCopyStrings() throws {
        let (stamped, direct) = TemplateStampTests.pair([
            "templates/page.mustache": "<main>{{{page.content}}}</main><p>{{page.content}}</p>{{#page.summary}}{{.}}{{/page.summary}}\n",
        ])
        for round in 0..<3 {
            for value in TemplateStampTests.hostile + ["<p>Les « brevets »</p>\n", "deux\nlignes\n", "fin\r\n"] {
                let bytes = Array(value.utf8)
                let asBytes: TemplateContext = ["page": ["content": .utf8(bytes), "summary": .string("\(round)")]]
                let asString: TemplateContext = ["page": ["content": .string(value), "summary": .string("\(round)")]]
                let expected = try direct.render("page", context: asString)
                #expect(try stamped.renderUTF8("page", context: asBytes) == Array(expected.utf8), "\(value.debugDescription)")
                #expect(try stamped.render("page", context: asBytes) == expected, "\(value.debugDescription)")
            }
        }
        #expect(stamped.stampCounts.stamped > 0)
    }

    @Test func theMarkdownStageGivesTheSameHTMLAsBytes() throws {
        let root = GalleryTests.repository.path
        let renderer = MarkdownRenderer(unsafeHTML: false, language: "fr", extensions: nil)
        let resolver = LinkResolver(pages: [:], drafts: [], unreadable: [], datasets: [], portable: false)
        let briefs = URL(fileURLWithPath: root).appendingPathComponent("content/briefs")
        for name in try FileManager.default.contentsOfDirectory(atPath: briefs.path) where name.hasSuffix(".md") {
            let text = try String(contentsOf: briefs.appendingPathComponent(name), encoding: .utf8)
            let string = renderer.render(MarkdownText(text), file: name, firstLine: 1, contentPath: "briefs/" + name, urlPath: "briefs/x/", links: resolver, utf8: false)
            let bytes = renderer.render(MarkdownText(text), file: name, firstLine: 1, contentPath: "briefs/" + name, urlPath: "briefs/x/", links: resolver, utf8: true)
            #expect(string == bytes, "\(name)")
            #expect(Array(string.html.utf8) == Array(bytes.html.utf8))
            guard case .utf8 = bytes.body else {
                Issue.record("\(name): the HTML is not held as bytes")
                continue
            }
        }
    }
}
