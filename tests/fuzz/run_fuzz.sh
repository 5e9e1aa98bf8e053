#!/usr/bin/env bash
# Runs each libFuzzer target (built by `make fuzz` into BUILD_TESTS_DIR) for SECONDS,
# seeded from tests/fuzz/corpus/<target>/. A crash input is copied into
# tests/fuzz/regressions/<target>/, where the normal suite (fuzz.<target>) keeps
# running it. Prints the figures; exits 1 if any target found something.
#
#   run_fuzz.sh BUILD_TESTS_DIR [SECONDS]
#
# FUZZ_TARGETS="import_reader import_profile" limits the run to those targets.
set -u
build=$(realpath "$1")
seconds=${2:-60}
here=$(realpath "$(dirname "$0")")
work=$(mktemp -d /tmp/cfund-fuzz-XXXXXX)
trap 'rm -rf "$work"' EXIT
found=0
for fuzzer in "$build"/fuzz_*; do
  [ -x "$fuzzer" ] || continue
  case $fuzzer in *_regressions) continue ;; esac
  target=$(basename "$fuzzer")
  short=${target#fuzz_}
  if [ -n "${FUZZ_TARGETS:-}" ] && [[ " $FUZZ_TARGETS " != *" $short "* ]]; then continue; fi
  if [ ! -d "$here/corpus/$short" ]; then
    echo "== $target: no seed corpus in tests/fuzz/corpus/$short (a target that was removed?)"
    found=1
    continue
  fi
  mkdir -p "$work/$short/corpus" "$work/$short/artifacts"
  echo "== $target: ${seconds}s"
  "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix="$work/$short/artifacts/" "$work/$short/corpus" "$here/corpus/$short" \
    > "$work/$short/log" 2>&1
  status=$?
  grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb|^#[0-9]+ *DONE' "$work/$short/log" | sed 's/^/   /'
  echo "   corpus grew to $(ls "$work/$short/corpus" | wc -l) inputs"
  if [ $status -ne 0 ] || [ -n "$(ls -A "$work/$short/artifacts")" ]; then
    found=1
    mkdir -p "$here/regressions/$short"
    cp "$work/$short/artifacts/"* "$here/regressions/$short/" 2> /dev/null
    grep -E 'ERROR|fuzz check failed|SUMMARY|terminate' "$work/$short/log" | head -10
    echo "   FOUND a failing input: kept in tests/fuzz/regressions/$short/ (fix it, then commit it)"
  fi
done
exit $found
