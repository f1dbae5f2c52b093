import Foundation

/// Point markers, one shape per series (circle, square, triangle, diamond…), so series differ
/// without colour. Every shape is a filled outline, coloured by the series class.
enum ChartMarkers {
    static let shapeCount = 8

    /// Appends the marker of series `series` centred on `p`; `size` is the radius of the circle
    /// the shape roughly fills.
    static func draw(_ series: Int, at p: ChartPoint, size: Double, className: String, into svg: inout SVGBuilder) {
        let shape = shape(series)
        if shape == 0 {
            svg.circle(className: className, cx: p.x, cy: p.y, r: size)
        } else {
            svg.polylinePath(className: className, outline(shape, at: p, size: size), close: true)
        }
    }

    /// `draw(_:at:size:className:into:)` at each of `points`.
    static func draw(_ series: Int, at points: [ChartPoint], size: Double, className: String, into svg: inout SVGBuilder) {
        if shape(series) == 0 {
            svg.circles(className: className, at: points, r: size)
        } else {
            for p in points { draw(series, at: p, size: size, className: className, into: &svg) }
        }
    }

    /// A circle while colours tell series apart; past the eighth series colours repeat, so the shape
    /// changes: series 8 is blue like series 0, but square.
    static func shape(_ series: Int) -> Int {
        let index = max(0, series)
        return index < ChartPalette.count ? 0 : 1 + (index - ChartPalette.count) % (shapeCount - 1)
    }

    static func outline(_ shape: Int, at p: ChartPoint, size r: Double) -> [ChartPoint] {
        func at(_ dx: Double, _ dy: Double) -> ChartPoint { ChartPoint(x: p.x + dx, y: p.y + dy) }
        switch shape {
        case 1:  // square, same area as the circle
            let s = r * 0.89
            return [at(-s, -s), at(s, -s), at(s, s), at(-s, s)]
        case 2:  // triangle
            let s = r * 1.3
            return [at(0, -s), at(s * 0.87, s * 0.5), at(-s * 0.87, s * 0.5)]
        case 3:  // diamond
            let s = r * 1.25
            return [at(0, -s), at(s, 0), at(0, s), at(-s, 0)]
        case 4:  // triangle pointing down
            let s = r * 1.3
            return [at(0, s), at(-s * 0.87, -s * 0.5), at(s * 0.87, -s * 0.5)]
        case 5:  // five-pointed star
            return (0..<10).map { i in
                let radius = i % 2 == 0 ? r * 1.45 : r * 0.62
                let angle = -Double.pi / 2 + Double(i) * Double.pi / 5
                return at(radius * cos(angle), radius * sin(angle))
            }
        case 6:  // plus
            let a = r * 1.2, b = r * 0.42
            return [at(-b, -a), at(b, -a), at(b, -b), at(a, -b), at(a, b), at(b, b), at(b, a), at(-b, a), at(-b, b),
                    at(-a, b), at(-a, -b), at(-b, -b)]
        default:  // hexagon
            return (0..<6).map { i in
                let angle = Double(i) * Double.pi / 3
                return at(r * 1.1 * cos(angle), r * 1.1 * sin(angle))
            }
        }
    }
}

/// Hatching that tells bar series apart once colours repeat: the first eight series are plain (their
/// colours tell them apart), the ninth and later get stripes or dots drawn in the background colour
/// over the series colour. A chart with no more series than colours has no `<pattern>` at all.
enum ChartPatterns {
    static let count = 7

    /// The pattern (1 … 7) of series `series`, or nil for a series told apart by its colour.
    static func number(series: Int) -> Int? {
        series < ChartPalette.count ? nil : 1 + (series - ChartPalette.count) % count
    }

    /// Pattern id for series `series`, or nil for a plain series.
    static func id(chartID: String, series: Int) -> String? {
        number(series: series).map { "\(chartID)-p\($0)" }
    }

    /// `<pattern>` definitions for the series past the palette (at most seven), none when there are none.
    static func defs(chartID: String, seriesCount: Int, into svg: inout SVGBuilder) {
        let used = min(seriesCount - ChartPalette.count, count)
        guard used > 0 else { return }
        for index in 1...used {
            svg.open("pattern", [("id", "\(chartID)-p\(index)"), ("width", "8"), ("height", "8"),
                                 ("patternUnits", "userSpaceOnUse")])
            switch index {
            case 1: svg.element("path", [("class", "hatch"), ("d", "M-2,10 L10,-2 M-2,2 L2,-2 M6,10 L10,6")])  // ╱
            case 2: svg.element("circle", [("class", "dot"), ("cx", "4"), ("cy", "4"), ("r", "1.6")])
            case 3: svg.element("path", [("class", "hatch"), ("d", "M0,4 L8,4")])  // ─
            case 4: svg.element("path", [("class", "hatch"), ("d", "M-2,-2 L10,10 M-2,6 L2,10 M6,-2 L10,2")])  // ╲
            case 5: svg.element("path", [("class", "hatch"), ("d", "M4,0 L4,8")])  // │
            case 6: svg.element("path", [("class", "hatch"), ("d", "M0,4 L8,4 M4,0 L4,8")])  // ┼
            default: svg.element("path", [("class", "hatch"), ("d", "M-2,10 L10,-2 M-2,-2 L10,10")])  // ╳
            }
            svg.close("pattern")
        }
    }

    /// The overlay drawn on top of a bar of series `series` (nothing for series 0).
    static func overlay(chartID: String, series: Int, rect: ChartRect, into svg: inout SVGBuilder) {
        guard let id = id(chartID: chartID, series: series), rect.width > 0, rect.height > 0 else { return }
        svg.element("rect", [("x", SVGBuilder.num(rect.x)), ("y", SVGBuilder.num(rect.y)),
                             ("width", SVGBuilder.num(rect.width)), ("height", SVGBuilder.num(rect.height)),
                             ("fill", "url(#\(id))")])
    }
}
