import DossierModel

/// The default theme, compiled into the binary from the repository's `theme/` folder.
///
/// A project's `templates/` overrides it file by file: `templates/partials/footer.mustache`
/// replaces the built-in `partials/footer.mustache`, `templates/assets/style.css` the built-in
/// stylesheet; every other file comes from here (as Hugo looks a project's layouts up before its
/// theme's). `dossier theme eject` copies it into `templates/`.
package enum BuiltinTheme {
    /// The templates, as the loader reads them from a project (`templates/…mustache`).
    package static var templates: [SourceFile] {
        files.filter { isTemplate($0.path) }.map { SourceFile(path: "templates/" + $0.path, bytes: $0.bytes) }
    }

    /// The assets, by path relative to `assets/`.
    package static var assets: [EmbeddedFile] {
        files.filter { $0.path.hasPrefix("assets/") }.map { EmbeddedFile(path: String($0.path.dropFirst("assets/".count)), bytes: $0.bytes) }
    }

    /// Every file, by path relative to the theme folder (what `theme eject` writes under `templates/`).
    package static var all: [EmbeddedFile] { files }

    package static func isTemplate(_ path: String) -> Bool {
        path.hasSuffix(".mustache") && !path.hasPrefix("assets/")
    }
}
