#!/usr/bin/env python3
"""Screenshots of the example and the chart gallery, to judge the design by eye.

Builds the example report and the gallery fixture (Tests/Fixtures/gallery) with the debug
binary, then has headless Chromium photograph the home page, a brief with charts, the
gallery and a dataset page at 1280 and 390 px wide, light and dark, into screenshots/
(ignored by git). Usage: tools/screenshots.py [--out DIR] [--binary PATH]
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WIDTHS = [(1280, 2400), (390, 3200)]
SCHEMES = ["light", "dark"]


def chromium():
    for name in ["chromium", "chromium-browser", "google-chrome"]:
        path = shutil.which(name)
        if path:
            return path
    sys.exit("screenshots: no Chromium found (Debian: apt-get install chromium)")


def shoot(browser, url, path, width, height, scheme):
    command = [browser, "--headless", "--no-sandbox", "--hide-scrollbars", "--disable-gpu",
               f"--window-size={width},{height}", f"--screenshot={path}"]
    if scheme == "dark":
        command += ["--force-dark-mode", "--blink-settings=preferredColorScheme=0"]
    subprocess.run(command + [url], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=os.path.join(ROOT, "screenshots"))
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "debug", "dossier"))
    args = parser.parse_args()
    browser = chromium()
    os.makedirs(args.out, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        example = os.path.join(scratch, "example")
        gallery = os.path.join(scratch, "gallery")
        subprocess.run([args.binary, "build", "--root", ROOT, "--out", example, "--portable"], check=True)
        subprocess.run([args.binary, "build", "--root", os.path.join(ROOT, "Tests", "Fixtures", "gallery"),
                        "--out", gallery, "--portable"], check=True)
        datasets = sorted(d for d in os.listdir(os.path.join(example, "data")) if os.path.isdir(os.path.join(example, "data", d)))
        pages = {
            "home": os.path.join(example, "index.html"),
            "brief": os.path.join(example, "briefs", "xiaomi-chine", "index.html"),
            "gallery": os.path.join(gallery, "index.html"),
            "charts": os.path.join(example, "charts", "index.html"),
            "dataset": os.path.join(example, "data", datasets[0], "index.html"),
        }
        for name, path in pages.items():
            for width, height in WIDTHS:
                for scheme in SCHEMES:
                    target = os.path.join(args.out, f"{name}-{width}-{scheme}.png")
                    shoot(browser, "file://" + path, target, width, height, scheme)
                    print(os.path.relpath(target, ROOT))


if __name__ == "__main__":
    main()
