import Foundation

/// Series colours, dash patterns and the chart stylesheet.
///
/// Colours follow the Okabe–Ito colour-blind-safe palette, darkened until each has at least 4.5:1
/// contrast on white, so that a direct label can be written in its series' colour (sky blue and
/// yellow, which cannot be darkened without turning into blue and olive twins, give way to violet
/// and olive). Drawers never write a colour: they write a class
/// (`s0` … `s7`, `s-other` for remainders, `muted` for the series a `highlight` leaves in the
/// background) and the `<style>` below maps it to a custom property with the palette colour as
/// fallback, so a page stylesheet can set `--chart-s0` … `--chart-s7`, `--chart-other`,
/// `--chart-muted`, `--chart-muted-fg`, `--chart-fg`, `--chart-bg`, `--chart-grid`, `--chart-axis` and
/// `--chart-font` for dark mode or print.
///
/// Series differ by colour alone while there are no more of them than colours: dash patterns,
/// marker shapes and hatching start past the eighth series (and the print stylesheet dashes lines,
/// for paper in black and white).
enum ChartPalette {
    static let colors = ["#0072B2", "#A66300", "#00825F", "#C4422A", "#B44E89", "#7A5CB0", "#7D7400", "#000000"]

    static var count: Int { colors.count }

    /// `s0` … `s7`, cycling.
    static func colorClass(_ index: Int) -> String {
        "s\(((index % count) + count) % count)"
    }

    /// The neutral class: “Autres”/“Other” series and categories, and pie slices past the palette.
    static let otherClass = "s-other"
    /// Grey with at least 3:1 contrast on white and on a dark background.
    static let otherColor = "#8c8c8c"

    /// Series or categories named like a remainder (`Autres`, `Other`, `Others`, any case) get the neutral colour.
    static func isOther(_ name: String) -> Bool {
        if let ascii = isOtherASCII(name) { return ascii }
        let key = name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        return key == "autres" || key == "other" || key == "others"
    }

