import DossierModel

/// Groups pages into sections (top-level folders of `content/`) in display order.
enum SectionBuilder {
    static func sections(for pages: [Page]) -> [Section] {
        // Pages are grouped and sorted by index: copying whole pages around costs more than the rest.
        var byName: [String: [Int]] = [:]
        for index in pages.indices {
            if let section = pages[index].section { byName[section, default: []].append(index) }
        }
        var sections: [Section] = []
        for (name, members) in byName {
            let index = members.first { pages[$0].kind == .sectionIndex }.map { pages[$0] }
            let listed = members.filter { pages[$0].kind == .page }.sorted { PageOrder.listing(pages[$0], pages[$1]) }
            let slug = Slug.make(name)
            sections.append(Section(
                name: name,
                title: index?.frontMatter.title ?? name.prefix(1).uppercased() + name.dropFirst(),
                summary: index?.frontMatter.summary,
                weight: index?.frontMatter.weight ?? 0,
                urlPath: (slug.isEmpty ? "section" : slug) + "/",
                indexPage: index?.contentPath,
                pagePaths: listed.map { pages[$0].contentPath }
            ))
        }
        return sections.sorted { ($0.weight, $0.title, $0.name) < ($1.weight, $1.title, $1.name) }
    }
}

/// How pages are listed: by weight, then newest first, then by title.
package enum PageOrder {
    package static func listing(_ a: Page, _ b: Page) -> Bool {
        if a.frontMatter.weight != b.frontMatter.weight { return a.frontMatter.weight < b.frontMatter.weight }
        let dateA = a.frontMatter.date ?? "", dateB = b.frontMatter.date ?? ""
        if dateA != dateB { return dateA > dateB }
        if a.frontMatter.title != b.frontMatter.title { return a.frontMatter.title < b.frontMatter.title }
        return a.sourcePath < b.sourcePath
    }
}
