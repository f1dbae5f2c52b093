# Dossier: `make site` builds the example report into public/, `make test` runs what CI checks.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export DEBIAN_FRONTEND := noninteractive

.PHONY: site test build release deps clean

# libcmark-dev (and pkg-config, which SwiftPM uses to find it) from Debian when missing.
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libcmark; then \
		echo "Installing libcmark-dev with apt-get…"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq pkg-config libcmark-dev >/dev/null; \
	fi

release: deps
	$(SWIFT) build -c release --product dossier

build: deps
	$(SWIFT) build

site: release
	.build/release/dossier build --root . --out public

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	$(SWIFT) build --product dossier
	.build/debug/dossier check --root . --strict
	$(MAKE) browser-check

# Real-browser checks of every built page (tools/browser-checks): the Nu HTML checker, axe-core 4.x
# in headless Chromium (light and dark), no request outside the site, every internal link and
# asset resolving under a sub-path and, for a --portable build, from file://. install.py first
# installs Chromium, chromedriver and the Python tools when missing, one line per step.
PYTHON ?= python3
.PHONY: browser-check
browser-check: deps
	$(SWIFT) build --product dossier
	$(PYTHON) tools/browser-checks/install.py
	$(PYTHON) tools/browser-checks/check.py

clean:
	rm -rf .build public

# Build speed on synthetic sites (tools/bench): 1,000 and 10,000 briefs, against the cmark command.
# BENCH_SIZES=1000 make bench for a quick run.
BENCH_SIZES ?= 1000,10000
BENCH_RUNS ?= 5
.PHONY: bench
bench: deps
	@command -v cmark >/dev/null || $(SUDO) apt-get install -y -qq cmark >/dev/null
	$(SWIFT) build -c release --product dossier
	$(PYTHON) tools/bench/bench.py --sizes $(BENCH_SIZES) --runs $(BENCH_RUNS)
