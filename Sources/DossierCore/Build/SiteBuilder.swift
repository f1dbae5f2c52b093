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
    }

    public struct Stats: Sendable, Equatable {
        public var pages = 0
        public var sections = 0
        public var files = 0
        public var datasets = 0
        /// Pages whose Markdown or HTML this build redid (the rest came from the previous build).
        public var rendered = 0
    }

    public func build() -> Result {
        var cache = BuildCache()
        return build(cache: &cache)
    }

    /// Builds, reusing and updating `cache` (see `IncrementalBuilder`).
    func build(cache: inout BuildCache) -> Result {
        var diagnostics = Diagnostics()

        let (tree, loadDiagnostics) = ProjectLoader(root: root).load()
        diagnostics.append(contentsOf: loadDiagnostics)

        let templates: TemplateSet
        if let cached = cache.templates, cache.templateFiles == tree.templates {
            templates = cached
        } else {
            var local = Diagnostics()
            templates = TemplateSet(files: tree.templates, diagnostics: &local)
            cache.templates = templates
            cache.templateFiles = tree.templates
            cache.templateDiagnostics = local.items
            cache.templatesVersion += 1
        }
        diagnostics.append(contentsOf: cache.templateDiagnostics)
        if !tree.dataFiles.isEmpty {
            for name in ["dataset", "datasets"] where !templates.names.contains(name) {
                diagnostics.error("missing template \"\(name)\": create templates/\(name).mustache (content/data/ has datasets, which get pages)", file: "templates/\(name).mustache")
            }
        }

        let (parsed, parseDiagnostics) = SiteParser(options: options).parse(tree, cache: &cache)
        diagnostics.append(contentsOf: parseDiagnostics)
        guard let site = parsed else {
            return Result(site: nil, diagnostics: finish(diagnostics), stats: Stats())
        }

        cache.rendered = 0
        let bodies = renderBodies(site, cache: &cache)
        for body in bodies { diagnostics.append(contentsOf: body.diagnostics) }
        checkAnchors(site, bodies: bodies, diagnostics: &diagnostics)

        let menu = MenuResolver.resolve(site, diagnostics: &diagnostics)
        diagnostics = finish(diagnostics)
        guard !diagnostics.hasErrors else {
            return Result(site: nil, diagnostics: diagnostics, stats: Stats())
        }

        let contexts = ContextBuilder(site: site, menu: menu)
        var output = RenderedSite()
        do {
            try renderPages(site, bodies: bodies, contexts: contexts, templates: templates, menu: menu, cache: &cache, into: &output)
        } catch {
            diagnostics.error("template \"\(error.name)\" not found", file: "templates/\(error.name).mustache")
            return Result(site: nil, diagnostics: diagnostics, stats: Stats())
        }
        if let baseURL = site.config.baseURL {
            output.files["feed.xml"] = .text(FeedRenderer.atom(site, baseURL: baseURL))
            output.files["sitemap.xml"] = .text(FeedRenderer.sitemap(site, baseURL: baseURL))
        }
        for asset in tree.assets {
            let source = ((root as NSString).appendingPathComponent("templates/assets") as NSString).appendingPathComponent(asset)
            output.files["assets/" + asset] = .copy(from: source)
        }
        let stats = Stats(pages: output.pageCount, sections: site.sections.count, files: output.files.count, datasets: site.datasets.count, rendered: cache.rendered)
        return Result(site: output, diagnostics: diagnostics, stats: stats)
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
    func renderBodies(_ site: ParsedSite, cache: inout BuildCache) -> [RenderedMarkdown] {
        var linkTable = Dictionary(uniqueKeysWithValues: site.pages.map { ($0.contentPath, $0.urlPath) })
        // Settings that change every body (drafts and unreadable pages change link errors).
        linkTable["\u{0}config"] = "\(site.config.unsafeHTML) \(site.config.language) \(site.config.portable)"
        linkTable["\u{0}drafts"] = site.omittedDrafts.sorted().joined(separator: "\n")
        linkTable["\u{0}unreadable"] = site.unreadable.sorted().joined(separator: "\n")
        if cache.linkTable != linkTable {
            cache.linkTable = linkTable
            cache.linkVersion += 1
        }
        let resolver = LinkResolver(
            pages: Dictionary(uniqueKeysWithValues: site.pages.map { ($0.contentPath, $0.urlPath) }),
            drafts: site.omittedDrafts,
            unreadable: site.unreadable,
            portable: site.config.portable
        )
        let extensions = DataExtensions(datasets: site.datasets, language: site.config.primaryLanguage, portable: site.config.portable)
        let renderer = MarkdownRenderer(unsafeHTML: site.config.unsafeHTML, language: site.config.primaryLanguage, extensions: extensions)

        let versions = cache.datasetVersions
        let keys = site.pages.map { page in
            BuildCache.BodyKey(body: page.body, firstLine: page.bodyStartLine, contentPath: page.contentPath,
                               urlPath: page.urlPath, linkVersion: cache.linkVersion)
        }
        var results: [RenderedMarkdown?] = site.pages.indices.map { index in
            guard let entry = cache.bodies[site.pages[index].contentPath], entry.key == keys[index],
                  entry.datasetVersions.allSatisfy({ versions[$0.key] == $0.value }) else { return nil }
            return entry.result
        }
        let missing = results.indices.filter { results[$0] == nil }
        let pages = site.pages
        let rendered = missing.parallelMap { index in
            let page = pages[index]
            return renderer.render(page.body, file: page.sourcePath, firstLine: page.bodyStartLine,
                                   contentPath: page.contentPath, urlPath: page.urlPath, links: resolver)
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
    func checkAnchors(_ site: ParsedSite, bodies: [RenderedMarkdown], diagnostics: inout Diagnostics) {
        var anchors: [String: Set<String>] = [:]
        for (page, body) in zip(site.pages, bodies) {
            anchors[page.contentPath] = Set(body.headings.map(\.id))
        }
        for body in bodies {
            for reference in body.anchorReferences {
                guard let known = anchors[reference.targetPage], !known.contains(reference.anchor) else { continue }
                var message = "link to missing anchor \"#\(reference.anchor)\" on content/\(reference.targetPage)"
                if let suggestion = known.min(by: { reference.anchor.editDistance(to: $0) < reference.anchor.editDistance(to: $1) }) {
                    message += "; did you mean \"#\(suggestion)\"?"
                }
                diagnostics.error(message, file: reference.file, line: reference.line, column: reference.column)
            }
        }
    }

    func renderPages(_ site: ParsedSite, bodies: [RenderedMarkdown], contexts: ContextBuilder, templates: TemplateSet,
                     menu: [MenuResolver.Item], cache: inout BuildCache, into output: inout RenderedSite) throws(TemplateMissing) {
        var bodyByPath: [String: RenderedMarkdown] = [:]
        for (page, body) in zip(site.pages, bodies) { bodyByPath[page.contentPath] = body }

        let shape = BuildCache.SiteShape(config: site.config, menu: menu, sections: site.sections, hasDatasets: !site.datasets.isEmpty)
        var neighbours: [String: [String]] = [:]
        for section in site.sections {
            let paths = section.pagePaths
            for (position, path) in paths.enumerated() {
                neighbours[path] = [position > 0 ? paths[position - 1] : nil, position + 1 < paths.count ? paths[position + 1] : nil]
                    .map { $0.flatMap { contexts.pagesByPath[$0] }.map { "\($0.frontMatter.title)\u{0}\($0.urlPath)" } ?? "" }
            }
        }
        let plain = zip(site.pages, bodies).filter { $0.0.kind == .page }.map { page, body in
            PageJob(page: page, body: body, key: BuildCache.PageKey(templatesVersion: cache.templatesVersion, page: page, body: body,
                                                                    neighbours: neighbours[page.contentPath] ?? [], shape: shape))
        }
        let previous = cache.pages
        let missing = plain.filter { previous[$0.page.contentPath]?.key != $0.key }
        let rendered = missing.parallelMap { job -> Swift.Result<String, TemplateMissing> in
            Swift.Result { () throws(TemplateMissing) -> String in
                try templates.render("page", context: contexts.page(job.page, body: job.body))
            }
        }
        var pages: [String: BuildCache.PageEntry] = [:]
        for job in plain {
            if let entry = previous[job.page.contentPath], entry.key == job.key { pages[job.page.contentPath] = entry }
        }
        for (job, html) in zip(missing, rendered) {
            pages[job.page.contentPath] = BuildCache.PageEntry(key: job.key, html: try html.get())
        }
        for job in plain {
            if let entry = pages[job.page.contentPath] { output.files[job.page.outputPath] = .text(entry.html) }
        }
        cache.pages = pages
        cache.rendered = max(cache.rendered, missing.count)

        let home = site.home
        output.files["index.html"] = .text(try templates.render("home", context: contexts.home(home, body: home.flatMap { bodyByPath[$0.contentPath] })))
        for section in site.sections {
            let intro = section.indexPage.flatMap { path in site.pages.first { $0.contentPath == path } }
            let context = contexts.section(section, intro: intro, body: section.indexPage.flatMap { bodyByPath[$0] })
            output.files[section.urlPath + "index.html"] = .text(try templates.render("section", context: context))
        }
        output.files["404.html"] = .text(try templates.render("404", context: contexts.notFound()))
        output.pageCount = plain.count + 1 + site.sections.count

        if !site.datasets.isEmpty {
            var users: [String: [Page]] = [:]
            for (page, body) in zip(site.pages, bodies) {
                for name in body.datasets { users[name, default: []].append(page) }
            }
            for dataset in site.datasets {
                let usedBy = (users[dataset.name] ?? []).sorted(by: PageOrder.listing)
                let urlPath = DatasetPages.urlPath(dataset.name)
                output.files[urlPath + "index.html"] = .text(try templates.render("dataset", context: contexts.dataset(dataset, usedBy: usedBy)))
                output.files[urlPath + DatasetPages.fileName(dataset)] = .copy(from: (root as NSString).appendingPathComponent(dataset.sourcePath))
            }
            output.files[DatasetPages.indexPath + "index.html"] = .text(try templates.render("datasets", context: contexts.datasetIndex(site.datasets)))
            output.pageCount += site.datasets.count + 1
        }
    }
}

private struct PageJob: Sendable {
    let page: Page
    let body: RenderedMarkdown
    let key: BuildCache.PageKey
}
