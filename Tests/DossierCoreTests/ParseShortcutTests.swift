import Foundation
import Testing
@testable import DossierModel
@testable import DossierParse

/// The parse phase's byte-level shortcuts against the straightforward code they replaced, kept
/// here as the reference: the same answer on ASCII, on Unicode and on awkward input.
@Suite struct ParseShortcutTests {
    /// Strings mixing what each helper looks at: letters, digits, separators, whitespace of every
    /// kind, case, accents, combining marks, ligatures, and characters whose lowercase is ASCII.
    static let samples: [String] = {
        var samples = [
            "", " ", "\t", "a", "A", "é", "É", "e\u{301}", "L’accord du 5 juillet", "Œuvre æther straße", "brief-00042",
            "Analyse numéro 12", "a_b", "a.b", "..", ".", "-", "--a--", "\u{212A}elvin", "\u{0130}stanbul", "ǅ", "ﬁ",
            "2017-07-05", "2016-02-29", "2017-02-29", "2000-02-29", "1900-02-29", "0000-01-01", "2017-13-01", "2017-00-10",
            "2017-12-31", "2017-12-32", "2017-04-31", "2017-7-5", "2017-07-05 ", " 2017-07-05", "2017/07/05", "20170705",
            "２０１７-07-05", "2017-07-0５", "2017\u{2010}07-05", "2017-07-05\u{301}", "2017-0\u{301}7-05", "+017-07-05",
            "http://x", "https://example.org/a?b=c#d", "HTTPS://EXAMPLE.ORG", "HtTp://a", "http:/x", "https//x", "ftp://x",
            "https://a b", "https://a\tb", "https://a\nb", "https://a\r\nb", "https://a\u{0B}b", "https://a\u{0C}b",
            "https://a\u{1C}b", "https://a\u{85}b", "https://a\u{A0}b", "https://a\u{2028}b", "https://a\u{3000}b",
            "https://été.fr", "ＨＴＴＰＳ://x", "javascript:alert(1)", "\u{2003}", "\u{A0}", " \t ", "\u{A0}x", "\u{200B}",
            "\u{FEFF}", "\u{180E}", "\r", "\n", "\u{85}",
        ]
        for byte in 0..<128 {
            let character = String(UnicodeScalar(UInt8(byte)))
            samples += [character, "https://a\(character)b", "a\(character)b", "2017-07-0\(character)", "\(character)"]
        }
        return samples
    }()

    @Test func slugsAreUnchanged() {
        for text in Self.samples + Self.samples.map({ $0.uppercased() }) {
            #expect(Slug.make(text) == Reference.slug(text), "\(String(reflecting: text))")
        }
    }

    @Test func datesAreUnchanged() {
        for text in Self.samples {
            let new = DateText.parse(text).map { [$0.year, $0.month, $0.day] }
            let old = Reference.parseDate(text).map { [$0.year, $0.month, $0.day] }
            #expect(new == old, "\(String(reflecting: text))")
        }
        for year in [1900, 2000, 2016, 2017] {
            for month in 0...13 {
                for day in 0...32 {
                    let text = String(format: "%04d-%02d-%02d", year, month, day)
                    #expect((DateText.parse(text) != nil) == (Reference.parseDate(text) != nil), "\(text)")
                }
            }
        }
    }

    @Test func safeURLsAreUnchanged() {
        for text in Self.samples {
            #expect(URLText.isSafeExternal(text) == Reference.isSafeExternal(text), "\(String(reflecting: text))")
        }
    }

    @Test func blankTitlesAreUnchanged() {
        for text in Self.samples {
            #expect(FrontMatterFastReader.isBlank(text) == text.trimmingCharacters(in: .whitespaces).isEmpty, "\(String(reflecting: text))")
        }
    }

    @Test func splittingBytesGivesWhatSplittingTheTextGives() {
        let pages = [
            "---\ntitle: A\n---\nBody\n", "---\r\ntitle: A\r\nb: c\r\r\n...\r\nBody", "---\n---\n", "---\n\n---", "---  \t\r\nx\n--- \nB",
            "---\ntitle: é\n...\né", "---\na\r\n\r\n---\n", "---\na\r\n\r\n---\n", "---\r\n\r\n---", "---\n", "---", "", "\n---\n---\n",
            "# T\n", "----\n---\n---\n", "---\na\n--- x\n---\nb", "---\n a\n ---\n---\n", "---\ntitle: A\n", "---\n\u{FEFF}a\n---\n",
            // A prepended mark clings to the space after it: the text path trims both.
            "---\na\n---\u{600} \nb", "---\u{600} \na\n---\nb", "---\na\n---\u{301} \nb", "---\na\n--- é\nb",
        ]
        var answered = 0
        for page in pages {
            let fromBytes = FrontMatterSplitter.split(utf8: Array(page.utf8)[...])
            if let fromBytes {
                answered += 1
                #expect(FrontMatterSplitter.split(page) == .success(fromBytes), "\(String(reflecting: page))")
            }
        }
        #expect(answered == 12)
        #expect(FrontMatterSplitter.split(utf8: Array("---\na\n---\u{600} \nb".utf8)[...]) == nil)
        #expect(FrontMatterSplitter.split("---\na\n---\u{600} \nb") == .success(.init(yaml: "a", yamlStartLine: 2, body: "b", bodyStartLine: 4)))
        // Invalid UTF-8 in either part: the bytes are left to the text path, which reports it.
        #expect(FrontMatterSplitter.split(utf8: (Array("---\ntitle: ".utf8) + [0xFF] + Array("\n---\nB".utf8))[...]) == nil)
        #expect(FrontMatterSplitter.split(utf8: (Array("---\ntitle: A\n---\nB".utf8) + [0xC3])[...]) == nil)
        #expect(FrontMatterSplitter.split(utf8: (Array("---\ntitle: A".utf8) + [0xC3] + Array("\r\n---\nB".utf8))[...]) == nil)
    }

