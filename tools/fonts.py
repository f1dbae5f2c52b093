#!/usr/bin/python3
"""Builds the theme's web fonts from Debian's fonts-sil-charis into generated Swift.

    /usr/bin/python3 tools/fonts.py           # writes the generated file when missing or stale
    /usr/bin/python3 tools/fonts.py --sizes   # also prints the size of each WOFF2

The fonts are third-party files: they are never committed. `make deps` installs
fonts-sil-charis, python3-fonttools and python3-brotli with apt-get; this script subsets
Charis SIL Regular, Italic and Bold to Latin (Basic Latin, Latin-1, Latin Extended-A, the
punctuation French needs: « » ’ … – — and the narrow no-break space), compresses them to
WOFF2 and writes them, with the `@font-face` rules (`assets/fonts.css`) and the licence, as
base64 into

    Sources/DossierTheme/BuiltinTheme+Fonts.swift   (ignored by git)

SwiftPM compiles that file when it exists; its `BuiltinTheme.fontFiles` then shadows the empty
default of BuiltinTheme.swift. Without it a plain `swift build` on a fresh clone works and the
theme uses the system's serif instead.

Charis SIL is under the SIL Open Font License 1.1 with the Reserved Font Names "Charis" and
"SIL". A subset is a Modified Version (OFL-FAQ 2.6), which may not use a Reserved Font Name:
the subset is renamed "Dossier Serif" in its name table and in the CSS; its copyright,
licence and RFN declaration are kept, and the licence text ships beside it
(assets/fonts/LICENSE.txt). See docs/typography.md.
"""
import base64
import hashlib
import io
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUTPUT = os.path.join(ROOT, "Sources/DossierTheme/BuiltinTheme+Fonts.swift")
SOURCE_DIR = "/usr/share/fonts/truetype/charis"
LICENCE = "/usr/share/doc/fonts-sil-charis/copyright"
PACKAGES = "fonts-sil-charis python3-fonttools python3-brotli"

FAMILY = "Dossier Serif"
# (file in the Debian package, file in the site, CSS weight, CSS style, name table subfamily)
FACES = [
    ("CharisSIL-Regular.ttf", "dossier-serif-regular.woff2", 400, "normal", "Regular"),
    ("CharisSIL-Italic.ttf", "dossier-serif-italic.woff2", 400, "italic", "Italic"),
    ("CharisSIL-Bold.ttf", "dossier-serif-bold.woff2", 700, "normal", "Bold"),
]
# Latin, as web font services cut it: ASCII and Latin-1, dotless i, Œ œ, spacing modifiers
# (ʻ ʼ ˆ ˚ ˜), combining macron and diaeresis, general punctuation (– — ‘ ’ “ ” … and the
# narrow no-break space U+202F of French typography), the euro, the trade mark, arrows up and
# down, the minus and the division slash. Other characters fall back to the next serif in the
# stack (theme/assets/style.css).
UNICODES = ("U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,"
            "U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD")
# Kerning, ligatures and the composition features browsers apply by default (the theme uses no
# small capitals: they would add a sixth to each file).
FEATURES = "kern,liga,clig,ccmp,locl"
SCRIPT_VERSION = "1"


def fail(message):
    sys.stderr.write("fonts.py: %s\n" % message)
    sys.exit(1)


def subset(source):
    from fontTools import subset as ftsubset
    from fontTools.ttLib import TTFont

    options = ftsubset.Options()
    options.flavor = "woff2"
    options.layout_features = FEATURES.split(",")
    # Copyright, names, version, description, licence and its address; English records only.
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 10, 13, 14, 16, 17]
    options.notdef_outline = True
    options.drop_tables += ["Silf", "Silt", "Glat", "Gloc", "Sill", "Feat"]  # Graphite: browsers ignore it
    font = TTFont(source, recalcTimestamp=False)  # the same bytes from the same package
    subsetter = ftsubset.Subsetter(options)
    subsetter.populate(unicodes=ftsubset.parse_unicodes(UNICODES))
    subsetter.subset(font)
    return font


