/// Words the templates print around the content, in the site's language (`t.*` in templates).
///
/// Built in for French and English (any tag whose primary subtag is `fr` or `en`); other
/// languages get the English words, and `strings:` in `site.yaml` replaces any of them.
package enum InterfaceStrings {
    /// Every interface string's name, sorted: the keys `strings:` accepts.
    package static let names: [String] = english.keys.sorted()

    /// The built-in words of `language` (a BCP 47 tag): French for `fr-CA`, English for `de`.
    package static func table(for language: String) -> [String: String] {
        LocaleFormat.primarySubtag(language) == "fr" ? french : english
    }

    /// The words of the site: its language's, with `strings:` from `site.yaml` over them.
    package static func table(for config: SiteConfig) -> [String: String] {
        guard !config.strings.isEmpty else { return table(for: config.language) }
        return table(for: config.language).merging(config.strings) { _, override in override }
    }

    /// Whether `language` has built-in words (its primary subtag is `fr` or `en`).
    package static func hasBuiltInTable(_ language: String) -> Bool {
        ["fr", "en"].contains(LocaleFormat.primarySubtag(language))
    }

    static let french: [String: String] = [
        "contents": "Sommaire",
        "sources": "Sources",
        "published": "Publié le",
        "previous": "Précédent",
        "next": "Suivant",
        "skip_to_content": "Aller au contenu",
        "home": "Accueil",
        "breadcrumb": "Fil d’Ariane",
        "navigation": "Navigation principale",
        "tags": "Mots-clés",
        "not_found_title": "Page introuvable",
        "not_found_text": "La page demandée n’existe pas ou a été déplacée.",
        "back_home": "Retour à l’accueil",
        "read_more": "Lire",
        "pages_in_section": "Dans cette rubrique",
        "recent": "Derniers articles",
        "generated_by": "Généré par Dossier",
        "source_publisher_sep": ", ",
        "chart_data": "Données du graphique",
        "not_available": "n.d.",
        "source": "Source",
        "label_separator": "\u{202F}: ",
        "datasets": "Données",
        "dataset_download": "Télécharger le fichier",
        "dataset_used_by": "Utilisé dans",
        "dataset_rows": "lignes",
        "dataset_columns": "Colonnes",
        "column_name": "Nom",
        "column_label": "Libellé",
        "column_type": "Type",
        "column_unit": "Unité",
        "type_number": "nombre",
        "type_percent": "pourcentage",
        "type_date": "date",
        "type_text": "texte",
        "license": "Licence",
        "footnotes": "Notes",
        "footnote_back": "Retour au texte, appel",
        "figure_label": "Figure",
        "table_label": "Tableau",
        "figure_ref": "figure",
        "table_ref": "tableau",
        "citation_back": "Retour au texte, citation",
        "figures": "Figures",
        "dataset_figures": "Figures tirées de ces données",
        "charts": "Graphiques",
        "charts_intro": "Chaque graphique du dossier, avec son fichier SVG et ses données.",
        "chart_svg": "SVG",
        "chart_csv": "Données (CSV)",
        "chart_permalink": "Lien vers cette figure",
        "charts_all": "Tous les graphiques",
        "task_done": "Fait",
        "task_open": "À faire",
        "quarter_prefix": "T",
    ]

    static let english: [String: String] = [
        "contents": "Contents",
        "sources": "Sources",
        "published": "Published",
        "previous": "Previous",
        "next": "Next",
        "skip_to_content": "Skip to content",
        "home": "Home",
        "breadcrumb": "Breadcrumb",
        "navigation": "Main navigation",
        "tags": "Tags",
        "not_found_title": "Page not found",
        "not_found_text": "The page you asked for does not exist or has moved.",
        "back_home": "Back to the home page",
        "read_more": "Read",
        "pages_in_section": "In this section",
        "recent": "Latest",
        "generated_by": "Built with Dossier",
        "source_publisher_sep": ", ",
        "chart_data": "Chart data",
        "not_available": "n/a",
        "source": "Source",
        "label_separator": ": ",
        "datasets": "Data",
        "dataset_download": "Download the file",
        "dataset_used_by": "Used in",
        "dataset_rows": "rows",
        "dataset_columns": "Columns",
        "column_name": "Name",
        "column_label": "Label",
        "column_type": "Type",
        "column_unit": "Unit",
        "type_number": "number",
        "type_percent": "percent",
        "type_date": "date",
        "type_text": "text",
        "license": "License",
        "footnotes": "Notes",
        "footnote_back": "Back to the text, reference",
        "figure_label": "Figure",
        "table_label": "Table",
        "figure_ref": "figure",
        "table_ref": "table",
        "citation_back": "Back to the text, citation",
        "figures": "Figures",
        "dataset_figures": "Figures drawn from this data",
        "charts": "Charts",
        "charts_intro": "Every chart of the report, with its SVG file and its data.",
        "chart_svg": "SVG",
        "chart_csv": "Data (CSV)",
        "chart_permalink": "Link to this figure",
        "charts_all": "All charts",
        "task_done": "Done",
        "task_open": "To do",
        "quarter_prefix": "Q",
    ]
}
