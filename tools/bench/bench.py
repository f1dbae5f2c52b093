#!/usr/bin/env python3
"""make bench: times Dossier on synthetic sites against the cmark command on the same Markdown.

    bench.py [--sizes 1000,10000] [--runs 5] [--dir /tmp/dossier-bench]

For each size it generates the site (generate.py), then runs, RUNS times each:
  - a cold build: output and staging folder removed first, so every file is created;
  - then, alternating in each round so that both see the same machine:
    the floor, `cmark bodies.md > /dev/null` (every brief's body in one process), and
    a warm build, the usual case, writing over the staging folder the previous build left;
and prints the median and spread of wall time, user and system time, peak RSS (from
/usr/bin/time), pages per second, and the ratio dossier/cmark. The machine is noisy: read
the spread before the median.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = os.environ.get("DOSSIER_BIN") or os.path.join(ROOT, ".build", "release", "dossier")


def timed(command, env=None):
    """Runs command under /usr/bin/time -v; returns (wall, user, sys, max_rss_kb)."""
    start = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-v"] + command, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, env=env)
    wall = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stderr}")
    fields = {}
    for line in result.stderr.splitlines():
        key, _, value = line.strip().rpartition(": ")
        fields[key] = value
    return (wall, float(fields["User time (seconds)"]), float(fields["System time (seconds)"]),
            int(fields["Maximum resident set size (kbytes)"]))


def summary(samples):
    walls = sorted(s[0] for s in samples)
    return {
        "median": statistics.median(walls), "min": walls[0], "max": walls[-1],
        "user": statistics.median(s[1] for s in samples), "sys": statistics.median(s[2] for s in samples),
        "rss": max(s[3] for s in samples) / 1024,
    }


def line(name, s, pages=None):
    text = (f"  {name:<11} {s['median']:7.2f} s  ({s['min']:.2f}–{s['max']:.2f})  "
            f"user {s['user']:6.2f} s  sys {s['sys']:5.2f} s  peak RSS {s['rss']:6.0f} MB")
    if pages:
        text += f"  {pages / s['median']:7.0f} pages/s"
    return text


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--dir", default="/tmp/dossier-bench")
    args = parser.parse_args()
    if not os.path.exists(BINARY):
        sys.exit("build the release binary first: swift build -c release --product dossier")
    print(f"dossier bench: {args.runs} runs each; cmark {subprocess.run(['cmark', '--version'], capture_output=True, text=True).stdout.split()[1]}; "
          f"{os.cpu_count()} cores")
    results = {}
    for size in [int(s) for s in args.sizes.split(",")]:
        site = os.path.join(args.dir, f"site-{size}")
        subprocess.run([sys.executable, os.path.join(ROOT, "tools", "bench", "generate.py"), site, str(size)], check=True)
        bodies = os.path.join(site, "bodies.md")
        out = os.path.join(site, "public")
        # The staging folder (in the project's scratch folder; beside the output before issue 16).
        scratch = [os.path.join(site, ".dossier"), os.path.join(site, ".public.dossier-staging"),
                   os.path.join(site, ".public.dossier-record")]
        megabytes = os.path.getsize(bodies) / 1e6
        print(f"\n{size} briefs ({megabytes:.0f} MB of Markdown bodies)")

        build = [BINARY, "build", "--root", site, "--out", out]
        cold = []
        for _ in range(args.runs):
            shutil.rmtree(out, ignore_errors=True)
            for path in scratch:
                if os.path.isdir(path):
                    shutil.rmtree(path)
                elif os.path.lexists(path):
                    os.remove(path)
            cold.append(timed(build))
        cold = summary(cold)
        # The cold builds leave thousands of new files to write back: let the disk settle before
        # timing anything else, then alternate the floor and the warm build in each round, so
        # that both see the same machine (its speed drifts by tens of percent within minutes).
        subprocess.run(["sync"], check=False)
        timed(build)  # leaves a staging folder to write over
        timed(build)
        floor, warm, ratios = [], [], []
        for _ in range(args.runs):
            floor.append(timed(["sh", "-c", f"cmark {bodies} > /dev/null"]))
            warm.append(timed(build))
            ratios.append(warm[-1][0] / floor[-1][0])
        floor, warm = summary(floor), summary(warm)
        pages = size + 3
        print(line("cmark", floor))
        print(line("cold build", cold, pages))
        print(line("warm build", warm, pages))
        print(f"  ratio dossier/cmark: warm {warm['median'] / floor['median']:.1f}× "
              f"(per round: median {statistics.median(ratios):.1f}×, {min(ratios):.1f}–{max(ratios):.1f}), "
              f"cold {cold['median'] / floor['median']:.1f}×")
        results[size] = (floor, cold, warm)
    if len(results) >= 2:
        small, large = min(results), max(results)
        ratio = results[large][2]["median"] / results[small][2]["median"]
        print(f"\nscaling: {large}/{small} briefs, warm build time ratio {ratio:.1f} (linear: {large / small:.0f})")


if __name__ == "__main__":
    main()
