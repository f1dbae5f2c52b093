import DossierModel
import DossierMarkdown
import DossierOutput

/// The shared files of the charts (`ChartExport`): `ID.svg` and `ID.csv` in the folder of the
/// chart's page, for a one-off build and for `dossier serve` alike.
enum ChartFiles {
    /// Each chart's files, by output path, in page order.
    static func files(_ site: ParsedSite, bodies: [RenderedMarkdown]) -> [(path: String, text: String, page: Page, figure: FigureEntry)] {
        var files: [(path: String, text: String, page: Page, figure: FigureEntry)] = []
        for (page, body) in zip(site.pages, bodies) {
            for figure in body.figures {
                guard let export = figure.export, let anchor = figure.anchor else { continue }
                files.append((page.urlPath + ChartExport.svgName(anchor), export.svg, page, figure))
                files.append((page.urlPath + ChartExport.csvName(anchor), export.csv, page, figure))
            }
        }
        return files
    }

    /// A chart file where the site copies a file of the project's (`content/…/chart-1.svg`
    /// beside a page) or makes one of its own.
    static func check(_ site: ParsedSite, bodies: [RenderedMarkdown], diagnostics: inout Diagnostics) {
        var taken: [String: String] = [:]
        for file in site.files { taken[file.outputPath] = file.sourcePath }
        for (path, _, page, figure) in files(site, bodies: bodies) {
            guard let other = taken[path] else { continue }
            diagnostics.error("chart file \(path) would be written where \(other) is copied: give the chart another `id` or rename the file",
                              file: page.sourcePath, line: figure.line, column: figure.column)
        }
    }

    /// Writes every chart's files; returns how many.
    static func write(_ site: ParsedSite, bodies: [RenderedMarkdown], sink: OutputSink) throws -> Int {
        let files = files(site, bodies: bodies)
        _ = try files.parallelMapThrowing { file in try sink.put(file.path, .text(file.text)) }
        return files.count
    }
}
