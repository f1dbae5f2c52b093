import DossierModel

/// `feed.xml` (Atom 1.0) and `sitemap.xml`, written only when `base_url` is set: both need absolute URLs.
package enum FeedRenderer {
    static let maximumEntries = 50

    package static func atom(_ site: ParsedSite, baseURL: String) -> String {
        let config = site.config
        // Positions are sorted, not pages: a page is a large value to move.
        let pages = site.pages
        let dated = pages.indices.compactMap { index in
            pages[index].frontMatter.date.flatMap { pages[index].kind == .page ? (index: index, date: $0) : nil }
        }
        let entries = dated
            .sorted { ($0.date, pages[$1.index].sourcePath) > ($1.date, pages[$0.index].sourcePath) }
            .prefix(maximumEntries)
            .map { (page: pages[$0.index], date: $0.date) }
        let updated = entries.first.map { timestamp($0.date) } ?? "1970-01-01T00:00:00Z"
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(config.language.xmlEscaped)">
          <title>\(config.title.xmlEscaped)</title>

        """
        if !config.description.isEmpty { xml += "  <subtitle>\(config.description.xmlEscaped)</subtitle>\n" }
        xml += """
          <link rel="self" href="\((baseURL + "feed.xml").xmlEscaped)"/>
          <link rel="alternate" type="text/html" href="\(baseURL.xmlEscaped)"/>
          <id>\(baseURL.xmlEscaped)</id>
          <updated>\(updated)</updated>
          <author><name>\((config.author.isEmpty ? config.title : config.author).xmlEscaped)</name></author>
          <generator>Dossier</generator>

        """
        for (page, date) in entries {
            let url = (baseURL + page.urlPath).xmlEscaped
            xml += "  <entry>\n"
            xml += "    <title>\(page.frontMatter.title.xmlEscaped)</title>\n"
            xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(url)\"/>\n"
            xml += "    <id>\(url)</id>\n"
            xml += "    <updated>\(timestamp(date))</updated>\n"
            if let summary = ContextBuilder.text(page.frontMatter.summary) {
                xml += "    <summary>\(summary.xmlEscaped)</summary>\n"
            }
            xml += "  </entry>\n"
        }
        xml += "</feed>\n"
        return xml
    }

    package static func sitemap(_ site: ParsedSite, baseURL: String) -> String {
        let entries = sitemapEntries(site)
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

        """
        for entry in entries {
            xml += "  <url><loc>\((baseURL + entry.path).xmlEscaped)</loc>"
            if let date = entry.date { xml += "<lastmod>\(date)</lastmod>" }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }

    /// Every page the site writes but the 404 (which has no address of its own): the home page,
    /// the section listings, the pages, and with datasets the data index, each dataset's page
    /// and the charts page.
    /// Sorted by path, each once, with the date of the page when it has one.
    static func sitemapEntries(_ site: ParsedSite) -> [(path: String, date: String?)] {
        var paths: Set<String> = [""]
        var dates: [String: String] = [:]
        if let date = site.home?.frontMatter.date { dates[""] = date }
        for section in site.sections { paths.insert(section.urlPath) }
        for page in site.pages where page.kind == .page {
            paths.insert(page.urlPath)
            if let date = page.frontMatter.date { dates[page.urlPath] = date }
        }
        if !site.datasets.isEmpty {
            paths.insert(DatasetURL.index)
            paths.insert(DatasetURL.charts)
            for dataset in site.datasets { paths.insert(DatasetURL.page(dataset.name)) }
        }
        return paths.sorted().map { (path: $0, date: dates[$0]) }
    }

    static func timestamp(_ date: String) -> String {
        date + "T00:00:00Z"
    }
}
