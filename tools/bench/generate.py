#!/usr/bin/env python3
"""Writes a deterministic synthetic Dossier project for benchmarks.

    generate.py OUT_DIR COUNT [--charts]

OUT_DIR gets content/ (COUNT briefs of 600-900 words in content/briefs/, with headings, lists,
links between briefs, a code block, front matter with sources, and a chart in every tenth
brief over a few datasets) and a copy of the repository's theme/ as its templates/. It also writes
OUT_DIR/bodies.md: every brief's Markdown body, concatenated, for timing the cmark command on
the same text. The same COUNT always gives the same bytes.

--charts makes the chart-heavy variant: every tenth brief's chart is a line chart of six series
over twenty quarters (120 rows), its own title, over ten shared datasets (quarters-0 to 9); the
text of the briefs is the same as without it.
"""
import os
import random
import shutil
import sys

WORDS = ("marché smartphone brevet licence accord croissance Chine Inde Europe Xiaomi Nokia Huawei "
         "OPPO vivo Apple Samsung part trimestre livraisons analyste cabinet chiffre revenu magasin "
         "réseau infrastructure coopération données équipement stratégie concurrence prix gamme "
         "modèle vente ligne boutique expansion recul hausse baisse année période rapport source").split()


def sentence(rng, n):
    words = [rng.choice(WORDS) for _ in range(n)]
    words[0] = words[0].capitalize()
    return " ".join(words) + rng.choice([".", ".", ".", " !", " ?", " :"])


def paragraph(rng, sentences):
    return " ".join(sentence(rng, rng.randint(8, 16)) for _ in range(sentences))


VENDORS = ("Xiaomi", "Huawei", "OPPO", "vivo", "Apple", "Samsung")


def chart_block(index, heavy):
    if heavy:
        return ["```chart", "type: line", f"data: quarters-{index // 10 % 10}", "x: trimestre", "y: valeur",
                "series: constructeur", f"title: Livraisons, analyse {index}", "```", ""]
    return ["```chart", "type: line", f"data: serie-{index % 3}", "x: trimestre", "y: valeur",
            "series: constructeur", f"title: Série {index % 3}", "```", ""]


def brief(rng, index, count, heavy=False):
    links = [rng.randrange(count) for _ in range(3)]
    lines = [
        "---",
        f'title: "Analyse numéro {index}"',
        f"date: {2015 + index % 3}-{1 + index % 12:02d}-{1 + index % 28:02d}",
        f'summary: "{sentence(rng, 12)}"',
        f"tags: [{rng.choice(WORDS)}, {rng.choice(WORDS)}]",
        f"weight: {index}",
        "sources:",
        f'  - title: "Rapport {index}"',
        "    publisher: IDC",
        f"    url: https://example.org/rapport/{index}",
        "---",
        "",
    ]
    body = [paragraph(rng, rng.randint(4, 7)), ""]
    for section in range(3):
        body += [f"## Partie {section + 1}", "", paragraph(rng, rng.randint(5, 8)), ""]
        body += [f"- {sentence(rng, 6)}" for _ in range(3)] + [""]
        body += [f"Voir aussi [l’analyse {links[section]}](brief-{links[section]:05d}.md#partie-{section + 1}) et "
                 f"[la précédente](brief-{max(index - 1, 0):05d}.md).", ""]
        body += [paragraph(rng, rng.randint(4, 7)), ""]
    body += ["```python", "parts = {'Xiaomi': 12.4, 'Huawei': 20.4}", "print(max(parts, key=parts.get))", "```", ""]
    if index % 10 == 0:
        body += chart_block(index, heavy)
    body += [paragraph(rng, 3), ""]
    return "\n".join(lines), "\n".join(body)


def main():
    heavy = "--charts" in sys.argv[1:]
    out, count = [a for a in sys.argv[1:] if a != "--charts"][:2]
    count = int(count)
    rng = random.Random(count)
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(os.path.join(out, "content", "briefs"))
    os.makedirs(os.path.join(out, "content", "data"))
    # The built-in theme, ejected: the same templates as the binary carries, read from disk.
    shutil.copytree(os.path.join(root, "theme"), os.path.join(out, "templates"))
    with open(os.path.join(out, "content", "site.yaml"), "w") as f:
        f.write("title: Banc d’essai\nlanguage: fr\nbase_url: https://example.org/banc/\n")
    with open(os.path.join(out, "content", "index.md"), "w") as f:
        f.write("---\ntitle: Banc d’essai\n---\nUn site synthétique.\n")
    for d in range(3):
        with open(os.path.join(out, "content", "data", f"serie-{d}.csv"), "w") as f:
            f.write("trimestre,constructeur,valeur\n")
            for year in range(2014, 2018):
                for q in range(1, 5):
                    for vendor in ("Xiaomi", "Huawei", "OPPO"):
                        f.write(f"{year}Q{q},{vendor},{rng.randint(50, 250) / 10}\n")
    if heavy:
        # Drawn from their own generator, so that the briefs' text is the same as without --charts.
        data_rng = random.Random(count + 1)
        for d in range(10):
            with open(os.path.join(out, "content", "data", f"quarters-{d}.csv"), "w") as f:
                f.write("trimestre,constructeur,valeur\n")
                for year in range(2013, 2018):
                    for q in range(1, 5):
                        for vendor in VENDORS:
                            f.write(f"{year}Q{q},{vendor},{data_rng.randint(50, 400) / 10}\n")
    with open(os.path.join(out, "bodies.md"), "w") as bodies:
        for i in range(count):
            front, body = brief(rng, i, count, heavy)
            with open(os.path.join(out, "content", "briefs", f"brief-{i:05d}.md"), "w") as f:
                f.write(front + "\n" + body)
            bodies.write(body + "\n")


if __name__ == "__main__":
    main()