def rename(font, subfamily):
    """Replaces the family names (a Reserved Font Name may not name a Modified Version)."""
    full = FAMILY if subfamily == "Regular" else "%s %s" % (FAMILY, subfamily)
    postscript = "DossierSerif-" + subfamily.replace(" ", "")
    names = {1: FAMILY, 3: "Dossier: " + postscript, 4: full, 6: postscript,
             16: FAMILY, 17: subfamily}
    table = font["name"]
    for record in list(table.names):
        if record.nameID in names:
            table.setName(names[record.nameID], record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID in (18, 20, 21, 22, 25):  # other names that may carry the family
            table.removeNames(nameID=record.nameID)
    description = ("Dossier Serif is a Latin subset of Charis SIL (SIL International), "
                   "renamed as the SIL Open Font License requires of a Modified Version.")
    table.setName(description, 10, 3, 1, 0x409)
    for record in table.names:
        text = record.toUnicode()
        if record.nameID in names and ("Charis" in text or "SIL" in text):
            fail("name %d still says %r" % (record.nameID, text))


def woff2(font):
    buffer = io.BytesIO()
    font.flavor = "woff2"
    font.save(buffer)
    return buffer.getvalue()


def stylesheet():
    lines = [
        "/* Generated by tools/fonts.py: Dossier Serif, a Latin subset of Charis SIL",
        "   (SIL Open Font License 1.1, fonts/LICENSE.txt). A project replaces these faces",
        "   with its own templates/assets/fonts.css. */",
    ]
    for _, name, weight, style, _ in FACES:
        lines += [
            "@font-face {",
            '  font-family: "%s";' % FAMILY,
            '  src: url("fonts/%s") format("woff2");' % name,
            "  font-weight: %d;" % weight,
            "  font-style: %s;" % style,
            "  font-display: swap;",
            "  unicode-range: %s;" % UNICODES,
            "}",
        ]
    return "\n".join(lines) + "\n"


def swift_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def generate():
    for face in FACES:
        if not os.path.exists(os.path.join(SOURCE_DIR, face[0])):
            fail("%s/%s is missing: apt-get install %s (or `make deps`)" % (SOURCE_DIR, face[0], PACKAGES))
    try:
        import brotli  # noqa: F401  (fontTools needs it for WOFF2)
        import fontTools  # noqa: F401
    except ImportError as error:
        fail("%s: run with Debian's /usr/bin/python3 after apt-get install %s" % (error, PACKAGES))
    files = []
    sizes = []
    for source, name, _, _, subfamily in FACES:
        font = subset(os.path.join(SOURCE_DIR, source))
        rename(font, subfamily)
        data = woff2(font)
        sizes.append((name, len(data)))
        files.append(("assets/fonts/" + name, data))
    with open(LICENCE, "rb") as handle:
        licence = handle.read()
    files.append(("assets/fonts/LICENSE.txt", b"Dossier Serif: a Latin subset of Charis SIL, renamed (Reserved Font Names).\n"
                  b"Debian package fonts-sil-charis, file debian/copyright:\n\n" + licence))
    files.append(("assets/fonts.css", stylesheet().encode("utf-8")))
    lines = [
        "// Generated by tools/fonts.py from Debian's fonts-sil-charis; ignored by git, never committed.",
        "// Its BuiltinTheme.fontFiles shadows the empty default of BuiltinTheme.swift (see docs/typography.md).",
        "",
        "extension BuiltinTheme {",
        "    /// The web fonts and their stylesheet, by path relative to the theme folder.",
        "    static let fontFiles: [EmbeddedFile] = [",
    ]
    for path, data in files:
        lines.append("        EmbeddedFile(path: %s, base64: %s)," % (swift_string(path), swift_string(base64.b64encode(data).decode("ascii"))))
    lines += ["    ]", "}", ""]
    return "\n".join(lines), sizes


def stamp():
    """What the output depends on: this script and the package's font files."""
    digest = hashlib.sha256(SCRIPT_VERSION.encode())
    with open(os.path.abspath(__file__), "rb") as handle:
        digest.update(handle.read())
    for face in FACES:
        path = os.path.join(SOURCE_DIR, face[0])
        if os.path.exists(path):
            digest.update(str(os.path.getsize(path)).encode())
            digest.update(str(int(os.path.getmtime(path))).encode())
    return digest.hexdigest()[:16]


def main():
    show_sizes = "--sizes" in sys.argv[1:]
    key = "// stamp: " + stamp()
    if os.path.exists(OUTPUT) and not show_sizes:
        with open(OUTPUT, encoding="utf-8") as handle:
            if handle.readline().rstrip("\n") == key:
                return
    text, sizes = generate()
    text = key + "\n" + text
    temporary = OUTPUT + ".tmp"
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(temporary, OUTPUT)
    total = sum(size for _, size in sizes)
    print("fonts.py: wrote %s (%s, %d bytes of WOFF2)" % (os.path.relpath(OUTPUT, ROOT),
          ", ".join("%s %d" % (name, size) for name, size in sizes), total))


if __name__ == "__main__":
    main()
