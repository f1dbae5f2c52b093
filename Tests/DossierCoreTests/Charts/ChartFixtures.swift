import Foundation
@testable import DossierModel
@testable import DossierCharts

/// Small hand-made charts with real figures from the example report (Counterpoint and IDC shares of
/// the Chinese smartphone market, IDC units), one or more per chart type.
enum ChartFixtures {
    static let fr = LocaleFormat(language: "fr")
    static let en = LocaleFormat(language: "en")

    static func quarters(_ format: LocaleFormat) -> [ChartCategory] {
        let list = [(2016, 1), (2016, 2), (2016, 3), (2016, 4), (2017, 1), (2017, 2), (2017, 3)]
        return list.map { year, quarter in
            let date = DateValue(year: year, month: (quarter - 1) * 3 + 1, precision: .quarter)
            return ChartCategory(label: format.date(date), value: .date(date))
        }
    }

    static func years(_ list: [Int]) -> [ChartCategory] {
        list.map { ChartCategory(label: String($0), value: .date(DateValue(year: $0, precision: .year))) }
    }

    static func texts(_ list: [String]) -> [ChartCategory] {
        list.map { ChartCategory(label: $0, value: .text($0)) }
    }

    /// Counterpoint, quarterly shares in China (%), 2016 Q1 – 2017 Q3.
    static let counterpoint: [(String, [Double])] = [
        ("Huawei", [15.9, 16.5, 14.9, 17.0, 19.6, 20.1, 18.6]),
        ("Oppo", [9.8, 15.6, 16.5, 17.9, 17.4, 18.9, 19.2]),
        ("Vivo", [10.8, 12.9, 16.1, 15.0, 17.0, 16.9, 18.6]),
        ("Xiaomi", [12.3, 10.9, 10.3, 10.3, 8.0, 13.0, 13.8]),
        ("Apple", [12.0, 8.3, 8.5, 13.1, 10.0, 8.2, 9.6]),
        ("Samsung", [8.3, 6.8, 6.8, 5.7, 3.3, 3.0, 2.6]),
        ("Meizu", [4.8, 4.4, 4.7, 4.0, 5.2, 3.6, 3.8]),
        ("ZTE", [3.8, 3.9, 3.8, 3.4, 4.0, 3.3, 1.1]),
        ("Autres", [22.2, 20.8, 18.2, 13.7, 15.5, 13.0, 12.7]),
    ]

    static func line(_ format: LocaleFormat = fr) -> ChartData {
        let french = format.language == "fr"
        return ChartData(
            type: .line, id: "chart-1",
            title: french ? "Parts de marché des smartphones en Chine" : "Smartphone market shares in China",
            unit: "%", valueLabel: french ? "Part de marché" : "Market share", categoryLabel: french ? "Trimestre" : "Quarter",
            categories: quarters(format),
            series: counterpoint.prefix(4).map { ChartSeries(name: $0.0, values: $0.1) },
            annotations: [ChartAnnotation(categoryIndex: 6, label: french ? "Accord avec Nokia" : "Nokia agreement")])
    }

    /// IDC, units sold worldwide (millions); blank where no figure was found.
    static let lineWithGaps = ChartData(
        type: .line, id: "chart-2", title: "Ventes mondiales de smartphones (IDC)", unit: "M", valueLabel: "Unités vendues",
        categoryLabel: "Année", categories: years([2015, 2016, 2017]),
        series: [
            ChartSeries(name: "Samsung", values: [324.8, 311.4, 317.3]),
            ChartSeries(name: "Apple", values: [231.5, 215.4, 215.8]),
            ChartSeries(name: "Huawei", values: [106.6, 139.3, 153.1]),
            ChartSeries(name: "OPPO", values: [nil, 99.4, 111.8]),
            ChartSeries(name: "Xiaomi", values: [70.8, nil, 92.4]),
        ])

    static let area = ChartData(
        type: .area, id: "chart-3", title: "Xiaomi et Apple en Chine", unit: "%", valueLabel: "Part de marché",
        categoryLabel: "Trimestre", categories: quarters(fr),
        series: [ChartSeries(name: "Xiaomi", values: counterpoint[3].1), ChartSeries(name: "Apple", values: counterpoint[4].1)])

    /// IDC, shares of the Chinese market in 2017.
    static let bar = ChartData(
        type: .bar, id: "chart-4", title: "Parts de marché en Chine en 2017 (IDC)", unit: "%", valueLabel: "Part de marché",
        categoryLabel: "Constructeur", categories: texts(["Huawei", "OPPO", "vivo", "Xiaomi", "Apple"]),
        series: [ChartSeries(name: "Part de marché", values: [20.4, 18.1, 15.4, 12.4, 9.3])])

