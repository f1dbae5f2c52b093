import Foundation

/// The build pipeline: load → parse → render → (the caller) write.
///
/// Every stage reports into one `Diagnostics`, so a build shows all of its problems at once.
public struct SiteBuilder: Sendable {
    public let root: String
    public let options: BuildOptions

    public init(root: String, options: BuildOptions = BuildOptions()) {
        self.root = root
        self.options = options
    }

    public struct Result: Sendable {
        /// Nil when there were errors.
        public var site: RenderedSite?
        public var diagnostics: Diagnostics
        public var stats: Stats
        /// What a build into a folder made on its way (pages, bodies, contexts, stamps): freed
        /// with the result, or left to a process that exits right after (`WorkingSet.leave()`).
        public var workingSet: WorkingSet?

        init(site: RenderedSite?, diagnostics: Diagnostics, stats: Stats, workingSet: WorkingSet? = nil) {
            self.site = site
            self.diagnostics = diagnostics
            self.stats = stats
            self.workingSet = workingSet
        }
    }

    /// The values of a finished build. Freeing them is tens of thousands of small frees for a big
    /// site (20–40 ms of one core for 10,000 pages); a process that is about to exit calls
    /// `leave()` and lets the exit take the memory back at once, as compilers do.
    public final class WorkingSet: @unchecked Sendable {
        private let values: Any

        init(_ values: Any) {
            self.values = values
        }

        /// Keeps these values until the process exits. Only for a process about to exit.
        public func leave() {
            _ = Unmanaged.passRetained(self)
        }
    }

    public struct Stats: Sendable, Equatable {
        public var pages = 0
        public var sections = 0
        public var files = 0
        public var datasets = 0
        /// Pages whose Markdown or HTML this build redid (the rest came from the previous build).
        public var rendered = 0
    }

    /// Where the rendered files go.
    enum Destination {
        case memory(MemorySink)
        /// Written into the writer's staging folder as they are rendered, then swapped in.
        case folder(OutputWriter)
    }

    /// Builds the whole site in memory (`result.site`).
    public func build() -> Result {
        var cache = BuildCache(enabled: false)
        return build(cache: &cache)
    }

    /// Builds and writes the site to `writer`'s output, page by page, without keeping it in
    /// memory. `result.site` is nil; the output is untouched unless the build succeeds.
    public func build(writingTo writer: OutputWriter) -> Result {
        var cache = BuildCache(enabled: false)
        return build(cache: &cache, destination: .folder(writer))
    }

    /// Builds in memory, reusing and updating `cache` (see `IncrementalBuilder`).
    func build(cache: inout BuildCache) -> Result {
        let sink = MemorySink()
        var result = build(cache: &cache, destination: .memory(sink))
        if !result.diagnostics.hasErrors {
            result.site = RenderedSite(files: sink.contents, pageCount: result.stats.pages)
        }
        return result
    }

