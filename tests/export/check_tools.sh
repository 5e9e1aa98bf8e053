#!/usr/bin/env bash
# The export as ledger-cli and beancount see it (ctest export.tools):
#   check_tools.sh CFUND_BINARY CHECK_EXPORT_BINARY GENERATOR_BINARY
# Builds the example fund (examples/demo.sh) and a generated fund (cfund_generate
# --mode commands: voids, goods, transfers, reallocations, projects at every stage),
# and runs check_export on each: the whole journal and some periods, in every format.
# Skipped (exit 77) when ledger or beancount is not installed (make deps installs them).
set -euo pipefail
cfund=$(realpath "$1")
check=$(realpath "$2")
generate=$(realpath "$3")
repo=$(realpath "$(dirname "$0")/../..")
for tool in ledger bean-check bean-query; do
  if ! command -v "$tool" >/dev/null; then
    echo "skipped: $tool is not installed (make deps installs ledger and beancount)"
    exit 77
  fi
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CFUND_NOW="2025-03-31T18:00:00+08:00" CFUND_OPERATOR="测试员" HOME="$work"
unset CFUND_FUND CFUND_LANG

echo "== the example fund (examples/demo.sh)"
"$repo/examples/demo.sh" "$cfund" "$work/demo" > "$work/demo.log" 2>&1 || { cat "$work/demo.log"; exit 1; }
"$check" "$cfund" "$work/demo/guihuali.cfund" "$work/demo" 2025-03 2025-02 2025-Q1

echo "== a town fund's year with every kind of entry (examples/town/year.sh)"
"$repo/examples/town/year.sh" "$cfund" "$work/town" > "$work/town.log" 2>&1 || { cat "$work/town.log"; exit 1; }
"$check" "$cfund" "$work/town/yuntang.cfund" "$work/town" 2025 2025-Q4 2025-01-01..2025-06-30 2024-12-31..2025-01-31

echo "== a generated fund (cfund_generate --mode commands)"

"$generate" --donations 150 --out "$work/gen" --mode commands
(
  cd "$work/gen"
  export CFUND_NOW="2026-01-10T10:00:00+08:00"
  "$cfund" init fund.cfund --config fund.toml > /dev/null
  export CFUND_FUND="$work/gen/fund.cfund"
  cfund() { "$cfund" "$@" > /dev/null || { echo "failed: cfund $*" >&2; exit 1; }; }
  source ./commands.sh
)
"$check" "$cfund" "$work/gen/fund.cfund" "$work/gen" 2024 2025-06 2023-03-01..2024-02-15
