/// The files a chart is shared as, beside its page: `ID.svg`, a standalone drawing with its
/// title, caption and source, and `ID.csv`, the rows it plots. Made in the Markdown step with
/// the chart (the SVG reuses its text-column drawing) and written by `ChartFiles` in the build.
package struct ChartExport: Sendable, Equatable {
    /// The standalone SVG document (`StandaloneSVG`).
    package var svg: String
    /// The plotted rows as RFC 4180 CSV (`ChartCSV`).
    package var csv: String
    /// The chart said in words (its `<desc>`): the alternative text of its thumbnail.
    package var description: String
    /// The SVG's size in CSS pixels (its `width` and `height`).
    package var width: Double = 0
    package var height: Double = 0

    /// The file names of the chart whose HTML id is `anchor`, in the folder of its page.
    package static func svgName(_ anchor: String) -> String { anchor + ".svg" }
    package static func csvName(_ anchor: String) -> String { anchor + ".csv" }

    /// A file name as a relative URL (ids are ASCII letters, digits, `-`, `_` and `.`; escaped anyway).
    package static func href(_ name: String) -> String {
        // A path's characters but `;` and `:`.
        PercentEncoding.encode(Substring(name)) { $0 != UInt8(ascii: ";") && $0 != UInt8(ascii: ":") && PercentEncoding.isPathAllowed($0) }
    }

    /// Empties the files' text once they are written; the description and the size stay.
    package mutating func dropText() {
        svg = ""
        csv = ""
    }

    package init(svg: String, csv: String, description: String, width: Double = 0, height: Double = 0) {
        self.svg = svg
        self.csv = csv
        self.description = description
        self.width = width
        self.height = height
    }
}