    func build(cache: inout BuildCache, destination: Destination) -> Result {
        var diagnostics = Diagnostics()

        var timer = PhaseTimer()
        var scan: BackgroundTask<OutputWriter.Opening>?
        if case .folder(let writer) = destination { scan = writer.scanInBackground() }
        // Waited for on every path out of this function, so the walk never outlives the build.
        defer { _ = scan?.value() }
        let loader = cache.enabled && cache.changed != nil
            ? ProjectLoader(root: root, previous: cache.files, changed: cache.changed ?? [])
            : ProjectLoader(root: root)
        var (tree, loadDiagnostics) = loader.load()
        if cache.enabled {
            var files: [String: SourceFile] = [:]
            for file in tree.pages + tree.templates + tree.dataFiles { files[file.path] = file }
            if let config = tree.siteConfig { files[config.path] = config }
            cache.files = files
        }
        timer.mark("load")
        diagnostics.append(contentsOf: loadDiagnostics)

        // Templates that changed are parsed on another thread while the pages are parsed.
        let cachedTemplates = cache.templateFiles == tree.templates ? cache.templates : nil
        let templateFiles = tree.templates, stamping = options.stampTemplates
        let templateTask = BackgroundTask { () -> (set: TemplateSet, diagnostics: [Diagnostic]?) in
            if let cachedTemplates { return (cachedTemplates, nil) }
            var local = Diagnostics()
            let set = TemplateSet(files: templateFiles, stamping: stamping, diagnostics: &local)
            return (set, local.items)
        }
        let (parsed, parseDiagnostics) = SiteParser(options: options).parse(tree, cache: &cache)
        timer.mark("parse (templates beside it)")

        let (templates, newDiagnostics) = templateTask.value()
        if let newDiagnostics {
            cache.templates = templates
            cache.templateFiles = templateFiles
            cache.templateDiagnostics = newDiagnostics
            cache.templatesVersion += 1
        }
        diagnostics.append(contentsOf: cache.templateDiagnostics)
        if !tree.dataFiles.isEmpty {
            for name in ["dataset", "datasets"] where !templates.names.contains(name) {
                diagnostics.error("missing template \"\(name)\": create templates/\(name).mustache (content/data/ has datasets, which get pages)", file: "templates/\(name).mustache")
            }
        }
        if !cache.enabled { tree.pages = [] }  // the pages' bytes are no longer needed
        diagnostics.append(contentsOf: parseDiagnostics)
        guard let site = parsed else {
            return Result(site: nil, diagnostics: finish(diagnostics), stats: Stats())
        }

        // The contexts are made on another thread while the first bodies are rendered; in a
        // one-off build the home page and the section listings are the first jobs of the pass,
        // since they need no body but those of `index.md` files (`EarlyListings`).
        var menuDiagnostics = Diagnostics()
        let menu = MenuResolver.resolve(site, diagnostics: &menuDiagnostics)
        let homeSectionPages = templates.mayRead("pages")
        let contextsTask = BackgroundTask { ContextBuilder(site: site, menu: menu, homeSectionPages: homeSectionPages) }
        let bodyRenderer = BodyRenderer(site: site, verify: options.verify)
        let early = cache.enabled ? nil : EarlyListings(site: site, templates: templates, contexts: contextsTask, bodies: bodyRenderer,
                                                        home: !templates.mayRead("figures"))
        defer { _ = contextsTask.value() }

        cache.rendered = 0
        // A one-off build writes each page as soon as its body is rendered (`renderPagesWithBodies`),
        // so the output is opened first; `dossier serve` renders bodies, then pages, from its cache.
        let onePass = !cache.enabled
        var sink: OutputSink?
        var staging: StagingFolder?
        // However the build ends, another build of the same output may begin.
        defer { staging?.releaseLock() }
        var writer: OutputWriter?
        func open() -> Bool {
            switch destination {
            case .memory(let memory):
                sink = memory
            case .folder(let folderWriter):
                do {
                    let folder = try folderWriter.begin(scan: scan)
                    scan = nil
                    sink = folder
                    staging = folder
                    writer = folderWriter
                } catch {
                    diagnostics.error(error.message, file: folderWriter.output)
                    return false
                }
            }
            return true
        }
        let bodies: [RenderedMarkdown]
        var pageFailure: Error?
        // An output that cannot be opened is reported with the content's errors (the bodies are
        // still rendered, without writing anything).
        if onePass, open(), let sink {
            (bodies, pageFailure) = renderPagesWithBodies(site, renderer: bodyRenderer, contexts: contextsTask, templates: templates, sink: sink,
                                                          early: early)
            cache.rendered += site.pages.count
            timer.mark("markdown, pages and write")
        } else {
            bodies = renderBodies(site, renderer: bodyRenderer, cache: &cache)
            timer.mark("markdown")
        }
        for body in bodies { diagnostics.append(contentsOf: body.diagnostics) }
        // The feed and the sitemap need only the parsed pages: made beside the checks and listings.
        let baseURL = site.config.baseURL
        let feeds = BackgroundTask { () -> (atom: String, sitemap: String)? in
            baseURL.map { (FeedRenderer.atom(site, baseURL: $0), FeedRenderer.sitemap(site, baseURL: $0)) }
        }
        defer { _ = feeds.value() }
        checkAnchors(site, bodies: bodies, diagnostics: &diagnostics)
        checkChartFiles(site, bodies: bodies, diagnostics: &diagnostics)
        diagnostics.append(contentsOf: menuDiagnostics)
        timer.mark("anchors and menu")
        diagnostics = finish(diagnostics)
        guard !diagnostics.hasErrors else {
            // The pages written so far are never swapped in (`StagingFolder.discard`).
            staging?.discard()
            return Result(site: nil, diagnostics: diagnostics, stats: Stats())
        }

        let contexts = contextsTask.value()
        if sink == nil {
            guard open() else { return Result(site: nil, diagnostics: diagnostics, stats: Stats()) }
        }
        guard let sink else { return Result(site: nil, diagnostics: diagnostics, stats: Stats()) }
        var counts = (pages: 0, files: 0)
        do {
            if let pageFailure { throw pageFailure }
            counts = try renderPages(site, bodies: bodies, contexts: contexts, templates: templates, menu: menu, cache: &cache, sink: sink,
                                     early: early, pagesWritten: onePass)
            counts.files += try writeChartFiles(site, bodies: bodies, sink: sink)
            if let made = feeds.value() {
                try sink.put("feed.xml", .text(made.atom))
                try sink.put("sitemap.xml", .text(made.sitemap))
                counts.files += 2
            }
            for asset in tree.assets {
                switch asset.source {
                case .project(let path): try sink.put("assets/" + asset.path, .copy(from: root + "/" + path))
                case .builtin(let bytes): try sink.put("assets/" + asset.path, .utf8(bytes))
                }
                counts.files += 1
            }
            for file in site.files {
                try sink.put(file.outputPath, .copy(from: root + "/" + file.sourcePath))
                counts.files += 1
            }
            timer.mark("templates render and write")
            let stamps = templates.stampCounts
            timer.note("\(stamps.stamped) pages filled from \(stamps.stamps) stamps, \(stamps.rendered) rendered by swift-mustache, \(stamps.refused) stamps refused; \(stamps.listed) listings filled from \(stamps.listStamps) list stamps")
            if let staging, let writer {
                try writer.commit(staging)
                timer.mark("swap")
            }
        } catch let missing as TemplateMissing {
            staging?.discard()
            diagnostics.error("template \"\(missing.name)\" not found", file: "templates/\(missing.name).mustache")
            return Result(site: nil, diagnostics: diagnostics, stats: Stats())
        } catch {
            staging?.discard()
            diagnostics.error("cannot write the site: \(error)", file: writer?.output ?? "public")
            return Result(site: nil, diagnostics: diagnostics, stats: Stats())
        }
        let stats = Stats(pages: counts.pages, sections: site.sections.count, files: counts.files,
                          datasets: site.datasets.count, rendered: cache.rendered)
        let workingSet = staging == nil ? nil : WorkingSet((site, bodies, contexts, tree, templates, staging as Any))
        return Result(site: nil, diagnostics: diagnostics, stats: stats, workingSet: workingSet)
    }

