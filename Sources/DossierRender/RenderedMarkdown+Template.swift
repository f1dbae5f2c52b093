import DossierModel
import DossierMarkdown
import DossierTemplates

extension RenderedMarkdown {
    /// The HTML as a template value, without a string when it is held as bytes.
    var templateValue: TemplateValue {
        switch body {
        case .string(let string): return .string(string)
        case .utf8(let bytes): return .utf8(bytes)
        }
    }
}
