import DossierModel
import DossierTemplates
import DossierMarkdown
import DossierFigures
import DossierRender

/// What rendering every page shares: the menu, the template contexts (made on another thread
/// while the first bodies render) and the renderer of bodies.
struct RenderSetup: Sendable {
    let menu: [MenuResolver.Item]
    let menuDiagnostics: Diagnostics
    let contexts: BackgroundTask<ContextBuilder>
    let bodies: BodyRenderer

    init(site: ParsedSite, templates: TemplateSet, verify: Bool) {
        var diagnostics = Diagnostics()
        let menu = MenuResolver.resolve(site, diagnostics: &diagnostics)
        let homeSectionPages = templates.mayRead("pages")
        self.menu = menu
        menuDiagnostics = diagnostics
        contexts = BackgroundTask { ContextBuilder(site: site, menu: menu, homeSectionPages: homeSectionPages) }
        bodies = BodyRenderer(site: site, verify: verify)
    }
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
            files: site.files,
            verify: verify
        )
        let extensions = DataExtensions(datasets: site.datasets, config: site.config)
        renderer = MarkdownRenderer(unsafeHTML: site.config.unsafeHTML, language: site.config.primaryLanguage, extensions: extensions,
                                    strings: InterfaceStrings.table(for: site.config), numbered: site.config.numbered, verify: verify)
    }

    func render(_ page: Page, utf8: Bool = false) -> RenderedMarkdown {
        renderer.render(page.body, file: page.sourcePath, firstLine: page.bodyStartLine,
                        contentPath: page.contentPath, urlPath: page.urlPath, links: resolver,
                        sources: page.frontMatter.sources.compactMap(\.id), utf8: utf8)
    }

    /// Every page's body, in parallel.
    func renderAll(_ pages: [Page]) -> [RenderedMarkdown] {
        Array(pages.indices).parallelMap { render(pages[$0]) }
    }
}
