import Foundation
@testable import DossierParse

/// Front matter texts (the YAML between the `---` lines) for checking the fast reader against
/// the YAML path: hand-written tricky cases, generated combinations, and mutations of both.
enum FrontMatterCorpus {
    /// Values a scalar key may be given, plain and quoted, including what YAML 1.1 reads as
    /// something other than text and what YAML refuses.
    static let scalarValues = [
        "Quand Xiaomi achète des brevets à Nokia", "L’accord", "A", "a b  c", "a, b [c] {d}", "it's", "a \"b\" c",
        "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON",
        "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF", "y", "Y", "n", "N", "tRue", "oN", "yES",
        "~", "null", "Null", "NULL", "nUll", "", " ",
        "0", "1", "-1", "+1", "00", "010", "08", "0x1F", "0o17", "0b101", "1_000", "1:30", "-0", "1e3", "1.5",
        ".inf", "-.Inf", ".NaN", "999999999999999999", "9999999999999999999", "-999999999999999999", "12abc",
        "2017-07-05", "2017-7-5", "2017-02-30", "2016-02-29", "2017-07-05T10:00:00Z", "2017-07-05 10:00:00", "20170705",
        "accord-2017", "Accord", "../x", "a_b", ".x", "a.b",
        "https://example.org/a?b=c#d", "http://x", "javascript:alert(1)", "HTTPS://EXAMPLE.ORG", "https://a b",
        "a: b", "a:b", "a:", "a #b", "a#b", "a # b: c", "#a", "a\t", "\ta",
        "- a", "-a", "--a", "? a", "?a", ":a", "[a]", "[a, b]", "{a: b}", "&a x", "*a", "!x y", "!!str 3", "|", ">",
        "%x", "@x", "`x`", ",a", "]", "a ]", "a[b",
        "\"a\"", "\"\"", "\"  \"", "\" \"", "'a'", "''", "'it''s'", "'a''''b'", "'a\"b'", "\"a'b\"",
        "\"yes\"", "'3'", "\"~\"", "'null'", "\"2017-07-05\"",
        "\"a\\\"b\"", "\"a\\\\b\"", "\"a\\/b\"", "\"\\n\"", "\"a\\tb\"", "\"\\0\"", "\"\\a\\b\\e\\f\\v\\r\"", "\"\\ \"",
        "\"\\N\\_\\L\\P\"", "\"\\x41\"", "\"\\xe9\"", "\"\\u00e9\"", "\"\\u00E9t\\u00E9\"", "\"\\U0001F600\"",
        "\"\\uD800\"", "\"\\U00110000\"", "\"\\uFEFF\"", "\"\\uFEFFa\"", "\"\\x4\"", "\"\\q\"", "\"\\'\"", "\"a\\\"",
        "\"\\u0085\"", "\"\\u2028x\"", "\"\\x00a\"",
        "\"a\" b", "\"a\" #c", "\"a\"#c", "'a' #c", "'a'#c", "'a' b", "\"a", "'a", "\"a\"\"", "'a'''",
        "\"a\" : b", "\"a\":", "a \"b", "é", "\u{00A0}", "\"\u{00A0}\"", "\u{2003}a", "a\u{00A0}",
        "\u{0085}", "a\u{2028}b", "\u{FEFF}a", "a\u{7F}", "\u{1F600}", "a\u{0301}",
    ]

    /// Values of `tags` beyond the scalar ones.
    static let tagValues = [
        "[brevets, Nokia]", "[]", "[ ]", "[a,b]", "[ a , b ]", "[a, ]", "[a,, b]", "[, a]", "[\"a b\", 'c''d']",
        "[a: b]", "[a:b]", "[a #b]", "[a#b]", "[a]", "[yes, no, ~, null, 1, 0x1F, 2017-07-05]", "[-a]", "[- a]",
        "[a, [b]]", "[a, {b: c}]", "[a, b] x", "[a, b] # c", "[a, b]# c", "[a, b", "[a, b]]", "[\"a\" b]",
        "[\"a\\\"b\", '\\x']", "[a b c, d]", "[a?b]", "[?a]", "[&a b]", "[*a]", "[!t a]", "[a!b]", "[a&b]",
        "[é, ü]", "[\"\", '']", "[a,\tb]", "[a, \"b\":c]", "[a,b,c,d,e,f,g]",
    ]

    /// Block lists, as the lines after `tags:`.
    static let tagBlocks = [
        "  - a\n  - b", "- a\n- b", "    - a\n    - 'b c'", "  - a\n\n  - b", "  - a\n# c\n  - b", "  - a\n  # c\n  - b",
        "  - a\n - b", "  - a\n   - b", "  - a\n    b", "  -\n  - b", "  - \n  - b", "  - ~\n  - null", "  - yes\n  - 3",
        "  - a: b", "  - [a]", "  - - a", "  - a #c\n  - \"b\" #d", "  -a", "  - a\n  -b", "- a\n  - b", "  - a\n- b",
        "\n  - a", "# c\n  - a", "  - \"a\n  b\"", "  - a\n  - b\n  c: d", "  - |\n    a",
    ]