    /// Warnings become errors under `--strict`.
    func finish(_ diagnostics: Diagnostics) -> Diagnostics {
        guard options.strict else { return diagnostics }
        return Diagnostics(diagnostics.items.map { item in
            var item = item
            item.severity = .error
            return item
        })
    }

    /// Renders every page body, in parallel; bodies whose inputs did not change come from `cache`.
    func renderBodies(_ site: ParsedSite, renderer bodyRenderer: BodyRenderer, cache: inout BuildCache) -> [RenderedMarkdown] {
        let pages = site.pages
        guard cache.enabled else {
            // A one-off build: nothing to reuse and nothing to remember.
            cache.rendered += pages.count
            return Array(pages.indices).parallelMap { bodyRenderer.render(pages[$0]) }
        }
        var linkTable = Dictionary(uniqueKeysWithValues: site.pages.map { ($0.contentPath, $0.urlPath) })
        // Settings that change every body (drafts and unreadable pages change link errors).
        linkTable["\u{0}config"] = "\(site.config.unsafeHTML) \(site.config.language) \(site.config.portable)"
        linkTable["\u{0}drafts"] = site.omittedDrafts.sorted().joined(separator: "\n")
        linkTable["\u{0}unreadable"] = site.unreadable.sorted().joined(separator: "\n")
        linkTable["\u{0}datasets"] = site.datasets.map(\.name).joined(separator: "\n")
        linkTable["\u{0}files"] = site.files.map { "\($0.sourcePath)\u{0}\($0.outputPath)\u{0}\(String(describing: $0.imageSize))" }
            .joined(separator: "\n")
        if cache.linkTable != linkTable {
            cache.linkTable = linkTable
            cache.linkVersion += 1
        }

        let versions = cache.datasetVersions
        let keys = site.pages.map { page in
            BuildCache.BodyKey(body: page.body, firstLine: page.bodyStartLine, contentPath: page.contentPath,
                               urlPath: page.urlPath, linkVersion: cache.linkVersion, sources: page.frontMatter.sources.compactMap(\.id))
        }
        var results: [RenderedMarkdown?] = site.pages.indices.map { index in
            guard let entry = cache.bodies[site.pages[index].contentPath], entry.key == keys[index],
                  entry.datasetVersions.allSatisfy({ versions[$0.key] == $0.value }) else { return nil }
            return entry.result
        }
        let missing = results.indices.filter { results[$0] == nil }
        let rendered = missing.parallelMap { index in
            return bodyRenderer.render(pages[index])
        }
        for (index, result) in zip(missing, rendered) { results[index] = result }
        var bodies: [String: BuildCache.BodyEntry] = [:]
        let final = results.map { $0 ?? RenderedMarkdown(html: "", headings: [], anchorReferences: [], diagnostics: Diagnostics()) }
        for (index, page) in site.pages.enumerated() {
            let used = Dictionary(uniqueKeysWithValues: final[index].datasets.map { ($0, versions[$0] ?? 0) })
            bodies[page.contentPath] = BuildCache.BodyEntry(key: keys[index], datasetVersions: used, result: final[index])
        }
        cache.bodies = bodies
        cache.rendered += missing.count
        return final
    }

