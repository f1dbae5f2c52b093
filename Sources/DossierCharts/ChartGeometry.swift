/// A rectangle in SVG user units (y grows downwards).
struct ChartRect: Sendable, Equatable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    var left: Double { x }
    var right: Double { x + width }
    var top: Double { y }
    var bottom: Double { y + height }
    var midX: Double { x + width / 2 }
    var midY: Double { y + height / 2 }

    func intersects(_ other: ChartRect) -> Bool {
        left < other.right && other.left < right && top < other.bottom && other.top < bottom
    }

    func insetBy(_ d: Double) -> ChartRect {
        ChartRect(x: x - d, y: y - d, width: width + 2 * d, height: height + 2 * d)
    }
}

struct ChartPoint: Sendable, Equatable {
    var x: Double
    var y: Double
}
