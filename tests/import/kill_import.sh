#!/usr/bin/env bash
# A large import killed with SIGKILL while it is writing leaves no partial import: the
# import is one transaction, so afterwards the fund file opens, the audit is clean, and
# the books hold either none of the file's rows or all of them. Then the same file
# imports whole, and importing it again adds nothing.
#
#   kill_import.sh CFUND_BINARY EXAMPLES_DIR [ROWS] [KILLS]
set -u
cfund=$(realpath "$1")
examples=$(realpath "$2")
rows=${3:-100000}
kills=${4:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
export CFUND_NOW=2025-03-10T10:00:00+08:00 CFUND_OPERATOR=测试员 LANG=C.UTF-8

fail() { echo "FAIL: $*" >&2; exit 1; }
entries() { sqlite3 fund.cfund "SELECT COUNT(*) FROM entries"; }
wal_size() { stat -c %s fund.cfund-wal 2>/dev/null || echo 0; }

"$cfund" init fund.cfund --config "$examples/fund.toml" > /dev/null || fail "init"
"$cfund" -f fund.cfund donate add --donor 张伟 --amount 100 --account bank --date 2025-01-02 > /dev/null || fail "donate add"
awk -v n="$rows" 'BEGIN {
  print "date,amount,donor,reference,account";
  for (i = 1; i <= n; i++) printf "2025-%02d-%02d,%d.%02d,捐赠人%d,K%09d,wechat\n", 1 + i % 2, 1 + i % 28, 1 + i % 300, i % 100, i % 997, i;
}' > big.csv
before=$(entries)

killed=0
for attempt in $(seq 1 "$kills"); do
  start_wal=$(wal_size)
  "$cfund" -f fund.cfund donate import big.csv --quiet > import.out 2>&1 &
  pid=$!
  # Wait until the import is writing (its WAL has grown by 4 MB), then kill it.
  for _ in $(seq 1 3000); do
    [ "$(wal_size)" -gt $((start_wal + 4000000)) ] && break
    kill -0 "$pid" 2> /dev/null || break
    sleep 0.01
  done
  wal_at_kill=$(wal_size)
  kill -9 "$pid" 2> /dev/null
  wait "$pid"
  status=$?
  after=$(entries) || fail "attempt $attempt: the fund file does not open after the kill"
  "$cfund" -f fund.cfund audit > audit.out 2>&1 || { cat audit.out; fail "attempt $attempt: audit not clean after the kill"; }
  if [ "$status" -eq 137 ]; then
    [ "$after" -eq "$before" ] || fail "attempt $attempt: killed import left $((after - before)) entries behind"
    killed=$((killed + 1))
    echo "attempt $attempt: killed while writing (WAL at $wal_at_kill bytes); entries still $after; audit clean"
  elif [ "$status" -eq 0 ]; then
    [ "$after" -eq $((before + rows + 1)) ] || fail "attempt $attempt: finished import added $((after - before)) entries"
    echo "attempt $attempt: finished before the kill; all $rows rows in"
    before=$after
  else
    cat import.out
    fail "attempt $attempt: import exited $status"
  fi
done
[ "$killed" -gt 0 ] || fail "no import was killed while writing: the test proved nothing"

"$cfund" -f fund.cfund donate import big.csv --quiet > /dev/null || fail "the full import after the kills"
total=$(entries)
[ "$total" -eq $((before + rows + 1)) ] || [ "$total" -eq "$before" ] || fail "full import: $total entries"
"$cfund" -f fund.cfund donate import big.csv --quiet --json | grep -q '"rows_added": 0' || fail "import again added rows"
"$cfund" -f fund.cfund audit > /dev/null || fail "audit after the full import"
echo "killed $killed of $kills imports mid-write; none left a partial import; the full import then added $rows rows"
