/// Words the templates print around the content, in the site's language (`t.*` in templates).
public enum InterfaceStrings {
    public static func table(for language: String) -> [String: String] {
        language == "fr" ? french : english
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
    ]
}