    /// Block lists of mappings, as the lines after `sources:`.
    static let sourceBlocks = [
        "  - title: \"Rapport 1\"\n    publisher: IDC\n    url: https://example.org/rapport/1",
        "  - title: A\n    publisher: \"dpa-AFX, via FinanzNachrichten.de\"\n    url: \"http://www.example.com/a\"\n    date: 2017-07-05\n  - title: B",
        "- title: A\n  url: https://a.example\n- title: B\n  date: 2017-07-05",
        "  - title: A\n\n    publisher: P\n# comment\n  - title: B",
        "  - title: A\n    publisher:\n    url: ~",
        "  - title: ~", "  - title:", "  - publisher: P", "  - title: A\n    url: ftp://x", "  - title: A\n    date: 2017-13-01",
        "  - title: A\n    editor: B", "  - title: A\n    title: B", "  - title: A\n     publisher: B", "  - title: A\n   publisher: B",
        "  -   title: A\n      publisher: B", "  -\n    title: A", "  - A", "  - [a]", "  - title: A\n    publisher: [P]",
        "  - title: A\n    publisher:\n      - P", "  - title: A\n    publisher:\n    - P", "  - title: A\n  - B",
        "  - title: A\n    url: https://a.example # note", "  - title: 'A''s'\n    publisher: \"\\u00e9\"",
        "  - title: A\n    publisher: yes\n    date: \"2017-07-05\"", "  - title: A\n    date: 2017-07-05T10:00:00Z",
        "  - title: A\n  # indented comment\n  - title: B", "  - title: A\n    publisher: B\n  extra: C",
        "  - {title: A}", "  - title: A\n    url: https://a.example/ b", "  - title: A: B",
    ]

    /// Hand-written front matters, each a whole YAML text.
    static let handWritten: [String] = [
        "title: A",
        "title: L’accord\ndate: 2017-07-05\nsummary: Résumé\ntags: [brevets, Nokia]\ndraft: true\nweight: 3\nslug: accord-2017\nsources:\n  - title: Reuters\n    publisher: Reuters\n    url: https://www.reuters.com/x\n    date: 2017-07-05",
        "", "\n", "# only a comment", "title: A\ntitle: B", "title: A\nsumary: x", "title: A\nTitle: B", "title : A",
        "title:A", "title: A\n  continued", "title: A\n\n  continued", "title: A\n# c\n  continued", "title: A\n  # c",
        "title: A\n\n\n", "\n\ntitle: A", "# c\ntitle: A # d\n# e", "title: A\n#c", "  title: A", "title: A\n  date: 2017-07-05",
        "title: A\n- b", "title:\n  - A", "title:\n- A", "title: >\n  A", "title: |\n  A", "title: &x A\nsummary: *x",
        "title: !!str A", "? title\n: A", "{title: A}", "- title: A", "title: A\n---\nsummary: B", "title: A\n...",
        "%YAML 1.1\n---\ntitle: A", "title: A\r", "title: A\r\nsummary: B", "title: \"A\n  B\"", "title: 'A\n  B'",
        "title: \"A\\\n  B\"", "title: A\ntags:", "title: A\ntags:\nsummary: B", "title: A\ntags: # none\nsummary: B",
        "title: A\nsources:", "title: A\nsources: []", "title: A\nsources: ~", "title: A\nsources: x",
        "title: A\nsources:\n  - title: B\ntags: [a]\nsources:\n  - title: C", "title: A\ntags: [a]\ntags: [b]",
        "title: A\nweight: 1\nweight: 2", "title: A\nsummary:\n  - x", "title: A\nsummary: [x]", "title: A\ndraft: [true]",
        "title: A\nweight:", "title: A\nweight: # no", "title: A\ndraft:", "title: A\ndate:", "title: A\nslug: ~",
        "title: A\n\u{FEFF}summary: B", "\u{FEFF}title: A", "title: A\u{2028}summary: B", "title: A\u{85}",
        "title: \u{1F600}", "title: A\n<<: {summary: B}", "title: A\n=: B", "title: A\nsummary: =", "title: A\nsummary: <<",
        "title: \"A\"\nsummary: 'B'\ntags: [\"c\", 'd']", "title: A\ntags:\n  - a\nsources:\n  - title: B",
        "title: A\nsources:\n  - title: B\n    url: https://b.example\ntags:\n- x\n- y\nweight: -3\ndraft: no",
        "title: A  \nsummary: B   ", "title: A \n", "title:  A", "title: A\n \n", "title: A\n   \nsummary: B",
        "title: A\ntags: a\n  b", "title: A\ntags: [a]\n  - b", "title: A\ntags:\n  - a\n    - b", "title: A\ntags:\n  - a\n  b: c",
    ]

