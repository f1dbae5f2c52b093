#!/usr/bin/env bash
# Measures edit-to-reload latency of `dossier serve` on a synthetic 1,000-page site:
# the time from a file being saved (written and closed) to the `reload` event arriving on
# /__dossier/events, for one brief and for a template, median of 5 runs each.
#
#   tools/serve-latency.sh            # builds dossier in release mode first
#   DOSSIER=path/to/dossier tools/serve-latency.sh
#   PAGES=200 RUNS=9 tools/serve-latency.sh
#
# Needs python3 (for the site generator and the event-stream client).
set -euo pipefail

cd "$(dirname "$0")/.."
PAGES="${PAGES:-1000}"
RUNS="${RUNS:-5}"
if [ -z "${DOSSIER:-}" ]; then
    swift build -c release --product dossier >&2
    swift build -c release --product dossier-serve >/dev/null
    DOSSIER="$(swift build -c release --show-bin-path)/dossier"
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/dossier-latency.XXXXXX")"
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then kill -INT "$SERVER_PID"; wait "$SERVER_PID" || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

SITE="$WORK/site"
mkdir -p "$SITE"
cp -R theme "$SITE/templates"

python3 - "$SITE" "$PAGES" <<'PY'
import os, random, sys
site, pages = sys.argv[1], int(sys.argv[2])
random.seed(2017)
words = ("accord brevets licence marché smartphone croissance part trimestre Chine Inde Europe "
         "constructeur réseau norme essentielle redevance portefeuille transfert coopération "
         "analyse chiffre livraison investissement stratégie concurrence produit téléphone "
         "innovation rapport données source période hausse baisse stable région ventes").split()
os.makedirs(f"{site}/content/briefs", exist_ok=True)
with open(f"{site}/content/site.yaml", "w") as f:
    f.write("title: Dossier synthétique\nlanguage: fr\ndescription: 1 000 notes générées\n")
with open(f"{site}/content/index.md", "w") as f:
    f.write("---\ntitle: Accueil\n---\n\nUn site de mesure.\n")
with open(f"{site}/content/briefs/index.md", "w") as f:
    f.write("---\ntitle: Notes\nsummary: Toutes les notes.\n---\n\nLes notes, une par sujet.\n")
def paragraph(n):
    text = " ".join(random.choice(words) for _ in range(n))
    return text[0].upper() + text[1:] + "."
for i in range(pages):
    links = [random.randrange(pages) for _ in range(3)]
    body = []
    for s in range(5):
        body.append(f"## Partie {s + 1}\n")
        body.append(paragraph(70) + "\n")
        body.append(paragraph(70) + f" Voir [la note {links[s % 3]}](note-{links[s % 3]:04d}.md).\n")
    with open(f"{site}/content/briefs/note-{i:04d}.md", "w") as f:
        f.write(f"---\ntitle: Note {i}\ndate: 2017-{1 + i % 12:02d}-{1 + i % 28:02d}\n"
                f"summary: Résumé de la note {i}.\ntags: [mesure, t{i % 7}]\n"
                f"sources:\n  - title: Source {i}\n    publisher: Agence\n    url: https://example.com/{i}\n---\n\n"
                + "\n".join(body))
PY

"$DOSSIER" serve --root "$SITE" --port 0 >"$WORK/serve.out" 2>"$WORK/serve.err" &
SERVER_PID=$!
PORT=""
for _ in $(seq 1 600); do
    PORT="$(sed -n 's#^Serving http://127\.0\.0\.1:\([0-9]*\)/.*#\1#p' "$WORK/serve.out" 2>/dev/null || true)"
    [ -n "$PORT" ] && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/serve.err" >&2; exit 1; }
    sleep 0.1
done
[ -n "$PORT" ] || { echo "dossier serve did not start" >&2; exit 1; }
echo "$(head -1 "$WORK/serve.out") (initial build), serving on port $PORT"

python3 - "$SITE" "$PORT" "$RUNS" "$PAGES" <<'PY'
import socket, statistics, sys, time
site, port, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
BRIEF = int(sys.argv[4]) // 2
sock = socket.create_connection(("127.0.0.1", port))
sock.sendall(f"GET /__dossier/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: text/event-stream\r\n\r\n".encode())
buffer = b""
def next_event(timeout=60):
    """The next event name; the stream is chunked, but each event fits in a chunk, so
    scanning the raw bytes for event lines is enough here."""
    global buffer
    sock.settimeout(timeout)
    while True:
        if b"\n\n" in buffer and b"event: " in buffer:
            start = buffer.index(b"event: ")
            end = buffer.find(b"\n", start)
            if end != -1 and b"\n\n" in buffer[end:]:
                name = buffer[start + 7:end].decode()
                buffer = buffer[buffer.index(b"\n\n", end) + 2:]
                return name
        data = sock.recv(65536)
        if not data:
            raise SystemExit("event stream closed")
        buffer += data
assert next_event() == "hello"

def measure(path, edit):
    results = []
    original = open(path, encoding="utf-8").read()
    for run in range(runs):
        text = edit(original, run)
        with open(path, "w", encoding="utf-8") as f:   # saved in place: written, then closed
            f.write(text)
        saved = time.perf_counter()
        while True:
            name = next_event()
            if name == "reload":
                break
            if name == "errors":
                raise SystemExit(f"the build failed after editing {path}")
        results.append((time.perf_counter() - saved) * 1000)
        time.sleep(0.3)
    return results

brief = measure(f"{site}/content/briefs/note-{BRIEF:04d}.md",
                lambda text, run: text + f"\nRévision {run}.\n")
# Inside the {{$main}} block, so every page's HTML changes.
template = measure(f"{site}/templates/page.mustache",
                   lambda text, run: text.replace("{{/main}}", f"<!-- révision {run} -->\n{{{{/main}}}}", 1))
for label, values in (("brief edit", brief), ("template edit", template)):
    print(f"{label:14} median {statistics.median(values):7.1f} ms   runs: " + ", ".join(f"{v:.1f}" for v in values))
PY

echo "server log (rebuild time measured inside the server):"
grep -v '^Serving\|^Built' "$WORK/serve.out" | sed 's/^/  /'
if [ "${DOSSIER_TIMINGS:-}" = 1 ]; then
    echo "build phases (DOSSIER_TIMINGS=1), one group per build:"
    sed 's/^/  /' "$WORK/serve.err"
fi
kill -INT "$SERVER_PID"
STATUS=0
wait "$SERVER_PID" || STATUS=$?
SERVER_PID=""
echo "dossier serve stopped on SIGINT with status $STATUS"
