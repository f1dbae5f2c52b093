import Testing
@testable import DossierCharts

@Suite struct ChartDescriptionTests {
    @Test func frenchLineDescription() {
        let text = ChartRenderer.describe(ChartFixtures.line(), format: ChartFixtures.fr)
        #expect(text.hasPrefix("Graphique en courbes\u{202F}: Part de marché par trimestre, de T1\u{00A0}2016 à T3\u{00A0}2017, 4 séries."))
        #expect(text.contains("Xiaomi\u{202F}: de 12,3\u{202F}% (T1\u{00A0}2016) à 13,8\u{202F}% (T3\u{00A0}2017), minimum 8,0\u{202F}% (T1\u{00A0}2017)."))
        #expect(text.contains("Huawei\u{202F}: de 15,9\u{202F}% (T1\u{00A0}2016) à 18,6\u{202F}% (T3\u{00A0}2017), minimum 14,9\u{202F}% (T3\u{00A0}2016), maximum 20,1\u{202F}% (T2\u{00A0}2017)."))
    }

    @Test func englishLineDescription() {
        let text = ChartRenderer.describe(ChartFixtures.line(ChartFixtures.en), format: ChartFixtures.en)
        #expect(text.hasPrefix("Line chart: Market share by quarter, from Q1\u{00A0}2016 to Q3\u{00A0}2017, 4 series."))
        #expect(text.contains("Xiaomi: from 12.3% (Q1\u{00A0}2016) to 13.8% (Q3\u{00A0}2017), minimum 8.0% (Q1\u{00A0}2017)."))
    }

    @Test func singleSeriesOfTextCategoriesGivesExtremes() {
        let text = ChartRenderer.describe(ChartFixtures.bar, format: ChartFixtures.fr)
        #expect(text == "Diagramme en barres\u{202F}: Part de marché par constructeur, 5 catégories. Maximum 20,4\u{202F}% (Huawei), minimum 9,3\u{202F}% (Apple).")
    }

    @Test func moreThanFiveSeriesAreNamed() {
        var chart = ChartFixtures.line()
        chart.series = ChartFixtures.counterpoint.map { ChartSeries(name: $0.0, values: $0.1) }
        let text = ChartRenderer.describe(chart, format: ChartFixtures.fr)
        #expect(text.hasSuffix("Autres séries\u{202F}: Samsung, Meizu, ZTE, Autres."))
    }

    @Test func pieListsSharesLargestFirst() {
        let text = ChartRenderer.describe(ChartFixtures.donut, format: ChartFixtures.fr)
        #expect(text.hasPrefix("Diagramme en anneau\u{202F}: Unités vendues par constructeur, 6 catégories, total 467,3\u{00A0}M."))
        #expect(text.contains("Parts du total\u{202F}: Autres 33,5\u{202F}%, OPPO 16,8\u{202F}%, Huawei 16,4\u{202F}%"))
    }

    @Test func scatterDescription() {
        let text = ChartRenderer.describe(ChartFixtures.scatter, format: ChartFixtures.en)
        #expect(text.hasPrefix("Scatter plot: Part en 2017 against part en 2016, 5 points."))
        #expect(text.contains("Highest: Huawei (16.4%; 20.4%), lowest: Apple (9.6%; 9.3%)."))
    }

    @Test func dataTableHasHeaderRowsAndFormattedNumbers() {
        let table = ChartRenderer.dataTable(ChartFixtures.lineWithGaps, format: ChartFixtures.fr)
        #expect(table.hasPrefix("<table class=\"chart-data\">\n<thead><tr><th scope=\"col\">Année</th><th scope=\"col\" class=\"num\">Samsung</th>"))
        #expect(table.contains("<tr><th scope=\"row\">2016</th><td class=\"num\">311,4\u{00A0}M</td>"))
        #expect(table.contains("<td class=\"num\">n.d.</td></tr>"), "a missing value reads n.d. in French")
        #expect(ChartRenderer.dataTable(ChartFixtures.lineWithGaps, format: ChartFixtures.en).contains("<td class=\"num\">n/a</td>"))
        #expect(ChartRenderer.dataTable(ChartFixtures.lineWithGaps, format: ChartFixtures.fr, missing: "–").contains("<td class=\"num\">–</td>"))
        #expect(!table.contains("<caption"))
        let scatter = ChartRenderer.dataTable(ChartFixtures.scatter, format: ChartFixtures.en)
        #expect(scatter.contains("<th scope=\"col\" class=\"num\">Part en 2016</th><th scope=\"col\" class=\"num\">Part en 2017</th><th scope=\"col\">Label</th>"))
        #expect(scatter.contains("<tr><th scope=\"row\" class=\"num\">16.8%</th><td class=\"num\">18.1%</td><td>OPPO</td></tr>"))
        let pie = ChartRenderer.dataTable(ChartFixtures.pie, format: ChartFixtures.fr)
        #expect(pie.contains("<th scope=\"col\" class=\"num\">Part du total</th>"))
        #expect(pie.contains("<tr><th scope=\"row\">Xiaomi</th><td class=\"num\">13,8\u{202F}%</td><td class=\"num\">13,8\u{202F}%</td></tr>"))
    }

    @Test func valueAxisUsesTheUnit() throws {
        let svg = ChartRenderer.svg(ChartFixtures.bar, format: ChartFixtures.fr)
        #expect(svg.contains(">12,5\u{202F}%<") == false && svg.contains(">25\u{202F}%<"))
        let sales = ChartRenderer.svg(ChartFixtures.lineWithGaps, format: ChartFixtures.fr)
        #expect(sales.contains(">Unités vendues (M)<"))
    }
}
