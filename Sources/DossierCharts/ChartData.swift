import DossierModel

/// The kinds of chart a ```` ```chart ```` block can draw.
package enum ChartType: String, Sendable, Equatable, CaseIterable {
    case bar
    case hbar
    case groupedBar = "grouped-bar"
    case stackedBar = "stacked-bar"
    case line
    case area
    case pie
    case donut
    case scatter
}

/// Everything needed to draw one chart, already selected from its dataset and resolved.
///
/// The drawing code (`ChartRenderer`) is a pure function of this value and a `LocaleFormat`:
/// no I/O, no knowledge of pages or datasets.
package struct ChartData: Sendable, Equatable {
    package var type: ChartType
    /// Unique on the page (`chart-1`, `chart-2`…): prefix for the ids of `<title>`, `<desc>`.
    package var id: String
    package var title: String
    /// Unit of the values: `%` for percentages, `M` for millions…; nil when none.
    package var unit: String?
    /// What the values measure (the y column's label), for the description and table header.
    package var valueLabel: String
    /// What the categories are (the x column's label).
    package var categoryLabel: String
    /// The x values in display order (all types but scatter).
    package var categories: [ChartCategory]
    /// One entry per series; `values` is aligned with `categories` (nil: no value).
    /// A chart without a `series:` column and a single `y` has one series named after `y`.
    package var series: [ChartSeries]
    /// Labelled markers at a category (all types but pie, donut and scatter).
    package var annotations: [ChartAnnotation]
    /// Scatter only: the points; `series` in each point indexes `series` (whose values are empty).
    package var points: [ScatterPoint]
    /// Scatter only: label and unit of the x axis.
    package var xUnit: String?
    /// Digits after the decimal separator for every printed value; nil: as many as the values need (at most 3).
    package var decimals: Int?
    /// `area` only: series piled on one another (the default), or overlaid from zero (`stack: false`, two series at most).
    package var stacked: Bool
    /// The name of the series the chart is about: drawn in its colour, every other series in muted grey.
    package var highlight: String?

    package init(
        type: ChartType, id: String, title: String, unit: String?, valueLabel: String, categoryLabel: String,
        categories: [ChartCategory], series: [ChartSeries], annotations: [ChartAnnotation] = [],
        points: [ScatterPoint] = [], xUnit: String? = nil, decimals: Int? = nil, stacked: Bool = true, highlight: String? = nil
    ) {
        self.type = type
        self.id = id
        self.title = title
        self.unit = unit
        self.valueLabel = valueLabel
        self.categoryLabel = categoryLabel
        self.categories = categories
        self.series = series
        self.annotations = annotations
        self.points = points
        self.xUnit = xUnit
        self.decimals = decimals
        self.stacked = stacked
        self.highlight = highlight
    }
}

package struct ChartCategory: Sendable, Equatable {
    /// Already formatted for the site's language (`T3 2017`, `Xiaomi`).
    package var label: String
    package var value: DataValue

    package init(label: String, value: DataValue) {
        self.label = label
        self.value = value
    }
}

package struct ChartSeries: Sendable, Equatable {
    package var name: String
    package var values: [Double?]

    package init(name: String, values: [Double?]) {
        self.name = name
        self.values = values
    }
}

package struct ChartAnnotation: Sendable, Equatable {
    package var categoryIndex: Int
    package var label: String

    package init(categoryIndex: Int, label: String) {
        self.categoryIndex = categoryIndex
        self.label = label
    }
}

package struct ScatterPoint: Sendable, Equatable {
    package var x: Double
    package var y: Double
    package var label: String?
    package var series: Int

    package init(x: Double, y: Double, label: String? = nil, series: Int = 0) {
        self.x = x
        self.y = y
        self.label = label
        self.series = series
    }
}
