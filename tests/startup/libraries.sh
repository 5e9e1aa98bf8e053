#!/usr/bin/env bash
# The spreadsheet and QR-code libraries are opened only by the commands that need them
# (lib/util/shared_library.hpp): a command that reads or writes no spreadsheet and
# draws no QR code does not load libzip, expat, libfreexl, libxlsxwriter, libqrencode
# or the libcrypto they bring; a .xlsx and a .xls import, an .xlsx notice and an HTML
# notice (its QR code) do.
#
#   tests/startup/libraries.sh CFUND EXAMPLES
set -euo pipefail
cfund=$1
examples=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
export CFUND_NOW="2026-06-30T18:00:00+08:00" CFUND_OPERATOR="tester" HOME="$work"
unset CFUND_FUND CFUND_LANG
lazy='libzip|libexpat|libfreexl|libxlsxwriter|libqrencode|libcrypto'
failed=0

# The libraries the loader opened while the command ran (LD_DEBUG=files), one per line;
# a command that fails is a failure of the test.
loaded() {
  if ! LD_DEBUG=files LD_DEBUG_OUTPUT="$work/ld" "$@" > "$work/out" 2>&1; then
    echo "FAIL: '$*' exited non-zero: $(head -3 "$work/out")" >&2
    failed=1
  fi
  cat "$work"/ld.* | sed -nE 's/.*file=([^ ]+) \[0\];  (needed|dynamically loaded) by .*/\1/p' | sort -u
  rm -f "$work"/ld.*
}

# expect WANTED CMD...: the libraries of the lazy ones that CMD loaded match WANTED
# (a pattern), or with WANTED "none", CMD loaded none of them.
expect() {
  local wanted=$1
  shift
  local found
  loaded "$@" > "$work/libs"
  found=$(grep -E "$lazy" "$work/libs" | tr '\n' ' ' || true)
  if [ "$wanted" = none ] && [ -n "$found" ]; then
    echo "FAIL: '$*' loaded $found"
    failed=1
  elif [ "$wanted" != none ] && ! grep -qE "$wanted" <<< "$found"; then
    echo "FAIL: '$*' did not load $wanted (it loaded: ${found:-none of them})"
    failed=1
  else
    echo "ok: '$*' loaded ${found:-none of them}"
  fi
}

"$cfund" init fund.cfund --config "$examples/fund.toml" > /dev/null
"$cfund" -f fund.cfund donate add --donor "陈明" --amount 200 --date 2025-06-01 --account bank > /dev/null
expect none "$cfund" --version
expect none "$cfund" -f fund.cfund donate list --period 2025-06
expect none "$cfund" -f fund.cfund publish --period 2025-06 --format txt --dry-run
expect none "$cfund" -f fund.cfund audit
expect 'libzip.*libexpat|libexpat.*libzip' "$cfund" -f fund.cfund donate import "$examples/statements/wechat-2026.xlsx" \
  --profile wechat --dry-run
expect 'libfreexl' "$cfund" -f fund.cfund donate import "$examples/statements/bank-2025-03.xls" \
  --profile bank --dry-run
expect 'libxlsxwriter' "$cfund" -f fund.cfund publish --period 2025-06 --format xlsx --out notice --dry-run
expect 'libqrencode' "$cfund" -f fund.cfund publish --period 2025-06 --format html --dry-run
exit $failed
