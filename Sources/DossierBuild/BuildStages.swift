import DossierModel
import DossierTemplates
import DossierMarkdown
import DossierLoad
import DossierParse
import DossierRender
import DossierOutput

/// The steps of a build that its two drivers share: `SiteBuilder` runs them once
/// (`dossier build`, `check`), `IncrementalBuilder` again on every change (`dossier serve`),
/// keeping in its `BuildCache` what a change did not touch. Plain values in, plain values out.
struct BuildStages: Sendable {
    let root: String
    let options: BuildOptions

    struct Parsed {
        /// Nil when `site.yaml` is missing or unreadable.
        var site: ParsedSite?
        var templates: TemplateSet
        var diagnostics: Diagnostics
    }

    /// The pages, sections and datasets, with the templates parsed on another thread meanwhile
    /// (or the ones `templates` keeps, when their files did not change).
    func parse(_ tree: SourceTree, templates memo: inout TemplateMemo, pages: inout ParseMemo) -> Parsed {
        let files = tree.templates, stamping = options.stampTemplates, verify = options.verify
        let previous = memo.files == files ? memo.set : nil
        let task = BackgroundTask { () -> (set: TemplateSet, diagnostics: [Diagnostic]?) in
            if let previous { return (previous, nil) }
            var local = Diagnostics()
            let set = TemplateSet(files: files, stamping: stamping, verify: verify, diagnostics: &local)
            return (set, local.items)
        }
        let (site, parseDiagnostics) = SiteParser(options: options).parse(tree, memo: &pages)
        let (templates, newDiagnostics) = task.value()
        if let newDiagnostics { memo.replace(files: files, set: templates, diagnostics: newDiagnostics) }
        var diagnostics = Diagnostics(memo.diagnostics)
        if !tree.dataFiles.isEmpty {
            for name in ["dataset", "datasets"] where !templates.names.contains(name) {
                diagnostics.error("missing template \"\(name)\": create templates/\(name).mustache (content/data/ has datasets, which get pages)",
                                  file: "templates/\(name).mustache")
            }
        }
        diagnostics.append(contentsOf: parseDiagnostics)
        return Parsed(site: site, templates: templates, diagnostics: diagnostics)
    }

    /// What is found once every body exists: the bodies' own problems, links to missing anchors
    /// and the menu's; then warnings become errors under `--strict`.
    func check(_ site: ParsedSite, bodies: [RenderedMarkdown], setup: RenderSetup, into diagnostics: inout Diagnostics) {
        for body in bodies { diagnostics.append(contentsOf: body.diagnostics) }
        AnchorCheck.check(site, bodies: bodies, diagnostics: &diagnostics)
        ChartFiles.check(site, bodies: bodies, diagnostics: &diagnostics)
        diagnostics.append(contentsOf: setup.menuDiagnostics)
        diagnostics = finish(diagnostics)
    }

    /// Under `DOSSIER_VERIFY=1`, once every page is rendered: the pages that a template stamp
    /// filled otherwise than swift-mustache renders them.
    func checkStamps(_ templates: TemplateSet, into diagnostics: inout Diagnostics) {
        for failure in templates.verificationFailures { diagnostics.error(failure, file: "templates") }
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

    /// The feed and the sitemap, which need only the parsed pages: made on another thread.
    static func feeds(_ site: ParsedSite) -> BackgroundTask<(atom: String, sitemap: String)?> {
        let baseURL = site.config.baseURL
        return BackgroundTask { baseURL.map { (FeedRenderer.atom(site, baseURL: $0), FeedRenderer.sitemap(site, baseURL: $0)) } }
    }

    /// The files that are not pages: each chart's SVG and CSV, feed and sitemap, the theme's
    /// assets, the content's files. Returns how many.
    /// The files that are not pages: feeds, assets and the content's own files (the charts'
    /// files are written with their pages, or by `ChartFiles.write` in `dossier serve`).
    func putFiles(_ site: ParsedSite, assets: [AssetFile], feeds: (atom: String, sitemap: String)?,
                  into sink: OutputSink) throws -> Int {
        var count = 0
        if let feeds {
            try sink.put("feed.xml", .text(feeds.atom))
            try sink.put("sitemap.xml", .text(feeds.sitemap))
            count += 2
        }
        for asset in assets {
            switch asset.source {
            case .project(let path): try sink.put("assets/" + asset.path, .copy(from: root + "/" + path))
            case .builtin(let bytes): try sink.put("assets/" + asset.path, .utf8(bytes))
            }
            count += 1
        }
        for file in site.files {
            try sink.put(file.outputPath, .copy(from: root + "/" + file.sourcePath))
            count += 1
        }
        return count
    }

    /// An error in rendering or writing, as the build reports it.
    func report(_ error: Error, output: String, into diagnostics: inout Diagnostics) {
        if let missing = error as? TemplateMissing {
            diagnostics.error("template \"\(missing.name)\" not found", file: "templates/\(missing.name).mustache")
        } else {
            diagnostics.error("cannot write the site: \(error)", file: output)
        }
    }

    /// What a build made. Its pages are the plain pages, the home page, the section listings
    /// and, when there is data, a page per dataset, their index and the charts page; its files
    /// are the plain pages and `others` (listings, chart files, feeds, assets, copied files).
    static func stats(_ site: ParsedSite, others: Int, rendered: Int) -> SiteBuilder.Stats {
        let plain = site.pages.count(where: { $0.kind == .page })
        var pages = plain + 1 + site.sections.count
        if !site.datasets.isEmpty { pages += site.datasets.count + 2 }
        return SiteBuilder.Stats(pages: pages, sections: site.sections.count, files: plain + others,
                                 datasets: site.datasets.count, rendered: rendered)
    }
}

/// The templates of the last build, which `dossier serve` keeps while their files do not change.
struct TemplateMemo {
    var files: [SourceFile]?
    var set: TemplateSet?
    var diagnostics: [Diagnostic] = []
    /// Goes up at each change, for the keys of the pages and listings that serve keeps.
    var version = 0

    mutating func replace(files: [SourceFile], set: TemplateSet, diagnostics: [Diagnostic]) {
        self.files = files
        self.set = set
        self.diagnostics = diagnostics
        version += 1
    }
}
