/// The metadata at the top of a page, between `---` lines.
package struct FrontMatter: Sendable, Equatable {
    package var title: String
    /// `YYYY-MM-DD`, already validated.
    package var date: String?
    package var summary: String?
    package var tags: [String]
    package var draft: Bool
    package var weight: Int
    package var slug: String?
    package var sources: [SourceReference]

    package init(
        title: String,
        date: String? = nil,
        summary: String? = nil,
        tags: [String] = [],
        draft: Bool = false,
        weight: Int = 0,
        slug: String? = nil,
        sources: [SourceReference] = []
    ) {
        self.title = title
        self.date = date
        self.summary = summary
        self.tags = tags
        self.draft = draft
        self.weight = weight
        self.slug = slug
        self.sources = sources
    }
}

/// A document a page cites.
package struct SourceReference: Sendable, Equatable {
    /// What `[@id]` in the text cites; optional.
    package var id: String?
    package var title: String
    package var publisher: String?
    package var url: String?
    package var date: String?
    /// The language of the title when it is not the site's (`lang: en`), a BCP 47 tag.
    package var lang: String?

    package init(id: String? = nil, title: String, publisher: String? = nil, url: String? = nil, date: String? = nil, lang: String? = nil) {
        self.id = id
        self.lang = lang
        self.title = title
        self.publisher = publisher
        self.url = url
        self.date = date
    }
}

extension SourceReference {
    /// `en`, `en-GB`, `zh-Hans`: letters, then hyphen-separated letters or digits (BCP 47's shape).
    package static func isLanguageTag(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { part in (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }
}
