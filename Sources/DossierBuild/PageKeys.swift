import Foundation
import DossierModel

/// The page cache's key of each plain page: a `ContentHash` of everything its files are made
/// from. A page's files depend on its own source, and on the rest of the project only through
/// what it shares with every page: the program, the options, `site.yaml`, the templates, the
/// data, the content files' paths and image sizes, and every page's path and front matter
/// (titles, sections and neighbours appear on other pages). So a key is the hash of that shared
/// part and of the page's whole source: editing a page's body changes its key alone; editing
/// anything else, a front matter included, changes every key.
enum PageKeys {
    /// Each plain page's key, by source path.
    static func make(_ tree: SourceTree, site: ParsedSite, options: BuildOptions, program: UInt64) -> [String: UInt64] {
        // Only a plain page's body is its own: an index page's text is shown on its listing.
        let bodyLines = Dictionary(site.pages.lazy.filter { $0.kind == .page }.map { ($0.sourcePath, $0.bodyStartLine) },
                                   uniquingKeysWith: { first, _ in first })
        var shared = ContentHash()
        shared.combine(program)
        shared.combine("\(options.includeDrafts) \(options.portable) \(options.strict)")
        shared.combine(tree.siteConfig?.bytes ?? [])
        for file in tree.templates + tree.dataFiles {
            shared.combine(file.path)
            shared.combine(file.bytes)
        }
        for asset in tree.assets { shared.combine(asset.path) }
        for file in tree.contentFiles {
            shared.combine(file.path)
            shared.combine("\(file.imageSize.map { "\($0.width)x\($0.height)" } ?? "-")")
        }
        // An index page, and a page the site leaves out (a draft, an unreadable file), count whole.
        let frontMatters = tree.pages.parallelMap { page in
            page.bytes.withUnsafeBytes { ContentHash.of(prefix($0, lines: bodyLines[page.path])) }
        }
        for (page, frontMatter) in zip(tree.pages, frontMatters) {
            shared.combine(page.path)
            shared.combine(frontMatter)
        }
        let plain = Set(site.pages.lazy.filter { $0.kind == .page }.map(\.sourcePath))
        let sharedValue = shared.value
        let keys = tree.pages.parallelMap { page -> UInt64? in
            guard plain.contains(page.path) else { return nil }
            var key = ContentHash(seed: sharedValue)
            key.combine(page.path)
            key.combine(page.bytes)
            return key.value
        }
        var byPath: [String: UInt64] = [:]
        for (page, key) in zip(tree.pages, keys) { if let key { byPath[page.path] = key } }
        return byPath
    }

    /// The bytes before line `lines` (1-based: the body's first line), or all of them when it is
    /// nil.
    static func prefix(_ bytes: UnsafeRawBufferPointer, lines: Int?) -> UnsafeRawBufferPointer {
        guard let lines else { return bytes }
        var end = 0, line = 1
        while line < lines, end < bytes.count {
            if bytes[end] == UInt8(ascii: "\n") { line += 1 }
            end += 1
        }
        return UnsafeRawBufferPointer(rebasing: bytes[0..<end])
    }
}
