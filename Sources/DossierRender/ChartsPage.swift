import DossierModel
import DossierMarkdown
import DossierTemplates

/// The page of `/charts/`: every chart of the report, in reading order, grouped by the page
/// it is on, each with its drawing (`ID.svg`, the thumbnail), its data (`ID.csv`) and a link
/// to it on its page. Made when the site has datasets (as the data pages), so that the menu
/// and links can point to it before the bodies are rendered.
package enum ChartsPage {
    package static let template = "charts"
}

extension ContextBuilder {
    /// `charts`: every chart (`ReportFigures.values`); `pages`: the same, by page:
    /// `[{title, url, charts}]`; `charts_count`.
    package func chartIndex(_ figures: ReportFigures) -> TemplateContext {
        let urlPath = DatasetURL.charts
        let title = strings["charts"] ?? "Charts"
        var context = base(urlPath: urlPath, kind: "charts", title: fullTitle(title))
        let values = figures.values(from: urlPath, contexts: self)
        var pages: [TemplateValue] = []
        var current: (page: Int, charts: [TemplateValue])?
        func close() {
            guard let current else { return }
            let page = site.pages[current.page]
            pages.append(.map(["title": .string(page.frontMatter.title), "url": .string(link(from: urlPath, to: page.urlPath)),
                               "charts": .list(current.charts)]))
        }
        for (item, value) in zip(figures.items, values) {
            if current?.page != item.page {
                close()
                current = (item.page, [])
            }
            current?.charts.append(value)
        }
        close()
        context["charts"] = .list(values)
        context["pages"] = .list(pages)
        context["charts_count"] = .string(format.number(Double(values.count)))
        context["page"] = ["title": .string(title), "url": .string(link(from: urlPath, to: urlPath)), "breadcrumbs": [
            ["title": .string(strings["home"] ?? "Home"), "url": .string(link(from: urlPath, to: ""))],
        ]]
        return context
    }
}
