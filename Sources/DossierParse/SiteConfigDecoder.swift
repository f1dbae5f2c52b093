import Yams
import DossierModel

/// Reads `content/site.yaml`.
package struct SiteConfigDecoder {
    static let knownKeys = ["title", "language", "description", "author", "base_url", "menu", "unsafe_html", "portable", "numbered", "strings"]

    package static func decode(_ file: SourceFile, diagnostics: inout Diagnostics) -> SiteConfig? {
        guard let text = UTF8Text.decode(file, diagnostics: &diagnostics) else { return nil }
        guard let document = YAMLDocument.parse(text, file: file.path, firstLine: 1, what: "site.yaml", diagnostics: &diagnostics) else {
            return nil
        }
        var local = Diagnostics()
        document.warnUnknownKeys(knownKeys, what: "site.yaml", &local)
        var config = SiteConfig()
        if let title = document.string("title", &local), !title.isEmpty {
            config.title = title
        } else {
            local.error("site.yaml has no `title`", file: file.path, line: 1, column: 1)
        }
        if let language = document.string("language", &local) {
            if language.isEmpty || !language.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) {
                document.report("`language` must be a language tag such as `fr` or `en-GB`, found \"\(language)\"", at: document.node("language"), &local)
            } else {
                config.language = language
            }
        }
        config.description = document.string("description", &local) ?? ""
        config.author = document.string("author", &local) ?? ""
        if var baseURL = document.string("base_url", &local), !baseURL.isEmpty {
            if URLText.isSafeExternal(baseURL) {
                if !baseURL.hasSuffix("/") { baseURL += "/" }
                config.baseURL = baseURL
            } else {
                document.report("`base_url` must be an absolute http:// or https:// address, found \"\(baseURL)\"", at: document.node("base_url"), &local)
            }
        }
        config.unsafeHTML = document.bool("unsafe_html", &local) ?? false
        config.portable = document.bool("portable", &local) ?? false
        config.numbered = document.bool("numbered", &local) ?? true
        for entry in document.mappings("menu", &local) ?? [] {
            entry.warnUnknownKeys(["title", "url"], what: "a menu entry", &local)
            guard let title = entry.string("title", &local), let url = entry.string("url", &local) else {
                entry.report("a menu entry needs a `title` and a `url`", at: nil, &local)
                continue
            }
            config.menu.append(MenuEntry(title: title, target: url, line: entry.line(of: nil)))
        }
        config.strings = decodeStrings(document, &local)
        warnAboutFallback(config, document, &local)
        let failed = local.hasErrors
        diagnostics.append(contentsOf: local)
        return failed ? nil : config
    }

    /// `strings:`, a mapping of interface string names to text. Unknown names are warnings,
    /// values that are not text (numbers, lists, nothing) errors.
    static func decodeStrings(_ document: YAMLDocument, _ diagnostics: inout Diagnostics) -> [String: String] {
        guard let node = document.node("strings"), !node.isNull else { return [:] }
        guard case .mapping(let mapping) = node else {
            document.report("`strings` must be a mapping of interface string names to text, found \(node.kindName)", at: node, &diagnostics)
            return [:]
        }
        let child = document.child(mapping)
        child.warnUnknownKeys(InterfaceStrings.names, what: "`strings`", &diagnostics)
        var strings: [String: String] = [:]
        for (name, _) in child.keys where InterfaceStrings.names.contains(name) {
            guard let value = child.node(name) else { continue }
            if case .scalar(let scalar) = value, value.tag.rawValue == Tag.Name.str.rawValue {
                strings[name] = scalar.string
            } else {
                child.report("`strings.\(name)` must be text (in quotes if it looks like a number), found \(value.isNull ? "nothing" : value.shortDescription)",
                             at: value, &diagnostics)
            }
        }
        return strings
    }

    /// A language without built-in interface strings gets the English ones: says so, on the
    /// `language` line, unless `strings:` gives every one of them.
    static func warnAboutFallback(_ config: SiteConfig, _ document: YAMLDocument, _ diagnostics: inout Diagnostics) {
        guard !InterfaceStrings.hasBuiltInTable(config.language) else { return }
        let missing = InterfaceStrings.names.filter { config.strings[$0] == nil }
        guard !missing.isEmpty else { return }
        var message = "language `\(config.language)` has no built-in interface strings: they fall back to English; "
            + "add `strings:` to site.yaml to translate them"
        if missing.count < InterfaceStrings.names.count { message += " (still in English: \(missing.joined(separator: ", ")))" }
        document.report(message, at: document.node("language"), &diagnostics, severity: .warning)
    }
}
