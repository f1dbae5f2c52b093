import Testing
@testable import DossierMarkdown

/// The byte-level link arithmetic (`ASCIIPath`) against the character-based code it stands in for.
@Suite struct LinkPathTests {
    static let pieces = ["a", "b.md", "..", ".", "/", "//", "#", "?", ":", "x:", "http:", "mailto:", "data", "brief-00001.md",
                         "-", "+", "1", "Z", "q=1", "&", "~", " ", "index.md", "", "é", "%20"]

    static func random(_ rng: inout SplitMix64, maxPieces: Int) -> String {
        (0..<Int.random(in: 0...maxPieces, using: &rng)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &rng)] }.joined()
    }

    @Test func sameResultsAsCharacterCode() {
        var rng = SplitMix64(seed: 7)
        var checked = (destination: 0, normalize: 0, link: 0)
        for _ in 0..<5_000 {
            let a = Self.random(&rng, maxPieces: 6), b = Self.random(&rng, maxPieces: 6)
            if let fast = ASCIIPath.destination(a) {
                checked.destination += 1
                let slow = LinkResolver.destinationCharacters(a)
                #expect(fast.leavesSite == slow.leavesSite, "\(a)")
                if !fast.leavesSite { #expect(fast == slow, "\(a)") }
            }
            if let fast = ASCIIPath.normalize(a, relativeTo: b) {
                checked.normalize += 1
                #expect(fast == LinkResolver.normalizeCharacters(a, relativeTo: b), "\(a) from \(b)")
            }
            for portable in [false, true] {
                if let fast = ASCIIPath.link(from: a, to: b, portable: portable) {
                    checked.link += 1
                    #expect(fast == RelativeURL.linkCharacters(from: a, to: b, portable: portable), "\(a) → \(b)")
                }
            }
        }
        // Most random inputs are printable ASCII: the fast paths were really exercised.
        #expect(checked.destination > 1_000 && checked.normalize > 1_000 && checked.link > 2_000)
    }

    @Test func nonASCIIAndControlCharactersTakeTheCharacterPath() {
        #expect(ASCIIPath.destination("é.md") == nil)
        #expect(ASCIIPath.destination("a%20b.md") == nil)
        #expect(ASCIIPath.normalize("a\tb.md", relativeTo: "x.md") == nil)
        #expect(ASCIIPath.link(from: "é/", to: "a/", portable: false) == nil)
        // A combining accent after `/` makes one character: the character code must decide.
        #expect(LinkResolver.normalize("a/\u{301}b.md", relativeTo: "x/y.md") == LinkResolver.normalizeCharacters("a/\u{301}b.md", relativeTo: "x/y.md"))
    }

    @Test func resolvesEdgeCases() {
        let links = LinkResolver(pages: ["briefs/a.md": "briefs/a/", "briefs/b.md": "briefs/b/", "index.md": "", "x/y/z.md": "x/y/z/"],
                                 drafts: [], portable: false)
        func resolve(_ destination: String) -> LinkResolver.Resolution {
            links.resolve(destination, from: "briefs/a.md", urlPath: "briefs/a/")
        }
        #expect(resolve("#ventes") == .page(url: "#ventes", page: "briefs/a.md", anchor: "ventes"))
        #expect(resolve("#") == .unchanged)
        #expect(resolve("b.md?x=1#y?z") == .page(url: "../b/#y?z", page: "briefs/b.md", anchor: "y?z"))
        #expect(resolve("b.md?x=1") == .page(url: "../b/", page: "briefs/b.md", anchor: nil))
        #expect(resolve("b.md#") == .page(url: "../b/", page: "briefs/b.md", anchor: nil))
        #expect(resolve("./../briefs//b.md") == .page(url: "../b/", page: "briefs/b.md", anchor: nil))
        #expect(resolve("../x/y/../y/z.md") == .page(url: "../../x/y/z/", page: "x/y/z.md", anchor: nil))
        #expect(resolve("/index.md") == .page(url: "../../", page: "index.md", anchor: nil))
        #expect(resolve("../../index.md") == .broken("link to \"../../index.md\" leads outside content/"))
        #expect(resolve("https://example.org/a.md") == .unchanged)
        #expect(resolve("//example.org/a.md") == .unchanged)
        #expect(resolve("mailto:x@example.org") == .unchanged)
        #expect(resolve("1x:b.md") == .broken("link to \"1x:b.md\": no page content/briefs/1x:b.md; did you mean \"b.md\"?"))
        #expect(resolve("image.png") == .broken("link to \"image.png\": no file content/briefs/image.png"))
        #expect(resolve("../briefs/") == .unchanged)
        #expect(resolve("b%2Emd") == .page(url: "../b/", page: "briefs/b.md", anchor: nil))
    }
}