    /// Links to `page.md#anchor` need every page's headings, so they are checked after rendering.
    /// In parallel, by runs of pages; the errors keep the pages' order.
    func checkAnchors(_ site: ParsedSite, bodies: [RenderedMarkdown], diagnostics: inout Diagnostics) {
        var positions: [String: Int] = [:]
        positions.reserveCapacity(site.pages.count)
        for (position, page) in site.pages.enumerated() { positions[page.contentPath] = position }
        let index = positions
        let runLength = 256
        let runs = Array(stride(from: 0, to: bodies.count, by: runLength)).parallelMap { start -> Diagnostics in
            var found = Diagnostics()
            for body in bodies[start..<min(start + runLength, bodies.count)] {
                for reference in body.anchorReferences {
                    // A page has a handful of headings: a scan beats building a set for every page.
                    guard let target = index[reference.targetPage] else { continue }
                    let headings = bodies[target].headings
                    guard !headings.contains(where: { $0.id == reference.anchor }) else { continue }
                    var message = "link to missing anchor \"#\(reference.anchor)\" on content/\(reference.targetPage)"
                    if let suggestion = reference.anchor.closest(among: headings.map(\.id)).map(\.candidate) {
                        message += "; did you mean \"#\(suggestion)\"?"
                    }
                    found.error(message, file: reference.file, line: reference.line, column: reference.column)
                }
            }
            return found
        }
        for run in runs { diagnostics.append(contentsOf: run) }
    }

