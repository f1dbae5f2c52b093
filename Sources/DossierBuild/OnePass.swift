import Foundation
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

    init(_ site: ParsedSite, setup: RenderSetup, templates: TemplateSet, sink: OutputSink, early: EarlyListings) {
        let pages = site.pages
        let listings = early.jobs
        // The listings first: the longest of them then overlaps the pages instead of ending the pass.
        let outcomes = Array(0..<(listings.count + pages.count)).parallelMap { job -> PageWithBody? in
            guard job >= listings.count else {
                early.run(listings[job])
                return nil
            }
            return Self.renderAndWrite(pages[job - listings.count], setup: setup, templates: templates, sink: sink)
        }
        let done = outcomes.dropFirst(listings.count).compactMap { $0 }
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

/// The home page and the section listings of a one-off build, rendered by the workers that
/// render the pages, first (the longest task, a big section's listing, then ends long before the
/// pages do): they need only the cards and the bodies of `index.md` files, which they render
/// themselves (rendering is a pure function, so these are the bodies the build renders too).
/// Anything that goes wrong here is left out and redone, and reported, by the build.
final class EarlyListings: @unchecked Sendable {
    struct Job: Sendable {
        let path: String
        let render: @Sendable () -> String?
    }

    let jobs: [Job]
    private let lock = NSLock()
    private var done: [String: RenderedSite.Content] = [:]

    /// The home page is one of them unless its template lists the report's figures, which come
    /// from every body.
    init(site: ParsedSite, templates: TemplateSet, setup: RenderSetup) {
        let home = site.home, contexts = setup.contexts, bodies = setup.bodies
        var jobs: [Job] = []
        if !templates.mayRead("figures") {
            jobs.append(Job(path: "index.html") {
                let context = contexts.value().home(home, body: home.map { bodies.render($0) })
                return try? templates.render("home", context: context, listing: true)
            })
        }
        for section in site.sections {
            jobs.append(Job(path: section.urlPath + "index.html") {
                let contexts = contexts.value()
                let intro = section.indexPage.flatMap { contexts.pagesByPath($0) }
                let context = contexts.section(section, intro: intro, body: intro.map { bodies.render($0) })
                return try? templates.render("section", context: context, listing: true)
            })
        }
        self.jobs = jobs
    }

    func run(_ job: Job) {
        guard let html = job.render() else { return }
        lock.lock()
        done[job.path] = .text(html)
        lock.unlock()
    }

    /// `listings` with those rendered already taken from here.
    func replacing(_ listings: [Listings.Job]) -> [Listings.Job] {
        lock.lock()
        let ready = done
        lock.unlock()
        return listings.map { job in
            guard let content = ready[job.path] else { return job }
            return Listings.Job(path: job.path) { content }
        }
    }
}
