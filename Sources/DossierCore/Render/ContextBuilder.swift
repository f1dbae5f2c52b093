/// Builds the dictionaries the templates see (documented in the README, "Template context").
///
/// Each page's context holds only what that page shows, so its size does not grow with the
/// number of pages; only the home page and section listings list other pages.
struct ContextBuilder: Sendable {
    let site: ParsedSite
    let menu: [MenuResolver.Item]
    let strings: [String: String]
    let pagesByPath: [String: Page]
    /// Each listed page's position in its section, so neighbours are found without a search.
    let positions: [String: Int]

    init(site: ParsedSite, menu: [MenuResolver.Item]) {
        self.site = site
        self.menu = menu
        self.strings = InterfaceStrings.table(for: site.config.primaryLanguage)
        var pagesByPath: [String: Page] = [:]
        for page in site.pages { pagesByPath[page.contentPath] = page }
        self.pagesByPath = pagesByPath
        var positions: [String: Int] = [:]
        for section in site.sections {
            for (position, path) in section.pagePaths.enumerated() { positions[path] = position }
        }
        self.positions = positions
    }

    var portable: Bool { site.config.portable }
    var language: String { site.config.primaryLanguage }

    func link(from: String, to: String) -> String {
        RelativeURL.link(from: from, to: to, portable: portable)
    }

    /// What every template receives.
    func base(urlPath: String, kind: String, title: String) -> [String: Any] {
        let root = RelativeURL.root(from: urlPath)
        let config = site.config
        var siteValues: [String: Any] = [
            "title": config.title,
            "description": config.description,
            "author": config.author,
            "language": config.language,
        ]
        if let baseURL = config.baseURL { siteValues["base_url"] = baseURL }
        var context: [String: Any] = [
            "site": siteValues,
            "kind": kind,
            "is_home": kind == "home",
            "is_section": kind == "section",
            "is_page": kind == "page",
            "is_404": kind == "404",
            "root": root,
            "assets_url": root + "assets/",
            "home_url": link(from: urlPath, to: ""),
            "title": title,
            "t": strings,
            "menu": menu.map { item -> [String: Any] in
                switch item.target {
                case .external(let url):
                    return ["title": item.title, "url": url, "current": false, "external": true]
                case .local(let target):
                    let active = target == urlPath || (!target.isEmpty && urlPath.hasPrefix(target))
                    return ["title": item.title, "url": link(from: urlPath, to: target), "current": target == urlPath,
                            "active": active, "external": false]
                }
            },
            "sections": site.sections.map { section -> [String: Any] in
                sectionSummary(section, from: urlPath)
            },
        ]
        if config.baseURL != nil { context["feed_url"] = root + "feed.xml" }
        return context
    }

    func sectionSummary(_ section: Section, from urlPath: String) -> [String: Any] {
        var values: [String: Any] = [
            "title": section.title,
            "url": link(from: urlPath, to: section.urlPath),
            "current": urlPath == section.urlPath,
            "active": urlPath.hasPrefix(section.urlPath),
        ]
        if let summary = section.summary { values["summary"] = summary }
        return values
    }

    func card(_ page: Page, from urlPath: String) -> [String: Any] {
        var values: [String: Any] = [
            "title": page.frontMatter.title,
            "url": link(from: urlPath, to: page.urlPath),
            "tags": page.frontMatter.tags,
        ]
        if let summary = page.frontMatter.summary { values["summary"] = summary }
        if let date = page.frontMatter.date {
            values["date"] = date
            values["date_display"] = DateText.display(date, language: language)
        }
        return values
    }

    func fullTitle(_ title: String) -> String {
        title == site.config.title ? title : "\(title) — \(site.config.title)"
    }

    /// A page of a section, or a page at the top of `content/`.
    func page(_ page: Page, body: RenderedMarkdown) -> [String: Any] {
        var context = base(urlPath: page.urlPath, kind: "page", title: fullTitle(page.frontMatter.title))
        var values = pageValues(page, body: body)
        var crumbs: [[String: Any]] = [["title": strings["home"] ?? "Home", "url": link(from: page.urlPath, to: "")]]
        if let sectionName = page.section, let section = site.sections.first(where: { $0.name == sectionName }) {
            crumbs.append(["title": section.title, "url": link(from: page.urlPath, to: section.urlPath)])
            values["section"] = ["title": section.title, "url": link(from: page.urlPath, to: section.urlPath)]
            if let position = positions[page.contentPath] {
                if position > 0, let previous = pagesByPath[section.pagePaths[position - 1]] {
                    values["prev"] = ["title": previous.frontMatter.title, "url": link(from: page.urlPath, to: previous.urlPath)]
                }
                if position + 1 < section.pagePaths.count, let next = pagesByPath[section.pagePaths[position + 1]] {
                    values["next"] = ["title": next.frontMatter.title, "url": link(from: page.urlPath, to: next.urlPath)]
                }
            }
        }
        values["breadcrumbs"] = crumbs
        context["page"] = values
        return context
    }