    static let barNegative = ChartData(
        type: .bar, id: "chart-5", title: "Variation annuelle des ventes", unit: "%", valueLabel: "Variation sur un an",
        categoryLabel: "Constructeur", categories: texts(["Xiaomi, Chine 2016", "Apple, Chine 2016", "Huawei, monde 2016", "Xiaomi, monde 2017"]),
        series: [ChartSeries(name: "Variation", values: [-35.2, -23.1, 30.7, 74.5])])

    /// IDC, units sold in China in 2016 (millions).
    static let hbar = ChartData(
        type: .hbar, id: "chart-6", title: "Ventes en Chine en 2016 (IDC)", unit: "M", valueLabel: "Unités vendues",
        categoryLabel: "Constructeur",
        categories: texts(["OPPO (Guangdong Oppo Mobile Telecommunications)", "Huawei", "vivo (Vivo Communication Technology)", "Apple", "Xiaomi"]),
        series: [ChartSeries(name: "Unités vendues", values: [78.4, 76.6, 69.2, 44.9, 41.5])],
        annotations: [ChartAnnotation(categoryIndex: 4, label: "−36 % en un an")])

    /// IDC, annual shares in China.
    static let groupedBar = ChartData(
        type: .groupedBar, id: "chart-7", title: "Trois constructeurs en Chine", unit: "%", valueLabel: "Part de marché",
        categoryLabel: "Année", categories: years([2015, 2016, 2017]),
        series: [
            ChartSeries(name: "Xiaomi", values: [15.1, 8.9, 12.4]),
            ChartSeries(name: "Huawei", values: [14.5, 16.4, 20.4]),
            ChartSeries(name: "Apple", values: [13.6, 9.6, 9.3]),
        ])

    /// IDC, quarterly shares worldwide.
    static let stackedBar = ChartData(
        type: .stackedBar, id: "chart-8", title: "Parts du marché mondial par trimestre (IDC)", unit: "%", valueLabel: "Part de marché",
        categoryLabel: "Trimestre",
        categories: [(2016, 4), (2017, 1), (2017, 2), (2017, 3), (2017, 4)].map { year, quarter in
            let date = DateValue(year: year, month: (quarter - 1) * 3 + 1, precision: .quarter)
            return ChartCategory(label: fr.date(date), value: .date(date))
        },
        series: [
            ChartSeries(name: "Apple", values: [18.2, 14.7, 11.8, 12.4, 19.7]),
            ChartSeries(name: "Samsung", values: [18.0, 23.3, 22.9, 22.1, 18.9]),
            ChartSeries(name: "Huawei", values: [10.6, 10.0, 11.1, 10.4, 10.7]),
            ChartSeries(name: "Xiaomi", values: [3.3, 4.3, 6.2, 7.5, 7.2]),
            ChartSeries(name: "OPPO", values: [7.3, 7.5, 8.0, 8.1, 6.9]),
            ChartSeries(name: "Autres", values: [42.5, 40.2, 40.0, 39.5, 36.6]),
        ])

    /// Counterpoint, shares in China in 2017 Q3.
    static let pie = ChartData(
        type: .pie, id: "chart-9", title: "Le marché chinois au 3e trimestre 2017", unit: "%", valueLabel: "Part de marché",
        categoryLabel: "Constructeur", categories: texts(counterpoint.map(\.0)),
        series: [ChartSeries(name: "Part de marché", values: counterpoint.map { $0.1[6] })])

    /// IDC, units sold in China in 2016 (millions); the rest of the 467.3 M market as « Autres ».
    static let donut = ChartData(
        type: .donut, id: "chart-10", title: "Ventes en Chine en 2016", unit: "M", valueLabel: "Unités vendues",
        categoryLabel: "Constructeur", categories: texts(["OPPO", "Huawei", "vivo", "Apple", "Xiaomi", "Autres"]),
        series: [ChartSeries(name: "Unités vendues", values: [78.4, 76.6, 69.2, 44.9, 41.5, 156.7])])

    /// IDC, share in China in 2016 (x) and 2017 (y).
    static let scatter = ChartData(
        type: .scatter, id: "chart-11", title: "Parts de marché en Chine, 2016 et 2017", unit: "%", valueLabel: "Part en 2017",
        categoryLabel: "Part en 2016", categories: [], series: [ChartSeries(name: "IDC", values: [])],
        points: [
            ScatterPoint(x: 16.8, y: 18.1, label: "OPPO"), ScatterPoint(x: 16.4, y: 20.4, label: "Huawei"),
            ScatterPoint(x: 14.8, y: 15.4, label: "vivo"), ScatterPoint(x: 9.6, y: 9.3, label: "Apple"),
            ScatterPoint(x: 8.9, y: 12.4, label: "Xiaomi"),
        ],
        xUnit: "%")