    /// `isOther` for ASCII names, on bytes (ASCII whitespace is tab to carriage return and space); nil for other names.
    static func isOtherASCII(_ name: String) -> Bool? {
        let bytes = name.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
        let trimmed = bytes.drop(while: isSpace).reversed().drop(while: isSpace).reversed()
        let key = trimmed.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 + 32 : $0 }
        return key.elementsEqual("autres".utf8) || key.elementsEqual("other".utf8) || key.elementsEqual("others".utf8)
    }

    /// One colour class per name: the neutral class for remainders, the palette in order for the rest
    /// (a remainder does not use up a colour). Past the palette, colours cycle (`wrap`) or are neutral too
    /// (pie slices, where a repeated colour would sit next to its twin).
    static func classes(for names: [String], wrap: Bool = true) -> [String] {
        var next = 0
        return names.map { name in
            if isOther(name) { return otherClass }
            defer { next += 1 }
            return wrap || next < count ? colorClass(next) : otherClass
        }
    }

    /// The class of a series a `highlight` leaves in the background: grey lines and bars, grey labels.
    static let mutedClass = "muted"
    /// Muted marks: light grey that stays behind the highlighted series; their labels use `mutedTextColor`.
    static let mutedColor = "#B0B0B0"
    static let mutedTextColor = "#595959"

    /// The colour class of each series of `values`: `classes(for:)`, and when one series is
    /// highlighted, `mutedClass` for every other one.
    static func seriesClasses(_ values: ChartValues) -> [String] {
        let classes = classes(for: values.series.map(\.name))
        guard let highlight = values.highlight else { return classes }
        return classes.indices.map { $0 == highlight ? classes[$0] : mutedClass }
    }

    /// The class of one bar: its series' colour, except in a chart of a single series, where the bar of an
    /// “Autres”/“Other” category is neutral like the rest of the remainders.
    static func barClass(series: String, category: String, seriesCount: Int) -> String {
        seriesCount == 1 && isOther(category) ? otherClass : series
    }

    /// `classes(for:)`, looked up by series index (an index outside `names` cycles the palette).
    static func colorClass(_ index: Int, in classes: [String]) -> String {
        classes.indices.contains(index) ? classes[index] : colorClass(index)
    }

    /// Stroke dash arrays for line series, so lines differ without colour (`nil`: solid).
    static let dashes: [String?] = [nil, "8 4", "2 3", "10 3 2 3", "5 5", "1 4", "12 4 4 4", "3 2 3 6"]

    /// Solid while colours tell series apart; past the eighth series colours repeat, so the line is
    /// dashed: series 8 is blue like series 0, but dashed.
    static func dash(_ index: Int) -> String? {
        let i = max(0, index)
        guard i >= count else { return nil }
        return dashes[1 + (i - count) % (dashes.count - 1)]
    }

    /// In print, lines after the first are dashed (`dashes`), so a black-and-white copy still tells them apart.
    static let printDashes: String = {
        var css = "@media print{"
        for (i, dash) in dashes.enumerated() {
            guard let dash else { continue }
            css += ".chart .line.s\(i){stroke-dasharray:\(dash)}"
        }
        return css + "}"
    }()

    /// The stylesheet every chart carries. Constant text: no data goes in here.
    static let stylesheet: String = {
        var css = ".chart{font-family:var(--chart-font,\"Helvetica Neue\",Helvetica,Arial,\"Liberation Sans\",sans-serif)}"
        css += ".chart text{fill:var(--chart-fg,currentColor);font-size:\(SVGBuilder.num(ChartFont.tick))px}"
        css += ".chart .axis-title{font-size:\(SVGBuilder.num(ChartFont.axisTitle))px;font-weight:600}"
        css += ".chart .value{font-size:\(SVGBuilder.num(ChartFont.value))px}"
        css += ".chart .legend text{font-size:\(SVGBuilder.num(ChartFont.legend))px}"
        css += ".chart .annotation text{font-size:\(SVGBuilder.num(ChartFont.annotation))px;font-style:italic}"
        css += ".chart .grid line{stroke:var(--chart-grid,#d0d0d0);stroke-width:1}"
        css += ".chart .axis line{stroke:var(--chart-axis,#767676);stroke-width:1}"
        css += ".chart .axis-line{stroke:var(--chart-axis,#767676);stroke-width:1}"
        css += ".chart .zero{stroke:var(--chart-fg,currentColor);stroke-width:1.2}"
        css += ".chart .annotation line{stroke:var(--chart-fg,currentColor);stroke-width:1.2;stroke-dasharray:5 4}"
        css += ".chart .leader{stroke:var(--chart-axis,#767676);stroke-width:1;fill:none}"
        css += ".chart .halo{paint-order:stroke;stroke:var(--chart-bg,#fff);stroke-width:4px;stroke-linejoin:round}"
        css += ".chart .slice,.chart .bar,.chart .point{stroke:var(--chart-bg,#fff);stroke-width:1}"
        css += ".chart .hatch{stroke:var(--chart-bg,#fff);stroke-width:1.6;stroke-opacity:.75;fill:none}"
        css += ".chart .dot-end{fill:var(--chart-fg,currentColor)}"
        css += ".chart .dot{fill:var(--chart-bg,#fff);fill-opacity:.8}"
        css += ".chart .line{fill:none;stroke-width:2.5;stroke-linejoin:round;stroke-linecap:round}"
        css += ".chart .area{fill-opacity:.2;stroke:none}"
        css += ".chart .empty{fill:none;stroke:var(--chart-grid,#d0d0d0);stroke-width:2}"
        for (i, color) in colors.enumerated() {
            let property = "var(--chart-s\(i),\(color))"
            css += ".chart .s\(i){fill:\(property)}"
            css += ".chart .line.s\(i){stroke:\(property);fill:none}"
        }
        let other = "var(--chart-other,\(otherColor))"
        css += ".chart .\(otherClass){fill:\(other)}"
        css += ".chart .line.\(otherClass){stroke:\(other);fill:none}"
        let muted = "var(--chart-muted,\(mutedColor))"
        css += ".chart .\(mutedClass){fill:\(muted)}"
        css += ".chart .line.\(mutedClass){stroke:\(muted);fill:none;stroke-width:2}"
        css += ".chart text.\(mutedClass){fill:var(--chart-muted-fg,\(mutedTextColor))}"
        css += ".chart .leader.line{stroke-width:1.2}"
        css += ".chart .area.stacked{fill-opacity:.85;stroke:var(--chart-bg,#fff);stroke-width:1}"
        css += ".chart text.compact{font-size:\(SVGBuilder.num(ChartFont.compactTick))px}"
        css += ".chart .label{font-size:\(SVGBuilder.num(ChartFont.legend))px}"
        css += ".chart .total{font-weight:600}"
        css += ".chart .share,.chart .value,.chart .y-labels{font-variant-numeric:tabular-nums}"
        css += printDashes
        return css
    }()
}

/// Font sizes in SVG user units, the same at every width. A 640-wide drawing shown on a 390 px phone (a
/// figure about 358 px wide, scale ≈ 0.56) would print 16 as 9 px, so pages give phones a drawing made
/// for their width (`ChartRenderer.svg(_:format:width:)` with 360), shown at about 1:1; never go smaller
/// than `compactTick`.
enum ChartFont {
    static let tick = 16.0
    /// Category labels that fit flat at this size but not at `tick` take it rather than being rotated.
    static let compactTick = 14.0
    static let axisTitle = 16.0
    static let legend = 16.0
    static let value = 15.0
    static let annotation = 15.0
    static let lineHeight = 1.2
}
