import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses an SVG with XMLParser and keeps every element with its attributes and text, in order.
final class SVGInspector: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text: String
        var depth: Int
        /// Index of the enclosing element in `elements` (nil for the root).
        var parent: Int?
    }

    private(set) var elements: [Element] = []
    private(set) var error: String?
    private var stack: [Int] = []

    /// Nil when the text is not well-formed XML.
    static func parse(_ svg: String) -> SVGInspector? {
        let inspector = SVGInspector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = inspector
        parser.shouldProcessNamespaces = false
        guard parser.parse(), inspector.error == nil else { return nil }
        return inspector
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
                attributes attributeDict: [String: String] = [:]) {
        // Lines of a wrapped label (one <tspan> each) are kept apart by a newline in the <text>'s text.
        if elementName == "tspan" {
            for index in stack where !elements[index].text.isEmpty { elements[index].text += "\n" }
        }
        elements.append(Element(name: elementName, attributes: attributeDict, text: "", depth: stack.count, parent: stack.last))
        stack.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        // Text belongs to every open element (a <text> with <tspan> children gets all its lines).
        for index in stack { elements[index].text += string }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        error = "\(parseError)"
    }

    func elements(named name: String) -> [Element] {
        elements.filter { $0.name == name }
    }

    /// The classes of `element` and of every element around it.
    func classes(around element: Element) -> Set<String> {
        var result = Set<String>()
        var current: Element? = element
        while let e = current {
            for name in (e.attributes["class"] ?? "").split(separator: " ") { result.insert(String(name)) }
            current = e.parent.map { elements[$0] }
        }
        return result
    }

    func elements(withClass className: String) -> [Element] {
        elements.filter { ($0.attributes["class"] ?? "").split(separator: " ").contains(Substring(className)) }
    }
}
