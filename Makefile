# cfund — the two commands a newcomer needs:
#   make demo   builds cfund and runs the example fund end to end
#   make test   builds cfund and runs every test
# Both install what is missing first (Debian packages; run as root on a fresh machine).

BUILD ?= build
ASAN_BUILD ?= build-asan
JOBS ?= 2

# Debian packages cfund needs to build and test.
PACKAGES := build-essential cmake pkg-config git \
            libcli11-dev libsqlitecpp-dev libsqlite3-dev sqlite3 libfmt-dev \
            libtomlplusplus-dev libcsv-dev catch2 libssl-dev libutf8proc-dev nlohmann-json3-dev \
            clang-format ledger beancount time \
            chromium libreoffice-calc-nogui poppler-utils fonts-noto-cjk

.PHONY: all deps build test demo asan format golden bench clean

all: build

# Installs only what is missing, so it is quick when everything is there.
deps:
	@missing=""; for p in $(PACKAGES); do \
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
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

demo: build
	examples/demo.sh $(BUILD)/cfund $(BUILD)/demo

# The benchmark (docs/PERFORMANCE.md): cfund against sqlite3 and ledger on generated
# funds of 10k, 100k and 1M donations; one table. BENCH_SIZES="10000 100000" for less.
bench: build
	tests/bench/run.sh $(BUILD)

# The whole suite under AddressSanitizer + UndefinedBehaviorSanitizer.
asan: deps
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DCFUND_SANITIZE=ON
	cmake --build $(ASAN_BUILD) -j$(JOBS)
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j$(JOBS)

format: deps
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')

# After reviewing a changed output: make the actual output of the e2e cases the expected one.
golden: build
	CFUND_UPDATE_GOLDEN=1 $(MAKE) --no-print-directory test

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
