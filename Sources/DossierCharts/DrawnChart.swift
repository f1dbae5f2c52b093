/// What a drawer hands back: the size of the drawing and its markup (everything inside `<svg>`
/// after the title, description and stylesheet), still as the builders' bytes.
package struct DrawnChart {
    var width: Double
    var height: Double
    var defs = SVGBuilder()
    var body: SVGBuilder
}
