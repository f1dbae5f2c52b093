# Dossier: `make site` builds the example report into public/, `make test` runs what CI checks.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export DEBIAN_FRONTEND := noninteractive

PREFIX ?= /usr/local
# A stage target that imports a target it does not list as a dependency (a later stage) is an
# error, not a build that happens to work because the other module was built first.
SWIFT_BUILD := $(SWIFT) build --explicit-target-dependency-import-check error
.PHONY: site test build release serve install install-check embed deps static-libs clean

# cmark-gfm and its extensions (and pkg-config, which SwiftPM uses to find them) from Debian when
# missing, then the web fonts (`make fonts`, below).
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libcmark-gfm || [ ! -f /usr/include/cmark-gfm-core-extensions.h ]; then \
		echo "Installing libcmark-gfm-dev and libcmark-gfm-extensions-dev with apt-get…"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev >/dev/null; \
	fi
	@$(MAKE) --no-print-directory fonts

# The theme's web fonts (docs/typography.md): Charis SIL from Debian's fonts-sil-charis, subset to
# Latin and compressed to WOFF2 by Debian's fontTools, into the ignored
# Sources/DossierTheme/BuiltinTheme+Fonts.swift, which SwiftPM compiles when present.
# Third-party files: never committed, always built here (deps runs it, so site, test, release and
# install carry the fonts).
FONT_PYTHON ?= /usr/bin/python3
.PHONY: fonts
fonts:
	@if [ ! -f /usr/share/fonts/truetype/charis/CharisSIL-Regular.ttf ] || ! $(FONT_PYTHON) -c 'import fontTools.subset, brotli' 2>/dev/null; then \
		echo "Installing fonts-sil-charis, python3-fonttools and python3-brotli with apt-get…"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq fonts-sil-charis python3-fonttools python3-brotli >/dev/null; \
	fi
	@$(FONT_PYTHON) tools/fonts.py

# Release builds link the Swift standard library, Foundation and cmark-gfm statically, so that
# the programs run on a Debian machine without Swift: pkg-config reads a libcmark-gfm.pc of our
# own, whose library folder holds only the two archives (the system's .pc would put the folder
# of the shared libraries first).
STATIC_LIBS := $(CURDIR)/.build/static-libs
RELEASE := PKG_CONFIG_PATH=$(STATIC_LIBS)/pkgconfig $(SWIFT_BUILD) -c release --static-swift-stdlib

static-libs: deps
	@mkdir -p $(STATIC_LIBS)/pkgconfig; libdir="$$(pkg-config --variable=libdir libcmark-gfm)"; \
	ln -sf "$$libdir/libcmark-gfm.a" $(STATIC_LIBS)/libcmark-gfm.a; \
	ln -sf "$$libdir/libcmark-gfm-extensions.a" $(STATIC_LIBS)/libcmark-gfm-extensions.a; \
	printf 'libdir=%s\nincludedir=%s\nName: libcmark-gfm\nDescription: cmark-gfm and its extensions, linked statically\nVersion: %s\nLibs: -L$${libdir} -lcmark-gfm-extensions -lcmark-gfm\nCflags: -I$${includedir}\n' \
		"$(STATIC_LIBS)" "$$(pkg-config --variable=includedir libcmark-gfm)" "$$(pkg-config --modversion libcmark-gfm)" > $(STATIC_LIBS)/pkgconfig/libcmark-gfm.pc.new; \
	cmp -s $(STATIC_LIBS)/pkgconfig/libcmark-gfm.pc.new $(STATIC_LIBS)/pkgconfig/libcmark-gfm.pc || mv $(STATIC_LIBS)/pkgconfig/libcmark-gfm.pc.new $(STATIC_LIBS)/pkgconfig/libcmark-gfm.pc; \
	rm -f $(STATIC_LIBS)/pkgconfig/libcmark-gfm.pc.new

release: static-libs
	$(RELEASE) --product dossier

# The preview server (`dossier serve` runs it), a program of its own: `make site` never compiles
# its networking stack.
serve: static-libs
	$(RELEASE) --product dossier-serve