    /// Thirty long text categories: labels must be thinned or rotated.
    static let manyCategories = ChartData(
        type: .bar, id: "chart-12", title: "Trente catégories", unit: nil, valueLabel: "Valeur", categoryLabel: "Catégorie",
        categories: texts((1...30).map { "Magasin Mi Home numéro \($0) de la province" }),
        series: [ChartSeries(name: "Valeur", values: (1...30).map { Double(($0 * 37) % 23 + 3) })])

    /// All nine Counterpoint series: too many for direct labels, so a legend on several rows.
    static let lineLegend = ChartData(
        type: .line, id: "chart-13", title: "Le marché chinois trimestre par trimestre", unit: "%", valueLabel: "Part de marché",
        categoryLabel: "Trimestre", categories: quarters(fr),
        series: counterpoint.map { ChartSeries(name: $0.0, values: $0.1) },
        annotations: [ChartAnnotation(categoryIndex: 6, label: "Accord avec Nokia"), ChartAnnotation(categoryIndex: 4, label: "Xiaomi au plus bas")])

    /// Changes in units sold, two series, with negative values, horizontally.
    static let hbarGroupedNegative = ChartData(
        type: .hbar, id: "chart-14", title: "Variation des ventes en Chine", unit: "%", valueLabel: "Variation sur un an",
        categoryLabel: "Constructeur", categories: texts(["Huawei", "OPPO", "vivo", "Apple", "Xiaomi"]),
        series: [ChartSeries(name: "2016 (IDC)", values: [21.1, 122.2, 96.6, -23.1, -35.2]),
                 ChartSeries(name: "2017 (Canalys)", values: [19.0, nil, 8.2, -3.0, 11.0])])

    /// Eighteen years of quarters: thinned labels on a time axis.
    static let manyQuarters: ChartData = {
        var categories: [ChartCategory] = []
        var values: [Double?] = []
        for year in 2000...2017 {
            for quarter in 1...4 {
                let date = DateValue(year: year, month: quarter * 3 - 2, precision: .quarter)
                categories.append(ChartCategory(label: fr.date(date), value: .date(date)))
                let t = Double(categories.count)
                values.append(year == 2008 && quarter > 1 ? nil : 40 + 25 * sin(t / 9) + t / 3)
            }
        }
        return ChartData(type: .area, id: "chart-15", title: "Une longue série", unit: "M", valueLabel: "Ventes",
                         categoryLabel: "Trimestre", categories: categories, series: [ChartSeries(name: "Ventes", values: values)],
                         annotations: [ChartAnnotation(categoryIndex: 32, label: "Crise")])
    }()

    /// The two areas of `area`, overlaid rather than stacked (`stack: false`).
    static let areaOverlay: ChartData = {
        var chart = area
        chart.id = "chart-16"
        chart.stacked = false
        return chart
    }()

    /// `line()` about Xiaomi: the other series muted.
    static let lineHighlight: ChartData = {
        var chart = line()
        chart.id = "chart-17"
        chart.highlight = "Xiaomi"
        return chart
    }()

    /// Grouped bars with a missing value: the bars there are centred on their category.
    static let groupedBarGap = ChartData(
        type: .groupedBar, id: "chart-18", title: "Parts annuelles en Chine (IDC)", unit: "%", valueLabel: "Part de marché",
        categoryLabel: "Constructeur", categories: texts(["Xiaomi", "Huawei", "OPPO", "vivo"]),
        series: [
            ChartSeries(name: "2015", values: [15.1, 14.5, nil, nil]),
            ChartSeries(name: "2016", values: [8.9, 16.4, 16.8, 14.8]),
            ChartSeries(name: "2017", values: [12.4, 20.4, 18.1, 15.4]),
        ])

    /// Every golden, by file name.
    static let goldens: [(String, ChartData, LocaleFormat)] = [
        ("line", line(), fr), ("line-en", line(en), en), ("line-gaps", lineWithGaps, fr), ("area", area, fr),
        ("bar", bar, fr), ("bar-negative", barNegative, fr), ("bar-many", manyCategories, fr), ("hbar", hbar, fr),
        ("grouped-bar", groupedBar, fr), ("stacked-bar", stackedBar, fr), ("pie", pie, fr), ("donut", donut, fr),
        ("scatter", scatter, fr), ("line-legend", lineLegend, fr), ("hbar-negative", hbarGroupedNegative, fr),
        ("area-quarters", manyQuarters, fr), ("area-overlay", areaOverlay, fr), ("line-highlight", lineHighlight, fr),
        ("grouped-bar-gap", groupedBarGap, fr),
    ]
}
