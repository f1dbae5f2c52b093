import DossierModel

/// What a chart plots, which decides how its rows are read from the dataset (`ChartBuilder`),
/// how it is told in words (`ChartDescription`) and tabulated (`ChartTable`).
package enum ChartShape: Sendable {
    /// Values of one or more series over categories (bars, lines, areas).
    case series
    /// Slices of a positive whole (pie, donut).
    case shares
    /// Points with an x and a y (scatter).
    case points
}

/// Everything one chart type knows: its name, its shape, whether there is anything to draw,
/// and the drawing. A new type is a drawer file with a type conforming to this, and its line
/// in `ChartRegistry`.
package protocol ChartDrawer: Sendable {
    var shape: ChartShape { get }
    /// The type's name at the start of its description ("Line chart", « Graphique en courbes »).
    func name(french: Bool) -> String
    /// False when there is nothing to plot: an empty frame says so instead.
    func hasData(_ chart: ChartData, values: ChartValues) -> Bool
    func draw(_ chart: ChartData, values: ChartValues, id: String, width: Double, format: LocaleFormat) -> DrawnChart
}

extension ChartDrawer {
    /// A chart of series has something to plot when it has a category and a value.
    func hasData(_ chart: ChartData, values: ChartValues) -> Bool {
        !values.categories.isEmpty && !values.allValues.isEmpty
    }
}

/// The one table from chart type to drawer.
package enum ChartRegistry {
    package static func drawer(for type: ChartType) -> any ChartDrawer {
        switch type {
        case .bar: BarChart(stacked: false, grouped: false)
        case .groupedBar: BarChart(stacked: false, grouped: true)
        case .stackedBar: BarChart(stacked: true, grouped: false)
        case .hbar: HorizontalBarChart()
        case .line: LineChart(area: false)
        case .area: LineChart(area: true)
        case .pie: PieChart(donut: false)
        case .donut: PieChart(donut: true)
        case .scatter: ScatterChart()
        }
    }
}
