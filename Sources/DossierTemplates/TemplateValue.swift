/// A value in a template's context: what `ContextBuilder` produces and `TemplateSet` renders.
///
/// A closed set of kinds, so that a context's shape (`ContextShape`) is read with a switch
/// rather than with dynamic casts, and so that swift-mustache is given plain dictionaries,
/// lists, strings, numbers and Booleans.
package enum TemplateValue: Sendable, Equatable {
    case string(String)
    /// Text held as UTF-8 bytes known to be well-formed (a page's body HTML in a one-pass build):
    /// a stamp copies them into the page's bytes without making a Swift string of them.
    case utf8([UInt8])
    case int(Int)
    case bool(Bool)
    case list([TemplateValue])
    case map([String: TemplateValue])
    /// A value made once and put in many contexts (the menu, the site's settings): its shape is
    /// read once per build instead of once per page.
    case shared(SharedTemplateValue)

    package static func strings(_ values: [String]) -> TemplateValue { .list(values.map(TemplateValue.string)) }

    /// What swift-mustache reads: `[String: Any]`, `[Any]`, `String`, `Int`, `Bool`.
    var mustacheValue: Any {
        switch self {
        case .string(let string): return string
        case .utf8(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .int(let number): return number
        case .bool(let bool): return bool
        case .list(let values): return values.map(\.mustacheValue)
        case .map(let values): return values.mapValues(\.mustacheValue)
        case .shared(let shared): return shared.value.mustacheValue
        }
    }

    subscript(key: String) -> TemplateValue? {
        switch self {
        case .map(let values): return values[key]
        case .shared(let shared): return shared.value[key]
        default: return nil
        }
    }

    package static func == (lhs: TemplateValue, rhs: TemplateValue) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)): return a == b
        case (.utf8(let a), .utf8(let b)): return a == b
        case (.string(let a), .utf8(let b)), (.utf8(let b), .string(let a)): return a.utf8.elementsEqual(b)
        case (.int(let a), .int(let b)): return a == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.list(let a), .list(let b)): return a == b
        case (.map(let a), .map(let b)): return a == b
        case (.shared(let a), _): return a.value == rhs
        case (_, .shared(let b)): return lhs == b.value
        default: return false
        }
    }
}

/// See `TemplateValue.shared`. A class so that the shape reader can know it by identity.
package final class SharedTemplateValue: Sendable {
    package let value: TemplateValue

    package init(_ value: TemplateValue) {
        self.value = value
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    package init(stringLiteral value: String) { self = .string(value) }
    package init(booleanLiteral value: Bool) { self = .bool(value) }
    package init(integerLiteral value: Int) { self = .int(value) }
    package init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    package init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .map(Dictionary(elements) { _, last in last })
    }
}

/// A template's context: the values at the top level.
package typealias TemplateContext = [String: TemplateValue]
