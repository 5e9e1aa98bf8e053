#!/usr/bin/env bash
# The annual statements against the accounting tools (ctest annual.ledger):
#   check_ledger.sh CFUND_BINARY GENERATOR_BINARY
# For the fixture fund of the annual_report e2e case (2024, 2025) and a generated fund
# (cfund_generate --mode commands, 2023-2025): exports each year with `cfund export
# --period YEAR` (ledger and beancount), has bean-check accept the beancount file, and
# compares the CSV statements of `cfund report annual --year YEAR` with what ledger
# and bean-query compute from the export: every income line by restriction, every
# expense line, cash and goods at both ends of the year, net assets by restriction,
# and every cash flow line (the asset side of the transactions that touch the line's
# Income or Expenses accounts). The mapping of export accounts to lines is written
# out below, from docs/annual.md, not taken from cfund.
# Skipped (exit 77) when ledger or beancount is not installed (make deps installs them).
set -euo pipefail
binary=$(realpath "$1")
generate=$(realpath "$2")
repo=$(realpath "$(dirname "$0")/../..")
for tool in ledger bean-check bean-query python3; do
  command -v "$tool" > /dev/null || { echo "skipped: $tool is not installed (make deps)"; exit 77; }
done
source "$repo/tests/annual/common.sh"

check_year() {  # FUND_FILE YEAR
  local fund=$1 year=$2 dir
  dir=$(dirname "$fund")/check-$year
  mkdir -p "$dir"
  cfund -f "$fund" report annual --year "$year" --format csv --out "$dir" > /dev/null
  cfund -f "$fund" export --format ledger --period "$year" --out "$dir/books.ledger" > /dev/null
  cfund -f "$fund" export --format beancount --period "$year" --out "$dir/books.beancount" > /dev/null
  if ! bean-check "$dir/books.beancount"; then echo "FAIL $year: bean-check refuses the export"; return 1; fi
  bean-query -f csv "$dir/books.beancount" 'SELECT account, sum(number) AS total GROUP BY account ORDER BY account' \
    > "$dir/bean-query.csv"
  python3 "$repo/tests/annual/compare_ledger.py" "$dir" "$year"
}

echo "== the annual_report fixture fund"
make_fixture_fund
failed=0
for year in 2024 2025; do check_year "$work/fund.cfund" "$year" || failed=1; done

echo "== a generated fund (cfund_generate --mode commands)"
"$generate" --donations 150 --out "$work/gen" --mode commands > /dev/null
(
  cd "$work/gen"
  export CFUND_NOW="2026-01-10T10:00:00+08:00"
  "$binary" init fund.cfund --config fund.toml > /dev/null
  export CFUND_FUND="$work/gen/fund.cfund"
  cfund() { "$binary" "$@" > /dev/null || { echo "failed: cfund $*" >&2; exit 1; }; }
  source ./commands.sh
)
for year in 2023 2024 2025; do check_year "$work/gen/fund.cfund" "$year" || failed=1; done
[ "$failed" = 0 ] && echo "all checks passed"
exit "$failed"
