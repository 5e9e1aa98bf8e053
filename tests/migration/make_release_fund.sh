#!/usr/bin/env bash
# How tests/migration/release-0.1.cfund was made: the example fund of the release before
# schema 7 (commit 9763a75), as its own `make demo` built it, then February closed and
# published, and April published. Run with that release's binary; the file is kept in
# the repository so that every later cfund must open, migrate and verify it.
#
#   make_release_fund.sh OLD_CFUND OLD_CHECKOUT OUT_FILE
set -euo pipefail
old=$(realpath "$1")
checkout=$(realpath "$2")
out=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$checkout/examples/demo.sh" "$old" "$work/demo" > /dev/null
export CFUND_FUND="$work/demo/guihuali.cfund" CFUND_OPERATOR=旧版 CFUND_NOW=2025-04-02T10:00:00+08:00
"$old" audit close 2025-02
"$old" publish --period 2025-02 --format md --out "$work/feb" > /dev/null
"$old" publish --period 2025-04 --format md --out "$work/apr" > /dev/null
sqlite3 "$CFUND_FUND" "PRAGMA wal_checkpoint(TRUNCATE); VACUUM;" > /dev/null
cp "$CFUND_FUND" "$out"
