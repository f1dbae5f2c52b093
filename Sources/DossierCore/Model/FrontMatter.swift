/// The metadata at the top of a page, between `---` lines.
public struct FrontMatter: Sendable, Equatable {
    public var title: String
    /// `YYYY-MM-DD`, already validated.
    public var date: String?
    public var summary: String?
    public var tags: [String]
    public var draft: Bool
    public var weight: Int
    public var slug: String?
    public var sources: [SourceReference]

    public init(
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
public struct SourceReference: Sendable, Equatable {
    /// What `[@id]` in the text cites; optional.
    public var id: String?
    public var title: String
    public var publisher: String?
    public var url: String?
    public var date: String?
    /// The language of the title when it is not the site's (`lang: en`), a BCP 47 tag.
    public var lang: String?

    public init(id: String? = nil, title: String, publisher: String? = nil, url: String? = nil, date: String? = nil, lang: String? = nil) {
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
    public static func isLanguageTag(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { part in (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }
}
