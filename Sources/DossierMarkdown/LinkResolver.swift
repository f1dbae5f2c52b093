import Foundation
import DossierModel

/// Rewrites links written as paths to `.md` files into the URLs of the pages they name.
package struct LinkResolver: Sendable {
    package enum Resolution: Equatable {
        /// Left as the author wrote it (external URL, other file type).
        case unchanged
        /// Rewritten; when `anchor` is set it must exist on `page`.
        case page(url: String, page: String, anchor: String?)
        /// A file of `content/` copied into the site (an image, a PDF): its URL from the page.
        case file(url: String, file: SiteFile)
        case broken(String)
    }

    /// Content path → URL path of every page being built.
    let pages: [String: String]
    /// Content paths of drafts left out of the build.
    let drafts: Set<String>
    /// Content paths of pages that failed to parse (already reported).
    let unreadable: Set<String>
    /// Names of the datasets: a link to `data/NAME.csv` leads to the dataset's page.
    let datasets: Set<String>
    let portable: Bool
    /// The files of `content/` copied into the site, by path relative to `content/`.
    let files: [String: SiteFile]
    /// Check the byte paths (`ASCIIPath`) against the character paths on every link
    /// (`DOSSIER_VERIFY=1`); a difference is reported as a broken link.
    let verify: Bool

    package init(pages: [String: String], drafts: Set<String>, unreadable: Set<String> = [], datasets: Set<String> = [], portable: Bool,
                files: [SiteFile] = [], verify: Bool = false) {
        self.verify = verify
        self.files = Dictionary(files.map { ($0.contentPath, $0) }, uniquingKeysWith: { a, _ in a })
        self.pages = pages
        self.drafts = drafts
        self.unreadable = unreadable
        self.datasets = datasets
        self.portable = portable
    }

    /// Resolves `destination` as written in the page at `contentPath` (served at `urlPath`).
    package func resolve(_ destination: String, from contentPath: String, urlPath: String) -> Resolution {
        if destination.isEmpty { return .unchanged }
        if verify, let mismatch = pathMismatch(destination, contentPath: contentPath, urlPath: urlPath) { return .broken(mismatch) }
        let parts = ASCIIPath.destination(destination) ?? Self.destinationCharacters(destination)
        if parts.leavesSite { return .unchanged }
        let path = parts.path, fragment = parts.fragment

        if path.isEmpty {
            guard let fragment, !fragment.isEmpty else { return .unchanged }
            return .page(url: "#" + fragment, page: contentPath, anchor: fragment)
        }
        let normalized = Self.normalize(path, relativeTo: contentPath)
        if let dataLink = resolveData(normalized, destination: destination, urlPath: urlPath, fragment: fragment) {
            return dataLink
        }
        guard path.hasSuffix(".md") else { return resolveFile(normalized, destination: destination, path: path, urlPath: urlPath, fragment: fragment) }

        guard let target = normalized else {
            return .broken("link to \"\(destination)\" leads outside content/")
        }
        guard let targetURL = pages[target] else {
            if unreadable.contains(target) { return .unchanged }
            if drafts.contains(target) {
                return .broken("link to \"\(destination)\": content/\(target) is a draft, left out of this build (build with --drafts, or remove the link)")
            }
            var message = "link to \"\(destination)\": no page content/\(target)"
            if let suggestion = target.closest(among: pages.keys.filter({ $0 != contentPath })).map(\.candidate),
               target.editDistance(to: suggestion) <= max(3, target.count / 4) {
                message += "; did you mean \"\(RelativeURL.relativePath(fromFile: contentPath, to: suggestion))\"?"
            }
            return .broken(message)
        }
        var url = RelativeURL.link(from: urlPath, to: targetURL, portable: portable)
        if let fragment, !fragment.isEmpty { url += "#" + fragment }
        return .page(url: url, page: target, anchor: fragment.flatMap { $0.isEmpty ? nil : $0 })
    }

    /// A destination cut into path and fragment (both percent-decoded), on characters, for any text.
    static func destinationCharacters(_ destination: String) -> ASCIIPath.Destination {
        if URLText.hasSchemeOrHost(destination) { return ASCIIPath.Destination(leavesSite: true, path: "", fragment: nil) }
        var path = destination
        var fragment: String?
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[path.index(after: hash)...])
            path = String(path[..<hash])
        }
        if let question = path.firstIndex(of: "?") { path = String(path[..<question]) }
        if path.utf8.contains(UInt8(ascii: "%")) { path = path.removingPercentEncoding ?? path }
        if let value = fragment, value.utf8.contains(UInt8(ascii: "%")) { fragment = value.removingPercentEncoding ?? value }
        return ASCIIPath.Destination(leavesSite: false, path: path, fragment: fragment)
    }

    /// A link to any other file: it must be one of `content/`, copied into the site. A link to a
    /// folder (`../briefs/`) is left as it is.
    func resolveFile(_ target: String?, destination: String, path: String, urlPath: String, fragment: String?) -> Resolution {
        if path.hasSuffix("/") { return .unchanged }
        guard let target else { return .broken("link to \"\(destination)\" leads outside content/") }
        guard let file = files[target] else {
            var message = "link to \"\(destination)\": no file content/\(target)"
            let sameKind = files.keys.filter { PathText.lastComponent($0).split(separator: ".").last == PathText.lastComponent(target).split(separator: ".").last }
            if let suggestion = target.closest(among: sameKind).map(\.candidate),
               target.editDistance(to: suggestion) <= max(3, target.count / 4) {
                message += "; did you mean content/\(suggestion)?"
            }
            return .broken(message)
        }
        var url = RelativeURL.file(from: urlPath, to: file.outputPath)
        if let fragment, !fragment.isEmpty { url += "#" + fragment }
        return .file(url: url, file: file)
    }

    /// Links into `content/data/`: a dataset file leads to its page, the folder to the index.
    /// - Parameter target: the link's path made relative to `content/` (nil when it leads outside).
    func resolveData(_ target: String?, destination: String, urlPath: String, fragment: String?) -> Resolution? {
        guard !datasets.isEmpty, let target, target == "data" || target.hasPrefix("data/") else {
            return nil
        }
        var page = DatasetURL.index
        if target != "data" {
            let file = String(target.dropFirst("data/".count))
            guard let dot = file.lastIndex(of: "."), [".csv", ".json"].contains(String(file[dot...])) else { return nil }
            let name = String(file[..<dot])
            guard datasets.contains(name) else {
                return .broken("link to \"\(destination)\": no dataset content/\(target)")
            }
            page = DatasetURL.page(name)
        }
        var url = RelativeURL.link(from: urlPath, to: page, portable: portable)
        if let fragment, !fragment.isEmpty { url += "#" + fragment }
        return .page(url: url, page: "", anchor: nil)
    }

    /// The first of the byte paths this link takes that disagrees with its character twin.
    func pathMismatch(_ destination: String, contentPath: String, urlPath: String) -> String? {
        let reference = Self.destinationCharacters(destination)
        if let fast = ASCIIPath.destination(destination), fast != reference {
            return Verification.disagreement("link destination reader", fast: fast, reference: reference)
        }
        let normalized = Self.normalizeCharacters(reference.path, relativeTo: contentPath)
        if let fast = ASCIIPath.normalize(reference.path, relativeTo: contentPath), fast != normalized {
            return Verification.disagreement("link path normalization", fast: fast, reference: normalized)
        }
        let target = normalized.flatMap { pages[$0] } ?? ""
        let link = RelativeURL.linkCharacters(from: urlPath, to: target, portable: portable)
        if let fast = ASCIIPath.link(from: urlPath, to: target, portable: portable), fast != link {
            return Verification.disagreement("relative link", fast: fast, reference: link)
        }
        return nil
    }

    /// `../other/x.md` seen from `briefs/accord.md` → `other/x.md`; a leading `/` means `content/`.
    static func normalize(_ path: String, relativeTo contentPath: String) -> String? {
        if let normalized = ASCIIPath.normalize(path, relativeTo: contentPath) { return normalized }
        return normalizeCharacters(path, relativeTo: contentPath)
    }

    /// `normalize` on characters, for any text.
    static func normalizeCharacters(_ path: String, relativeTo contentPath: String) -> String? {
        var components: [Substring]
        if path.hasPrefix("/") {
            components = []
        } else {
            components = contentPath.split(separator: "/")
            if !components.isEmpty { components.removeLast() }
        }
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !components.isEmpty else { return nil }
                components.removeLast()
            default: components.append(part)
            }
        }
        return components.joined(separator: "/")
    }
}

