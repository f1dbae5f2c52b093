import Foundation
import DossierModel

/// Reads the front matter that pages almost always have straight from its UTF-8 bytes,
/// without building a YAML tree.
///
/// It covers a flat subset of YAML: `key: value` lines with the known keys, plain and quoted
/// single-line scalars, flow lists of scalars (`[a, b]`), block lists (`- a`), `sources` as a block
/// list of flat mappings, blank lines and `#` comments. It answers only when it is sure of the
/// value the YAML path would give, with no diagnostic: on anything outside the subset, and on
/// anything the YAML path would warn or complain about, it returns nil and the caller runs the
/// YAML path, which stays the reference for every value and every message.
package enum FrontMatterFastReader {
    package static func read(_ yaml: String) -> FrontMatter? {
        var yaml = yaml
        return yaml.withUTF8 { bytes in
            guard FastYAMLText.isPlainText(bytes) else { return nil }
            var reader = FrontMatterFastReaderState(text: FastYAMLText(bytes: bytes))
            return reader.read()
        }
    }

    /// As the YAML path's `trimmingCharacters(in: .whitespaces).isEmpty`: an ASCII byte other than
    /// a space or a tab is outside `.whitespaces`, which answers without Foundation for most titles.
    static func isBlank(_ text: String) -> Bool {
        if text.utf8.contains(where: { $0 < 0x80 && $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) { return false }
        return text.trimmingCharacters(in: .whitespaces).isEmpty
    }
}

/// The fields of a front matter as read, before they are checked like the YAML path checks them.
private struct FrontMatterFastReaderState {
    let text: FastYAMLText
    var title: FastYAMLValue?
    var date: FastYAMLValue?
    var summary: FastYAMLValue?
    var slug: FastYAMLValue?
    var draft: FastYAMLValue?
    var weight: FastYAMLValue?
    var tags: [String]?
    var sources: [SourceReference]?

    init(text: FastYAMLText) {
        self.text = text
    }

    mutating func read() -> FrontMatter? {
        var position = 0
        while let line = text.significantLine(at: position) {
            guard line.indent == 0, let (key, valueStart) = text.key(in: line, at: 0) else { return nil }
            position = line.next
            switch key {
            case "title", "date", "summary", "slug", "draft", "weight":
                guard let value = text.scalar(from: valueStart, to: line.end) else { return nil }
                guard store(value, for: key) else { return nil }
            case "tags":
                guard tags == nil, let list = readTags(from: valueStart, line: line, position: &position) else { return nil }
                tags = list
            case "sources":
                guard sources == nil, text.isEmptyValue(from: valueStart, to: line.end),
                      let list = readSources(position: &position) else { return nil }
                sources = list
            default:
                return nil
            }
        }
        return frontMatter()
    }

    /// Keeps a scalar field; false for a key seen twice (the YAML path reports duplicates).
    private mutating func store(_ value: FastYAMLValue, for key: String) -> Bool {
        func set(_ field: inout FastYAMLValue?) -> Bool { setOnce(&field, to: value) }
        switch key {
        case "title": return set(&title)
        case "date": return set(&date)
        case "summary": return set(&summary)
        case "slug": return set(&slug)
        case "draft": return set(&draft)
        case "weight": return set(&weight)
        default: return false
        }
    }

    /// `tags: a`, `tags: [a, b]`, or `tags:` then `- a` lines (a null value gives no tags, as in the YAML path).
    private func readTags(from valueStart: Int, line: FastYAMLLine, position: inout Int) -> [String]? {
        if text.byte(at: text.skipSpaces(from: valueStart, to: line.end)) == UInt8(ascii: "[") {
            return text.flowList(from: valueStart, to: line.end)
        }
        guard let value = text.scalar(from: valueStart, to: line.end) else { return nil }
        guard value.isNull else { return value.string.map { [$0] } }
        guard value == .empty, let column = text.blockListColumn(at: position) else { return [] }
        var items: [String] = []
        while let item = text.significantLine(at: position), item.indent == column, text.isListEntry(item, column: column) {
            guard let value = text.scalar(from: item.start + column + 2, to: item.end),
                  let string = value.itemString else { return nil }
            items.append(string)
            position = item.next
        }
        guard text.endsBlock(at: position) else { return nil }
        return items
    }

    /// `sources:` then `- title: …` entries with `publisher`, `url`, `date` lines under them.
    private func readSources(position: inout Int) -> [SourceReference]? {
        guard let column = text.blockListColumn(at: position) else { return [] }
        var sources: [SourceReference] = []
        while let first = text.significantLine(at: position), first.indent == column, text.isListEntry(first, column: column) {
            var entry = SourceEntry()
            guard entry.read(first, at: column + 2, in: text) else { return nil }
            position = first.next
            while let line = text.significantLine(at: position), line.indent == column + 2 {
                guard entry.read(line, at: column + 2, in: text) else { return nil }
                position = line.next
            }
            // A duplicate id is reported by the YAML path.
            guard let source = entry.reference(), source.id == nil || !sources.contains(where: { $0.id == source.id }) else { return nil }
            sources.append(source)
        }
        guard text.endsBlock(at: position) else { return nil }
        return sources
    }

    /// The front matter, if the YAML path would accept it without a diagnostic.
    private func frontMatter() -> FrontMatter? {
        guard let title, let titleText = title.string, !FrontMatterFastReader.isBlank(titleText) else { return nil }
        let dateText = date?.string
        if let dateText, !DateText.isValidISODate(dateText) { return nil }
        let slugText = slug?.string
        if let slugText, !Slug.isValid(slugText) { return nil }
        var draftValue = false
        if let draft, !draft.isNull {
            guard let value = draft.bool else { return nil }
            draftValue = value
        }
        var weightValue = 0
        if let weight, !weight.isNull {
            guard let value = weight.int else { return nil }
            weightValue = value
        }
        return FrontMatter(
            title: titleText,
            date: dateText,
            summary: summary?.string,
            tags: tags ?? [],
            draft: draftValue,
            weight: weightValue,
            slug: slugText,
            sources: sources ?? []
        )
    }
}

/// One entry of `sources`, filled line by line.
private struct SourceEntry {
    var id: FastYAMLValue?
    var title: FastYAMLValue?
    var publisher: FastYAMLValue?
    var url: FastYAMLValue?
    var date: FastYAMLValue?
    var lang: FastYAMLValue?

    /// Reads the `key: value` at `column` of `line`; false when it is not one the fast path knows.
    mutating func read(_ line: FastYAMLLine, at column: Int, in text: FastYAMLText) -> Bool {
        guard let (key, valueStart) = text.key(in: line, at: column),
              let value = text.scalar(from: valueStart, to: line.end) else { return false }
        func set(_ field: inout FastYAMLValue?) -> Bool { setOnce(&field, to: value) }
        switch key {
        case "id": return set(&id)
        case "title": return set(&title)
        case "publisher": return set(&publisher)
        case "url": return set(&url)
        case "date": return set(&date)
        case "lang": return set(&lang)
        default: return false
        }
    }

    /// The reference, if the YAML path would take it without a diagnostic.
    func reference() -> SourceReference? {
        guard let titleText = title?.string else { return nil }
        let dateText = date?.string
        if let dateText, !DateText.isValidISODate(dateText) { return nil }
        let urlText = url?.string
        if let urlText, !URLText.isSafeExternal(urlText) { return nil }
        let idText = id?.string
        if let idText, !Slug.isValid(idText) { return nil }
        let langText = lang?.string
        if let langText, !SourceReference.isLanguageTag(langText) { return nil }
        return SourceReference(id: idText, title: titleText, publisher: publisher?.string, url: urlText, date: dateText, lang: langText)
    }
}

/// Fills a field seen for the first time; false for a key seen twice (the YAML path reports
/// duplicates).
private func setOnce(_ field: inout FastYAMLValue?, to value: FastYAMLValue) -> Bool {
    guard field == nil else { return false }
    field = value
    return true
}
