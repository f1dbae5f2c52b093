import ArgumentParser
import Foundation
import DossierModel
import DossierParse

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a page with its front matter: `dossier new brief \"Titre\"` writes content/briefs/titre.md."
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case brief
        case page
    }

    @Argument(help: "What to create: brief (in content/briefs/) or page (at the top of content/).")
    var kind: Kind

    @Argument(help: "The title of the new page.")
    var title: String

    @Option(name: .long, help: "The project folder.")
    var root: String = "."

    @Option(name: .long, help: "The section folder to create the page in (default: briefs for a brief).")
    var section: String?

    func run() throws {
        throw ExitCode(execute(.standard))
    }

    func validate() throws {
        if title.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("the title must not be empty")
        }
        if Slug.make(title).isEmpty {
            throw ValidationError("the title must contain at least one letter or digit")
        }
        if let section, !Slug.isValid(section) {
            throw ValidationError("--section must be a plain folder name (letters, digits, hyphens)")
        }
    }

    func execute(_ console: Console) -> Int32 {
        let folder: String
        switch kind {
        case .brief: folder = "content/" + (section ?? "briefs")
        case .page: folder = section.map { "content/" + $0 } ?? "content"
        }
        let relative = folder + "/" + Slug.make(title) + ".md"
        let path = (root as NSString).appendingPathComponent(relative)
        let manager = FileManager()
        if manager.fileExists(atPath: path) {
            console.err("error: \(relative) already exists; choose another title or edit that file")
            return ExitStatus.contentErrors
        }
        let text = NewPageTemplate.text(title: title, date: Self.today(), language: Self.language(root: root))
        do {
            try manager.createDirectory(atPath: (root as NSString).appendingPathComponent(folder), withIntermediateDirectories: true)
            guard manager.createFile(atPath: path, contents: Data(text.utf8)) else {
                throw CocoaError(.fileWriteUnknown)
            }
        } catch {
            console.err("error: cannot create \(relative): \(error.localizedDescription)")
            return ExitStatus.contentErrors
        }
        console.out("Created \(relative) (a draft: `dossier build --drafts` shows it; set `draft: false` to publish)")
        return ExitStatus.success
    }

    /// The primary language of the project's `site.yaml`; English when it cannot be read.
    static func language(root: String) -> String {
        let path = (root as NSString).appendingPathComponent("content/site.yaml")
        guard let data = FileManager().contents(atPath: path) else { return "en" }
        var ignored = Diagnostics()
        return SiteConfigDecoder.decode(SourceFile(path: "content/site.yaml", bytes: Array(data)), diagnostics: &ignored)?.primaryLanguage ?? "en"
    }

    static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}

/// The text of a new page: front matter with every field, ready to fill in.
enum NewPageTemplate {
    static func text(title: String, date: String, language: String = "fr") -> String {
        let french = language == "fr"
        return """
        ---
        title: \(yamlQuoted(title))
        date: \(date)
        summary: ""
        tags: []
        draft: true
        sources:
          # - title: "\(french ? "Titre de la source" : "Title of the source")"
          #   publisher: "\(french ? "Éditeur" : "Publisher")"
          #   url: "https://…"
          #   date: \(date)
        ---

        \(french ? "Introduction." : "Introduction.")

        ## \(french ? "Première partie" : "First part")

        """
    }

    /// A double-quoted YAML scalar: safe for any title.
    static func yamlQuoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