    /// The hand-written cases, and one case per value of each key.
    static func cases() -> [String] {
        var cases = handWritten
        for value in scalarValues {
            for key in ["title", "date", "summary", "slug", "draft", "weight", "tags"] {
                cases.append(key == "title" ? "title: \(value)" : "title: A\n\(key): \(value)")
            }
            cases.append("title: A\nsources:\n  - title: \(value)")
            cases.append("title: A\nsources:\n  - title: B\n    publisher: \(value)")
            cases.append("title: A\nsources:\n  - title: B\n    url: \(value)")
            cases.append("title: A\nsources:\n  - title: B\n    date: \(value)")
            cases.append("title: A\ntags:\n  - \(value)")
            cases.append("title: A\ntags: [\(value)]")
        }
        for value in tagValues { cases.append("title: A\ntags: \(value)\nweight: 2") }
        for block in tagBlocks { cases.append("title: A\ntags:\n\(block)\nweight: 2") }
        for block in sourceBlocks { cases.append("title: A\nsources:\n\(block)\ndraft: yes") }
        return cases
    }

    /// `count` generated combinations of keys and values (the same ones on every run).
    static func generated(_ count: Int, seed: UInt64 = 2017) -> [String] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in combination(&random) }
    }

    /// `count` mutations of texts picked from `seeds` (the same ones on every run).
    static func mutations(of seeds: [String], count: Int, seed: UInt64 = 1789) -> [String] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in mutate(seeds[random.below(seeds.count)], &random) }
    }

    /// Values each key usually has, so that most generated front matters are read by the fast path.
    static let usualValues: [String: [String]] = [
        "title": ["Analyse numéro 12", "\"Analyse numéro 12\"", "'L''accord'", "\"Xiaomi : the deal\"", "A #1"],
        "date": ["2016-02-29", "\"2017-07-05\"", "'2015-01-13'", "~"],
        "summary": ["Marché accord Inde brevet licence !", "\"Le point : chiffres\"", "null", "a  b # comment"],
        "slug": ["accord-2017", "'a_b'", "a.b"],
        "draft": ["yes", "false", "On", "NO", "~"],
        "weight": ["12", "0", "-3", "999999999999999999", ""],
    ]

    /// A front matter made of random keys with random values, in random order, with comments and blank lines.
    static func combination(_ random: inout SplitMix64) -> String {
        var lines: [String] = []
        func value(_ key: String) -> String {
            let usual = usualValues[key] ?? ["A"]
            return random.below(4) != 0 ? usual[random.below(usual.count)] : scalarValues[random.below(scalarValues.count)]
        }
        for key in ["title", "date", "summary", "slug", "draft", "weight", "tags", "sources"].shuffled(using: &random) {
            switch random.below(8) {
            case 0 where key != "title": continue
            case 1: lines.append("# note")
            case 2: lines.append("")
            default: break
            }
            switch key {
            case "tags":
                switch random.below(4) {
                case 0: lines.append("tags: \(tagValues[random.below(tagValues.count)])")
                case 1: lines.append("tags:\n\(tagBlocks[random.below(tagBlocks.count)])")
                case 2: lines.append("tags: [\(value("title")), \(value("slug"))]")
                default: lines.append("tags: \(value("title"))")
                }
            case "sources":
                let entries = (0...random.below(3)).map { _ in
                    random.below(4) == 0 ? sourceBlocks[random.below(sourceBlocks.count)]
                        : "  - title: \(value("title"))\n    publisher: \(value("summary"))\n    url: https://example.org/\(random.below(99))"
                }
                lines.append("sources:\n" + entries.joined(separator: "\n"))
            default:
                lines.append("\(key): \(value(key))")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `text` with a few characters inserted, deleted or replaced, from those that matter to YAML.
    static func mutate(_ text: String, _ random: inout SplitMix64) -> String {
        let alphabet: [Character] = [" ", " ", ":", "#", "-", "\"", "'", "\\", "\n", "[", "]", ",", "\t", "a", "é", "~",
                                     "{", "!", "&", "*", "|", ">", "?", "0", "x", "u", "\r", "\u{A0}", "\u{85}", "\u{2028}",
                                     "\u{FEFF}", "\u{600}", "\u{0}", "\u{7F}", "\u{9F}", "\u{301}", "%", "@", "`", "=", "<", "."]
        var characters = Array(text)
        for _ in 0...random.below(3) {
            let position = random.below(characters.count + 1)
            switch random.below(3) {
            case 0:
                characters.insert(alphabet[random.below(alphabet.count)], at: position)
            case 1 where position < characters.count:
                characters.remove(at: position)
            default:
                if position < characters.count { characters[position] = alphabet[random.below(alphabet.count)] }
            }
        }
        return String(characters)
    }

    /// The front matter of every page of the repository's `content/`.
    static func repositoryContent() throws -> [(path: String, yaml: String)] {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let content = repository.appendingPathComponent("content")
        var result: [(String, String)] = []
        let files = FileManager.default.enumerator(atPath: content.path)?.compactMap { $0 as? String } ?? []
        for path in files.sorted() where path.hasSuffix(".md") {
            let text = try String(contentsOf: content.appendingPathComponent(path), encoding: .utf8)
            if case .success(let split) = FrontMatterSplitter.split(text) { result.append((path, split.yaml)) }
        }
        return result
    }
}
