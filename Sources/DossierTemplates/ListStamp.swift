import Mustache
import DossierModel

/// A stamp for a page built around one long list (a section's listing): the text before and
/// after the list's elements after the first, and the text one such element adds, for each shape
/// the elements have. A listing of 10,000 cards is then filled in the time of copying them,
/// where swift-mustache spends about a second.
///
/// It is made from renders of the page's own context with the list cut short and markers in
/// place of the values (`ContextShaper.listContext`): with only its first element, then with one
/// more element of each shape, numbered apart. What the second element adds, at the same place
/// for every shape, is that shape's text; anything else (a list read in two places, a position
/// read) gives no stamp. A stamp is kept only after it reproduced, byte for byte, swift-mustache's
/// render of the real context cut to its first elements and one element of each shape.
struct ListStamp: Sendable {
    /// Markers of an element's values are numbered from here (its position in the selection
    /// times this).
    static let elementOffset = 1_000_000

    private let head: StampText
    private let tail: StampText
    /// Per element shape (`ListValues.shapes`).
    private let pieces: [StampText]
    private let valueCount: Int

    /// Makes and checks the stamp; nil when the template does not render the list as plain
    /// repetition or the check fails.
    init?(template name: String, context: TemplateContext, shape: ContextShape, shaper: ContextShaper, library: MustacheLibrary) {
        guard let list = shape.list else { return nil }
        let offset = Self.elementOffset
        guard let (one, oneShape) = shaper.listContext(context, selection: [], mark: true),
              oneShape.values.count == shape.values.count,
              let rendered = library.render(one, withTemplate: name) else { return nil }
        let base = Array(rendered.utf8)
        var longer: [[UInt8]] = []
        var cut = base.count
        for index in list.representatives {
            guard let (two, _) = shaper.listContext(context, selection: [(index, offset)], mark: true),
                  let text = library.render(two, withTemplate: name) else { return nil }
            let bytes = Array(text.utf8)
            guard bytes.count >= base.count else { return nil }
            var common = 0
            while common < base.count, bytes[common] == base[common] { common += 1 }
            cut = min(cut, common)
            longer.append(bytes)
        }
        cut = Self.boundary(base, before: cut)
        var pieces: [[UInt8]] = []
        for bytes in longer {
            let added = bytes.count - base.count
            // The longer render is the shorter one with the element's text put in at `cut`.
            guard bytes[(cut + added)...] == base[cut...] else { return nil }
            pieces.append(Array(bytes[cut..<(cut + added)]))
        }
        let inContext = { (index: Int) -> (StampText.Source, Bool)? in
            index < oneShape.values.count ? (.context(index), shape.endsLine[index]) : nil
        }
        guard let head = StampText(rendered: base[..<cut], place: inContext),
              let tail = StampText(rendered: base[cut...], place: inContext) else { return nil }
        var texts: [StampText] = []
        for (kind, bytes) in pieces.enumerated() {
            let endsLine = list.endsLine[kind]
            guard let text = StampText(rendered: bytes, place: { index in
                if index < oneShape.values.count { return (.context(index), shape.endsLine[index]) }
                let local = index - offset
                return local >= 0 && local < endsLine.count ? (.element(local), endsLine[local]) : nil
            }) else { return nil }
            texts.append(text)
        }
        self.head = head
        self.tail = tail
        self.pieces = texts
        self.valueCount = shape.values.count

        // The check: the real values, the list cut to its first four elements and the first of
        // each shape, rendered by swift-mustache and filled from the stamp.
        let count = list.elements.count + 1
        let kept = Array(Set(Array(1..<min(4, count)) + list.representatives)).sorted()
        guard let (real, _) = shaper.listContext(context, selection: kept.map { ($0, 0) }, mark: false),
              let expected = library.render(real, withTemplate: name),
              fill(shape.values, elements: kept.map { list.elements[$0 - 1] }) == expected else { return nil }
    }

    /// The last position at or before `index` that starts neither a marker's inside nor a UTF-8
    /// continuation byte.
    private static func boundary(_ bytes: [UInt8], before index: Int) -> Int {
        var cut = index
        while cut > 0, cut < bytes.count, bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
        // Inside a marker: back to its U+E000.
        var scan = cut
        while scan > 0 {
            scan -= 1
            guard bytes[scan] == 0xEE, scan + 2 < bytes.count, bytes[scan + 1] == 0x80 else { continue }
            if bytes[scan + 2] == 0x80 { return scan }
            if bytes[scan + 2] == 0x81 { break }
        }
        return cut
    }

    /// The page for a context of this stamp's shape: the context's values and the values of the
    /// list's elements after the first, with their shapes.
    func fill(_ values: [StampValue], elements: [(shape: Int, values: [StampValue])]) -> String {
        var escaped = [String?](repeating: nil, count: valueCount)
        var output = ""
        var size = head.size(values, escaped: &escaped) + tail.size(values, escaped: &escaped)
        for element in elements { size += pieces[element.shape].size(values, element: element.values, escaped: &escaped) }
        output.reserveCapacity(size)
        head.append(to: &output, values, escaped: &escaped)
        for element in elements { pieces[element.shape].append(to: &output, values, element: element.values, escaped: &escaped) }
        tail.append(to: &output, values, escaped: &escaped)
        return output
    }
}
