/// The series legend: one row of symbol + name per series, wrapped onto as many rows as needed,
/// left-aligned above the plot.
struct ChartLegend {
    enum Symbol {
        /// A bar swatch (with the series' hatching, past the eighth series).
        case box
        /// A line sample with its dash pattern and marker.
        case line
        /// A translucent area under a line sample.
        case area
        /// A scatter marker.
        case marker
    }

    struct Item {
        var series: Int
        var text: String
        var x: Double
        var y: Double
    }

    static let rowHeight = 24.0
    static let maxTextWidth = 220.0

    let symbol: Symbol
    let items: [Item]
    /// Colour class of each series (see `ChartPalette.classes(for:)`).
    let classes: [String]
    let rows: Int
    var height: Double { Double(rows) * Self.rowHeight }

    static func symbolWidth(_ symbol: Symbol) -> Double {
        switch symbol {
        case .box, .marker: return 14
        case .line, .area: return 28
        }
    }

    /// Lays out `names` from (`x`, `top`) within `maxWidth`; `classes`: the colour class of each
    /// (default: `ChartPalette.classes(for: names)`).
    init(names: [String], classes: [String]? = nil, symbol: Symbol, x: Double, top: Double, maxWidth: Double) {
        self.symbol = symbol
        self.classes = classes ?? ChartPalette.classes(for: names)
        let fontSize = ChartFont.legend
        let symbolWidth = Self.symbolWidth(symbol)
        var items: [Item] = []
        var cursor = x
        var row = 0
        for (i, name) in names.enumerated() {
            let text = TextWidth.truncate(name, toWidth: min(Self.maxTextWidth, maxWidth - symbolWidth - 6), fontSize: fontSize)
            let width = symbolWidth + 6 + TextWidth.of(text, fontSize: fontSize)
            if cursor > x && cursor + width > x + maxWidth {
                row += 1
                cursor = x
            }
            items.append(Item(series: i, text: text, x: cursor, y: top + Double(row) * Self.rowHeight + Self.rowHeight / 2))
            cursor += width + 20
        }
        self.items = items
        rows = names.isEmpty ? 0 : row + 1
    }

    func draw(chartID: String, into svg: inout SVGBuilder) {
        svg.open("g", [("class", "legend")])
        for item in items {
            let color = ChartPalette.colorClass(item.series, in: classes)
            let symbolWidth = Self.symbolWidth(symbol)
            switch symbol {
            case .box:
                let rect = ChartRect(x: item.x, y: item.y - 7, width: 14, height: 14)
                svg.element("rect", [("class", "bar " + color), ("x", SVGBuilder.num(rect.x)), ("y", SVGBuilder.num(rect.y)),
                                     ("width", "14"), ("height", "14")])
                ChartPatterns.overlay(chartID: chartID, series: item.series, rect: rect, into: &svg)
            case .line, .area:
                if symbol == .area {
                    svg.element("rect", [("class", "area " + color), ("x", SVGBuilder.num(item.x)), ("y", SVGBuilder.num(item.y - 2)),
                                         ("width", SVGBuilder.num(symbolWidth)), ("height", "10")])
                }
                var attributes: SVGBuilder.Attributes = [("class", "line " + color),
                                                         ("d", "M\(SVGBuilder.num(item.x)),\(SVGBuilder.num(item.y)) h\(SVGBuilder.num(symbolWidth))")]
                if let dash = ChartPalette.dash(item.series) { attributes.append(("stroke-dasharray", dash)) }
                svg.element("path", attributes)
                ChartMarkers.draw(item.series, at: ChartPoint(x: item.x + symbolWidth / 2, y: item.y), size: 4,
                                  className: "point " + color, into: &svg)
            case .marker:
                ChartMarkers.draw(item.series, at: ChartPoint(x: item.x + 7, y: item.y), size: 5, className: "point " + color, into: &svg)
            }
            svg.text("text", item.text, [("x", SVGBuilder.num(item.x + symbolWidth + 6)),
                                         ("y", SVGBuilder.num(item.y + ChartFont.legend * 0.35))])
        }
        svg.close("g")
    }
}