    @Test func placementsAreUnchanged() {
        let paths = ["index.md", "briefs/index.md", "briefs/accord.md", "a/b/c.md", "a/b/index.md", "a//b.md", "/a.md", "a/.md",
                     "Mes Notes/Été 2017.md", "a/\u{301}b.md", "a\u{301}/b.md", "é/index.md", "A B/C_D.md", "x/-.md", "_/index.md"]
        for path in paths {
            for slug in [nil, "deal"] {
                let new = PagePlacement(contentPath: path, slug: slug)
                let old = Reference.placement(contentPath: path, slug: slug)
                #expect(new.kind == old.kind && new.section == old.section && new.urlPath == old.urlPath, "\(path)")
            }
        }
    }

    @Test func invalidPagesReportAsBefore() {
        func diagnostics(_ bytes: [UInt8]) -> [String] {
            var diagnostics = Diagnostics()
            _ = SiteParser.split(SourceFile(path: "content/a.md", bytes: bytes), diagnostics: &diagnostics)
            return diagnostics.items.map(\.description)
        }
        #expect(diagnostics(Array("---\ntitle: ".utf8) + [0xFF] + Array("\n---\n".utf8))
                == ["content/a.md:2:8: error: file is not valid UTF-8 (save it as UTF-8)"])
        #expect(diagnostics(Array("# T\n".utf8)).first?.contains("page has no front matter") == true)
        #expect(diagnostics(Array("---\ntitle: A\n".utf8)).first?.contains("front matter is not closed") == true)
        #expect(diagnostics([0xEF, 0xBB, 0xBF] + Array("---\ntitle: A\n---\nB".utf8)).isEmpty)
    }

    /// The implementations as they were before the shortcuts.
    enum Reference {
        static func slug(_ text: String) -> String {
            let folded: String
            if text.utf8.allSatisfy({ $0 < 0x80 }) {
                folded = text
            } else {
                let decomposed = text.decomposedStringWithCanonicalMapping.unicodeScalars
                folded = String(String.UnicodeScalarView(decomposed.filter { $0.properties.generalCategory != .nonspacingMark }))
            }
            var result = ""
            var pendingHyphen = false
            for scalar in folded.unicodeScalars {
                let lower = scalar.properties.lowercaseMapping
                if lower.unicodeScalars.count == 1, let c = lower.unicodeScalars.first, c.isASCII,
                   CharacterSet.alphanumerics.contains(c) {
                    if pendingHyphen && !result.isEmpty { result.append("-") }
                    pendingHyphen = false
                    result.unicodeScalars.append(c)
                } else if scalar == "œ" || scalar == "Œ" {
                    if pendingHyphen && !result.isEmpty { result.append("-") }
                    pendingHyphen = false
                    result += "oe"
                } else if scalar == "æ" || scalar == "Æ" {
                    if pendingHyphen && !result.isEmpty { result.append("-") }
                    pendingHyphen = false
                    result += "ae"
                } else if scalar == "ß" {
                    if pendingHyphen && !result.isEmpty { result.append("-") }
                    pendingHyphen = false
                    result += "ss"
                } else {
                    pendingHyphen = true
                }
            }
            return result
        }

        static func parseDate(_ text: String) -> (year: Int, month: Int, day: Int)? {
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
                  parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
                  let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
                  (1...12).contains(month), day >= 1, day <= DateText.daysIn(month: month, year: year)
            else { return nil }
            return (year, month, day)
        }

        static func placement(contentPath: String, slug: String?) -> PagePlacement {
            var components = contentPath.split(separator: "/").map(String.init)
            let fileName = components.removeLast()
            let stem = String(fileName.dropLast(".md".count))
            let folders = components.map { Slug.make($0).isEmpty ? "section" : Slug.make($0) }
            var placement = PagePlacement(contentPath: "index.md", slug: nil)
            placement.section = components.first
            if stem == "index" {
                placement.kind = components.isEmpty ? .home : (components.count == 1 ? .sectionIndex : .page)
                placement.urlPath = folders.map { $0 + "/" }.joined()
            } else {
                placement.kind = .page
                let made = Slug.make(stem)
                let leaf = slug ?? (made.isEmpty ? "page" : made)
                placement.urlPath = (folders + [leaf]).map { $0 + "/" }.joined()
            }
            return placement
        }

        static func isSafeExternal(_ url: String) -> Bool {
            let lower = url.lowercased()
            return (lower.hasPrefix("http://") || lower.hasPrefix("https://")) && !url.contains(where: { $0.isWhitespace })
        }
    }
}
