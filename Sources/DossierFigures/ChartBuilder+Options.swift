import DossierModel
import DossierCharts

/// The keys that change how a chart draws its series, `stack` and `highlight`, checked against
/// the chart's type and series.
extension ChartBuilder {
    /// How many series `stack: false` may overlay: more translucent areas mix into mud.
    static let maximumOverlaidAreas = 2

    /// An error for `stack` on a chart other than `area`, or overlaying more than two series.
    func stackError(_ type: ChartType, seriesCount: Int) -> Diagnostic? {
        guard let stack = spec.stack else { return nil }
        guard type == .area else {
            return .error("chart: `stack` applies to area charts only (for bars, use type stacked-bar or grouped-bar)",
                          file: file, line: line("stack"))
        }
        if !stack && seriesCount > Self.maximumOverlaidAreas {
            return .error("chart: `stack: false` overlays at most \(Self.maximumOverlaidAreas) areas, and this chart has \(seriesCount) series; "
                          + "stack them (remove `stack: false`) or draw lines (type: line)",
                          file: file, line: line("stack"))
        }
        return nil
    }

    /// An error when `highlight` names no series of the chart, suggesting the nearest name, or is
    /// given to a chart whose colours are not series (pie, donut) or that draws no series apart (scatter).
    func highlightError(_ type: ChartType, seriesNames: [String]) -> Diagnostic? {
        guard let name = spec.highlight else { return nil }
        switch ChartRegistry.drawer(for: type).shape {
        case .shares, .points:
            let series = ChartType.allCases.filter { ChartRegistry.drawer(for: $0).shape == .series }.map(\.rawValue)
            return .error("chart: `highlight` applies to charts of series (\(series.joined(separator: ", "))), not \(type.rawValue)",
                          file: file, line: line("highlight"), column: spec.highlightColumn)
        case .series:
            break
        }
        guard !seriesNames.contains(name) else { return nil }
        var message = "chart: `highlight` names \"\(name)\", which is not a series of this chart"
        if let suggestion = name.closest(among: seriesNames)?.candidate,
           name.lowercased() == suggestion.lowercased() || name.editDistance(to: suggestion) <= max(2, name.count / 3) {
            message += "; did you mean \"\(suggestion)\"?"
        }
        message += " (series: \(seriesNames.joined(separator: ", ")))"
        return .error(message, file: file, line: line("highlight"), column: spec.highlightColumn)
    }
}
