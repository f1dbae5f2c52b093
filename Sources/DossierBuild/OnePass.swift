import DossierModel
import DossierTemplates
import DossierMarkdown
import DossierRender
import DossierOutput

/// A one-off build's bodies, each page rendered with its template and written as soon as its
/// body exists: the body is still in the processor's cache when the page copies it, and no
/// phase waits for the last page of the one before. Its charts' files are written with it. Of a
/// page's body, only what the later steps read is kept (headings, links to anchors, datasets,
/// figures without their files' text, diagnostics); index pages keep their HTML, which the
/// listings show. A plain page that the page cache holds, unchanged, is not rendered at all
/// (`PageCacheUse`). The first error in rendering or writing a page is kept, to be reported
/// only if the bodies had none.
struct OnePass {
    let bodies: [RenderedMarkdown]
    let failure: Error?
    /// What the next build's page cache holds (nil without a cache).
    let nextCache: PageCache?
    /// Pages rendered (the others came from the cache).
    let rendered: Int
    /// Under `DOSSIER_VERIFY=1`: pages the cache holds otherwise than they render.
    let disagreements: [Diagnostic]

    init(_ site: ParsedSite, setup: RenderSetup, templates: TemplateSet, sink: OutputSink, cache: PageCacheUse? = nil) {
        let done = site.pages.parallelMap { page -> PageOutcome in
            if let cache, let kept = cache.kept(page) {
                let disagreement = cache.verify ? cache.disagreement(page, kept, rendered: Self.render(page, setup: setup, templates: templates)) : nil
                return PageOutcome(body: kept.facts.body, error: nil, entry: kept, rendered: false, disagreement: disagreement)
            }
            return Self.renderAndWrite(page, setup: setup, templates: templates, sink: sink, key: cache?.keys[page.sourcePath])
        }
        bodies = done.map(\.body)
        failure = done.lazy.compactMap(\.error).first
        rendered = done.count(where: \.rendered)
        disagreements = done.compactMap(\.disagreement)
        nextCache = cache.map { _ in
            var entries: [String: PageCache.Entry] = [:]
            for (page, outcome) in zip(site.pages, done) { entries[page.sourcePath] = outcome.entry }
            return PageCache(entries: entries)
        }
    }

    /// A page's body and its files, before they are written, or the template's error. A plain
    /// page's body keeps its HTML as bytes, from cmark to its file; an index page's is read by
    /// the listings, as a string.
    static func render(_ page: Page, setup: RenderSetup, templates: TemplateSet) -> (body: RenderedMarkdown, files: [PageFile], error: Error?) {
        var body = setup.bodies.render(page, utf8: page.kind == .page)
        var files = ChartFiles.files(page, body: body).map { PageFile(path: $0.path, content: .text($0.text)) }
        for index in body.figures.indices { body.figures[index].export?.dropText() }
        guard page.kind == .page else { return (body, files, nil) }
        do {
            let html = try templates.renderUTF8("page", context: setup.contexts.value().page(page, body: body))
            files.append(PageFile(path: page.outputPath, content: .utf8(html)))
        } catch {
            return (body, files, error)
        }
        body.html = ""
        return (body, files, nil)
    }

    private static func renderAndWrite(_ page: Page, setup: RenderSetup, templates: TemplateSet, sink: OutputSink, key: UInt64?) -> PageOutcome {
        let (body, files, error) = render(page, setup: setup, templates: templates)
        do {
            if let error { throw error }
            for file in files { try sink.put(file.path, file.output) }
        } catch {
            return PageOutcome(body: body, error: error, entry: nil, rendered: true, disagreement: nil)
        }
        let entry = key.map { PageCache.Entry(key: $0, files: files.map(\.record), facts: PageCache.Facts(body)) }
        return PageOutcome(body: body, error: nil, entry: entry, rendered: true, disagreement: nil)
    }
}

/// A file of a page (its HTML or a chart's SVG or CSV), rendered: text or bytes, never a copy,
/// so that the page cache can always hash it.
struct PageFile: @unchecked Sendable {
    enum Content {
        case text(String)
        case utf8([UInt8])
    }

    let path: String
    let content: Content

    /// The content as the output sink takes it.
    var output: RenderedSite.Content {
        switch content {
        case .text(let text): return .text(text)
        case .utf8(let bytes): return .utf8(bytes)
        }
    }

    /// Its path, size and hash, as the page cache keeps them.
    var record: PageCache.File {
        switch content {
        case .utf8(let bytes): return bytes.withUnsafeBytes { PageCache.File(path: path, size: $0.count, hash: ContentHash.of($0)) }
        case .text(var text): return text.withUTF8 { PageCache.File(path: path, size: $0.count, hash: ContentHash.of(UnsafeRawBufferPointer($0))) }
        }
    }
}

private struct PageOutcome: @unchecked Sendable {
    let body: RenderedMarkdown
    let error: Error?
    let entry: PageCache.Entry?
    let rendered: Bool
    let disagreement: Diagnostic?
}
