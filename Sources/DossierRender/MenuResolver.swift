import DossierModel
import DossierMarkdown

/// Resolves the `menu` of `site.yaml` to pages and sections, once per build.
package struct MenuResolver {
    enum Target: Equatable, Sendable {
        case local(urlPath: String)
        case external(String)
    }

    package struct Item: Equatable, Sendable {
        var title: String
        var target: Target
    }

    /// The menu from `site.yaml`, or one entry per section when it has none.
    package static func resolve(_ site: ParsedSite, diagnostics: inout Diagnostics) -> [Item] {
        if site.config.menu.isEmpty {
            return site.sections.map { Item(title: $0.title, target: .local(urlPath: $0.urlPath)) }
        }
        var byContentPath: [String: String] = [:]
        for page in site.pages { byContentPath[page.contentPath] = page.urlPath }
        var items: [Item] = []
        for entry in site.config.menu {
            let target = entry.target
            if URLText.hasSchemeOrHost(target) {
                let lower = target.lowercased()
                if URLText.isSafeExternal(target) || lower.hasPrefix("mailto:") {
                    items.append(Item(title: entry.title, target: .external(target)))
                } else {
                    diagnostics.error("menu entry \"\(entry.title)\": only http(s) and mailto: links are allowed, found \"\(target)\"",
                                      file: "content/site.yaml", line: entry.line, column: 1)
                }
                continue
            }
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : target
            if path.isEmpty || path == "index.md" || path == "./" {
                items.append(Item(title: entry.title, target: .local(urlPath: "")))
            } else if let urlPath = byContentPath[path] {
                items.append(Item(title: entry.title, target: .local(urlPath: urlPath)))
            } else if (path == "data/" || path == "data") && !site.datasets.isEmpty {
                items.append(Item(title: entry.title, target: .local(urlPath: DatasetURL.index)))
            } else if (path == "charts/" || path == "charts") && !site.datasets.isEmpty {
                items.append(Item(title: entry.title, target: .local(urlPath: DatasetURL.charts)))
            } else if let section = site.sections.first(where: { $0.name + "/" == path || $0.name == path || $0.urlPath == path }) {
                items.append(Item(title: entry.title, target: .local(urlPath: section.urlPath)))
            } else {
                diagnostics.error("menu entry \"\(entry.title)\": no page or section \"\(target)\" (write a path under content/, e.g. `briefs/` or `briefs/accord.md`)",
                                  file: "content/site.yaml", line: entry.line, column: 1)
            }
        }
        return items
    }
}
