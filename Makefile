# cfund — the two commands a newcomer needs:
#   make demo   builds cfund and runs the example fund end to end
#   make test   builds cfund and runs every test
# Both install what is missing first (Debian packages; run as root on a fresh machine).

BUILD ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
JOBS ?= 2
# How long `make fuzz` runs each fuzz target, in seconds.
FUZZ_SECONDS ?= 60

# Debian packages cfund needs to build and test.
PACKAGES := build-essential cmake pkg-config git \
            libcli11-dev libsqlitecpp-dev libsqlite3-dev sqlite3 libfmt-dev \
            libtomlplusplus-dev libcsv-dev catch2 nettle-dev libutf8proc-dev nlohmann-json3-dev \
            libzip-dev libexpat1-dev libfreexl-dev libxlsxwriter-dev python3-openpyxl \
            libhowardhinnant-date-dev libqrencode-dev zbar-tools \
            clang-format ledger beancount unzip zsh tzdata python3 \
            chromium libreoffice-calc-nogui poppler-utils fonts-noto-cjk postgresql
# Only `make fuzz` needs these: clang and its libFuzzer and sanitizer runtimes.
FUZZ_PACKAGES := clang-14 libclang-rt-14-dev

.PHONY: all deps build test stress fuzz demo asan format golden bench clean

all: build

# Installs only what is missing, so it is quick when everything is there.
deps:
	@missing=""; for p in $(PACKAGES) $(EXTRA_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  if [ "$$(id -u)" -ne 0 ]; then echo "make deps needs root to install:$$missing" >&2; exit 1; fi; \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing; \
	fi

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j$(JOBS)

test: build
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS) -LE stress

# The long reliability runs (docs/RELIABILITY.md): 240 SIGKILLs, 8 writers x 250,
# 1000 raw edits. Prints the figures and keeps them in $(BUILD)/stress-figures.txt.
stress: build
	cd $(BUILD) && { ctest -L stress -V > stress-run.log 2>&1; status=$$?; \
	  sed -nE 's/^[0-9]+: //p' stress-run.log | grep -vE '^(Test command|Working Directory|Environment variables|Test timeout)' > stress-figures.txt; \
	  cat stress-figures.txt; grep -E 'tests passed|tests failed' stress-run.log; exit $$status; }

# libFuzzer on each target in tests/fuzz for FUZZ_SECONDS, seeded from tests/fuzz/corpus;
# a crash input is copied to tests/fuzz/regressions/<target>/ (keep it: it becomes a test).
fuzz:
	$(MAKE) --no-print-directory deps EXTRA_PACKAGES="$(FUZZ_PACKAGES)"
	cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 -DCFUND_FUZZ=ON
	cmake --build $(FUZZ_BUILD) -j$(JOBS) --target cfund_fuzzers
	tests/fuzz/run_fuzz.sh $(FUZZ_BUILD)/tests $(FUZZ_SECONDS)

demo: build
	examples/demo.sh $(BUILD)/cfund $(BUILD)/demo

# The benchmark (docs/PERFORMANCE.md): cfund against sqlite3 and ledger on generated
# funds of 10k, 100k and 1M donations in two shapes (BENCH_SHAPES); one table, then issue 22's
# goals met or not. BENCH_SIZES="10000 100000" for less.
bench: build
	tests/bench/run.sh $(BUILD)

# The whole suite under AddressSanitizer + UndefinedBehaviorSanitizer.
asan: deps
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DCFUND_SANITIZE=ON
	cmake --build $(ASAN_BUILD) -j$(JOBS)
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j$(JOBS) -LE stress

format: deps
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')

# After reviewing a changed output: make the actual output of the e2e cases the expected one.
golden: build
	CFUND_UPDATE_GOLDEN=1 $(MAKE) --no-print-directory test

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)
