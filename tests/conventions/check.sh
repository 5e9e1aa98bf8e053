#!/usr/bin/env bash
# The conventions a machine can check, run by `make test`:
# - every C++ file is clang-format clean (.clang-format; `make format` fixes it);
# - no golden transcript of tests/e2e shows an internal error (exit 5): a golden file
#   must never bless a crash as the expected answer.
#
#   check.sh REPO
set -u
repo=$1
cd "$repo" || exit 1
status=0

if ! command -v clang-format > /dev/null; then
  echo "clang-format is not installed (make deps installs it)"
  exit 1
fi
files=$( (git ls-files '*.cpp' '*.hpp' 2> /dev/null || find cli lib tests -name '*.[ch]pp') | sort -u)
unformatted=$(for f in $files; do
  [ -f "$f" ] || continue
  clang-format --dry-run -Werror "$f" > /dev/null 2>&1 || echo "$f"
done)
if [ -n "$unformatted" ]; then
  echo "not clang-format clean (run make format):"
  echo "$unformatted" | sed 's/^/  /'
  status=1
fi

crashes=$(grep -lE '^\[exit 5\]' tests/e2e/cases/*/expected 2> /dev/null)
if [ -n "$crashes" ]; then
  echo "golden transcripts that expect an internal error (exit 5):"
  echo "$crashes" | sed 's/^/  /'
  status=1
fi
[ $status -eq 0 ] && echo "conventions: $(echo "$files" | wc -l) C++ files clang-format clean; no golden transcript expects exit 5"
exit $status
