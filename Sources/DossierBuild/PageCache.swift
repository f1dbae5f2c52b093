import Foundation
import DossierModel
import DossierMarkdown

/// What a one-off build remembers of each plain page for the next build of the same output: the
/// key of everything the page was made from (`PageKeys`), the files it wrote (path, size and
/// `ContentHash`) and what the later steps read of its body.
///
/// A page whose key is unchanged and whose files the staging folder still holds, byte for byte
/// (each is read back and hashed), is neither rendered nor written: its body's facts come from
/// here. Anything else is rendered as if there were no cache, which is the reference; under
/// `DOSSIER_VERIFY=1` every page taken from here is rendered too and must agree
/// (`PageCacheUse`). Stored beside the staging folder in `.dossier/` (`PageCache+Storage`).
struct PageCache: Sendable, Equatable {
    /// Changes whenever the stored form or the meaning of a key changes: a cache of another
    /// version is ignored.
    static let version = 1

    /// One file a page writes.
    struct File: Sendable, Equatable {
        var path: String
        var size: Int
        var hash: UInt64
    }

    /// What the listings, the checks and the statistics read of a page's body, without its HTML
    /// and its charts' files (`OnePass`).
    struct Facts: Sendable, Equatable {
        var headings: [Heading]
        var anchorReferences: [AnchorReference]
        var datasets: [String]
        var diagnostics: [Diagnostic]
        var figures: [FigureEntry]
        var citations: [CitedSource]

        init(headings: [Heading], anchorReferences: [AnchorReference], datasets: [String], diagnostics: [Diagnostic],
             figures: [FigureEntry], citations: [CitedSource]) {
            self.headings = headings
            self.anchorReferences = anchorReferences
            self.datasets = datasets
            self.diagnostics = diagnostics
            self.figures = figures
            self.citations = citations
        }

        init(_ body: RenderedMarkdown) {
            headings = body.headings
            anchorReferences = body.anchorReferences
            datasets = body.datasets
            diagnostics = body.diagnostics.items
            figures = body.figures
            citations = body.citations
        }

        var body: RenderedMarkdown {
            RenderedMarkdown(html: "", headings: headings, anchorReferences: anchorReferences, datasets: datasets,
                             diagnostics: Diagnostics(diagnostics), figures: figures, citations: citations)
        }
    }

    struct Entry: Sendable, Equatable {
        var key: UInt64
        var files: [File]
        var facts: Facts
    }

    /// By the page's source path.
    var entries: [String: Entry] = [:]

    init(entries: [String: Entry] = [:]) {
        self.entries = entries
    }

    /// The cache stored at `path`; empty when there is none, or it cannot be read, or it is of
    /// another version (`PageCache+Storage`). The temporary file of a build killed while it
    /// saved the cache is removed (the output's lock is held: no other build is saving).
    static func load(_ path: String) -> PageCache {
        unlink(path + ".new")
        return FileIO.read(path).flatMap(PageCache.init(decoding:)) ?? PageCache()
    }

    /// Stores the cache at `path` through a temporary file renamed over it, so that a build
    /// killed meanwhile leaves the old cache or the new one.
    func save(_ path: String) throws {
        let temporary = path + ".new"
        try encoded().withUnsafeBytes { try FileIO.write($0, to: temporary) }
        guard rename(temporary, path) == 0 else { throw FileError(path: path, code: errno) }
    }
}