# `make install PREFIX=~/.local`: dossier and dossier-serve into PREFIX/bin.
install: release serve
	install -d "$(DESTDIR)$(PREFIX)/bin"
	install -s -m 755 "$$($(RELEASE) --show-bin-path)/dossier" "$$($(RELEASE) --show-bin-path)/dossier-serve" "$(DESTDIR)$(PREFIX)/bin/"
	@echo "Installed dossier $$("$(DESTDIR)$(PREFIX)/bin/dossier" --version) and dossier-serve into $(DESTDIR)$(PREFIX)/bin"

# What `make install` promises: no library of the Swift toolchain and no cmark-gfm among the
# programs' dynamic libraries, and a build of the example with a minimal PATH and environment.
install-check:
	@prefix=$$(mktemp -d); trap 'rm -rf "$$prefix"' EXIT; \
	$(MAKE) --no-print-directory install PREFIX="$$prefix" >/dev/null || exit 1; \
	for program in dossier dossier-serve; do \
		if ldd "$$prefix/bin/$$program" | grep -E 'swift|Foundation|libcmark|libdispatch|libBlocksRuntime'; then \
			echo "install-check: $$program needs the libraries above at run time"; exit 1; fi; \
	done; \
	env -i PATH=/usr/bin:/bin HOME="$$prefix" "$$prefix/bin/dossier" build --root . --out "$$prefix/site" || exit 1; \
	test -f "$$prefix/site/index.html" && echo "install-check: static programs, example built with PATH=/usr/bin:/bin"

# The built-in theme (theme/) and the `dossier init` skeleton (skeleton/) are compiled into the
# binary as generated Swift; `make test` fails when they are out of date.
embed:
	$(PYTHON) tools/embed.py

build: deps
	$(SWIFT_BUILD)

# The example, built with a debug build of dossier: it compiles in about a third of the time of
# a release build (the first `make site` on a clone), and `make test` reuses it.
site: deps
	$(SWIFT_BUILD) --product dossier
	.build/debug/dossier build --root . --out public

test: deps
	$(PYTHON) tools/embed.py --check
	$(SWIFT_BUILD) --build-tests
	$(SWIFT) test --skip-build
	$(SWIFT_BUILD) --product dossier
	DOSSIER_VERIFY=1 .build/debug/dossier check --root . --strict
	@# Three builds into public/: the third takes every brief from the page cache and, verifying,
	@# renders each beside it.
	for i in 1 2 3; do DOSSIER_VERIFY=1 .build/debug/dossier build --root . --strict --out public >/dev/null || exit 1; done
	$(MAKE) browser-check
	$(MAKE) install-check

# Real-browser checks of every built page (tools/browser-checks): the Nu HTML checker, axe-core 4.x
# in headless Chromium (light and dark), no request outside the site, every internal link and
# asset resolving under a sub-path and, for a --portable build, from file://. install.py first
# installs Chromium, chromedriver and the Python tools when missing, one line per step.
PYTHON ?= python3
.PHONY: browser-check
browser-check: deps
	$(SWIFT_BUILD) --product dossier
	$(PYTHON) tools/browser-checks/install.py
	$(PYTHON) tools/browser-checks/check.py

clean:
	rm -rf .build public .dossier Sources/DossierTheme/BuiltinTheme+Fonts.swift

# Build speed on synthetic sites (tools/bench): 1,000 and 10,000 briefs, and the chart-heavy site of
# the largest size (every tenth brief a line chart of six series over twenty quarters), against the
# cmark command, then the rebuild after editing one brief in `dossier serve` (incremental, tools/serve-latency.sh).
# BENCH_SIZES=1000 make bench for a quick run.
BENCH_SIZES ?= 1000,10000
BENCH_RUNS ?= 5
BENCH_SERVE_PAGES ?= 1000
.PHONY: bench
bench: static-libs
	@command -v cmark >/dev/null || $(SUDO) apt-get install -y -qq cmark >/dev/null
	$(RELEASE) --product dossier
	$(RELEASE) --product dossier-serve
	$(PYTHON) tools/bench/bench.py --sizes $(BENCH_SIZES) --runs $(BENCH_RUNS)
	@echo "fast paths against their references (DOSSIER_VERIFY=1) on the synthetic sites, in memory and with the page cache:"
	for site in $$(echo $(BENCH_SIZES) | tr , ' ') $$(echo $(BENCH_SIZES) | tr , '\n' | sort -n | tail -1)-charts; do \
	  DOSSIER_VERIFY=1 "$$($(RELEASE) --show-bin-path)/dossier" check --root /tmp/dossier-bench/site-$$site || exit 1; \
	  DOSSIER_VERIFY=1 "$$($(RELEASE) --show-bin-path)/dossier" build --root /tmp/dossier-bench/site-$$site >/dev/null || exit 1; done
	@echo
	@echo "incremental rebuild in dossier serve, $(BENCH_SERVE_PAGES) briefs:"
	DOSSIER="$$($(RELEASE) --show-bin-path)/dossier" PAGES=$(BENCH_SERVE_PAGES) RUNS=$(BENCH_RUNS) bash tools/serve-latency.sh