    /// A one-off build's bodies, each page rendered with its template and written as soon as its
    /// body exists: the body is still in the processor's cache when the page copies it, and no
    /// phase waits for the last page of the one before. Of a page's body, only what the later
    /// steps read is kept (headings, links to anchors, datasets, diagnostics); index pages keep
    /// their HTML, which the listings show. The first error in rendering or writing a page is
    /// returned, to be reported only if the bodies had none.
    func renderPagesWithBodies(_ site: ParsedSite, renderer: BodyRenderer, contexts: BackgroundTask<ContextBuilder>,
                               templates: TemplateSet, sink: OutputSink, early: EarlyListings?) -> (bodies: [RenderedMarkdown], failure: Error?) {
        let pages = site.pages
        let listings = early?.jobs ?? []
        // The listings first: the longest of them then overlaps the pages instead of ending the pass.
        let outcomes = Array(0..<(listings.count + pages.count)).parallelMap { job -> PageWithBody? in
            guard job >= listings.count else {
                early?.run(listings[job])
                return nil
            }
            let page = pages[job - listings.count]
            // A page's HTML stays bytes from cmark to its file; an index page's is read by the
            // listings, as a string.
            var body = renderer.render(page, utf8: page.kind == .page)
            guard page.kind == .page else { return PageWithBody(body: body, error: nil) }
            let contexts = contexts.value()
            do {
                let html = try templates.renderUTF8("page", context: contexts.page(page, body: body))
                try sink.put(page.outputPath, .utf8(html))
            } catch {
                return PageWithBody(body: body, error: error)
            }
            body.html = ""
            return PageWithBody(body: body, error: nil)
        }
        let done = outcomes.dropFirst(listings.count).compactMap { $0 }
        return (done.map(\.body), done.lazy.compactMap(\.error).first)
    }

