#!/usr/bin/env bash
# Tampering: EDITS random raw edits (tamper.cpp) of copies of a realistic fund made by
# the benchmark's generator (cfund_generate --mode commands: three years, every kind of
# entry), with a statement imported, a month closed and a notice published on top, so
# that every table has rows. Each edit is classified as detected, changed nothing visible
# or missed; the run fails on a miss outside the registries.
#
#   tamper.sh CFUND_BINARY TAMPER_BINARY GENERATE_BINARY [EDITS] [SEED]
CFUND=$1
tamper=$(realpath "$2")
generate=$(realpath "$3")
source "$(dirname "$0")/common.sh"
export CFUND_NOW="2026-01-10T10:00:00+08:00"
"$generate" --donations 150 --out "$WORK/gen" --mode commands > /dev/null || fail "cfund_generate failed"
fund="$WORK/gen/fund.cfund"
(
  cd "$WORK/gen" || exit 1
  "$CFUND" init fund.cfund --config fund.toml > /dev/null || exit 1
  export CFUND_FUND="$fund"
  cfund() { "$CFUND" "$@" > /dev/null || { echo "failed: cfund $*" >&2; exit 1; }; }
  source ./commands.sh
  cfund donate import "$REPO/examples/statements/wechat.csv" --profile wechat --account wechat --quiet
  cfund audit close 2025-11
  cfund publish --period 2025-11 --format md --out "$WORK/notices"
) || fail "could not build the generated fund"
"$tamper" "$CFUND" "$fund" "${4:-100}" "${5:-1}" 2023-01-01..2025-12-31