# Screenshots of the example and the chart gallery (home, a brief, the gallery fixture, the charts
# page, a dataset page; 1280 and 390 px; light and dark) into screenshots/, to look at after a change
# to the design.
.PHONY: screenshots
screenshots: deps
	$(SWIFT_BUILD) --product dossier
	$(PYTHON) tools/screenshots.py

# Soak of `dossier serve` over loopback (Tests/DossierServerTests/SoakTests.swift): 5,000 event
# streams opened and closed, and 1,000 concurrent page requests during rebuilds; prints the
# test process's descriptors and VmRSS before and after. Not part of `make test` (which runs the
# same tests with 300 streams and 100 requests).
.PHONY: soak
soak: deps
	$(SWIFT_BUILD) --build-tests
	DOSSIER_SOAK=1 $(SWIFT) test --skip-build --filter SoakTests

# Fuzzing (Sources/Fuzz/README.md): each libFuzzer target runs FUZZ_SECONDS with AddressSanitizer
# (leaks included) on a temporary copy of its seed corpus, Tests/Fuzz/Corpus/NAME, with the tokens
# of Tests/Fuzz/Dictionaries/NAME.dict. A crash, leak, timeout (FUZZ_TIMEOUT seconds for one input)
# or memory blow-up fails the run and leaves the input in FUZZ_ARTIFACTS. The sanitizer build has
# its own scratch folder, .build-fuzz. Not part of `make test`.
FUZZ_TARGETS ?= FuzzFrontMatter FuzzCSV FuzzJSON FuzzChart FuzzMarkdown FuzzTemplates
FUZZ_SECONDS ?= 60
FUZZ_TIMEOUT ?= 5
FUZZ_RSS_MB ?= 4096
FUZZ_ARTIFACTS ?= .build-fuzz/artifacts
FUZZ_BUILD = $(SWIFT_BUILD) --scratch-path .build-fuzz -c debug -Xswiftc -sanitize=fuzzer,address
.PHONY: fuzz fuzz-build
fuzz-build: deps
	@log=$$(mktemp); for target in $(FUZZ_TARGETS); do \
		echo "fuzz: building $$target"; \
		$(FUZZ_BUILD) --product $$target >"$$log" 2>&1 || { grep -v 'Cannot export local symbol' "$$log"; rm -f "$$log"; exit 1; }; \
	done; rm -f "$$log"

fuzz: fuzz-build
	@work=$$(mktemp -d); trap 'rm -rf "$$work"' EXIT; mkdir -p $(FUZZ_ARTIFACTS); \
	for target in $(FUZZ_TARGETS); do \
		cp -R Tests/Fuzz/Corpus/$$target "$$work/$$target"; \
		echo "fuzz: $$target for $(FUZZ_SECONDS) s"; \
		SWIFT_BACKTRACE=enable=no .build-fuzz/debug/$$target "$$work/$$target" -max_total_time=$(FUZZ_SECONDS) -timeout=$(FUZZ_TIMEOUT) \
			-rss_limit_mb=$(FUZZ_RSS_MB) -malloc_limit_mb=$(FUZZ_RSS_MB) -report_slow_units=1 -print_final_stats=1 \
			-dict=Tests/Fuzz/Dictionaries/$$target.dict -artifact_prefix=$(FUZZ_ARTIFACTS)/$$target- 2>"$$work/$$target.log" \
			|| { tail -n 80 "$$work/$$target.log"; echo "fuzz: $$target FAILED; the input is in $(FUZZ_ARTIFACTS)/"; exit 1; }; \
		grep -E '^(Done|stat::number_of_executed_units|stat::peak_rss_mb|Slowest unit)' "$$work/$$target.log" || true; \
	done; echo "fuzz: no crash, leak or timeout"
