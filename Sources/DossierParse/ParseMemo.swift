import DossierModel

/// What a parse keeps for the next one, so that `dossier serve` parses again only the files
/// that changed: each page file by its bytes, the datasets by their files. The builder owns it
/// (inside its `BuildCache`); a one-off build passes one that keeps nothing.
package struct ParseMemo: Sendable {
    /// A one-off build keeps nothing: less memory, and nothing to compare.
    package var keeping = true
    var configBytes: [UInt8]?
    var pages: [String: PageFile] = [:]
    var dataFiles: [SourceFile]?
    var datasets: [Dataset] = []
    var datasetDiagnostics: [Diagnostic] = []
    /// The datasets that differ from the previous parse's (all of them on the first).
    package var changedDatasets: [String] = []

    struct PageFile: Sendable {
        var bytes: [UInt8]
        var page: Page?
        var diagnostics: [Diagnostic]
    }

    package init(keeping: Bool = true) {
        self.keeping = keeping
    }
}
