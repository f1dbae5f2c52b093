import DossierTheme
import Foundation

/// The starter report `dossier init` writes, compiled in from the repository's `skeleton/` folder
/// (one folder per language).
enum Skeleton {
    /// The languages the skeleton is written in.
    static var languages: [String] {
        Array(Set(files.compactMap { $0.path.split(separator: "/").first.map(String.init) })).sorted()
    }

    /// The files of one language, by path relative to the project, with `{{TITLE}}` (a YAML
    /// string, quotes included) and `{{DATE}}` (YYYY-MM-DD) filled in.
    static func files(language: String, title: String, date: String) -> [EmbeddedFile] {
        let prefix = language + "/"
        return files.filter { $0.path.hasPrefix(prefix) }.map { file in
            var text = String(decoding: file.bytes, as: UTF8.self)
            text = text.replacingOccurrences(of: "\"{{TITLE}}\"", with: NewPageTemplate.yamlQuoted(title))
            text = text.replacingOccurrences(of: "{{DATE}}", with: date)
            return EmbeddedFile(path: String(file.path.dropFirst(prefix.count)), text: text)
        } + [EmbeddedFile(path: ".gitignore", text: "# The built site, and the build's scratch folder.\n/public/\n/.dossier/\n")]
    }

    /// The title of a new report when `--title` is not given.
    static func defaultTitle(language: String) -> String {
        language == "fr" ? "Mon rapport" : "My report"
    }
}
