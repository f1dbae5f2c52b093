#!/usr/bin/env python3
"""Interleaved A/B of two dossier binaries on one bench site.

    python3 tools/bench/ab.py SITE ROUNDS BIN_A BIN_B [--cold]

Each round times the `cmark` command on the site's bodies.md, then builds with A and B in
alternating order, each into its own output folder (so each keeps its own staging folder).
--cold removes the output, the staging folder and the page cache before every build. Prints
medians and spreads of wall and CPU time (user + system), peak RSS, and the median per-round
ratios B/A: on a shared machine, read the spread first and prefer the CPU ratio when the load is high.
"""
import glob
import os
import shutil
import statistics
import subprocess
import sys
import time


def timed(command):
    start = time.perf_counter()
    run = subprocess.run(["/usr/bin/time", "-f", "%U %S %M"] + command,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    if run.returncode:
        sys.exit(run.stderr)
    user, system, rss = run.stderr.strip().splitlines()[-1].split()
    return wall, float(user) + float(system), int(rss) / 1024


def main():
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    site, rounds, binaries = sys.argv[1], int(sys.argv[2]), sys.argv[3:5]
    cold = "--cold" in sys.argv
    results = {"cmark": [], "A": [], "B": []}
    for round in range(rounds):
        results["cmark"].append(timed(["sh", "-c", f"cmark {site}/bodies.md > /dev/null"]))
        order = [("A", binaries[0]), ("B", binaries[1])]
        for name, binary in (order if round % 2 == 0 else order[::-1]):
            out = f"{site}/out-{name}"
            if cold:
                shutil.rmtree(out, ignore_errors=True)
                # The staging folder and the page cache beside it (`.staging.pages`).
                for scratch in glob.glob(f"{site}/.dossier/out-{name}-*.staging*"):
                    if os.path.isdir(scratch):
                        shutil.rmtree(scratch)
                    else:
                        os.remove(scratch)
            results[name].append(timed([binary, "build", "--root", site, "--out", out]))
    for name, runs in results.items():
        wall = [run[0] for run in runs]
        cpu = [run[1] for run in runs]
        line = (f"{name:6} wall {statistics.median(wall):6.2f} s ({min(wall):.2f}-{max(wall):.2f})"
                f"  cpu {statistics.median(cpu):6.2f} s ({min(cpu):.2f}-{max(cpu):.2f})"
                f"  rss {max(run[2] for run in runs):5.0f} MB")
        if name != "cmark":
            line += f"  wall/cmark {statistics.median(a[0] / c[0] for a, c in zip(runs, results['cmark'])):.2f}"
        print(line)
    a, b = results["A"], results["B"]
    print(f"B/A per round: wall {statistics.median(y[0] / x[0] for x, y in zip(a, b)):.3f},"
          f" cpu {statistics.median(y[1] / x[1] for x, y in zip(a, b)):.3f}")


if __name__ == "__main__":
    main()
