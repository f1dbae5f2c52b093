/// The kinds of chart a ```` ```chart ```` block can draw.
public enum ChartType: String, Sendable, Equatable, CaseIterable {
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
public struct ChartData: Sendable, Equatable {
    public var type: ChartType
    /// Unique on the page (`chart-1`, `chart-2`…): prefix for the ids of `<title>`, `<desc>`.
    public var id: String
    public var title: String
    /// Unit of the values: `%` for percentages, `M` for millions…; nil when none.
    public var unit: String?
    /// What the values measure (the y column's label), for the description and table header.
    public var valueLabel: String
    /// What the categories are (the x column's label).
    public var categoryLabel: String
    /// The x values in display order (all types but scatter).
    public var categories: [ChartCategory]
    /// One entry per series; `values` is aligned with `categories` (nil: no value).
    /// A chart without a `series:` column and a single `y` has one series named after `y`.
    public var series: [ChartSeries]
    /// Labelled markers at a category (all types but pie, donut and scatter).
    public var annotations: [ChartAnnotation]
    /// Scatter only: the points; `series` in each point indexes `series` (whose values are empty).
    public var points: [ScatterPoint]
    /// Scatter only: label and unit of the x axis.
    public var xUnit: String?
    /// Digits after the decimal separator for every printed value; nil: as many as the values need (at most 3).
    public var decimals: Int?
    /// `area` only: series piled on one another (the default), or overlaid from zero (`stack: false`, two series at most).
    public var stacked: Bool
    /// The name of the series the chart is about: drawn in its colour, every other series in muted grey.
    public var highlight: String?

    public init(
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

public struct ChartCategory: Sendable, Equatable {
    /// Already formatted for the site's language (`T3 2017`, `Xiaomi`).
    public var label: String
    public var value: DataValue

    public init(label: String, value: DataValue) {
        self.label = label
        self.value = value
    }
}

public struct ChartSeries: Sendable, Equatable {
    public var name: String
    public var values: [Double?]

    public init(name: String, values: [Double?]) {
        self.name = name
        self.values = values
    }
}

public struct ChartAnnotation: Sendable, Equatable {
    public var categoryIndex: Int
    public var label: String

    public init(categoryIndex: Int, label: String) {
        self.categoryIndex = categoryIndex
        self.label = label
    }
}

public struct ScatterPoint: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public var label: String?
    public var series: Int

    public init(x: Double, y: Double, label: String? = nil, series: Int = 0) {
        self.x = x
        self.y = y
        self.label = label
        self.series = series
    }
}