    /// Renders every page with its template and hands each file to `sink` as soon as it exists.
    /// Returns how many pages and files were produced.
    /// - Parameter pagesWritten: the pages are already written (`renderPagesWithBodies`): only
    ///   the listings are left.
    func renderPages(_ site: ParsedSite, bodies: [RenderedMarkdown], contexts: ContextBuilder, templates: TemplateSet,
                     menu: [MenuResolver.Item], cache: inout BuildCache, sink: OutputSink,
                     early: EarlyListings? = nil, pagesWritten: Bool = false) throws -> (pages: Int, files: Int) {
        // The listings read the bodies of index pages only.
        var bodyByPath: [String: RenderedMarkdown] = [:]
        for (page, body) in zip(site.pages, bodies) where page.kind != .page { bodyByPath[page.contentPath] = body }

        let shape = BuildCache.SiteShape(config: site.config, menu: menu, sections: site.sections, hasDatasets: !site.datasets.isEmpty)
        var neighbours: [String: [String]] = [:]
        if cache.enabled {
            for section in site.sections {
                let paths = section.pagePaths
                for (position, path) in paths.enumerated() {
                    neighbours[path] = [position > 0 ? paths[position - 1] : nil, position + 1 < paths.count ? paths[position + 1] : nil]
                        .map { $0.flatMap { contexts.pagesByPath($0) }.map { "\($0.frontMatter.title)\u{0}\($0.urlPath)" } ?? "" }
                }
            }
        }
        let pages = site.pages
        let plain = pages.indices.filter { pages[$0].kind == .page }.map { index in
            PageJob(index: index, key: cache.enabled
                    ? BuildCache.PageKey(templatesVersion: cache.templatesVersion, page: pages[index], body: bodies[index],
                                         neighbours: neighbours[pages[index].contentPath] ?? [], shape: shape)
                    : nil)
        }
        let previous = cache.pages
        let keepHTML = cache.enabled

        // Listings show every page's card: in serve, they are redone only when a card,
        // an introduction, the data or the templates changed, not for an edit in a body.
        var listingKey: BuildCache.ListingKey?
        if cache.enabled {
            listingKey = BuildCache.ListingKey(
                templatesVersion: cache.templatesVersion, shape: shape,
                pages: site.pages.map { page in var card = page; card.body = ""; return card },
                bodies: zip(site.pages, bodies).filter { $0.0.kind != .page }.map(\.1.html),
                datasetUsers: bodies.map(\.datasets), figures: bodies.map(\.figures), datasets: site.datasets)
        }
        var reusedListings: [(String, RenderedSite.Content)]?
        if let listingKey, let previous = cache.listings, previous.key == listingKey { reusedListings = previous.files }
        var listingJobs = reusedListings == nil
            ? listings(site, bodies: bodies, bodyByPath: bodyByPath, contexts: contexts, templates: templates) : []
        if let ready = early?.files() {
            listingJobs = listingJobs.map { job in
                guard let content = ready[job.path] else { return job }
                return ListingJob(path: job.path) { content }
            }
        }

        // Each file is rendered and written by the same worker, so the site is never whole in
        // memory; the listings (the longest renders) go first so they overlap the pages.
        let jobs = listingJobs.map(RenderJob.listing) + (pagesWritten ? [] : plain.map(RenderJob.page))
        let outcomes = jobs.parallelMap { job -> PageOutcome in
            do {
                switch job {
                case .listing(let listing):
                    let content = try listing.render()
                    try sink.put(listing.path, content)
                    return PageOutcome(html: nil, listing: (listing.path, content), rendered: false, error: nil)
                case .page(let job):
                    let page = pages[job.index]
                    if let key = job.key, let entry = previous[page.contentPath], entry.key == key {
                        try sink.put(page.outputPath, .text(entry.html))
                        return PageOutcome(html: nil, listing: nil, rendered: false, error: nil)
                    }
                    let html = try templates.render("page", context: contexts.page(page, body: bodies[job.index]))
                    try sink.put(page.outputPath, .text(html))
                    return PageOutcome(html: keepHTML ? html : nil, listing: nil, rendered: true, error: nil)
                }
            } catch {
                return PageOutcome(html: nil, listing: nil, rendered: true, error: error)
            }
        }
        if let failure = outcomes.lazy.compactMap(\.error).first { throw failure }
        let pageOutcomes = outcomes.dropFirst(listingJobs.count)
        if cache.enabled {
            var entries: [String: BuildCache.PageEntry] = [:]
            for (job, outcome) in zip(plain, pageOutcomes) {
                guard let key = job.key else { continue }
                let path = pages[job.index].contentPath
                if let html = outcome.html {
                    entries[path] = BuildCache.PageEntry(key: key, html: html)
                } else if let entry = previous[path] {
                    entries[path] = entry
                }
            }
            cache.pages = entries
        }
        cache.rendered = max(cache.rendered, pageOutcomes.filter(\.rendered).count)

        var pageCount = plain.count + 1 + site.sections.count
        if !site.datasets.isEmpty { pageCount += site.datasets.count + 2 }  // + the data index and the charts page

        let listingFiles: [(String, RenderedSite.Content)]
        if let reusedListings {
            for (path, content) in reusedListings { try sink.put(path, content) }
            listingFiles = reusedListings
        } else {
            listingFiles = outcomes.prefix(listingJobs.count).compactMap(\.listing)
            if let listingKey { cache.listings = (listingKey, listingFiles) }
        }
        return (pageCount, plain.count + listingFiles.count)
    }

    /// One file of the listings, rendered when a worker takes it.
    struct ListingJob: Sendable {
        let path: String
        let render: @Sendable () throws -> RenderedSite.Content
    }

