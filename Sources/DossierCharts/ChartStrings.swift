import DossierModel

/// The few words charts print, in French or English (the site's language; anything but `fr` is English).
package struct ChartStrings {
    let french: Bool

    package init(format: LocaleFormat) {
        french = format.primaryLanguage == "fr"
    }

    var noData: String { french ? "Aucune donnée" : "No data" }
    /// A missing value in a chart's table, when the site gives no `not_available` string.
    var notAvailable: String { french ? "n.d." : "n/a" }
    var total: String { "Total" }
    package var label: String { french ? "Libellé" : "Label" }
    package var series: String { french ? "Série" : "Series" }
    var shareOfTotal: String { french ? "Part du total" : "Share of total" }
    /// `:` with the narrow no-break space French puts before it.
    var colon: String { french ? "\u{202F}:" : ":" }

    func typeName(_ type: ChartType) -> String {
        ChartRegistry.drawer(for: type).name(french: french)
    }

    func count(_ n: Int, _ singularFR: String, _ pluralFR: String, _ singularEN: String, _ pluralEN: String) -> String {
        "\(n) " + (french ? (n == 1 ? singularFR : pluralFR) : (n == 1 ? singularEN : pluralEN))
    }

    func seriesCount(_ n: Int) -> String { count(n, "série", "séries", "series", "series") }
    func categoryCount(_ n: Int) -> String { count(n, "catégorie", "catégories", "category", "categories") }
    func pointCount(_ n: Int) -> String { count(n, "point", "points", "point", "points") }

    /// `Part de marché par trimestre` / `Market share by quarter`.
    func measured(_ value: String, by category: String) -> String {
        guard !category.isEmpty else { return value }
        guard !value.isEmpty else { return category }
        return value + (french ? " par " : " by ") + Self.lowercasedStart(category)
    }

    func fromTo(_ a: String, _ b: String) -> String { french ? "de \(a) à \(b)" : "from \(a) to \(b)" }
    var minimum: String { "minimum" }
    var maximum: String { "maximum" }
    var noValue: String { french ? "aucune valeur" : "no value" }
    var otherSeries: String { french ? "Autres séries" : "Other series" }
    var others: String { french ? "autres" : "others" }
    var sharesOfTotal: String { french ? "Parts du total" : "Shares of the total" }
    func against(_ y: String, _ x: String) -> String { french ? "\(y) en fonction de \(Self.lowercasedStart(x))" : "\(y) against \(Self.lowercasedStart(x))" }
    var highest: String { french ? "valeur la plus haute" : "highest" }
    var lowest: String { french ? "valeur la plus basse" : "lowest" }

    /// `Trimestre` → `trimestre`, but `IDC` and `T3 2017` stay as they are.
    static func lowercasedStart(_ text: String) -> String {
        let characters = Array(text)
        guard characters.count >= 2, characters[0].isUppercase, characters[1].isLowercase else { return text }
        return characters[0].lowercased() + String(characters.dropFirst())
    }

    package init(french: Bool) {
        self.french = french
    }
}