/// Relative URLs between pages, so the site works under any sub-path and from disk.
package enum RelativeURL {
    /// The prefix that leads from a page at `urlPath` back to the site root: `""`, `"../"`, `"../../"`.
    package static func root(from urlPath: String) -> String {
        String(repeating: "../", count: urlPath.split(separator: "/").count)
    }

    /// The link from the page at `from` to the page at `to` (both URL paths ending in `/`).
    package static func link(from: String, to: String, portable: Bool) -> String {
        ASCIIPath.link(from: from, to: to, portable: portable) ?? linkCharacters(from: from, to: to, portable: portable)
    }

    /// `link` on characters, for any text.
    static func linkCharacters(from: String, to: String, portable: Bool) -> String {
        let a = from.split(separator: "/"), b = to.split(separator: "/")
        var common = 0
        while common < a.count, common < b.count, a[common] == b[common] { common += 1 }
        var url = String(repeating: "../", count: a.count - common)
        url += b[common...].map { $0 + "/" }.joined()
        if portable { return url + "index.html" }
        return url.isEmpty ? "./" : url
    }

    /// The link from the page at `from` (a URL path ending in `/`) to the file at `to` (a path
    /// relative to the output folder), percent-encoded.
    package static func file(from: String, to: String) -> String {
        let a = from.split(separator: "/"), b = to.split(separator: "/")
        var common = 0
        while common < a.count, common < b.count - 1, a[common] == b[common] { common += 1 }
        let rest = b[common...].map(percentEncoded)
        return String(repeating: "../", count: a.count - common) + rest.joined(separator: "/")
    }

    /// A path component as `addingPercentEncoding(withAllowedCharacters:)` writes it with
    /// `CharacterSet.urlPathAllowed` less `;`.
    static func percentEncoded(_ component: Substring) -> String {
        PercentEncoding.encode(component) { $0 != UInt8(ascii: ";") && PercentEncoding.isPathAllowed($0) }
    }

    /// A file path relative to another file's folder (for suggestions in messages).
    static func relativePath(fromFile: String, to target: String) -> String {
        var a = fromFile.split(separator: "/")
        a.removeLast()
        let b = target.split(separator: "/")
        var common = 0
        while common < a.count, common < b.count - 1, a[common] == b[common] { common += 1 }
        return String(repeating: "../", count: a.count - common) + b[common...].joined(separator: "/")
    }
}
