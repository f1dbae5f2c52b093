import DossierModel

/// Where the files of `content/` go: beside the page they belong to.
///
/// - `content/static/robots.txt` → `robots.txt` (the site root);
/// - a page bundle, the folder named like a page (`content/briefs/accord.md` and
///   `content/briefs/accord/figure.png`) → under the page's URL (`briefs/accord/figure.png`, or
///   `briefs/autre/figure.png` when the page has `slug: autre`);
/// - any other file keeps its folder, slugified as page folders are
///   (`content/Été 2017/carte.png` → `ete-2017/carte.png`); file names are kept as they are.
enum FilePlacement {
    static func place(_ files: [ContentFile], pages: [Page]) -> [SiteFile] {
        var bundles: [String: String] = [:]
        for page in pages where page.kind == .page && !page.contentPath.hasSuffix("/index.md") {
            bundles[String(page.contentPath.dropLast(".md".count))] = page.urlPath
        }
        return files.map { file in
            SiteFile(sourcePath: file.path, outputPath: outputPath(file.contentPath, bundles: bundles), imageSize: file.imageSize)
        }
    }

    static func outputPath(_ contentPath: String, bundles: [String: String]) -> String {
        if contentPath.hasPrefix("static/") { return String(contentPath.dropFirst("static/".count)) }
        var folders = contentPath.split(separator: "/").map(String.init)
        let name = folders.removeLast()
        // The deepest folder that is a page's bundle decides.
        for depth in stride(from: folders.count, through: 1, by: -1) {
            guard let url = bundles[folders[..<depth].joined(separator: "/")] else { continue }
            return url + folders[depth...].map { slug($0) + "/" }.joined() + name
        }
        return folders.map { slug($0) + "/" }.joined() + name
    }

    static func slug(_ folder: String) -> String {
        let made = Slug.make(folder)
        return made.isEmpty ? "section" : made
    }

    /// Every path the site writes other than the copied files, with what writes it: the
    /// copied files must not take any of them, nor each other's.
    static func checkCollisions(_ files: [SiteFile], generated: [String: String], diagnostics: inout Diagnostics) {
        var owners = generated
        for file in files.sorted(by: { $0.sourcePath < $1.sourcePath }) {
            if let other = owners[file.outputPath] {
                diagnostics.error("\(file.sourcePath) would be copied to \(file.outputPath), which \(other) writes; rename or move one of them",
                                  file: file.sourcePath)
            } else {
                owners[file.outputPath] = file.sourcePath
            }
        }
    }
}
