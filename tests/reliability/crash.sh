#!/usr/bin/env bash
# Crash safety: kills cfund with SIGKILL at random moments while it writes, then
# checks that the fund file opens, the audit is clean, and the interrupted command
# either happened whole or not at all.
#
#   crash.sh CFUND_BINARY [KILLS] [SEED]
#
# Each kill works on a fresh copy of a fund with every kind of entry. The commands
# interrupted, in turn: donate add, disburse add, audit close, publish --format all
# --out DIR, and donate import of a 3000-row statement (one transaction). The moment of each kill is drawn (from SEED) between 0 and 1.1 times the
# command's own duration, measured first on this machine. After each kill:
#   - `cfund audit` exits 0 and SQLite's integrity check says ok;
#   - entries = before, or before + what the command adds when it runs whole (1, or
#     every row of the import), nothing in between;
#   - a command that finished before the kill added its entry, with the number it
#     printed; audit close left its period_close row exactly when it added an entry;
#   - every notice file that publish left under its final name is complete (the same
#     bytes as an uninterrupted run).
# Prints the figures per command; on a failure, the seed and the kill to replay.
CFUND=$1
kills=${2:-20}
seed=${3:-1}
source "$(dirname "$0")/common.sh"
# April: March can be closed.
export CFUND_NOW="2025-04-02T10:00:00+08:00"
RANDOM=$seed

base=$WORK/base.cfund
make_rich_fund "$base"
copy=$WORK/fund.cfund
out=$WORK/notices
reference=$WORK/reference

scenarios=(donate disburse close publish import)
awk 'BEGIN {
  print "date,amount,donor,reference,account";
  for (i = 1; i <= 3000; i++) printf "2025-03-%02d,%d.%02d,捐赠人%d,CR%07d,wechat\n", 1 + i % 28, 1 + i % 300, i % 100, i % 97, i;
}' > "$WORK/statement.csv"
declare -A command_line
command_line[donate]="donate add --donor 崩溃测试 --amount 88.80 --account wechat --date 2025-03-09"
command_line[disburse]="disburse add --amount 50 --account bank --category management --payee 青溪印务 --purpose 复印 --date 2025-03-09"
command_line[close]="audit close 2025-03"
command_line[publish]="publish --period 2025-03 --format all --out $out"
command_line[import]="donate import $WORK/statement.csv --quiet"

fresh_copy() {
  rm -f "$copy" "$copy-wal" "$copy-shm"
  rm -rf "$out"
  cp "$base" "$copy"
}

# The entry number a finished command printed (stdout for add, stderr for the rest).
reported_entry() { grep -oE '第 [0-9]+ 号分录' "$1" | head -1 | grep -oE '[0-9]+'; }

# Calibrate: each command once, uninterrupted, for its duration and (publish) the
# reference files.
declare -A duration_us adds
for s in "${scenarios[@]}"; do
  fresh_copy
  before=$(entry_count "$copy")
  start=$(now_ns)
  # shellcheck disable=SC2086
  "$CFUND" -f "$copy" ${command_line[$s]} > "$WORK/stdout" 2> "$WORK/stderr" ||
    { cat "$WORK/stderr" >&2; fail "calibration run of '$s' failed"; }
  duration_us[$s]=$((($(now_ns) - start) / 1000))
  adds[$s]=$(($(entry_count "$copy") - before))
  [ "${adds[$s]}" -ge 1 ] || fail "calibration run of '$s' added nothing"
  [ "$s" = publish ] && cp -r "$out" "$reference"
done

declare -A finished killed_before killed_after
for s in "${scenarios[@]}"; do finished[$s]=0; killed_before[$s]=0; killed_after[$s]=0; done
left_temp=0
started=$(now_ns)

