import DossierModel
import DossierData
import DossierMarkdown

/// Turns the files read from disk into a `ParsedSite`: front matter, URLs, sections.
package struct SiteParser: Sendable {
    package let options: BuildOptions

    package init(options: BuildOptions) {
        self.options = options
    }

    package func parse(_ tree: SourceTree) -> (ParsedSite?, Diagnostics) {
        var memo = ParseMemo(keeping: false)
        return parse(tree, memo: &memo)
    }

    /// Parses, reusing pages and datasets whose files have not changed since the parse `memo` remembers.
    package func parse(_ tree: SourceTree, memo: inout ParseMemo) -> (ParsedSite?, Diagnostics) {
        var diagnostics = Diagnostics()
        if memo.configBytes != tree.siteConfig?.bytes {
            memo.pages = [:]
            memo.configBytes = tree.siteConfig?.bytes
        }
        var config = tree.siteConfig.flatMap { SiteConfigDecoder.decode($0, diagnostics: &diagnostics) }
        if options.portable { config?.portable = true }

        var pages: [Page] = []
        pages.reserveCapacity(tree.pages.count)
        var drafts: Set<String> = []
        var unreadable: Set<String> = []
        var parsedPages: [String: ParseMemo.PageFile] = [:]
        // The datasets are read on another thread while the pages are parsed.
        let dataFiles = tree.dataFiles
        let datasetTask = memo.dataFiles == dataFiles ? nil : BackgroundTask { () -> (datasets: [Dataset], diagnostics: [Diagnostic]) in
            var local = Diagnostics()
            let datasets = DatasetParser.parse(dataFiles, diagnostics: &local)
            return (datasets, local.items)
        }
        // Pages parse independently: in parallel, reusing unchanged files from the memo.
        let previous = memo.pages
        let language = config?.primaryLanguage
        var entries = tree.pages.parallelMap { file -> ParseMemo.PageFile in
            if !previous.isEmpty, let cached = previous[file.path], cached.bytes == file.bytes { return cached }
            var local = Diagnostics()
            let page = parsePage(file, language: language, diagnostics: &local)
            return ParseMemo.PageFile(bytes: file.bytes, page: page, diagnostics: local.items)
        }
        for (index, file) in tree.pages.enumerated() {
            if memo.keeping { parsedPages[file.path] = entries[index] }
            diagnostics.append(contentsOf: entries[index].diagnostics)
            // Moved out rather than copied: the entry is not used again (the memo has its own copy).
            guard let page = entries[index].page.take() else {
                unreadable.insert(String(file.path.dropFirst("content/".count)))
                continue
            }
            if page.frontMatter.draft && !options.includeDrafts {
                drafts.insert(page.contentPath)
                continue
            }
            pages.append(page)
        }
        if memo.keeping { memo.pages = parsedPages }
        memo.changedDatasets = []
        if let parsed = datasetTask?.value() {
            let previous = Dictionary(memo.datasets.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
            memo.datasets = parsed.datasets
            memo.datasetDiagnostics = parsed.diagnostics
            memo.dataFiles = dataFiles
            memo.changedDatasets = memo.datasets.filter { previous[$0.name] != $0 }.map(\.name)
        }
        return assemble(tree, config: config, pages: pages, datasets: memo.datasets,
                        drafts: drafts, unreadable: unreadable, diagnostics: diagnostics, datasetDiagnostics: memo.datasetDiagnostics)
    }

    /// The parsed pages and datasets made into a site, with the checks that need all of them.
    func assemble(_ tree: SourceTree, config: SiteConfig?, pages: [Page], datasets: [Dataset], drafts: Set<String>,
                  unreadable: Set<String>, diagnostics: Diagnostics, datasetDiagnostics: [Diagnostic]) -> (ParsedSite?, Diagnostics) {
        var diagnostics = diagnostics
        let sections = SectionBuilder.sections(for: pages)
        checkCollisions(pages, sections: sections, diagnostics: &diagnostics)
        diagnostics.append(contentsOf: datasetDiagnostics)
        let files = FilePlacement.place(tree.contentFiles, pages: pages)
        let generated = Self.generatedPaths(pages: pages, sections: sections, datasets: datasets, assets: tree.assets)
        checkGeneratedCollisions(pages, generated: generated, diagnostics: &diagnostics)
        FilePlacement.checkCollisions(files, generated: generated.merging(pages.map { ($0.outputPath, $0.sourcePath) }) { a, _ in a },
                                      diagnostics: &diagnostics)
        guard let config else { return (nil, diagnostics) }
        var site = ParsedSite(config: config, pages: pages, sections: sections, omittedDrafts: drafts, unreadable: unreadable)
        site.datasets = datasets
        site.files = files
        return (site, diagnostics)
    }

    /// - Parameter language: the site's primary language subtag, for the typography of titles and summaries.
    package func parsePage(_ file: SourceFile, language: String?, diagnostics: inout Diagnostics) -> Page? {
        guard let split = Self.split(file, diagnostics: &diagnostics) else { return nil }
        guard var frontMatter = FrontMatterDecoder.decode(split.yaml, file: file.path, firstLine: split.yamlStartLine,
                                                                verify: options.verify, diagnostics: &diagnostics) else {
            return nil
        }
        if let language {
            frontMatter.title = SmartPunctuation.correct(frontMatter.title, language: language)
            frontMatter.summary = frontMatter.summary.map { SmartPunctuation.correct($0, language: language) }
        }
        let contentPath = String(file.path.dropFirst("content/".count))
        let placement = PagePlacement(contentPath: contentPath, slug: frontMatter.slug)
        return Page(
            sourcePath: file.path,
            contentPath: contentPath,
            kind: placement.kind,
            section: placement.section,
            frontMatter: frontMatter,
            body: split.body,
            bodyStartLine: split.bodyStartLine,
            urlPath: placement.urlPath
        )
    }

    /// The page's front matter and body. A well-formed file is split on its bytes, decoding only
    /// the two parts; any other goes through the whole text, which reports what is wrong.
    static func split(_ file: SourceFile, diagnostics: inout Diagnostics) -> FrontMatterSplitter.Split? {
        if let split = FrontMatterSplitter.split(utf8: UTF8Text.withoutByteOrderMark(file.bytes)) { return split }
        guard let text = UTF8Text.decode(file, diagnostics: &diagnostics) else { return nil }
        switch FrontMatterSplitter.split(text) {
        case .success(let split):
            return split
        case .failure(.missing):
            diagnostics.error("page has no front matter: start the file with a `---` line, then `title: …`, then `---`", file: file.path, line: 1, column: 1)
            return nil
        case .failure(.unclosed):
            diagnostics.error("front matter is not closed: add a `---` line after it", file: file.path, line: 1, column: 1)
            return nil
        }
    }

    /// The files the build makes itself (listings, data pages, feeds, assets), with what makes them.
    static func generatedPaths(pages: [Page], sections: [Section], datasets: [Dataset], assets: [AssetFile]) -> [String: String] {
        var paths: [String: String] = ["404.html": "the 404 page", "feed.xml": "the feed", "sitemap.xml": "the sitemap"]
        if !pages.contains(where: { $0.kind == .home }) { paths["index.html"] = "the home page" }
        for section in sections where section.indexPage == nil {
            paths[section.urlPath + "index.html"] = "the listing of section `\(section.name)`"
        }
        for asset in assets { paths["assets/" + asset.path] = "the theme's asset assets/\(asset.path)" }
        if !datasets.isEmpty {
            paths[DatasetURL.index + "index.html"] = "the data index"
            paths[DatasetURL.charts + "index.html"] = "the charts page"
        }
        for dataset in datasets {
            paths[DatasetURL.page(dataset.name) + "index.html"] = "the page of dataset \(dataset.sourcePath)"
            paths[DatasetURL.page(dataset.name) + DatasetURL.fileName(dataset)] = dataset.sourcePath
        }
        return paths
    }

    /// A page that would write a file the build makes itself (`content/data.md` and the data index).
    func checkGeneratedCollisions(_ pages: [Page], generated: [String: String], diagnostics: inout Diagnostics) {
        for page in pages {
            // A page on a section's listing is reported by `checkCollisions`.
            guard let other = generated[page.outputPath], !other.hasPrefix("the listing of section") else { continue }
            diagnostics.error("page would be written to \(page.outputPath), where \(other) goes; give it another `slug` or move it",
                              file: page.sourcePath, line: 1, column: 1)
        }
    }

    /// Two pages, or a page and a section listing, that would write the same file.
    /// - Parameter sections: `SectionBuilder.sections(for: pages)`.
    func checkCollisions(_ pages: [Page], sections: [Section], diagnostics: inout Diagnostics) {
        var owners: [String: String] = [:]
        // In the order of the source paths (sorting indices rather than moving whole pages).
        for index in pages.indices.sorted(by: { pages[$0].sourcePath < pages[$1].sourcePath }) {
            if let other = owners[pages[index].urlPath] {
                diagnostics.error("page would be written to \(pages[index].outputPath), like \(other); give one of them another `slug`",
                                  file: pages[index].sourcePath, line: 1, column: 1)
            } else {
                owners[pages[index].urlPath] = pages[index].sourcePath
            }
        }
        for section in sections where section.indexPage == nil {
            if let other = owners[section.urlPath] {
                diagnostics.error("page would be written to \(section.urlPath)index.html, where the listing of section `\(section.name)` goes; give it another `slug`",
                                  file: other, line: 1, column: 1)
            }
        }
    }
}

/// Where a page goes in the site, from its path under `content/` and its slug.
struct PagePlacement {
    var kind: Page.Kind
    var section: String?
    var urlPath: String

    init(contentPath: String, slug: String?) {
        var components: [String]
        if contentPath.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII (the usual case): characters are bytes, and splitting on the byte `/` skips
            // grapheme breaking.
            components = contentPath.utf8.split(separator: UInt8(ascii: "/")).map { String(contentPath[$0.startIndex..<$0.endIndex]) }
        } else {
            components = contentPath.split(separator: "/").map(String.init)
        }
        let fileName = components.removeLast()
        let stem = String(fileName.dropLast(".md".count))
        let folders = components.map { component in
            let slug = Slug.make(component)
            return slug.isEmpty ? "section" : slug
        }
        section = components.first
        if stem == "index" {
            kind = components.isEmpty ? .home : (components.count == 1 ? .sectionIndex : .page)
            urlPath = folders.map { $0 + "/" }.joined()
        } else {
            kind = .page
            let made = Slug.make(stem)
            let leaf = slug ?? (made.isEmpty ? "page" : made)
            urlPath = (folders + [leaf]).map { $0 + "/" }.joined()
        }
    }
}
