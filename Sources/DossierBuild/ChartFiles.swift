import DossierModel
import DossierMarkdown
import DossierOutput

/// The shared files of the charts (`ChartExport`): `ID.svg` and `ID.csv` in the folder of the
/// chart's page, for a one-off build and for `dossier serve` alike.
enum ChartFiles {
    /// The files of one page's charts, by output path: the text is empty once written
    /// (`ChartExport.dropText`).
    static func files(_ page: Page, body: RenderedMarkdown) -> [(path: String, text: String, figure: FigureEntry)] {
        var files: [(path: String, text: String, figure: FigureEntry)] = []
        for figure in body.figures {
            guard let export = figure.export, let anchor = figure.anchor else { continue }
            files.append((page.urlPath + ChartExport.svgName(anchor), export.svg, figure))
            files.append((page.urlPath + ChartExport.csvName(anchor), export.csv, figure))
        }
        return files
    }

    /// How many chart files the site has.
    static func count(_ site: ParsedSite, bodies: [RenderedMarkdown]) -> Int {
        zip(site.pages, bodies).reduce(0) { $0 + files($1.0, body: $1.1).count }
    }

    /// A chart file where the site copies a file of the project's (`content/…/chart-1.svg`
    /// beside a page) or makes one of its own.
    static func check(_ site: ParsedSite, bodies: [RenderedMarkdown], diagnostics: inout Diagnostics) {
        var taken: [String: String] = [:]
        for file in site.files { taken[file.outputPath] = file.sourcePath }
        for (page, body) in zip(site.pages, bodies) {
            for (path, _, figure) in files(page, body: body) {
                guard let other = taken[path] else { continue }
                diagnostics.error("chart file \(path) would be written where \(other) is copied: give the chart another `id` or rename the file",
                                  file: page.sourcePath, line: figure.line, column: figure.column)
            }
        }
    }

    /// Writes the files of one page's charts (a one-off build, as the page is written), then
    /// lets go of their text: the later steps read only the exports' descriptions and sizes.
    static func write(_ page: Page, body: inout RenderedMarkdown, sink: OutputSink) throws {
        for file in files(page, body: body) { try sink.put(file.path, .text(file.text)) }
        for index in body.figures.indices { body.figures[index].export?.dropText() }
    }

    /// Writes every chart's files (`dossier serve`, which keeps the bodies); returns how many.
    static func write(_ site: ParsedSite, bodies: [RenderedMarkdown], sink: OutputSink) throws -> Int {
        let all = zip(site.pages, bodies).flatMap { Self.files($0.0, body: $0.1) }
        _ = try all.parallelMapThrowing { file in try sink.put(file.path, .text(file.text)) }
        return all.count
    }
}