    /// The home page, section listings, 404, data pages and the charts page.
    func listings(_ site: ParsedSite, bodies: [RenderedMarkdown], bodyByPath: [String: RenderedMarkdown],
                  contexts: ContextBuilder, templates: TemplateSet) -> [ListingJob] {
        var jobs: [ListingJob] = []
        func add(_ path: String, _ template: String, _ context: @escaping @Sendable () -> TemplateContext) {
            jobs.append(ListingJob(path: path) { .text(try templates.render(template, context: context(), listing: true)) })
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
        if !site.datasets.isEmpty {
            var users: [String: [Page]] = [:]
            for (page, body) in zip(site.pages, bodies) {
                for name in body.datasets { users[name, default: []].append(page) }
            }
            for dataset in site.datasets {
                let usedBy = (users[dataset.name] ?? []).sorted(by: PageOrder.listing)
                let urlPath = DatasetPages.urlPath(dataset.name)
                add(urlPath + "index.html", "dataset") { contexts.dataset(dataset, usedBy: usedBy, figures: figures) }
                let source = root + "/" + dataset.sourcePath
                jobs.append(ListingJob(path: urlPath + DatasetPages.fileName(dataset)) { .copy(from: source) })
            }
            let datasets = site.datasets
            add(DatasetPages.indexPath + "index.html", "datasets") { contexts.datasetIndex(datasets, figures: figures) }
            add(ChartsPage.indexPath + "index.html", ChartsPage.template) { contexts.chartIndex(figures) }
        }
        return jobs
    }
}

private enum RenderJob: Sendable {
    case listing(SiteBuilder.ListingJob)
    case page(PageJob)
}

private struct PageWithBody: @unchecked Sendable {
    let body: RenderedMarkdown
    let error: Error?
}

private struct PageOutcome: @unchecked Sendable {
    let html: String?
    let listing: (String, RenderedSite.Content)?
    let rendered: Bool
    let error: Error?
}

private struct PageJob: Sendable {
    /// Index in the site's pages and bodies.
    let index: Int
    let key: BuildCache.PageKey?
}

/// Renders page bodies with the site's settings, links and data.
struct BodyRenderer: Sendable {
    let renderer: MarkdownRenderer
    let resolver: LinkResolver

    init(site: ParsedSite, verify: Bool = false) {
        resolver = LinkResolver(
            pages: Dictionary(uniqueKeysWithValues: site.pages.map { ($0.contentPath, $0.urlPath) }),
            drafts: site.omittedDrafts,
            unreadable: site.unreadable,
            datasets: Set(site.datasets.map(\.name)),
            portable: site.config.portable,
            files: site.files
        )
        let extensions = DataExtensions(datasets: site.datasets, config: site.config, verify: verify)
        renderer = MarkdownRenderer(unsafeHTML: site.config.unsafeHTML, language: site.config.primaryLanguage, extensions: extensions,
                                    strings: InterfaceStrings.table(for: site.config), numbered: site.config.numbered)
    }

    func render(_ page: Page, utf8: Bool = false) -> RenderedMarkdown {
        renderer.render(page.body, file: page.sourcePath, firstLine: page.bodyStartLine,
                        contentPath: page.contentPath, urlPath: page.urlPath, links: resolver,
                        sources: page.frontMatter.sources.compactMap(\.id), utf8: utf8)
    }
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

    /// - Parameter home: the home page is one of them (not when it lists the report's figures,
    ///   which come from every body).
    init(site: ParsedSite, templates: TemplateSet, contexts: BackgroundTask<ContextBuilder>, bodies: BodyRenderer, home includeHome: Bool) {
        let home = site.home
        var jobs: [Job] = []
        if includeHome {
            jobs.append(Job(path: "index.html") {
                let contexts = contexts.value()
                return try? templates.render("home", context: contexts.home(home, body: home.map { bodies.render($0) }), listing: true)
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

    /// The listings rendered so far.
    func files() -> [String: RenderedSite.Content] {
        lock.lock()
        defer { lock.unlock() }
        return done
    }
}
