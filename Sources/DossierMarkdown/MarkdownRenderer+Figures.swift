import CCmark
import DossierModel

/// What a page's fenced blocks and pipe tables became: its numbered figures and tables, the
/// pipe tables left to write, and the datasets the blocks read.
struct PageFigures {
    var entries: [FigureEntry] = []
    var tables: [PipeTables.Job] = []
    var datasets: Set<String> = []
}

extension MarkdownRenderer {
    /// Hands the fenced blocks to the extensions and numbers figures and tables, in the order
    /// of the page (a pipe table is numbered when it has a caption).
    func figures(codeBlocks: [CmarkNode], tables: [CmarkNode], page: PageLocation, diagnostics: inout Diagnostics) -> PageFigures {
        var numbers = FigureNumbers(shown: numbered)
        var result = PageFigures()
        let blocks = (codeBlocks.map { ($0, false) } + tables.map { ($0, true) }).sorted { $0.0.startLine < $1.0.startLine }
        var index = 0
        for (node, isTable) in blocks {
            let position = node.positioned
            let line = page.firstLine - 1 + position.startLine
            if isTable {
                let caption = PipeTables.caption(before: node)
                var label: String?
                var anchor: String?
                if let caption {
                    let number = numbers.next(.table)
                    label = numbers.label(.table, number: number, strings: strings)
                    anchor = caption.id.map { FigureEntry.anchor(kind: .table, id: $0) }
                    result.entries.append(FigureEntry(kind: .table, number: number, id: caption.id, anchor: anchor, title: caption.plainText,
                                                      line: page.firstLine - 1 + caption.paragraph.startLine, column: 1))
                    numbers.take(.table)
                }
                result.tables.append(PipeTables.Job(table: node, caption: caption, label: label, anchor: anchor))
                continue
            }
            guard let extensions else { continue }
            let location = BlockLocation(file: page.file, line: line, column: position.startColumn, urlPath: page.urlPath)
            guard let output = extensions.fencedBlock(info: node.fenceInfo ?? "", body: node.literal ?? "", at: location,
                                                      index: index + 1, numbers: numbers) else { continue }
            index += 1
            diagnostics.append(contentsOf: output.diagnostics)
            result.datasets.formUnion(output.datasets)
            if let figure = output.figure {
                result.entries.append(figure)
                numbers.take(figure.kind)
            }
            if let markup = output.markup { node.replace(withHTMLBlock: markup) }
        }
        Self.reportDuplicateIDs(result.entries, file: page.file, diagnostics: &diagnostics)
        return result
    }

    /// Two figures (or two tables) of a page with one `id`.
    static func reportDuplicateIDs(_ entries: [FigureEntry], file: String, diagnostics: inout Diagnostics) {
        var seen: [String: FigureEntry] = [:]
        for entry in entries {
            guard let id = entry.id else { continue }
            let key = entry.kind.referencePrefix + ":" + id
            if let first = seen[key] {
                let what = entry.kind == .figure ? "chart" : "table"
                diagnostics.error("\(what) id \"\(id)\" is already used on this page (line \(first.line)): give each \(what) its own id",
                                  file: file, line: entry.line, column: entry.column)
            } else {
                seen[key] = entry
            }
        }
    }
}
