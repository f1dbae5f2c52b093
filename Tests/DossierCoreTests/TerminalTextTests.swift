import Testing
@testable import DossierModel

/// Diagnostics carry text from file names, cells and links; printed, its control characters are escaped.
@Suite struct TerminalTextTests {
    @Test(arguments: [
        ("plain text, é « » \u{A0}\u{202F}😀", "plain text, é « » \u{A0}\u{202F}😀"),
        ("\u{1B}[31mred\u{1B}[0m", "\\u{1B}[31mred\\u{1B}[0m"),
        ("\u{1B}]0;title\u{07}", "\\u{1B}]0;title\\u{07}"),
        ("a\tb\nc\rd\u{0}", "a\\u{09}b\\u{0A}c\\u{0D}d\\u{00}"),
        ("\u{7F}\u{80}\u{9B}2J\u{9F}\u{A0}", "\\u{7F}\\u{80}\\u{9B}2J\\u{9F}\u{A0}"),
        ("\r\n", "\\u{0D}\\u{0A}"),
    ])
    func controlsAreEscaped(text: String, printed: String) {
        #expect(TerminalText.escaped(text) == printed)
    }

    @Test func aDiagnosticIsPrintedEscapedOnOneLine() {
        let diagnostic = Diagnostic.error("link to \"x\u{1B}[2J\n.md\"", file: "content/\u{9B}31m.md", line: 2, column: 3)
        #expect(diagnostic.printed == "content/\\u{9B}31m.md:2:3: error: link to \"x\\u{1B}[2J\\u{0A}.md\"")
        #expect(diagnostic.description.contains("\u{1B}"), "the description keeps the text as it is")
    }
}
