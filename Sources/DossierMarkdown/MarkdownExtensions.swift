import DossierModel

/// Turns some fenced blocks and inline code into generated HTML (charts, tables, data values).
///
/// The Markdown stage knows nothing of datasets: it asks its extensions about every fenced
/// block with an info string and every inline code span, and splices in what they return.
package protocol MarkdownExtensions: Sendable {
    /// - Parameters:
    ///   - info: the fence's info string (`chart`, `table`, `swift`…)
    ///   - line: the file line of the opening fence
    ///   - index: 1 for the page's first handled block, 2 for the next…
    ///   - numbers: the numbers the block gets if it is a figure or a table; it says which in
    ///     `ExtensionOutput.figure`, and the page's next one of that kind gets the next number.
    /// - Returns: nil when the block is not an extension's (it stays a code block).
    func fencedBlock(info: String, body: String, at location: BlockLocation, index: Int, numbers: FigureNumbers) -> ExtensionOutput?

    /// - Returns: nil when the code span is plain code.
    func inlineCode(_ code: String, at location: BlockLocation) -> ExtensionOutput?
}

/// Where in the project a piece of Markdown is, and where its page is served.
package struct BlockLocation: Sendable, Equatable {
    package var file: String
    package var line: Int
    package var column: Int
    /// The URL path of the page being rendered, for relative links.
    package var urlPath: String

    package init(file: String, line: Int, column: Int, urlPath: String) {
        self.file = file
        self.line = line
        self.column = column
        self.urlPath = urlPath
    }
}

package struct ExtensionOutput: Sendable, Equatable {
    /// HTML spliced in as it is, as UTF-8; nil when there were errors.
    package var markup: [UInt8]?
    package var datasets: [String]
    package var diagnostics: [Diagnostic]
    /// The figure or table the block made, numbered with the `numbers` it was given.
    package var figure: FigureEntry?

    /// `markup` as a string.
    package var html: String? { markup.map { String(decoding: $0, as: UTF8.self) } }

    package init(html: String?, datasets: [String] = [], diagnostics: [Diagnostic] = []) {
        self.init(markup: html.map { Array($0.utf8) }, datasets: datasets, diagnostics: diagnostics)
    }

    /// A chart's figure is built as bytes and stays so until the page's file: never validated
    /// and copied into a string on the way (the page's HTML is checked once, at the end).
    package init(markup: [UInt8]?, datasets: [String] = [], diagnostics: [Diagnostic] = []) {
        self.markup = markup
        self.datasets = datasets
        self.diagnostics = diagnostics
    }

    package static func failure(_ diagnostics: [Diagnostic]) -> ExtensionOutput {
        ExtensionOutput(html: nil, diagnostics: diagnostics)
    }
}
