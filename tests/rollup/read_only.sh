#!/usr/bin/env bash
# cfund rollup and the warehouse export never write a fund file and are never blocked
# (ctest rollup.read_only; docs/rollup.md).
#
#   read_only.sh CFUND_BINARY
#
# The example district (12 funds) plus: a fund whose chain a raw edit broke (an entry
# dated in the period), a fund from cfund 0.1 (an older schema), a file named .cfund
# that is not a fund, and a fund that a writer (the sqlite3 shell) holds a write
# transaction on for the whole run. The roll-up must finish while that transaction is
# open, include the locked fund as last committed, list the three others as left out
# (exit 1), and sum the rest; every file under the folder must be byte for byte what
# it was (sha256 of every file, WAL and shared-memory files included). Then the full
# check finds a raw edit of an entry dated before the period, which the quick check
# does not look at (as docs/rollup.md says).
set -euo pipefail
cfund=$(realpath "$1")
repo=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=../lib/writer.sh
source "$repo/tests/lib/writer.sh"
work=$(mktemp -d)
WRITER_PID=""
cleanup() {
  [ -n "$WRITER_PID" ] && kill "$WRITER_PID" 2> /dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
export CFUND_NOW="2026-01-20T09:00:00+08:00" CFUND_OPERATOR="rollup test" HOME="$work"
unset CFUND_FUND CFUND_LANG
fail() { echo "FAIL: $*"; exit 1; }

bash "$repo/examples/district/district.sh" "$cfund" "$work/d" > /dev/null
funds="$work/d/funds"
cp "$repo/tests/migration/release-0.1.cfund" "$funds/old.cfund"
echo "not a fund" > "$funds/junk.cfund"
broken="$funds/qingxi/nanjie.cfund"
sqlite3 "$broken" "UPDATE donations SET amount = amount + 100 WHERE entry_id = (SELECT id FROM entries WHERE date = '2025-01-10')"
locked="$funds/yuntang/bailu.cfund"
# Its row before the writer starts, from the roll-up of the same folder (the same columns).
expected_row=$( ("$cfund" --lang en rollup "$funds" --period 2025 --format csv --table funds 2> /dev/null || true) |
  grep "白鹭社区慈善基金")

# The writer: a write transaction with a change in it, held open.
hold_writer "$locked" "$work" || fail "the writer did not start its transaction"
# It really holds the write lock: another writer gives up.
if sqlite3 -cmd ".timeout 200" "$locked" "INSERT INTO fund_settings(key, value) VALUES ('second', '1')" 2> /dev/null; then
  fail "a second writer got in: the first does not hold the lock"
fi

find "$funds" -type f | sort | xargs sha256sum > "$work/before"
start=$(date +%s)
set +e
"$cfund" --lang en rollup "$funds" --period 2025 --format csv --out "$work/out" > /dev/null 2> "$work/stderr"
status=$?
"$cfund" export --format warehouse --out "$work/wh" "$funds/yuntang" > /dev/null 2> "$work/export.err"
export_status=$?
set -e
seconds=$(($(date +%s) - start))
find "$funds" -type f | sort | xargs sha256sum > "$work/after"
kill -0 "$WRITER_PID" 2> /dev/null || fail "the writer ended before the roll-up did"
cmp -s "$work/before" "$work/after" || { diff "$work/before" "$work/after"; fail "a file under the funds changed"; }
echo "ok: $(wc -l < "$work/before") files unchanged by rollup and export, writer still holding its transaction"

[ "$status" = 1 ] || { cat "$work/stderr"; fail "rollup exited $status, not 1 (funds left out)"; }
[ "$export_status" = 0 ] || { cat "$work/export.err"; fail "export of the town with the locked fund exited $export_status"; }
[ "$seconds" -lt 60 ] || fail "rollup and export took ${seconds}s: blocked by the writer?"
grep -q "nanjie.cfund (hash chain broken)" "$work/stderr" || { cat "$work/stderr"; fail "the broken chain is not reported"; }
grep -q "old.cfund (open it once with cfund)" "$work/stderr" || fail "the older fund is not reported"
grep -q "junk.cfund (cannot be read): 'funds/junk.cfund' is not a cfund fund file" <(sed "s|$work/d/||g" "$work/stderr") ||
  { cat "$work/stderr"; fail "the file that is not a fund is not reported"; }
grep -q "Funds: ,14, 11 in the totals, 3 left out\|14, 11 in the totals, 3 left out" "$work/out/rollup-2025-info.csv" ||
  { cat "$work/out/rollup-2025-info.csv"; fail "not 11 of 14 funds in the totals"; }
locked_row=$(grep "白鹭社区慈善基金" "$work/out/rollup-2025-funds.csv")
[ "$locked_row" = "$expected_row" ] || fail "the locked fund's row differs from before the writer: $locked_row"
echo "ok: the locked fund rolled up as last committed; the broken, older and non-fund files left out (exit 1)"

release_writer

# An edit of an entry dated before the period: the quick check does not see it, the full check does.
early="$funds/linjiang/jiangbin.cfund"
sqlite3 "$early" "UPDATE donations SET amount = amount + 100 WHERE entry_id = (SELECT MIN(entry_id) FROM donations)"
"$cfund" --lang en rollup "$early" --period 2025 > /dev/null 2>&1 || fail "the quick check refused an edit outside the period"
if "$cfund" --lang en rollup "$early" --period 2025 --check full > /dev/null 2> "$work/full.err"; then
  fail "the full check missed an edit of the fund's first donation"
fi
grep -q "hash chain broken" "$work/full.err" || { cat "$work/full.err"; fail "the full check does not name the chain"; }
echo "ok: an edit before the period: passed by the quick check (as documented), caught by --check full"
