#!/usr/bin/env bash
# Concurrency: WRITERS processes each record PER_WRITER donations at the same time
# against one fund, while a reader keeps publishing (dry run) and auditing it.
#
#   concurrency.sh CFUND_BINARY [WRITERS] [PER_WRITER]
#
# Checks: every command exits 0; exactly WRITERS × PER_WRITER donations are added;
# their receipt numbers run 1..N with no gap and no duplicate; the audit (hash chain
# included) is clean at the end; no "database is locked" (or busy) message reaches
# anyone; every read taken during the writes succeeded. Prints the figures.
CFUND=$1
writers=${2:-4}
per_writer=${3:-250}
source "$(dirname "$0")/common.sh"

fund=$WORK/fund.cfund
cfund init "$fund" --name 并发测试基金 --account bank:bank --account cash:cash > /dev/null || fail "init"
total=$((writers * per_writer))

writer() {
  local w=$1 i
  for ((i = 1; i <= per_writer; i++)); do
    if ! "$CFUND" -f "$fund" donate add --donor "捐赠人$w" --amount "$((w * 1000 + i))" --account bank \
      >> "$WORK/writer-$w.out" 2>> "$WORK/writer-$w.err"; then
      echo "writer $w: donation $i failed" >> "$WORK/writer-$w.err"
    fi
  done
}

# The reader runs until the writers are done: a notice (not recorded) and an audit.
reader() {
  local reads=0
  while [ ! -e "$WORK/writers-done" ]; do
    "$CFUND" -f "$fund" publish --period 2025-03 --format md --dry-run > /dev/null 2> "$WORK/reader-publish.err" || {
      echo "publish failed:" >> "$WORK/reader.err"
      cat "$WORK/reader-publish.err" >> "$WORK/reader.err"
    }
    "$CFUND" -f "$fund" audit > "$WORK/reader-audit.out" 2>&1 || {
      echo "audit failed:" >> "$WORK/reader.err"
      cat "$WORK/reader-audit.out" >> "$WORK/reader.err"
    }
    reads=$((reads + 2))
  done
  echo "$reads" > "$WORK/reads"
}

started=$(now_ns)
reader &
reader_pid=$!
pids=()
for ((w = 1; w <= writers; w++)); do
  writer "$w" &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid"; done
elapsed_ms=$((($(now_ns) - started) / 1000000))
touch "$WORK/writers-done"
wait "$reader_pid"

errors=$(cat "$WORK"/writer-*.err "$WORK/reader.err" 2> /dev/null)
[ -z "$errors" ] || fail "some commands failed or complained:
$(echo "$errors" | head -40)"
if grep -riE 'locked|busy|正被其他人写入' "$WORK"/*.out "$WORK"/*.err; then fail "a lock message reached the user"; fi

read -r count low high distinct <<< "$(sqlite3 -separator ' ' "$fund" \
  "SELECT COUNT(*), MIN(receipt_seq), MAX(receipt_seq), COUNT(DISTINCT receipt_seq) FROM donations")"
[ "$count" = "$total" ] || fail "$count donations recorded, expected $total"
[ "$low" = 1 ] && [ "$high" = "$total" ] && [ "$distinct" = "$total" ] ||
  fail "receipt numbers run $low..$high with $distinct distinct, expected 1..$total"
entries=$(entry_count "$fund")
[ "$entries" = "$((total + 1))" ] || fail "$entries entries, expected $((total + 1)) (the setup entry and $total gifts)"
reported=$(cat "$WORK"/writer-*.out | grep -c '^已记录捐赠：第 [0-9]* 号分录')
[ "$reported" = "$total" ] || fail "$reported donations reported to the writers, expected $total"
dup=$(cat "$WORK"/writer-*.out | grep -oE '第 [0-9]+ 号分录' | sort | uniq -d | head -1)
[ -z "$dup" ] || fail "two writers were told the same entry: $dup"
"$CFUND" -f "$fund" audit > "$WORK/final-audit" 2>&1 || { cat "$WORK/final-audit" >&2; fail "final audit not clean"; }
"$CFUND" -f "$fund" audit verify > "$WORK/final-verify" 2>&1 || { cat "$WORK/final-verify" >&2; fail "the hash chain does not verify"; }

reads=$(cat "$WORK/reads")
echo "concurrency: $writers writers × $per_writer donate add = $total donations in ${elapsed_ms} ms" \
  "($((total * 1000 / (elapsed_ms + 1))) per second); $reads reads (publish, audit) alongside, all succeeded"
echo "receipt numbers 1..$total without gap or duplicate; chain valid; no lock message reached anyone"
