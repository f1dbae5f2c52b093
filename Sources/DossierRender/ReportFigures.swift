import DossierModel
import DossierCharts
import DossierMarkdown
import DossierTemplates

/// Every chart of the report, in reading order (the home page, then each section's pages in
/// their listing order, then the other pages): the home page's `figures` and the data pages'
/// "figures drawn from this data".
package struct ReportFigures: Sendable, Equatable {
    struct Item: Sendable, Equatable {
        /// Index of the page in the site's pages.
        let page: Int
        let figure: FigureEntry
    }

    let items: [Item]

    package init(site: ParsedSite, bodies: [RenderedMarkdown]) {
        var order: [Int] = []
        var seen = Set<Int>()
        var indexByPath: [String: Int] = [:]
        for (index, page) in site.pages.enumerated() { indexByPath[page.contentPath] = index }
        func add(_ index: Int?) {
            guard let index, bodies.indices.contains(index), seen.insert(index).inserted else { return }
            order.append(index)
        }
        add(site.home.flatMap { indexByPath[$0.contentPath] })
        for section in site.sections {
            add(section.indexPage.flatMap { indexByPath[$0] })
            for path in section.pagePaths { add(indexByPath[path]) }
        }
        for index in site.pages.indices { add(index) }
        items = order.flatMap { index in
            bodies[index].figures.filter { $0.kind == .figure && $0.anchor != nil }.map { Item(page: index, figure: $0) }
        }
    }

    /// The charts (of `dataset` only, when given) as the templates see them:
    /// `{number, label, title, url, page, page_url, svg_url, csv_url, description}`; `number` and
    /// `label` only when figures are numbered; `svg_url` and `csv_url` (its shared files) and
    /// `description` (the chart in words) for every chart.
    func values(from urlPath: String, contexts: ContextBuilder, dataset: String? = nil) -> [TemplateValue] {
        let numbers = FigureNumbers(shown: contexts.site.config.numbered)
        return items.filter { dataset == nil || $0.figure.datasets.contains(dataset ?? "") }.map { item -> TemplateValue in
            let page = contexts.site.pages[item.page]
            let pageURL = contexts.link(from: urlPath, to: page.urlPath)
            var values: TemplateContext = [
                "title": .string(item.figure.title ?? ""),
                "url": .string(pageURL + "#" + (item.figure.anchor ?? "")),
                "page": .string(page.frontMatter.title),
                "page_url": .string(pageURL),
            ]
            if item.figure.export != nil, let anchor = item.figure.anchor {
                values["svg_url"] = .string(RelativeURL.file(from: urlPath, to: page.urlPath + ChartExport.svgName(anchor)))
                values["csv_url"] = .string(RelativeURL.file(from: urlPath, to: page.urlPath + ChartExport.csvName(anchor)))
                values["description"] = .string(item.figure.export?.description ?? "")
                values["svg_width"] = .string(SVGBuilder.num(item.figure.export?.width ?? 0))
                values["svg_height"] = .string(SVGBuilder.num(item.figure.export?.height ?? 0))
            }
            if let label = numbers.label(.figure, number: item.figure.number, strings: contexts.strings) {
                values["number"] = .int(item.figure.number)
                values["label"] = .string(label)
            }
            return .map(values)
        }
    }
}
