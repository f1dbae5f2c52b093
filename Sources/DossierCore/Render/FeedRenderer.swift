/// `feed.xml` (Atom 1.0) and `sitemap.xml`, written only when `base_url` is set: both need absolute URLs.
enum FeedRenderer {
    static let maximumEntries = 50

    static func atom(_ site: ParsedSite, baseURL: String) -> String {
        let config = site.config
        // Positions are sorted, not pages: a page is a large value to move.
        let pages = site.pages
        let dated = pages.indices.filter { pages[$0].kind == .page && pages[$0].frontMatter.date != nil }
        let entries = dated
            .sorted { (pages[$0].frontMatter.date!, pages[$1].sourcePath) > (pages[$1].frontMatter.date!, pages[$0].sourcePath) }
            .prefix(maximumEntries)
            .map { pages[$0] }
        let updated = entries.first.map { timestamp($0.frontMatter.date!) } ?? "1970-01-01T00:00:00Z"
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
        for page in entries {
            let url = (baseURL + page.urlPath).xmlEscaped
            xml += "  <entry>\n"
            xml += "    <title>\(page.frontMatter.title.xmlEscaped)</title>\n"
            xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(url)\"/>\n"
            xml += "    <id>\(url)</id>\n"
            xml += "    <updated>\(timestamp(page.frontMatter.date!))</updated>\n"
            if let summary = page.frontMatter.summary {
                xml += "    <summary>\(summary.xmlEscaped)</summary>\n"
            }
            xml += "  </entry>\n"
        }
        xml += "</feed>\n"
        return xml
    }

    static func sitemap(_ site: ParsedSite, baseURL: String) -> String {
        var entries: [(path: String, date: String?)] = [("", site.home?.frontMatter.date)]
        for section in site.sections { entries.append((section.urlPath, nil)) }
        for page in site.pages where page.kind == .page { entries.append((page.urlPath, page.frontMatter.date)) }
        entries.sort { $0.path < $1.path }
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

    static func timestamp(_ date: String) -> String {
        date + "T00:00:00Z"
    }
}