for ((i = 1; i <= kills; i++)); do
  s=${scenarios[$(((i - 1) % ${#scenarios[@]}))]}
  limit=$((duration_us[$s] * 11 / 10 + 1))
  delay=$((((RANDOM << 15) | RANDOM) % limit))
  where="seed $seed, kill $i of $kills: '$s' killed after ${delay} µs (replay: crash.sh CFUND $kills $seed)"
  fresh_copy
  before=$(entry_count "$copy")

  # shellcheck disable=SC2086
  "$CFUND" -f "$copy" ${command_line[$s]} > "$WORK/stdout" 2> "$WORK/stderr" &
  pid=$!
  sleep "$(printf '%d.%06d' $((delay / 1000000)) $((delay % 1000000)))"
  kill -KILL "$pid" 2> /dev/null
  { wait "$pid"; } 2> /dev/null
  status=$?

  # The file opens and the audit is clean.
  if ! "$CFUND" -f "$copy" audit > "$WORK/audit" 2>&1; then
    cat "$WORK/audit" "$WORK/stderr" >&2
    cp "$copy" "/tmp/cfund-crash-failed-$seed-$i.cfund"
    fail "audit not clean after the kill ($where); file kept as /tmp/cfund-crash-failed-$seed-$i.cfund"
  fi
  integrity=$(sqlite3 "$copy" "PRAGMA integrity_check")
  [ "$integrity" = ok ] || fail "integrity check: $integrity ($where)"

  after=$(entry_count "$copy")
  added=$((after - before))
  case $status in
    0)
      [ $added -eq "${adds[$s]}" ] || fail "'$s' finished (exit 0) but added $added entries, not ${adds[$s]} ($where)"
      if [ "${adds[$s]}" -eq 1 ]; then
        reported=$(reported_entry "$WORK/stdout")
        [ -n "$reported" ] || reported=$(reported_entry "$WORK/stderr")
        [ "$reported" = "$after" ] || fail "'$s' reported entry '$reported' but the last entry is $after ($where)"
      else
        # An import reports its rows (one entry each) and their entry numbers; its own
        # import entry (which file, which entries) comes after them.
        reported=$(grep -oE '分录第 [0-9]+–[0-9]+ 号' "$WORK/stdout" | grep -oE '[0-9]+' | tail -1)
        [ "$reported" = $((after - 1)) ] || fail "'$s' reported entries up to '$reported' but the last entry is $after ($where)"
      fi
      finished[$s]=$((finished[$s] + 1))
      ;;
    137)
      if [ $added -eq 0 ]; then
        killed_before[$s]=$((killed_before[$s] + 1))
      elif [ $added -eq "${adds[$s]}" ]; then
        killed_after[$s]=$((killed_after[$s] + 1))
      else
        fail "'$s' was killed and left $added of its ${adds[$s]} entries ($where)"
      fi
      ;;
    *)
      cat "$WORK/stderr" >&2
      fail "'$s' exited $status instead of finishing or being killed ($where)"
      ;;
  esac

  if [ "$s" = close ]; then
    closes=$(sqlite3 "$copy" "SELECT COUNT(*) FROM period_closes WHERE through = '2025-03'")
    [ "$closes" = "$added" ] || fail "audit close: $added entries added but $closes closing rows ($where)"
  fi
  if [ "$s" = publish ] && [ -d "$out" ]; then
    for written in "$out"/* "$out"/.[!.]*; do
      [ -e "$written" ] || continue
      name=$(basename "$written")
      if [ -f "$reference/$name" ]; then
        cmp -s "$written" "$reference/$name" || fail "publish left an incomplete $name ($where)"
      else
        left_temp=$((left_temp + 1))
      fi
    done
    if [ $status -eq 0 ]; then
      diff -r "$out" "$reference" > /dev/null || fail "publish finished but its files differ from the reference ($where)"
    fi
  fi
done

elapsed_ms=$((($(now_ns) - started) / 1000000))
echo "crash safety: $kills SIGKILLs, seed $seed, ${elapsed_ms} ms"
printf '%-9s %12s %8s %9s %16s %15s %6s\n' command "duration µs" entries finished "killed, not done" "killed, done" kills
for s in "${scenarios[@]}"; do
  total=$((finished[$s] + killed_before[$s] + killed_after[$s]))
  printf '%-9s %12d %8d %9d %16d %15d %6d\n' "$s" "${duration_us[$s]}" "${adds[$s]}" "${finished[$s]}" "${killed_before[$s]}" "${killed_after[$s]}" "$total"
done
echo "temporary notice files left behind by killed publishes: $left_temp"
echo "every kill: audit clean, integrity ok, each command whole or not at all"
