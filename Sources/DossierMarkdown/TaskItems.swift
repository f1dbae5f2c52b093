import CCmark
import DossierModel

/// GitHub task list items (`- [x] done`): a disabled checkbox named in the site's language, since
/// cmark-gfm's own checkbox has no accessible name.
enum TaskItems {
    static func rewrite(_ items: [CmarkNode], strings: [String: String]) {
        for item in items {
            let checked = item.isCheckedTask
            let label = (checked ? strings["task_done"] ?? "Done" : strings["task_open"] ?? "To do").xmlEscaped
            item.clearSyntaxExtension()
            let box = "<input type=\"checkbox\" disabled=\"\"\(checked ? " checked=\"\"" : "") aria-label=\"\(label)\" /> "
            if let first = item.firstChild, first.type == CMARK_NODE_PARAGRAPH {
                first.prependInlineHTML(box)
            } else {
                item.prependInlineHTML(box)
            }
        }
    }
}
