import DossierModel
import DossierTemplates
import DossierMarkdown
import DossierLoad
import DossierParse
import DossierRender
import DossierOutput

/// A one-off build (`dossier build`, `check`): load → parse → render → write, each step once.
/// Each page is written as soon as its body is rendered, so the whole site is never in memory;
/// `IncrementalBuilder` runs the same steps for `dossier serve`, keeping what did not change.
///
/// Every step reports into one `Diagnostics`, so a build shows all of its problems at once.
package struct SiteBuilder: Sendable {
    package let root: String
    package let options: BuildOptions

    package init(root: String, options: BuildOptions = BuildOptions()) {
        self.root = root
        self.options = options
    }

    /// Builds the whole site in memory (`result.site`).
    package func build() -> Result {
        let sink = MemorySink()
        var result = build(into: OutputTarget(.memory(sink)))
        if !result.diagnostics.hasErrors {
            result.site = RenderedSite(files: sink.contents, pageCount: result.stats.pages)
        }
        return result
    }

    /// Builds and writes the site to `writer`'s output, page by page, without keeping it in
    /// memory. `result.site` is nil; the output is untouched unless the build succeeds.
    package func build(writingTo writer: OutputWriter) -> Result {
        build(into: OutputTarget(.folder(writer)))
    }

    private func build(into output: OutputTarget) -> Result {
        defer { output.end() }
        let stages = BuildStages(root: root, options: options)
        var timer = PhaseTimer()
        // The page cache serves builds into a folder; the program's hash is part of its keys.
        let program = output.isFolder && options.pageCache ? BackgroundTask { PageKeys.currentProgram } : nil
        var (tree, diagnostics) = ProjectLoader(root: root).load()
        timer.mark("load")
        var templateMemo = TemplateMemo(), parseMemo = ParseMemo(keeping: false)
        let parsed = stages.parse(tree, templates: &templateMemo, pages: &parseMemo)
        timer.mark("parse (templates beside it)")
        diagnostics.append(contentsOf: parsed.diagnostics)
        guard let site = parsed.site else { return Result(diagnostics: stages.finish(diagnostics)) }
        let keys = program?.value().map { PageKeys.make(tree, site: site, options: options, program: $0) }
        tree.pages = []  // the pages' bytes are no longer needed
        let run = Run(stages: stages, site: site, templates: parsed.templates, tree: tree, output: output, keys: keys)
        return run.render(diagnostics, timer: &timer)
    }
}

/// The rendering and writing of a one-off build, once the site is parsed.
private struct Run {
    let stages: BuildStages
    let site: ParsedSite
    let templates: TemplateSet
    let tree: SourceTree
    let output: OutputTarget
    /// The page cache's keys, when this build uses it.
    let keys: [String: UInt64]?

    func render(_ diagnostics: Diagnostics, timer: inout PhaseTimer) -> SiteBuilder.Result {
        var diagnostics = diagnostics
        let setup = RenderSetup(site: site, templates: templates, verify: stages.options.verify)
        defer { _ = setup.contexts.value() }
        // An output that cannot be opened is reported with the content's errors (the bodies are
        // still rendered, without writing anything).
        let sink = output.open(&diagnostics)
        let cache = sink == nil ? nil : cacheUse()
        let pass = sink.map { OnePass(site, setup: setup, templates: templates, sink: $0, cache: cache) }
        let bodies = pass?.bodies ?? setup.bodies.renderAll(site.pages)
        timer.mark("markdown, pages and write")
        diagnostics.append(contentsOf: pass?.disagreements ?? [])
        let feeds = BuildStages.feeds(site)
        defer { _ = feeds.value() }
        stages.check(site, bodies: bodies, setup: setup, into: &diagnostics)
        timer.mark("anchors and menu")
        guard !diagnostics.hasErrors, let sink = output.open(&diagnostics) else {
            output.discard()
            return SiteBuilder.Result(diagnostics: diagnostics)
        }
        var files = 0
        do {
            if let failure = pass?.failure { throw failure }
            let jobs = Listings(root: stages.root).jobs(site, bodies: bodies, contexts: setup.contexts.value(), templates: templates)
            files += try Listings.write(jobs, into: sink).count
            files += try stages.putFiles(site, assets: tree.assets, feeds: feeds.value(), into: sink)
            files += ChartFiles.count(site, bodies: bodies)
            timer.mark("listings and files")
            note(&timer)
            stages.checkStamps(templates, into: &diagnostics)
            guard !diagnostics.hasErrors else {
                output.discard()
                return SiteBuilder.Result(diagnostics: diagnostics)
            }
            try output.commit()
            timer.mark("swap")
            if let cache, let kept = pass?.nextCache, kept != cache.previous, let path = output.staging?.pageCachePath {
                try? kept.save(path)  // without it, the next build renders every page
                timer.mark("page cache")
            }
        } catch {
            output.discard()
            stages.report(error, output: output.name, into: &diagnostics)
            return SiteBuilder.Result(diagnostics: diagnostics)
        }
        var stats = BuildStages.stats(site, others: files, rendered: pass?.rendered ?? site.pages.count)
        stats.unchanged = site.pages.count - stats.rendered
        let workingSet = output.staging.map { SiteBuilder.WorkingSet((site, bodies, setup, tree, templates, $0)) }
        return SiteBuilder.Result(diagnostics: diagnostics, stats: stats, workingSet: workingSet)
    }

    /// The previous build's page cache, with this build's keys and staging folder.
    private func cacheUse() -> PageCacheUse? {
        guard let keys, let staging = output.staging, let path = staging.pageCachePath else { return nil }
        return PageCacheUse(previous: PageCache.load(path), keys: keys, staging: staging, output: output.folder,
                            verify: stages.options.verify)
    }

    private func note(_ timer: inout PhaseTimer) {
        let stamps = templates.stampCounts
        timer.note("\(stamps.stamped) pages filled from \(stamps.stamps) stamps, \(stamps.rendered) rendered by swift-mustache, \(stamps.refused) stamps refused; \(stamps.listed) listings filled from \(stamps.listStamps) list stamps")
    }
}
