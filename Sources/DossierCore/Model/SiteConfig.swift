/// The settings in `content/site.yaml`.
public struct SiteConfig: Sendable, Equatable {
    public var title: String
    /// BCP 47 language tag, e.g. `fr`.
    public var language: String
    public var description: String
    public var author: String
    /// Absolute URL of the published site, ending in `/`; only used for the feed and sitemap.
    public var baseURL: String?
    public var menu: [MenuEntry]
    /// Let raw HTML in Markdown through (cmark's unsafe mode).
    public var unsafeHTML: Bool
    /// Links name `index.html` so the site opens from `file://`.
    public var portable: Bool
    /// Figures and tables are numbered ("Figure 2 — …") and cross-references name their number.
    public var numbered: Bool
    /// Interface strings from `strings:`, by name, over the language's own (`InterfaceStrings`).
    public var strings: [String: String]

    public init(
        title: String = "Dossier",
        language: String = "en",
        description: String = "",
        author: String = "",
        baseURL: String? = nil,
        menu: [MenuEntry] = [],
        unsafeHTML: Bool = false,
        portable: Bool = false,
        numbered: Bool = true,
        strings: [String: String] = [:]
    ) {
        self.title = title
        self.language = language
        self.description = description
        self.author = author
        self.baseURL = baseURL
        self.menu = menu
        self.unsafeHTML = unsafeHTML
        self.portable = portable
        self.numbered = numbered
        self.strings = strings
    }

    /// The primary language subtag, lowercased: `fr` for `fr-CA`.
    public var primaryLanguage: String {
        LocaleFormat.primarySubtag(language)
    }

    /// How numbers and dates are written: the language's way, with its `quarter_prefix`.
    public var localeFormat: LocaleFormat {
        LocaleFormat(language: language, quarterPrefix: strings["quarter_prefix"])
    }
}

/// One navigation entry from `site.yaml`.
public struct MenuEntry: Sendable, Equatable {
    public var title: String
    /// A content path (`briefs/`, `briefs/accord.md`) or an absolute URL.
    public var target: String
    public var line: Int

    public init(title: String, target: String, line: Int = 0) {
        self.title = title
        self.target = target
        self.line = line
    }
}
