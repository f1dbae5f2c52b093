import Foundation
import DossierModel

/// Reads a page's front matter into a `FrontMatter`, reporting every problem with its line.
package struct FrontMatterDecoder {
    static let knownKeys = ["title", "date", "summary", "tags", "draft", "weight", "slug", "sources"]

    /// The common front matter is read by `FrontMatterFastReader`; anything it is not sure of
    /// (including every front matter with a problem to report) goes through the YAML path.
    /// - Parameter verify: read with YAML too what the fast reader read, and report any difference.
    static func decode(_ yaml: String, file: String, firstLine: Int, verify: Bool = false, diagnostics: inout Diagnostics) -> FrontMatter? {
        guard let frontMatter = FrontMatterFastReader.read(yaml) else {
            return decodeWithYAML(yaml, file: file, firstLine: firstLine, diagnostics: &diagnostics)
        }
        if verify {
            Verification.check("front matter", fast: frontMatter, file: file, line: max(firstLine - 1, 1), diagnostics: &diagnostics) {
                decodeWithYAML(yaml, file: file, firstLine: firstLine, diagnostics: &$0)
            }
        }
        return frontMatter
    }

    /// The reference reading, through Yams: every value, warning and error comes from here.
    package static func decodeWithYAML(_ yaml: String, file: String, firstLine: Int, diagnostics: inout Diagnostics) -> FrontMatter? {
        guard let document = YAMLDocument.parse(yaml, file: file, firstLine: firstLine, what: "front matter", diagnostics: &diagnostics) else {
            return nil
        }
        var local = Diagnostics()
        document.warnUnknownKeys(knownKeys, what: "front matter", &local)

        let title = document.string("title", &local)
        let titleNode = document.node("title")
        if titleNode == nil || titleNode?.isNull == true || title?.trimmingCharacters(in: .whitespaces).isEmpty == true {
            local.error("front matter has no `title` (every page needs one, e.g. `title: L’accord`)", file: file,
                        line: max(firstLine - 1, 1), column: 1)
        }
        var date = document.string("date", &local)
        if let value = date, !DateText.isValidISODate(value) {
            document.report("`date` must be a calendar date written YYYY-MM-DD, found \"\(value)\"", at: document.node("date"), &local)
            date = nil
        }
        var slug = document.string("slug", &local)
        if let value = slug, !Slug.isValid(value) {
            document.report("`slug` \"\(value)\" is not usable in a URL: use letters, digits and hyphens only (e.g. `\(Slug.make(value))`)",
                            at: document.node("slug"), &local)
            slug = nil
        }
        let sources = readSources(document, &local)
        let frontMatter = FrontMatter(
            title: title ?? "",
            date: date,
            summary: document.string("summary", &local),
            tags: document.strings("tags", &local) ?? [],
            draft: document.bool("draft", &local) ?? false,
            weight: document.int("weight", &local) ?? 0,
            slug: slug,
            sources: sources
        )
        let failed = local.hasErrors
        diagnostics.append(contentsOf: local)
        return failed ? nil : frontMatter
    }

    /// The `sources:` list: each entry needs a `title`; a `date`, `url`, `id` or `lang` that is
    /// not usable is reported and left out (an `id` also when an earlier source has it).
    private static func readSources(_ document: YAMLDocument, _ local: inout Diagnostics) -> [SourceReference] {
        var sources: [SourceReference] = []
        for entry in document.mappings("sources", &local) ?? [] {
            entry.warnUnknownKeys(["id", "title", "publisher", "url", "date", "lang"], what: "a source", &local)
            guard let sourceTitle = entry.string("title", &local) else {
                entry.report("a source needs a `title`", at: nil, &local)
                continue
            }
            var sourceDate = entry.string("date", &local)
            if let value = sourceDate, !DateText.isValidISODate(value) {
                entry.report("a source's `date` must be written YYYY-MM-DD, found \"\(value)\"", at: entry.node("date"), &local)
                sourceDate = nil
            }
            var url = entry.string("url", &local)
            if let value = url, !URLText.isSafeExternal(value) {
                entry.report("a source's `url` must start with http:// or https://, found \"\(value)\"", at: entry.node("url"), &local)
                url = nil
            }
            var id = entry.string("id", &local)
            if let value = id, !Slug.isValid(value) {
                entry.report("a source's `id` \"\(value)\" is not usable in `[@id]`: use letters, digits and hyphens only (e.g. `\(Slug.make(value))`)",
                             at: entry.node("id"), &local)
                id = nil
            } else if let value = id, sources.contains(where: { $0.id == value }) {
                entry.report("two sources have the `id` \"\(value)\": give each its own", at: entry.node("id"), &local)
                id = nil
            }
            var lang = entry.string("lang", &local)
            if let value = lang, !SourceReference.isLanguageTag(value) {
                entry.report("a source's `lang` must be a language tag such as `en` or `en-GB`, found \"\(value)\"", at: entry.node("lang"), &local)
                lang = nil
            }
            sources.append(SourceReference(id: id, title: sourceTitle, publisher: entry.string("publisher", &local), url: url, date: sourceDate,
                                           lang: lang))
        }
        return sources
    }
}
