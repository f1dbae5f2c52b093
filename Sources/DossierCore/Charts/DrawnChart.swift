/// What a drawer hands back: the size of the drawing and its markup (everything inside `<svg>`
/// after the title, description and stylesheet).
struct DrawnChart {
    var width: Double
    var height: Double
    var defs = ""
    var body: String
}
