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
/// listings show. The first error in rendering or writing a page is
/// kept, to be reported only if the bodies had none.
struct OnePass {
    let bodies: [RenderedMarkdown]
    let failure: Error?

    init(_ site: ParsedSite, setup: RenderSetup, templates: TemplateSet, sink: OutputSink) {
        let done = site.pages.parallelMap { page in
            Self.renderAndWrite(page, setup: setup, templates: templates, sink: sink)
        }
        bodies = done.map(\.body)
        failure = done.lazy.compactMap(\.error).first
    }

    private static func renderAndWrite(_ page: Page, setup: RenderSetup, templates: TemplateSet, sink: OutputSink) -> PageWithBody {
        // A page's HTML stays bytes from cmark to its file; an index page's is read by the
        // listings, as a string.
        var body = setup.bodies.render(page, utf8: page.kind == .page)
        do {
            try ChartFiles.write(page, body: &body, sink: sink)
            guard page.kind == .page else { return PageWithBody(body: body, error: nil) }
            let html = try templates.renderUTF8("page", context: setup.contexts.value().page(page, body: body))
            try sink.put(page.outputPath, .utf8(html))
        } catch {
            return PageWithBody(body: body, error: error)
        }
        body.html = ""
        return PageWithBody(body: body, error: nil)
    }
}

private struct PageWithBody: @unchecked Sendable {
    let body: RenderedMarkdown
    let error: Error?
}
