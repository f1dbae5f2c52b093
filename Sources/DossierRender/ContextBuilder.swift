import DossierModel
import DossierMarkdown
import DossierTemplates

/// Builds the dictionaries the templates see (documented in the README, "Template context").
///
/// Each page's context holds only what that page shows, so its size does not grow with the
/// number of pages; only the home page and section listings list other pages.
package struct ContextBuilder: Sendable {
    let site: ParsedSite
    let menu: [MenuResolver.Item]
    let strings: [String: String]
    /// `t` and `site`, the same on every page, made once.
    let stringsValue: TemplateValue
    let siteValue: TemplateValue
    /// Where the menu and the section list point, to know which pages share their folder's links.
    let localTargets: [String]
    /// What `base` gives the pages of each folder (but their title), for the pages no menu entry
    /// or section points to or under.
    private(set) var folderBases: [String: TemplateContext] = [:]
    /// Index in `site.pages` of each page, by content path (the pages are not copied).
    let pageIndex: [String: Int]
    /// Each listed page's position in its section, so neighbours are found without a search.
    let positions: [String: Int]

    /// Whether the home page's `sections` carry their cards (`pages`): only when a template
    /// may read `pages` (`TemplateSet.mayRead`), since a big section makes thousands of them.
    let homeSectionPages: Bool

    package init(site: ParsedSite, menu: [MenuResolver.Item], homeSectionPages: Bool = true) {
        self.site = site
        self.menu = menu
        self.homeSectionPages = homeSectionPages
        self.format = site.config.localeFormat
        self.strings = InterfaceStrings.table(for: site.config)
        self.stringsValue = .shared(SharedTemplateValue(.map(strings.mapValues(TemplateValue.string))))
        let config = site.config
        var siteValues: TemplateContext = [
            "title": .string(config.title),
            "language": .string(config.language),
            "og_locale": .string(Self.openGraphLocale(config.language)),
        ]
        // Left out when empty, so that `{{#site.author}}` writes no empty tag or separator.
        if let description = Self.text(config.description) { siteValues["description"] = .string(description) }
        if let author = Self.text(config.author) { siteValues["author"] = .string(author) }
        if let baseURL = config.baseURL { siteValues["base_url"] = .string(baseURL) }
        self.siteValue = .shared(SharedTemplateValue(.map(siteValues)))
        var targets = site.sections.map(\.urlPath) + [""]
        for item in menu {
            if case .local(let target) = item.target { targets.append(target) }
        }
        self.localTargets = targets
        var pageIndex: [String: Int] = [:]
        pageIndex.reserveCapacity(site.pages.count)
        for (index, page) in site.pages.enumerated() { pageIndex[page.contentPath] = index }
        self.pageIndex = pageIndex
        var positions: [String: Int] = [:]
        for section in site.sections {
            for (position, path) in section.pagePaths.enumerated() { positions[path] = position }
        }
        self.positions = positions
        var bases: [String: TemplateContext] = [:]
        for page in site.pages where page.kind == .page && sharesFolderLinks(page.urlPath) {
            let folder = PathText.parent(String(page.urlPath.dropLast()))
            if bases[folder] == nil { bases[folder] = makeBase(urlPath: page.urlPath, kind: "page", title: "") }
        }
        self.folderBases = bases
    }

    package func pagesByPath(_ contentPath: String) -> Page? {
        pageIndex[contentPath].map { site.pages[$0] }
    }

    var portable: Bool { site.config.portable }
    /// How the site's language writes numbers and dates, worked out once (every card asks for it).
    let format: LocaleFormat

    /// `text` unless it is empty or only spaces: an empty summary is no summary.
    static func text(_ text: String?) -> String? {
        guard let text, text.contains(where: { !$0.isWhitespace }) else { return nil }
        return text
    }

    func link(from: String, to: String) -> String {
        RelativeURL.link(from: from, to: to, portable: portable)
    }

    /// True when no menu entry or section points to `urlPath` or under it: such a page's links
    /// to them, `current` and `active` flags are those of any other page of its folder.
    func sharesFolderLinks(_ urlPath: String) -> Bool {
        !urlPath.isEmpty && urlPath.hasSuffix("/") && !localTargets.contains { $0.hasPrefix(urlPath) }
    }

    /// What every template receives.
    func base(urlPath: String, kind: String, title: String) -> TemplateContext {
        var context: TemplateContext
        if kind == "page", sharesFolderLinks(urlPath), let shared = folderBases[PathText.parent(String(urlPath.dropLast()))] {
            context = shared
            context["title"] = .string(title)
        } else {
            context = makeBase(urlPath: urlPath, kind: kind, title: title)
        }
        // The page's absolute address (`og:url`, `<link rel="canonical">`); the 404 page has none.
        if kind != "404", let baseURL = site.config.baseURL { context["canonical_url"] = .string(baseURL + urlPath) }
        return context
    }

    /// `og:locale` for a language tag: `fr_FR`, `en_US` and `de_DE` for `fr`, `en` and `de`,
    /// otherwise the tag with `_` for `-` and its region in capitals (`en-gb` → `en_GB`).
    static func openGraphLocale(_ tag: String) -> String {
        let parts = tag.split(whereSeparator: { $0 == "-" || $0 == "_" })
        guard let first = parts.first else { return tag }
        let primary = first.lowercased()
        if parts.count == 1, let region = ["fr": "FR", "en": "US", "de": "DE"][primary] { return primary + "_" + region }
        let rest = parts.dropFirst().map { $0.count == 2 ? $0.uppercased() : String($0) }
        return ([primary] + rest).joined(separator: "_")
    }

    func makeBase(urlPath: String, kind: String, title: String) -> TemplateContext {
        let root = RelativeURL.root(from: urlPath)
        var context: TemplateContext = [
            "site": siteValue,
            "kind": .string(kind),
            "og_type": .string(kind == "page" ? "article" : "website"),
            "is_home": .bool(kind == "home"),
            "is_section": .bool(kind == "section"),
            "is_page": .bool(kind == "page"),
            "is_404": .bool(kind == "404"),
            "root": .string(root),
            "assets_url": .string(root + "assets/"),
            "home_url": .string(link(from: urlPath, to: "")),
            "title": .string(title),
            "t": stringsValue,
            "menu": .shared(SharedTemplateValue(.list(menu.map { item -> TemplateValue in
                switch item.target {
                case .external(let url):
                    return ["title": .string(item.title), "url": .string(url), "current": false, "external": true]
                case .local(let target):
                    let active = target == urlPath || (!target.isEmpty && urlPath.hasPrefix(target))
                    return ["title": .string(item.title), "url": .string(link(from: urlPath, to: target)),
                            "current": .bool(target == urlPath), "active": .bool(active), "external": false]
                }
            }))),
            "sections": .shared(SharedTemplateValue(.list(site.sections.map { section in .map(sectionSummary(section, from: urlPath)) }))),
        ]
        if site.config.baseURL != nil { context["feed_url"] = .string(root + "feed.xml") }
        return context
    }

    func sectionSummary(_ section: Section, from urlPath: String) -> TemplateContext {
        var values: TemplateContext = [
            "title": .string(section.title),
            "url": .string(link(from: urlPath, to: section.urlPath)),
            "current": .bool(urlPath == section.urlPath),
            "active": .bool(urlPath.hasPrefix(section.urlPath)),
        ]
        if let summary = Self.text(section.summary) { values["summary"] = .string(summary) }
        return values
    }

    /// The cards of a section's pages, in its order.
    func cards(_ section: Section, from urlPath: String) -> [TemplateValue] {
        section.pagePaths.compactMap { pageIndex[$0] }.map { card(site.pages[$0], from: urlPath) }
    }

    /// The previous or next page, as `page.prev` and `page.next` show it.
    func neighbour(_ page: Page, from urlPath: String) -> TemplateValue {
        ["title": .string(page.frontMatter.title), "url": .string(link(from: urlPath, to: page.urlPath))]
    }

    func card(_ page: Page, from urlPath: String) -> TemplateValue {
        var values: TemplateContext = [
            "title": .string(page.frontMatter.title),
            "url": .string(link(from: urlPath, to: page.urlPath)),
            "tags": .strings(page.frontMatter.tags),
        ]
        if let summary = Self.text(page.frontMatter.summary) { values["summary"] = .string(summary) }
        if let date = page.frontMatter.date {
            values["date"] = .string(date)
            values["date_display"] = .string(format.fullDate(date))
        }
        return .map(values)
    }

    func fullTitle(_ title: String) -> String {
        title == site.config.title ? title : "\(title) — \(site.config.title)"
    }

    /// A page of a section, or a page at the top of `content/`.
    package func page(_ page: Page, body: RenderedMarkdown) -> TemplateContext {
        var context = base(urlPath: page.urlPath, kind: "page", title: fullTitle(page.frontMatter.title))
        var values = pageValues(page, body: body)
        var crumbs: [TemplateValue] = [["title": .string(strings["home"] ?? "Home"), "url": .string(link(from: page.urlPath, to: ""))]]
        if let sectionName = page.section, let section = site.sections.first(where: { $0.name == sectionName }) {
            let sectionLink: TemplateValue = ["title": .string(section.title), "url": .string(link(from: page.urlPath, to: section.urlPath))]
            crumbs.append(sectionLink)
            values["section"] = sectionLink
            if let position = positions[page.contentPath] {
                if position > 0, let previous = pageIndex[section.pagePaths[position - 1]] {
                    values["prev"] = neighbour(site.pages[previous], from: page.urlPath)
                }
                if position + 1 < section.pagePaths.count, let next = pageIndex[section.pagePaths[position + 1]] {
                    values["next"] = neighbour(site.pages[next], from: page.urlPath)
                }
            }
        }
        values["breadcrumbs"] = .list(crumbs)
        context["page"] = .map(values)
        return context
    }

    /// The home page: its own text plus every section with its pages, and the latest pages.
    /// - Parameter figures: every chart of the report (`figures`).
    package func home(_ page: Page?, body: RenderedMarkdown?, figures: ReportFigures) -> TemplateContext {
        var context = base(urlPath: "", kind: "home", title: site.config.title)
        context["figures"] = .list(figures.values(from: "", contexts: self))
        if !site.datasets.isEmpty { context["charts_url"] = .string(link(from: "", to: DatasetURL.charts)) }
        if let page, let body {
            context["page"] = .map(pageValues(page, body: body))
        } else {
            context["page"] = ["title": .string(site.config.title), "url": .string(link(from: "", to: "")), "content": "", "breadcrumbs": []]
        }
        context["sections"] = .list(site.sections.map { section -> TemplateValue in
            var values = sectionSummary(section, from: "")
            if homeSectionPages { values["pages"] = .list(cards(section, from: "")) }
            return .map(values)
        })
        // Indices, not pages, are sorted: a page is a large value to move around.
        let pages = site.pages
        let dated = pages.indices.filter { pages[$0].kind == .page && pages[$0].frontMatter.date != nil }
            .sorted { a, b in
                (pages[a].frontMatter.date ?? "", pages[b].sourcePath) > (pages[b].frontMatter.date ?? "", pages[a].sourcePath)
            }
        context["recent"] = .list(dated.prefix(10).map { card(pages[$0], from: "") })
        return context
    }

    /// The listing of a section, with the text of its `index.md` when it has one.
    package func section(_ section: Section, intro: Page?, body: RenderedMarkdown?) -> TemplateContext {
        var context = base(urlPath: section.urlPath, kind: "section", title: fullTitle(section.title))
        let pages = cards(section, from: section.urlPath)
        var values: TemplateContext = [
            "title": .string(section.title),
            "url": .string(link(from: section.urlPath, to: section.urlPath)),
            "content": .string(body?.html ?? ""),
            "pages": .list(pages),
        ]
        if let summary = Self.text(section.summary) { values["summary"] = .string(summary) }
        context["section"] = .map(values)
        let homeCrumb: TemplateValue = ["title": .string(strings["home"] ?? "Home"), "url": .string(link(from: section.urlPath, to: ""))]
        if let intro, let body {
            var page = pageValues(intro, body: body)
            page["breadcrumbs"] = [homeCrumb]
            context["page"] = .map(page)
        } else {
            context["page"] = [
                "title": .string(section.title), "url": .string(link(from: section.urlPath, to: section.urlPath)), "content": "",
                "breadcrumbs": [homeCrumb],
            ]
        }
        return context
    }

    /// The 404 page is shown at whatever address was asked for, so relative links cannot work
    /// from it: with a `base_url` its links are absolute; without one they are relative to the root.
    package func notFound() -> TemplateContext {
        var context = base(urlPath: "", kind: "404", title: fullTitle(strings["not_found_title"] ?? "Not found"))
        context["page"] = ["title": .string(strings["not_found_title"] ?? "Not found"), "content": "", "url": .string(link(from: "", to: ""))]
        guard let baseURL = site.config.baseURL else { return context }
        var absolute: TemplateContext = [:]
        for (key, value) in context { absolute[key] = Self.absolutize(value, baseURL: baseURL, key: key) }
        return absolute
    }

    /// Prefixes every relative `url`, `root`, `home_url`, `assets_url` and `feed_url` with `baseURL`.
    static func absolutize(_ value: TemplateValue, baseURL: String, key: String? = nil) -> TemplateValue {
        switch value {
        case .map(let dictionary):
            var result: TemplateContext = [:]
            for (k, v) in dictionary { result[k] = absolutize(v, baseURL: baseURL, key: k) }
            return .map(result)
        case .list(let array):
            return .list(array.map { absolutize($0, baseURL: baseURL) })
        case .shared(let shared):
            return absolutize(shared.value, baseURL: baseURL, key: key)
        case .string(let string) where ["url", "root", "home_url", "assets_url", "feed_url"].contains(key ?? ""):
            if URLText.hasSchemeOrHost(string) || string.hasPrefix("#") { return value }
            if string == "./" { return .string(baseURL) }
            return .string(baseURL + string)
        default:
            return value
        }
    }

    func pageValues(_ page: Page, body: RenderedMarkdown) -> TemplateContext {
        let front = page.frontMatter
        var values: TemplateContext = [
            "title": .string(front.title),
            "url": .string(link(from: page.urlPath, to: page.urlPath)),
            "content": body.templateValue,
            "tags": .strings(front.tags),
            "toc": .list(body.headings.filter { $0.level == 2 || $0.level == 3 }.map { heading -> TemplateValue in
                ["id": .string(heading.id), "title": .string(heading.text), "level": .int(heading.level), "url": .string("#" + heading.id)]
            }),
            "sources": .list(sourceValues(front.sources, cited: body.citations)),
        ]
        if let summary = Self.text(front.summary) { values["summary"] = .string(summary) }
        if let date = front.date {
            values["date"] = .string(date)
            values["date_display"] = .string(format.fullDate(date))
        }
        return values
    }

    /// The page's sources for `partials/sources`: those the text cites first, by number, with
    /// links back to each citation; then the others, as listed.
    func sourceValues(_ sources: [SourceReference], cited: [CitedSource]) -> [TemplateValue] {
        let citedByID = Dictionary(cited.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let ordered = sources.enumerated().sorted { a, b in
            let x = a.element.id.flatMap { citedByID[$0]?.number } ?? Int.max, y = b.element.id.flatMap { citedByID[$0]?.number } ?? Int.max
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
        let back = strings["citation_back"] ?? "Back to the text, citation"
        return ordered.map { source -> TemplateValue in
            var values: TemplateContext = ["title": .string(source.title)]
            if let publisher = Self.text(source.publisher) { values["publisher"] = .string(publisher) }
            if let url = source.url { values["url"] = .string(url) }
            if let date = source.date {
                values["date"] = .string(date)
                values["date_display"] = .string(format.fullDate(date))
            }
            if let id = source.id { values["id"] = .string(id) }
            if let lang = source.lang { values["lang"] = .string(lang) }
            if let id = source.id, let citation = citedByID[id] {
                values["anchor"] = .string(CitedSource.anchor(id))
                values["number"] = .int(citation.number)
                // One citation: "↩"; several: "↩ a b c", a letter per citation (as Wikipedia does).
                values["several_citations"] = .bool(citation.count > 1)
                values["backlinks"] = .list((1...max(1, citation.count)).map { occurrence -> TemplateValue in
                    .map(["url": .string("#" + CitedSource.citationAnchor(id, occurrence: occurrence)),
                          "text": .string(citation.count > 1 ? Self.letter(occurrence) : "↩"),
                          "label": .string(citation.count > 1 ? "\(back) \(citation.number) \(Self.letter(occurrence))" : "\(back) \(citation.number)")])
                })
            }
            return .map(values)
        }
    }

    /// `a` for 1, `z` for 26, `aa` for 27…
    static func letter(_ number: Int) -> String {
        var number = number
        var text = ""
        while number > 0 {
            number -= 1
            text = String(UnicodeScalar(UInt8(97 + number % 26))) + text
            number /= 26
        }
        return text
    }

    package init(site: ParsedSite, menu: [MenuResolver.Item], strings: [String: String], stringsValue: TemplateValue, siteValue: TemplateValue, localTargets: [String], folderBases: [String: TemplateContext] = [:], pageIndex: [String: Int], positions: [String: Int], homeSectionPages: Bool, format: LocaleFormat) {
        self.site = site
        self.menu = menu
        self.strings = strings
        self.stringsValue = stringsValue
        self.siteValue = siteValue
        self.localTargets = localTargets
        self.folderBases = folderBases
        self.pageIndex = pageIndex
        self.positions = positions
        self.homeSectionPages = homeSectionPages
        self.format = format
    }
}
