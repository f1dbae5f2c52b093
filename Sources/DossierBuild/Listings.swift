import DossierModel
import DossierTemplates
import DossierMarkdown
import DossierParse
import DossierRender
import DossierOutput

/// The home page, the section listings, the 404 page, the data pages and the charts page: the files made from
/// the whole site rather than from one page.
struct Listings {
    /// One file of the listings, rendered when a worker takes it.
    struct Job: Sendable {
        let path: String
        let render: @Sendable () throws -> RenderedSite.Content
    }

    let root: String

    func jobs(_ site: ParsedSite, bodies: [RenderedMarkdown], contexts: ContextBuilder, templates: TemplateSet) -> [Job] {
        // The listings read the bodies of index pages only.
        var bodyByPath: [String: RenderedMarkdown] = [:]
        for (page, body) in zip(site.pages, bodies) where page.kind != .page { bodyByPath[page.contentPath] = body }
        var jobs: [Job] = []
        func add(_ path: String, _ template: String, _ context: @escaping @Sendable () -> TemplateContext) {
            jobs.append(Job(path: path) { .text(try templates.render(template, context: context(), listing: true)) })
        }
        let home = site.home
        let homeBody = home.flatMap { bodyByPath[$0.contentPath] }
        let figures = ReportFigures(site: site, bodies: bodies)
        add("index.html", "home") { contexts.home(home, body: homeBody, figures: figures) }
        for section in site.sections {
            let intro = section.indexPage.flatMap { contexts.pagesByPath($0) }
            let introBody = section.indexPage.flatMap { bodyByPath[$0] }
            add(section.urlPath + "index.html", "section") { contexts.section(section, intro: intro, body: introBody) }
        }
        add("404.html", "404") { contexts.notFound() }
        guard !site.datasets.isEmpty else { return jobs }
        var users: [String: [Page]] = [:]
        for (page, body) in zip(site.pages, bodies) {
            for name in body.datasets { users[name, default: []].append(page) }
        }
        for dataset in site.datasets {
            let usedBy = (users[dataset.name] ?? []).sorted(by: PageOrder.listing)
            let urlPath = DatasetURL.page(dataset.name)
            add(urlPath + "index.html", "dataset") { contexts.dataset(dataset, usedBy: usedBy, figures: figures) }
            let source = root + "/" + dataset.sourcePath
            jobs.append(Job(path: urlPath + DatasetURL.fileName(dataset)) { .copy(from: source) })
        }
        let datasets = site.datasets
        add(DatasetURL.index + "index.html", "datasets") { contexts.datasetIndex(datasets, figures: figures) }
        add(DatasetURL.charts + "index.html", ChartsPage.template) { contexts.chartIndex(figures) }
        return jobs
    }

    /// Renders and writes the jobs in parallel, each by the worker that renders it; returns the
    /// files in the jobs' order. The first error is thrown once all are done.
    static func write(_ jobs: [Job], into sink: OutputSink) throws -> [(String, RenderedSite.Content)] {
        try jobs.parallelMapThrowing { job in
            let content = try job.render()
            try sink.put(job.path, content)
            return (job.path, content)
        }
    }
}
