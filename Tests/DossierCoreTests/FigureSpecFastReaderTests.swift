import Testing
@testable import DossierModel
@testable import DossierFigures

/// Flat chart and table specs read without YAML give exactly what the YAML path gives.
@Suite struct FigureSpecFastReaderTests {
    static let keys = ["type", "data", "x", "y", "series", "title", "caption", "unit", "label", "axis", "decimals", "sort", "columns",
                       "where", "annotations", "typ", "Data", "colour"]
    static let separators = [": ", ":  ", ":", " : ", ":\t", ": \t"]
    static let values = ["line", "bar", "pie", "radar", "serie-0", "Série 0", "trimestre", "valeur", "-valeur", "+x", "none", "2", "7", "06",
                         "null", "Null", "~", "", "a b", "a  b", "x # c", "a: b", "a:b", "'q'", "\"q\"", "[a, b]", "{a: b}", "L’accord",
                         "«x»", "x ", "é", "—x", "1.5", "yes", "a,b", "(a)", "50%", "a/b", "-", "- x", "&a", "*a", "!x", "|", ">", "%x",
                         "@x", "`x`", "x\r", "\u{00A0}x", "日本", "Ærø", "x\u{0301}", "0", "6", "-1", "#x", "?x", ".5", "a.b", "x_y"]

    static func randomSpec(_ rng: inout SplitMix64) -> String {
        var lines: [String] = []
        for _ in 0..<Int.random(in: 0...8, using: &rng) {
            switch Int.random(in: 0..<30, using: &rng) {
            case 0: lines.append("")
            case 1: lines.append("# comment")
            case 2: lines.append("  indented: x")
            case 3: lines.append("---")
            case 4: lines.append("  - item")
            default:
                let key = keys[Int.random(in: 0..<keys.count, using: &rng)]
                let separator = Int.random(in: 0..<4, using: &rng) == 0 ? separators[Int.random(in: 0..<separators.count, using: &rng)] : ": "
                lines.append(key + separator + values[Int.random(in: 0..<values.count, using: &rng)])
            }
        }
        return lines.joined(separator: "\n") + (Int.random(in: 0...3, using: &rng) == 0 ? "" : "\n")
    }

    static func expectSame(_ fast: FigureSpec, _ slow: FigureSpec, _ yaml: String) {
        #expect(fast == slow, "\(yaml)")
        #expect(fast.lines == slow.lines, "\(yaml)")
        #expect(fast.axis == slow.axis, "\(yaml)")
        #expect(fast.sort == slow.sort, "\(yaml)")
        #expect(fast.decimals == slow.decimals, "\(yaml)")
    }

    @Test func sameSpecsAsTheYAMLPath() {
        var rng = SplitMix64(seed: 5)
        var fastCount = 0
        for _ in 0..<8_000 {
            var yaml = Self.randomSpec(&rng)
            // Half the specs get the required keys, so that many are complete.
            if Int.random(in: 0...1, using: &rng) == 0 { yaml = "type: line\ndata: serie-0\nx: trimestre\ny: valeur\n" + yaml }
            for isChart in [true, false] {
                guard let fast = FigureSpecFastReader.parse(yaml, isChart: isChart, fenceLine: 10) else { continue }
                fastCount += 1
                var diagnostics = Diagnostics()
                let slow = FigureSpec.parseYAML(yaml, isChart: isChart, file: "f.md", fenceLine: 10, diagnostics: &diagnostics)
                #expect(diagnostics.items.isEmpty, "\(yaml)")
                if let slow { Self.expectSame(fast, slow, yaml) } else { Issue.record("YAML rejects what the flat reader took: \(yaml)") }
            }
        }
        #expect(fastCount > 400)
    }

    @Test func usualSpecsTakeTheFlatPath() {
        let chart = "type: line\ndata: serie-1\nx: trimestre\ny: valeur\nseries: constructeur\ntitle: Série 1\nsort: -valeur\ndecimals: 1\n"
        let fast = FigureSpecFastReader.parse(chart, isChart: true, fenceLine: 3)
        #expect(fast != nil)
        #expect(fast?.lines["title"] == 9)
        var diagnostics = Diagnostics()
        if let fast, let slow = FigureSpec.parseYAML(chart, isChart: true, file: "f.md", fenceLine: 3, diagnostics: &diagnostics) {
            Self.expectSame(fast, slow, chart)
        }
        let table = "data: parts\ncolumns: part\ntitle: L’essentiel\n"
        #expect(FigureSpecFastReader.parse(table, isChart: false, fenceLine: 1) != nil)
    }

    @Test func anythingElseGoesToYAML() {
        for yaml in ["type: line\ndata: x\nx: a\ny: [b, c]\n", "type: line\ndata: x\nx: a\ny: b\nwhere: {v: 1}\n", "type: line\ndata: x\nx: a\ny: b\ny: c\n",
                     "type: radar\ndata: x\nx: a\ny: b\n", "type: line\ndata: x\nx: a\ny: b\ntitle: a: b\n", "type: line\ndata: x\nx: a\n",
                     "type: line\ndata: x\nx: a\ny: b\ndecimals: 8\n", "type: line\ndata: x\nx: a\ny: b\ncolour: red\n"] {
            #expect(FigureSpecFastReader.parse(yaml, isChart: true, fenceLine: 1) == nil, "\(yaml)")
        }
    }
}
