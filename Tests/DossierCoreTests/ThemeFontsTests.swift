import Foundation
import Testing
@testable import DossierTheme

/// The theme's web fonts (docs/typography.md): built by tools/fonts.py into an ignored file, or absent.
@Suite struct ThemeFontsTests {
    static func asset(_ path: String) -> [UInt8]? {
        BuiltinTheme.assets.first { $0.path == path }?.bytes
    }

    @Test func everyBuildHasAFontStylesheet() throws {
        let css = try #require(Self.asset("fonts.css"))
        #expect(!css.isEmpty)
        let style = String(decoding: try #require(Self.asset("style.css")), as: UTF8.self)
        #expect(style.contains("--font-serif: \"Dossier Serif\""))
        // `theme eject` writes the theme folder only: the fonts stay built in, so an ejected theme keeps them.
        #expect(!BuiltinTheme.all.contains { $0.path.hasPrefix("assets/fonts") })
    }

    @Test func fontsAreSmallSelfHostedWOFF2WithTheirLicence() throws {
        guard BuiltinTheme.hasFonts else { return }  // a plain `swift build` without tools/fonts.py
        let css = String(decoding: try #require(Self.asset("fonts.css")), as: UTF8.self)
        let fonts = BuiltinTheme.assets.filter { $0.path.hasPrefix("fonts/") && $0.path.hasSuffix(".woff2") }
        #expect(fonts.count == 3)
        for font in fonts {
            #expect(Array(font.bytes.prefix(4)) == Array("wOF2".utf8), "\(font.path)")
            #expect(css.contains("url(\"\(font.path)\") format(\"woff2\")"), "\(font.path)")
        }
        #expect(fonts.reduce(0) { $0 + $1.bytes.count } < 100_000)
        #expect(css.components(separatedBy: "font-display: swap;").count == fonts.count + 1)
        #expect(css.contains("font-family: \"Dossier Serif\""))
        #expect(!css.contains("http"))
        let licence = String(decoding: try #require(Self.asset("fonts/LICENSE.txt")), as: UTF8.self)
        #expect(licence.contains("SIL Open Font License"))
    }
}
