import CCmark

extension CmarkNode {
    var previous: CmarkNode? { cmark_node_previous(pointer).map(CmarkNode.init) }
    var endLine: Int { Int(cmark_node_get_end_line(pointer)) }

    /// Detaches the node from its tree; it is freed with the tree only if put back, so callers free it.
    func unlinkAndFree() {
        cmark_node_unlink(pointer)
        cmark_node_free(pointer)
    }

    /// A custom inline holding `html`, put first among this node's children.
    func prependInlineHTML(_ html: String) {
        guard let inline = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_INLINE, Cmark.allocator) else { return }
        _ = cmark_node_set_on_enter(inline, html)
        _ = cmark_node_set_on_exit(inline, "")
        if cmark_node_prepend_child(pointer, inline) != 1 { cmark_node_free(inline) }
    }

    /// A custom block holding `html`, put last among this node's children (the document's).
    func appendHTMLBlock(_ html: String) {
        guard let block = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, Cmark.allocator) else { return }
        _ = cmark_node_set_on_enter(block, html)
        _ = cmark_node_set_on_exit(block, "")
        if cmark_node_append_child(pointer, block) != 1 { cmark_node_free(block) }
    }

    /// Removes the extension's own rendering from the node (a task list item becomes a plain item).
    func clearSyntaxExtension() {
        _ = cmark_node_set_syntax_extension(pointer, nil)
    }

    var isCheckedTask: Bool { cmark_gfm_extensions_get_tasklist_item_checked(pointer) }

    /// A table's column alignments (`l`, `c`, `r`, or 0 for none).
    var tableAlignments: [UInt8] {
        let columns = Int(cmark_gfm_extensions_get_table_columns(pointer))
        guard columns > 0, let alignments = cmark_gfm_extensions_get_table_alignments(pointer) else { return [] }
        return Array(UnsafeBufferPointer(start: alignments, count: columns))
    }

    func setTableAlignments(_ alignments: [UInt8]) {
        var copy = alignments
        _ = cmark_gfm_extensions_set_table_alignments(pointer, UInt16(copy.count), &copy)
    }

    /// The node's children, in order.
    var children: [CmarkNode] {
        var result: [CmarkNode] = []
        var child = firstChild
        while let current = child {
            result.append(current)
            child = current.next
        }
        return result
    }
}

extension CmarkNode {
    /// A new text node after this one; returns it.
    func insertTextAfter(_ text: String) -> CmarkNode? {
        guard let node = cmark_node_new_with_mem(CMARK_NODE_TEXT, Cmark.allocator) else { return nil }
        _ = cmark_node_set_literal(node, text)
        guard cmark_node_insert_after(pointer, node) == 1 else {
            cmark_node_free(node)
            return nil
        }
        return CmarkNode(node)
    }

    /// A new, empty inline after this one for generated HTML (`setGeneratedHTML`): a custom inline,
    /// or in a table cell (which holds none) an HTML inline marked as generated.
    func insertGeneratedInlineAfter() -> CmarkNode? {
        let inCell = parent.map { $0.type.rawValue > CMARK_NODE_FOOTNOTE_DEFINITION.rawValue && $0.typeName == "table_cell" } ?? false
        guard let node = cmark_node_new_with_mem(inCell ? CMARK_NODE_HTML_INLINE : CMARK_NODE_CUSTOM_INLINE, Cmark.allocator) else { return nil }
        if inCell {
            _ = cmark_node_set_user_data(node, Cmark.generatedMarker)
            _ = cmark_node_set_literal(node, "")
        } else {
            _ = cmark_node_set_on_enter(node, "")
            _ = cmark_node_set_on_exit(node, "")
        }
        guard cmark_node_insert_after(pointer, node) == 1 else {
            cmark_node_free(node)
            return nil
        }
        return CmarkNode(node)
    }

    /// The HTML a node made by `insertGeneratedInlineAfter` prints.
    func setGeneratedHTML(_ html: String) {
        if type == CMARK_NODE_HTML_INLINE { _ = cmark_node_set_literal(pointer, html) } else { _ = cmark_node_set_on_enter(pointer, html) }
    }
}
