import Foundation
import DossierModel
import DossierTemplates
import DossierLoad
import DossierParse
import DossierOutput

/// A builder that remembers its last build, for `dossier serve`: the steps of a one-off build
/// (`BuildStages`), each rebuild reusing from its `BuildCache` what the changed files cannot have
/// affected. The site is built in memory.
///
/// Thread-safety: calls are serialized by an internal lock, so a server may call `build` from
/// any task; builds never overlap.
package final class IncrementalBuilder: @unchecked Sendable {
    package let root: String
    package let options: BuildOptions
    private let lock = NSLock()
    private var cache = BuildCache()

    package init(root: String, options: BuildOptions = BuildOptions()) {
        self.root = root
        self.options = options
    }

    /// Builds the site in memory.
    /// - Parameter changed: paths relative to the root that changed since the last build
    ///   (nil: unknown, rebuild everything; the first build is always complete).
    package func build(changed: Set<String>? = nil) -> SiteBuilder.Result {
        lock.lock()
        defer { lock.unlock() }
        // Worked on as a local value: two stages take parts of it at once (`&cache.templates`,
        // `&cache.parse`), which a stored property of a class does not allow.
        var cache = changed == nil ? BuildCache() : self.cache
        defer { self.cache = cache }
        let stages = BuildStages(root: root, options: options)
        let loader = changed.map { ProjectLoader(root: root, previous: cache.files, changed: $0) } ?? ProjectLoader(root: root)
        var (tree, diagnostics) = loader.load()
        cache.remember(tree)
        let parsed = stages.parse(tree, templates: &cache.templates, pages: &cache.parse)
        cache.countChangedDatasets()
        tree.pages = []
        diagnostics.append(contentsOf: parsed.diagnostics)
        guard let site = parsed.site else { return SiteBuilder.Result(diagnostics: stages.finish(diagnostics)) }
        return render(site, templates: parsed.templates, assets: tree.assets, stages: stages, cache: &cache, diagnostics: diagnostics)
    }

    private func render(_ site: ParsedSite, templates: TemplateSet, assets: [AssetFile], stages: BuildStages,
                        cache: inout BuildCache, diagnostics: Diagnostics) -> SiteBuilder.Result {
        var diagnostics = diagnostics
        let setup = RenderSetup(site: site, templates: templates, verify: options.verify)
        defer { _ = setup.contexts.value() }
        let (bodies, bodiesRendered) = cache.bodies(site, renderer: setup.bodies)
        let feeds = BuildStages.feeds(site)
        defer { _ = feeds.value() }
        stages.check(site, bodies: bodies, setup: setup, into: &diagnostics)
        guard !diagnostics.hasErrors else { return SiteBuilder.Result(diagnostics: diagnostics) }
        let sink = MemorySink()
        let contexts = setup.contexts.value()
        let shape = BuildCache.SiteShape(config: site.config, menu: setup.menu, sections: site.sections, hasDatasets: !site.datasets.isEmpty)
        let stats: SiteBuilder.Stats
        do {
            let pagesRendered = try cache.writePages(site, bodies: bodies, contexts: contexts, templates: templates, shape: shape, into: sink)
            let listings = try cache.writeListings(site, bodies: bodies, contexts: contexts, templates: templates, shape: shape,
                                                   listings: Listings(root: root), into: sink)
            let charts = try ChartFiles.write(site, bodies: bodies, sink: sink)
            let files = try stages.putFiles(site, assets: assets, feeds: feeds.value(), into: sink)
            stats = BuildStages.stats(site, others: listings + charts + files, rendered: max(bodiesRendered, pagesRendered))
            stages.checkStamps(templates, into: &diagnostics)
            guard !diagnostics.hasErrors else { return SiteBuilder.Result(diagnostics: diagnostics) }
        } catch {
            stages.report(error, output: "public", into: &diagnostics)
            return SiteBuilder.Result(diagnostics: diagnostics)
        }
        return SiteBuilder.Result(site: RenderedSite(files: sink.contents, pageCount: stats.pages), diagnostics: diagnostics, stats: stats)
    }
}