    /// The home page: its own text plus every section with its pages, and the latest pages.
    func home(_ page: Page?, body: RenderedMarkdown?) -> [String: Any] {
        var context = base(urlPath: "", kind: "home", title: site.config.title)
        if let page, let body {
            context["page"] = pageValues(page, body: body)
        } else {
            context["page"] = ["title": site.config.title, "url": link(from: "", to: ""), "content": "", "breadcrumbs": [Any]()]
        }
        context["sections"] = site.sections.map { section -> [String: Any] in
            var values = sectionSummary(section, from: "")
            values["pages"] = section.pagePaths.compactMap { pagesByPath[$0] }.map { card($0, from: "") }
            return values
        }
        let dated = site.pages.filter { $0.kind == .page && $0.frontMatter.date != nil }
            .sorted { ($0.frontMatter.date!, $1.sourcePath) > ($1.frontMatter.date!, $0.sourcePath) }
        context["recent"] = dated.prefix(10).map { card($0, from: "") }
        return context
    }

    /// The listing of a section, with the text of its `index.md` when it has one.
    func section(_ section: Section, intro: Page?, body: RenderedMarkdown?) -> [String: Any] {
        var context = base(urlPath: section.urlPath, kind: "section", title: fullTitle(section.title))
        let pages = section.pagePaths.compactMap { pagesByPath[$0] }.map { card($0, from: section.urlPath) }
        var values: [String: Any] = [
            "title": section.title,
            "url": link(from: section.urlPath, to: section.urlPath),
            "content": body?.html ?? "",
            "pages": pages,
        ]
        if let summary = section.summary { values["summary"] = summary }
        context["section"] = values
        if let intro, let body {
            var page = pageValues(intro, body: body)
            page["breadcrumbs"] = [["title": strings["home"] ?? "Home", "url": link(from: section.urlPath, to: "")]]
            context["page"] = page
        } else {
            context["page"] = [
                "title": section.title, "url": link(from: section.urlPath, to: section.urlPath), "content": "",
                "breadcrumbs": [["title": strings["home"] ?? "Home", "url": link(from: section.urlPath, to: "")]],
            ]
        }
        return context
    }

    /// The 404 page is shown at whatever address was asked for, so relative links cannot work
    /// from it: with a `base_url` its links are absolute; without one they are relative to the root.
    func notFound() -> [String: Any] {
        var context = base(urlPath: "", kind: "404", title: fullTitle(strings["not_found_title"] ?? "Not found"))
        context["page"] = ["title": strings["not_found_title"] ?? "Not found", "content": "", "url": link(from: "", to: "")]
        guard let baseURL = site.config.baseURL else { return context }
        return Self.absolutize(context, baseURL: baseURL) as? [String: Any] ?? context
    }

    /// Prefixes every relative `url`, `root`, `home_url`, `assets_url` and `feed_url` with `baseURL`.
    static func absolutize(_ value: Any, baseURL: String, key: String? = nil) -> Any {
        switch value {
        case let dictionary as [String: Any]:
            var result: [String: Any] = [:]
            for (k, v) in dictionary { result[k] = absolutize(v, baseURL: baseURL, key: k) }
            return result
        case let array as [[String: Any]]:
            return array.map { absolutize($0, baseURL: baseURL) }
        case let string as String where ["url", "root", "home_url", "assets_url", "feed_url"].contains(key ?? ""):
            if URLText.hasSchemeOrHost(string) || string.hasPrefix("#") { return string }
            if string == "./" { return baseURL }
            return baseURL + string
        default:
            return value
        }
    }

    func pageValues(_ page: Page, body: RenderedMarkdown) -> [String: Any] {
        let front = page.frontMatter
        var values: [String: Any] = [
            "title": front.title,
            "url": link(from: page.urlPath, to: page.urlPath),
            "content": body.html,
            "tags": front.tags,
            "toc": body.headings.filter { $0.level == 2 || $0.level == 3 }.map { heading -> [String: Any] in
                ["id": heading.id, "title": heading.text, "level": heading.level, "url": "#" + heading.id]
            },
            "sources": front.sources.map { source -> [String: Any] in
                var values: [String: Any] = ["title": source.title]
                if let publisher = source.publisher { values["publisher"] = publisher }
                if let url = source.url { values["url"] = url }
                if let date = source.date {
                    values["date"] = date
                    values["date_display"] = DateText.display(date, language: language)
                }
                return values
            },
        ]
        if let summary = front.summary { values["summary"] = summary }
        if let date = front.date {
            values["date"] = date
            values["date_display"] = DateText.display(date, language: language)
        }
        return values
    }
}
