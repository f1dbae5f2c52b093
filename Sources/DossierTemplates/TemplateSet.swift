import Mustache
import Foundation
import DossierModel

/// The site's Mustache templates, parsed and checked before any page is rendered.
///
/// swift-mustache renders a missing template or partial as nothing; this wrapper turns both into
/// diagnostics that name the template and where it is referenced.
package struct TemplateSet: Sendable {
    /// Below this length a list stamp (`ListStamp`) costs more to make than the listing costs
    /// to render.
    static let listStampMinimum = 20

    /// Templates every site needs, rendered by name.
    package static let required = ["home", "section", "page", "404"]

    private let library: MustacheLibrary
    package let names: Set<String>
    /// Nil when stamping is off or cannot be proven safe for these templates.
    private let shaper: ContextShaper?
    /// `TemplateUsage.firstKeys`; nil when the templates could not be read with certainty.
    private let firstKeys: Set<String>?
    private let stamps = StampCache()
    /// True when the templates include or inherit from themselves, or nest too deep: rendering
    /// would recurse until the stack overflows, so nothing is rendered (the errors say why).
    private let refused: Bool
    /// Render every page filled from a stamp with swift-mustache too, and note any difference
    /// (`DOSSIER_VERIFY=1`; `verificationFailures`). This checks the stamps and their HTML
    /// escaper (`MustacheEscape`) against swift-mustache, their reference.
    private let verify: Bool

    /// Parses every template; reports syntax errors, missing required templates, references to
    /// partials or parents that do not exist, cycles of references and too deep a nesting.
    /// - Parameter stamping: render pages of a repeated shape from a checked stamp (see
    ///   `TemplateStamp`); the output is the same either way.
    /// - Parameter listMinimum: the least length of a list for a list stamp (tests lower it).
    package init(files: [SourceFile], stamping: Bool = true, listMinimum: Int = TemplateSet.listStampMinimum, verify: Bool = false,
                 diagnostics: inout Diagnostics) {
        self.verify = verify
        var library = MustacheLibrary()
        var names = Set<String>()
        var sources: [String] = []
        var references: [(name: String, file: String, line: Int, column: Int)] = []
        var graph = TemplateGraph()
        var refused = false
        for file in files {
            let name = Self.name(of: file.path)
            guard let text = UTF8Text.decode(file, diagnostics: &diagnostics) else { continue }
            // swift-mustache parses a section by recursing: too deep a nesting is refused unparsed.
            let tags = TemplateTags.scan(text)
            if let deep = TemplateTags.firstTooDeep(tags, limit: TemplateGraph.depthLimit) {
                diagnostics.error("sections nested more than \(TemplateGraph.depthLimit) levels deep",
                                  file: file.path, line: deep.line, column: deep.column)
                names.insert(name)
                refused = true
                continue
            }
            sources.append(text)
            do {
                library.register(try MustacheTemplate(string: text), named: name)
                names.insert(name)
                graph.add(name, file: file.path, tags: tags)
                for reference in PartialReferences.find(in: tags) {
                    references.append((reference.name, file.path, reference.line, reference.column))
                }
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.error("template syntax: \(error.error)", file: file.path, line: error.context.lineNumber, column: error.context.columnNumber)
            } catch {
                diagnostics.error("template syntax: \(error)", file: file.path, line: 1, column: 1)
            }
        }
        for reference in references where !names.contains(reference.name) {
            diagnostics.error("template \"\(reference.name)\" not found (expected templates/\(reference.name).mustache)",
                              file: reference.file, line: reference.line, column: reference.column)
        }
        for name in Self.required where !names.contains(name) {
            diagnostics.error("missing template \"\(name)\": create templates/\(name).mustache", file: "templates/\(name).mustache")
        }
        if graph.checkCycles(diagnostics: &diagnostics) {
            refused = !graph.checkDepth(diagnostics: &diagnostics) || refused
        } else {
            refused = true
        }
        self.refused = refused
        self.library = library
        self.names = names
        let usage = TemplateUsage.scan(sources)
        self.shaper = stamping ? usage.map { ContextShaper(usage: $0, listMinimum: listMinimum) } : nil
        self.firstKeys = usage?.firstKeys
    }

    /// `templates/partials/header.mustache` → `partials/header`.
    static func name(of path: String) -> String {
        var name = path
        if name.hasPrefix("templates/") { name.removeFirst("templates/".count) }
        if name.hasSuffix(".mustache") { name.removeLast(".mustache".count) }
        return name
    }

    /// Whether a tag may read `key` by name, as the first component of a name (`{{#pages}}`,
    /// `{{pages.0}}`); true when the templates could not be read with certainty.
    package func mayRead(_ key: String) -> Bool {
        firstKeys?.contains(key) ?? true
    }

    /// - Parameter listing: true for a page whose shape will not come again but which may hold
    ///   a long list (a section's listing): it is filled from a list stamp (`ListStamp`) when it
    ///   has one, and rendered by swift-mustache otherwise.
    package func render(_ name: String, context: TemplateContext, listing: Bool = false) throws(TemplateMissing) -> String {
        guard !refused else { throw TemplateMissing(name: name) }
        if listing { return try renderListing(name, context: context) }
        return try renderPage(name, context: context, fill: { $0.fill($1) }, rendered: { $0 })
    }

    /// `render` as UTF-8 bytes, for a file: a page filled from a stamp never becomes a string,
    /// and values held as bytes (`TemplateValue.utf8`) are copied as they are.
    package func renderUTF8(_ name: String, context: TemplateContext) throws(TemplateMissing) -> [UInt8] {
        guard !refused else { throw TemplateMissing(name: name) }
        return try renderPage(name, context: context, fill: { $0.fillUTF8($1) }, rendered: { Array($0.utf8) })
    }

    /// A page filled from the stamp of its shape, or rendered by swift-mustache (`rendered`
    /// turns that text into the output).
    private func renderPage<Output>(_ name: String, context: TemplateContext, fill: (TemplateStamp, [StampValue]) -> Output,
                                    rendered: (String) -> Output) throws(TemplateMissing) -> Output {
        guard let shaper, let shape = shaper.shape(context) else { return rendered(try direct(name, context: context)) }
        let key = StampCache.Key(template: name, shape: shape.key)
        switch stamps.decide(key) {
        case .fill(let stamp):
            if verify { check(name, filled: stamp.fill(shape.values), context: context) }
            return fill(stamp, shape.values)
        case .render:
            return rendered(try direct(name, context: context))
        case .make:
            return rendered(try make(name, context: context, shape: shape, shaper: shaper, key: key))
        }
    }

    /// Renders the page with swift-mustache, and makes the stamp of its shape from it.
    private func make(_ name: String, context: TemplateContext, shape: ContextShape, shaper: ContextShaper,
                      key: StampCache.Key) throws(TemplateMissing) -> String {
        let output = try direct(name, context: context)
        var stamp: TemplateStamp?
        if let (marked, markedShape) = shaper.stampContext(context), markedShape.key == shape.key,
           let rendered = library.render(marked, withTemplate: name),
           let made = TemplateStamp(rendered: rendered, endsLine: markedShape.endsLine),
           made.fill(shape.values) == output, made.fillUTF8(shape.values).elementsEqual(output.utf8) {
            stamp = made
        }
        stamps.finish(key, stamp: stamp)
        return output
    }

    private func renderListing(_ name: String, context: TemplateContext) throws(TemplateMissing) -> String {
        guard let shaper = shaper?.cuttingLargestList(of: context), let shape = shaper.shape(context, longList: true),
              let list = shape.list else {
            return try direct(name, context: context)
        }
        let key = StampCache.Key(template: name, shape: shape.key)
        switch stamps.decideList(key) {
        case .fill(let stamp):
            let filled = stamp.fill(shape.values, elements: list.elements)
            if verify { check(name, filled: filled, context: context) }
            return filled
        case .render:
            return try direct(name, context: context)
        case .make:
            let stamp = ListStamp(template: name, context: context, shape: shape, shaper: shaper, library: library)
            stamps.finishList(key, stamp: stamp)
            guard let stamp else { return try direct(name, context: context) }
            return stamp.fill(shape.values, elements: list.elements)
        }
    }

    /// swift-mustache alone.
    func direct(_ name: String, context: TemplateContext) throws(TemplateMissing) -> String {
        guard let output = library.render(TemplateValue.map(context).mustacheValue, withTemplate: name) else { throw TemplateMissing(name: name) }
        return output
    }

    /// How many renders were filled from stamps, for `DOSSIER_TIMINGS` and the tests.
    package var stampCounts: StampCache.Counts { stamps.snapshot }

    /// What `verify` found: each page a stamp filled otherwise than swift-mustache renders it.
    package var verificationFailures: [String] { stamps.verificationFailures }

    private func check(_ name: String, filled: String, context: TemplateContext) {
        guard let reference = try? direct(name, context: context), reference != filled else { return }
        let at = zip(filled.utf8, reference.utf8).prefix { $0 == $1 }.count
        stamps.noteMismatch(Verification.disagreement("stamp of template \"\(name)\"",
                                                      fast: String(decoding: Array(filled.utf8.dropFirst(at).prefix(80)), as: UTF8.self),
                                                      reference: String(decoding: Array(reference.utf8.dropFirst(at).prefix(80)), as: UTF8.self))
                            + " (at byte \(at))")
    }
}

package struct TemplateMissing: Error, Sendable {
    package let name: String
}

/// Finds `{{> name}}` and `{{< name}}` tags in template source, with their positions.
enum PartialReferences {
    struct Reference: Equatable {
        let name: String
        let line: Int
        let column: Int
    }

    static func find(in text: String) -> [Reference] {
        find(in: TemplateTags.scan(text))
    }

    /// The references among tags found by `TemplateTags.scan` (dynamic partials, `*name`, left out).
    static func find(in tags: [TemplateTags.Tag]) -> [Reference] {
        tags.compactMap { tag in
            guard tag.sigil == ">" || tag.sigil == "<", !tag.name.isEmpty, !tag.name.hasPrefix("*") else { return nil }
            return Reference(name: tag.name, line: tag.line, column: tag.column)
        }
    }
}
