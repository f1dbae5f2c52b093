import DossierModel
import DossierMarkdown

/// Links to `page.md#anchor` need every page's headings, so they are checked after rendering.
enum AnchorCheck {
    /// In parallel, by runs of pages; the errors keep the pages' order.
    static func check(_ site: ParsedSite, bodies: [RenderedMarkdown], diagnostics: inout Diagnostics) {
        var positions: [String: Int] = [:]
        positions.reserveCapacity(site.pages.count)
        for (position, page) in site.pages.enumerated() { positions[page.contentPath] = position }
        let index = positions
        let runLength = 256
        let runs = Array(stride(from: 0, to: bodies.count, by: runLength)).parallelMap { start -> Diagnostics in
            var found = Diagnostics()
            for body in bodies[start..<min(start + runLength, bodies.count)] {
                for reference in body.anchorReferences {
                    // A page has a handful of headings: a scan beats building a set for every page.
                    guard let target = index[reference.targetPage] else { continue }
                    let headings = bodies[target].headings
                    guard !headings.contains(where: { $0.id == reference.anchor }) else { continue }
                    var message = "link to missing anchor \"#\(reference.anchor)\" on content/\(reference.targetPage)"
                    if let suggestion = reference.anchor.closest(among: headings.map(\.id)).map(\.candidate) {
                        message += "; did you mean \"#\(suggestion)\"?"
                    }
                    found.error(message, file: reference.file, line: reference.line, column: reference.column)
                }
            }
            return found
        }
        for run in runs { diagnostics.append(contentsOf: run) }
    }
}
