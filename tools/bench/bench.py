#!/usr/bin/env python3
"""make bench: times Dossier on synthetic sites against the cmark command on the same Markdown.

    bench.py [--sizes 1000,10000] [--runs 5] [--dir /tmp/dossier-bench] [--chart-size N]

For each size it generates the site (generate.py), and then the chart-heavy site of the largest
size (generate.py --charts: every tenth brief a line chart of six series over twenty quarters;
--chart-size 0 skips it), then runs on each, RUNS times each:
  - a cold build: output and staging folder removed first, so every file is created;
  - the same cold build with the site copied into memory (/dev/shm, when there is one): the
    program's own cost, apart from the disk's (a disk without a journal, as here, also makes
    creating files slow for a minute after as many were deleted, which a cold build on disk
    right after `rm -rf` of the last output pays);
  - then, alternating in each round so that both see the same machine:
    the floor, `cmark bodies.md > /dev/null` (every brief's body in one process), and
    a warm build, the usual case, writing over the staging folder the previous build left;
and prints the median and spread of wall time, user and system time, peak RSS (from
/usr/bin/time), pages per second, and the ratio dossier/cmark (for the chart-heavy site, against
issue 18's targets: warm within 1.5x, cold within 2x). The machine is noisy: read the spread
before the median.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
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


def clear(site):
    """Removes the site's output and scratch folders, so that the next build starts from nothing."""
    shutil.rmtree(os.path.join(site, "public"), ignore_errors=True)
    # The staging folder (in the project's scratch folder; beside the output before issue 16).
    for name in [".dossier", ".public.dossier-staging", ".public.dossier-record"]:
        path = os.path.join(site, name)
        if os.path.isdir(path):
            shutil.rmtree(path)
        elif os.path.lexists(path):
            os.remove(path)


def cold_builds(site, runs):
    samples = []
    for _ in range(runs):
        clear(site)
        samples.append(timed([BINARY, "build", "--root", site, "--out", os.path.join(site, "public")]))
    return samples


def size_of(folder):
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, files in os.walk(folder) for f in files)


def in_memory(site, runs):
    """Cold builds of a copy of the site's sources in /dev/shm; None without it, or without room
    for the sources and about three times their size of output and scratch."""
    sources = [os.path.join(site, "content"), os.path.join(site, "templates")]
    if not os.path.isdir("/dev/shm") or shutil.disk_usage("/dev/shm").free < 4 * sum(map(size_of, sources)):
        return None
    copy = tempfile.mkdtemp(prefix="dossier-bench-", dir="/dev/shm")
    try:
        for folder in sources:
            shutil.copytree(folder, os.path.join(copy, os.path.basename(folder)))
        return summary(cold_builds(copy, runs))
    finally:
        shutil.rmtree(copy, ignore_errors=True)


def measure(site, runs):
    """Cold builds (in memory, then on disk), then the cmark floor and warm builds alternated;
    returns their summaries and the per-round ratios warm/cmark."""
    bodies = os.path.join(site, "bodies.md")
    build = [BINARY, "build", "--root", site, "--out", os.path.join(site, "public")]
    subprocess.run(["sync"], check=False)  # the generated site's files written back first
    memory = in_memory(site, runs)
    cold = cold_builds(site, runs)
    # The cold builds leave thousands of new files to write back: let the disk settle before
    # timing anything else, then alternate the floor and the warm build in each round, so
    # that both see the same machine (its speed drifts by tens of percent within minutes).
    subprocess.run(["sync"], check=False)
    timed(build)  # leaves a staging folder to write over
    timed(build)
    floor, warm, ratios = [], [], []
    for _ in range(runs):
        floor.append(timed(["sh", "-c", f"cmark {bodies} > /dev/null"]))
        warm.append(timed(build))
        ratios.append(warm[-1][0] / floor[-1][0])
    return summary(floor), summary(cold), memory, summary(warm), ratios


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--dir", default="/tmp/dossier-bench")
    parser.add_argument("--chart-size", type=int, default=None,
                        help="briefs of the chart-heavy site (default: the largest size; 0: none)")
    args = parser.parse_args()
    if not os.path.exists(BINARY):
        sys.exit("build the release binary first: swift build -c release --product dossier")
    print(f"dossier bench: {args.runs} runs each; cmark {subprocess.run(['cmark', '--version'], capture_output=True, text=True).stdout.split()[1]}; "
          f"{os.cpu_count()} cores")
    results = {}
    sizes = [int(s) for s in args.sizes.split(",")]
    chart_size = max(sizes) if args.chart_size is None else args.chart_size
    sites = [(size, False) for size in sizes] + ([(chart_size, True)] if chart_size else [])
    for size, heavy in sites:
        site = os.path.join(args.dir, f"site-{size}" + ("-charts" if heavy else ""))
        subprocess.run([sys.executable, os.path.join(ROOT, "tools", "bench", "generate.py"), site, str(size)]
                       + (["--charts"] if heavy else []), check=True)
        floor, cold, memory, warm, ratios = measure(site, args.runs)
        megabytes = os.path.getsize(os.path.join(site, "bodies.md")) / 1e6
        what = "briefs, every tenth with a chart of 6 series x 20 quarters" if heavy else "briefs"
        print(f"\n{size} {what} ({megabytes:.0f} MB of Markdown bodies)")
        pages = size + 3
        print(line("cmark", floor))
        print(line("cold build", cold, pages))
        if memory:
            print(line("  in memory", memory, pages))
        print(line("warm build", warm, pages))
        warm_ratio, cold_ratio = warm["median"] / floor["median"], cold["median"] / floor["median"]
        print(f"  ratio dossier/cmark: warm {warm_ratio:.2f}× "
              f"(per round: median {statistics.median(ratios):.2f}×, {min(ratios):.2f}–{max(ratios):.2f}), "
              f"cold {cold_ratio:.2f}×"
              + (f" (in memory {memory['median'] / floor['median']:.2f}×)" if memory else ""))
        if heavy:
            print(f"  issue 18 targets: warm ≤ 1.5× cmark: {'met' if warm_ratio <= 1.5 else 'NOT met'}; "
                  f"cold ≤ 2× cmark: {'met' if cold_ratio <= 2 else 'NOT met'}; "
                  f"peak RSS ≤ 250 MB: {'met' if max(cold['rss'], warm['rss'], memory['rss'] if memory else 0) <= 250 else 'NOT met'}")
        else:
            results[size] = (floor, cold, warm)
    if len(results) >= 2:
        small, large = min(results), max(results)
        ratio = results[large][2]["median"] / results[small][2]["median"]
        print(f"\nscaling: {large}/{small} briefs, warm build time ratio {ratio:.1f} (linear: {large / small:.0f})")


if __name__ == "__main__":
    main()
