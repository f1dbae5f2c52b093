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

    /// The assets, by path relative to `assets/`: the theme folder's and the web fonts.
    package static var assets: [EmbeddedFile] {
        (files + fontAssets).filter { $0.path.hasPrefix("assets/") }.map { EmbeddedFile(path: String($0.path.dropFirst("assets/".count)), bytes: $0.bytes) }
    }

    /// Every file, by path relative to the theme folder (what `theme eject` writes under `templates/`).
    package static var all: [EmbeddedFile] { files }

    /// Whether the binary carries the web fonts (tools/fonts.py ran before it was compiled).
    static var hasFonts: Bool { !fontFiles.isEmpty }

    /// `fonts.css` (the `@font-face` rules of Dossier Serif), its WOFF2 files and their licence when
    /// tools/fonts.py generated them into the ignored `BuiltinTheme+Fonts.swift`; otherwise an empty
    /// `fonts.css`, so pages link the same files either way and the font stack falls back to the
    /// system's serif (docs/typography.md). Not part of `all`: `theme eject` leaves them built in.
    static var fontAssets: [EmbeddedFile] {
        hasFonts ? fontFiles : [EmbeddedFile(path: "assets/fonts.css", text: "/* Built without tools/fonts.py: no web fonts, the system's serif is used. */\n")]
    }

    package static func isTemplate(_ path: String) -> Bool {
        path.hasSuffix(".mustache") && !path.hasPrefix("assets/")
    }
}

/// The web fonts' files. The generated `BuiltinTheme+Fonts.swift` declares `BuiltinTheme.fontFiles`,
/// which shadows the empty default below; without that file the default applies. No compiler flag,
/// so nothing depends on when SwiftPM last read Package.swift.
protocol ThemeFontSource {
    static var fontFiles: [EmbeddedFile] { get }
}

extension ThemeFontSource {
    static var fontFiles: [EmbeddedFile] { [] }
}

extension BuiltinTheme: ThemeFontSource {}
