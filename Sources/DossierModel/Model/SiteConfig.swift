/// The settings in `content/site.yaml`.
package struct SiteConfig: Sendable, Equatable {
    package var title: String
    /// BCP 47 language tag, e.g. `fr`.
    package var language: String
    package var description: String
    package var author: String
    /// Absolute URL of the published site, ending in `/`; only used for the feed and sitemap.
    package var baseURL: String?
    package var menu: [MenuEntry]
    /// Let raw HTML in Markdown through (cmark's unsafe mode).
    package var unsafeHTML: Bool
    /// Links name `index.html` so the site opens from `file://`.
    package var portable: Bool
    /// Figures and tables are numbered ("Figure 2 — …") and cross-references name their number.
    package var numbered: Bool
    /// Interface strings from `strings:`, by name, over the language's own (`InterfaceStrings`).
    package var strings: [String: String]

    package init(
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
    package var primaryLanguage: String {
        LocaleFormat.primarySubtag(language)
    }

    /// How numbers and dates are written: the language's way, with its `quarter_prefix`.
    package var localeFormat: LocaleFormat {
        LocaleFormat(language: language, quarterPrefix: strings["quarter_prefix"])
    }
}

/// One navigation entry from `site.yaml`.
package struct MenuEntry: Sendable, Equatable {
    package var title: String
    /// A content path (`briefs/`, `briefs/accord.md`) or an absolute URL.
    package var target: String
    package var line: Int

    package init(title: String, target: String, line: Int = 0) {
        self.title = title
        self.target = target
        self.line = line
    }
}
