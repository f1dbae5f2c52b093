import DossierModel
import DossierTemplates
import DossierMarkdown
import DossierParse
import DossierRender
import DossierOutput

/// The rendering steps of `dossier serve`: those of a one-off build, but each output taken
/// from the cache when its key is unchanged.
extension BuildCache {
    /// Every page body, in parallel; bodies whose inputs did not change come from the cache.
    /// Returns them with how many were rendered.
    mutating func bodies(_ site: ParsedSite, renderer: BodyRenderer) -> (bodies: [RenderedMarkdown], rendered: Int) {
        updateLinkVersion(site)
        let versions = datasetVersions, linkVersion = linkVersion, previous = bodies
        let keys = site.pages.map { page in
            BodyKey(body: page.body, firstLine: page.bodyStartLine, contentPath: page.contentPath,
                    urlPath: page.urlPath, linkVersion: linkVersion, sources: page.frontMatter.sources.compactMap(\.id))
        }
        var results: [RenderedMarkdown?] = site.pages.indices.map { index in
            guard let entry = previous[site.pages[index].contentPath], entry.key == keys[index],
                  entry.datasetVersions.allSatisfy({ versions[$0.key] == $0.value }) else { return nil }
            return entry.result
        }
        let missing = results.indices.filter { results[$0] == nil }
        let pages = site.pages
        for (index, result) in zip(missing, missing.parallelMap { renderer.render(pages[$0]) }) { results[index] = result }
        let final = results.map { $0 ?? RenderedMarkdown(html: "", headings: [], anchorReferences: [], diagnostics: Diagnostics()) }
        var entries: [String: BodyEntry] = [:]
        for (index, page) in site.pages.enumerated() {
            let used = Dictionary(uniqueKeysWithValues: final[index].datasets.map { ($0, versions[$0] ?? 0) })
            entries[page.contentPath] = BodyEntry(key: keys[index], datasetVersions: used, result: final[index])
        }
        bodies = entries
        return (final, missing.count)
    }

    /// Settings that change every body: the pages' URLs (links), drafts and unreadable pages
    /// (link errors), the datasets and the content's files.
    private mutating func updateLinkVersion(_ site: ParsedSite) {
        var table = Dictionary(uniqueKeysWithValues: site.pages.map { ($0.contentPath, $0.urlPath) })
        table["\u{0}config"] = "\(site.config.unsafeHTML) \(site.config.language) \(site.config.portable)"
        table["\u{0}drafts"] = site.omittedDrafts.sorted().joined(separator: "\n")
        table["\u{0}unreadable"] = site.unreadable.sorted().joined(separator: "\n")
        table["\u{0}datasets"] = site.datasets.map(\.name).joined(separator: "\n")
        table["\u{0}files"] = site.files.map { "\($0.sourcePath)\u{0}\($0.outputPath)\u{0}\(String(describing: $0.imageSize))" }
            .joined(separator: "\n")
        guard linkTable != table else { return }
        linkTable = table
        linkVersion += 1
    }

    /// Renders and writes every plain page, in parallel; a page whose key did not change is
    /// written from the cache. Returns how many were rendered.
    mutating func writePages(_ site: ParsedSite, bodies: [RenderedMarkdown], contexts: ContextBuilder, templates: TemplateSet,
                             shape: SiteShape, into sink: OutputSink) throws -> Int {
        let neighbours = Self.neighbours(site, contexts: contexts)
        let version = self.templates.version, previous = pages
        let plain = site.pages.indices.filter { site.pages[$0].kind == .page }
        let keys = plain.map { index in
            PageKey(templatesVersion: version, page: site.pages[index], body: bodies[index],
                    neighbours: neighbours[site.pages[index].contentPath] ?? [], shape: shape)
        }
        let outcomes = try Array(plain.indices).parallelMapThrowing { job -> (html: String, rendered: Bool) in
            let page = site.pages[plain[job]]
            if let entry = previous[page.contentPath], entry.key == keys[job] {
                try sink.put(page.outputPath, .text(entry.html))
                return (entry.html, false)
            }
            let html = try templates.render("page", context: contexts.page(page, body: bodies[plain[job]]))
            try sink.put(page.outputPath, .text(html))
            return (html, true)
        }
        var entries: [String: PageEntry] = [:]
        for (job, outcome) in zip(plain.indices, outcomes) {
            entries[site.pages[plain[job]].contentPath] = PageEntry(key: keys[job], html: outcome.html)
        }
        pages = entries
        return outcomes.count(where: \.rendered)
    }

    /// The titles and URLs of each page's previous and next pages in its section, which its
    /// pager shows.
    private static func neighbours(_ site: ParsedSite, contexts: ContextBuilder) -> [String: [String]] {
        var neighbours: [String: [String]] = [:]
        for section in site.sections {
            let paths = section.pagePaths
            for (position, path) in paths.enumerated() {
                neighbours[path] = [position > 0 ? paths[position - 1] : nil, position + 1 < paths.count ? paths[position + 1] : nil]
                    .map { $0.flatMap { contexts.pagesByPath($0) }.map { "\($0.frontMatter.title)\u{0}\($0.urlPath)" } ?? "" }
            }
        }
        return neighbours
    }

    /// Writes the listings. They show every page's card, so they are redone only when a card, an
    /// introduction, the data or the templates changed, not for an edit in a body. Returns how
    /// many files they are.
    mutating func writeListings(_ site: ParsedSite, bodies: [RenderedMarkdown], contexts: ContextBuilder, templates: TemplateSet,
                                shape: SiteShape, listings: Listings, into sink: OutputSink) throws -> Int {
        let key = ListingKey(
            templatesVersion: self.templates.version, shape: shape,
            pages: site.pages.map { page in var card = page; card.body = ""; return card },
            bodies: zip(site.pages, bodies).filter { $0.0.kind != .page }.map(\.1.html),
            datasetUsers: bodies.map(\.datasets), figures: bodies.map(\.figures), datasets: site.datasets)
        if let previous = self.listings, previous.key == key {
            for (path, content) in previous.files { try sink.put(path, content) }
            return previous.files.count
        }
        let files = try Listings.write(listings.jobs(site, bodies: bodies, contexts: contexts, templates: templates), into: sink)
        self.listings = (key, files)
        return files.count
    }
}
