#!/usr/bin/env bash
# The roll-up benchmark (part of make bench; alone: BENCH_ONLY_ROLLUP=1 tests/bench/run.sh build).
#
#   tests/bench/rollup.sh BUILD_DIR WORK_DIR
#
# Makes BENCH_FUNDS funds (default 400) with cfund_generate --vary, each through the real
# commands (init, setup, donate import, disburse import, endings): sizes drawn like real
# funds' — most between 10^2 and 10^4 entries a year (log-uniform), one in a hundred with
# 10^5 — three years each (2023–2025), every fund with its own mix of donors, channels and
# payment categories, spread over 12 towns. The funds are kept in WORK_DIR/rollup and made
# again only when the list of sizes or the generator changes (about 10–20 minutes on 2
# cores). Then, side by side: `cat` of every fund file (the I/O floor, warm cache like the
# rest), cfund rollup for a month and for the year (median of BENCH_RUNS, default 3, and
# peak RSS), the year with --jobs 1 (one core), the year with --check full, the annual
# roll-up, and the month over the first 100 funds (memory does not grow with the count).
set -euo pipefail
build=$(realpath "$1")
work=$2
cfund="$build/cfund"
generate="$build/tests/cfund_generate"
stopwatch="$build/tests/cfund_stopwatch"  # wall time and peak RSS of the command alone
count=${BENCH_FUNDS:-400}
runs=${BENCH_RUNS:-3}
dir="$work/rollup"
mkdir -p "$dir"
say() { printf '%s\n' "$*" >&2; }
# shellcheck source=../lib/writer.sh
source "$(dirname "$0")/../lib/writer.sh"

# The sizes: entries a year per fund, fixed by a seed.
awk -v n="$count" 'BEGIN { srand(20250601); for (i = 0; i < n; i++) {
  e = (i % 100 == 37) ? 100000 : int(10 ^ (2 + 2 * rand()));
  printf "%03d %d\n", i, e } }' > "$dir/sizes.new"
stamp="$(sha256sum < "$dir/sizes.new" | cut -c1-16)-$(sha256sum < "$generate" | cut -c1-16)"
mv "$dir/sizes.new" "$dir/sizes"
# The funds are kept for the next run and made again only when the list of sizes or the
# generator changes. A run stopped while making them goes on where it stopped: each fund
# is made as FILE.part and renamed when whole, so a fund file that exists is complete.
[ "$(cat "$dir/stamp" 2> /dev/null)" = "$stamp" ] || rm -rf "$dir/funds"
echo "$stamp" > "$dir/stamp"
rm -rf "$dir/gen" "$dir"/funds/*.part*
mkdir -p "$dir/funds" "$dir/gen"
towns=(青溪镇 云塘镇 临江街道 北苑街道 东湖街道 南山镇 西城街道 凤凰镇 桂花镇 江滨街道 石桥镇 白鹭镇)
todo=$(while read -r i entries; do
  [ -f "$dir/funds/fund-$i.cfund" ] || echo "$i $entries ${towns[$((10#$i % 12))]}"
done < "$dir/sizes")
if [ -n "$todo" ]; then
  say "== rollup: making $(wc -l <<< "$todo") of $count funds in $dir/funds (kept for the next run)"
  make_fund() {
    set -euo pipefail
    local i=$1 entries=$2 town=$3 g="$dir/gen/$1" f="$dir/funds/fund-$1.cfund.part"
    local donations=$((entries * 3 * 100 / 115))
    [ "$donations" -lt 20 ] && donations=20
    "$generate" --donations "$donations" --out "$g" --seed $((1000 + 10#$i)) --vary --name "第${i}号社区慈善基金" \
      --region 临江区 --town "$town" > /dev/null
    (
      cd "$g"
      export CFUND_FUND="$f" CFUND_NOW="2026-01-10T10:00:00+08:00" CFUND_OPERATOR=bench
      "$cfund" init "$f" --config fund.toml > /dev/null
      cfund() { "$cfund" "$@" > /dev/null; }
      source ./setup.sh
      "$cfund" donate import donations.csv --profile cfund --quiet > /dev/null
      "$cfund" disburse import disbursements.csv --profile cfund --quiet > /dev/null
      source ./finish.sh
    )
    mv "$f" "${f%.part}"
    rm -rf "$g"
  }
  export -f make_fund
  export dir generate cfund
  # A fund that cannot be made stops the bench (xargs exits non-zero).
  xargs -P 2 -L 1 bash -c 'make_fund "$0" "$1" "$2"' <<< "$todo"
fi
files=("$dir"/funds/*.cfund)
entries=0
for f in "${files[@]}"; do entries=$((entries + $(sqlite3 "$f" "SELECT COUNT(*) FROM entries"))); done
bytes=$(cat "${files[@]}" | wc -c)
say "   $count funds, $entries entries, $((bytes / 1000000)) MB"

# time_of RUNS COMMAND...: "median_seconds peak_rss_mb" (exit 1, funds left out, is not a failure here).
time_of() {
  local n=$1 samples="$dir/.samples"
  shift
  : > "$samples"
  for ((r = 0; r < n; r++)); do
    "$stopwatch" "$dir/.time" "$@" > "$dir/.out" 2> "$dir/.err" || [ $? = 1 ] ||
      { say "failed: $*"; cat "$dir/.err" >&2; exit 1; }
    cat "$dir/.time" >> "$samples"
  done
  local mid us rss
  mid=$(((n + 1) / 2))
  us=$(cut -d' ' -f1 "$samples" | sort -n | sed -n "${mid}p")
  rss=$(cut -d' ' -f2 "$samples" | sort -n | tail -n 1)
  awk -v us="$us" -v kb="$rss" 'BEGIN { printf "%.3f %.1f", us / 1e6, kb / 1024 }'
}

out="$dir/out"
cat_floor=$(time_of "$runs" bash -c 'cat "$@" > /dev/null' cat "${files[@]}")
month=$(time_of "$runs" "$cfund" rollup "$dir/funds" --period 2025-06 --format csv --out "$out")
year=$(time_of "$runs" "$cfund" rollup "$dir/funds" --period 2025 --format csv --out "$out")
year_one=$(time_of 1 "$cfund" rollup "$dir/funds" --period 2025 --format csv --out "$out" --jobs 1)
full=$(time_of 1 "$cfund" rollup "$dir/funds" --period 2025 --format csv --out "$out" --check full)
annual=$(time_of 1 "$cfund" rollup "$dir/funds" --annual --year 2025 --format csv --out "$out")
first100=$(time_of "$runs" "$cfund" rollup "${files[@]:0:100}" --period 2025-06 --format csv --out "$out")
included=$(sed -n 's/.*计入合计 \([0-9]*\) 个.*/\1/p' "$out/rollup-annual-2025-info.csv" | head -n 1)

line() { read -r s mb <<< "$2"; printf '%-58s %9ss %8s MB  %s\n' "$1" "$s" "$mb" "${3:-}"; }
{
  echo
  echo "cfund rollup benchmark: $(nproc)-core $(uname -m), $(date -u +%Y-%m-%d), $count funds, $entries entries, $((bytes / 1000000)) MB; median of $runs runs (one for the single runs), peak RSS"
  line "cat of every fund file (the I/O floor, warm cache)" "$cat_floor"
  line "rollup --period 2025-06 (a month, quick check, 2 jobs)" "$month" "goal < 2 s"
  line "rollup --period 2025 (a year, quick check, 2 jobs)" "$year" "goal < 10 s"
  line "rollup --period 2025 --jobs 1 (one core)" "$year_one"
  line "rollup --period 2025 --check full (every fund's audit)" "$full"
  line "rollup --annual --year 2025 (consolidated statements)" "$annual" "${included:-?} funds in the totals"
  line "rollup --period 2025-06 of the first 100 funds only" "$first100" "memory against 400 funds"
} | tee "$work/rollup.txt"

# Among the 400: a fund whose chain a raw edit broke (a copy of the first, an entry dated in
# the month changed) and a fund that a writer holds a write transaction on (the sqlite3
# shell, for the whole run). The month's roll-up must finish, name the broken fund as left
# out (exit 1), include the locked one and the other 399, and leave every fund file as it
# was (sha256 before and after, WAL and shared-memory files included).
among="$dir/among"
rm -rf "$among"
mkdir -p "$among"
cp "${files[0]}" "$among/broken.cfund"
sqlite3 "$among/broken.cfund" "UPDATE donations SET amount = amount + 100 WHERE entry_id =
  (SELECT MIN(id) FROM entries WHERE kind = 'donation' AND date >= '2025-06-01' AND date <= '2025-06-30')"
locked="${files[1]}"
hold_writer "$locked" "$among" || { say "rollup.sh: the writer did not start its transaction"; exit 1; }
find "$dir/funds" "$among" -name '*.cfund*' -type f | sort | xargs sha256sum > "$among/before"
status=0
"$cfund" --lang en rollup "$dir/funds" "$among/broken.cfund" --period 2025-06 --format csv --out "$among/out" \
  > /dev/null 2> "$among/stderr" || status=$?
find "$dir/funds" "$among" -name '*.cfund*' -type f | sort | xargs sha256sum > "$among/after"
release_writer
left_out=$(grep -c "(hash chain broken)" "$among/stderr" || true)
summed=$(sed -n 's/.*, \([0-9]*\) in the totals.*/\1/p' "$among/out/rollup-2025-06-info.csv" | head -n 1)
if [ "$status" = 1 ] && [ "$left_out" = 1 ] && grep -q "broken.cfund (hash chain broken)" "$among/stderr" &&
  [ "$summed" = "$count" ] &&
  cmp -s "$among/before" "$among/after"; then
  echo "broken and locked funds among the $count: exit 1, the broken one left out and named, ${summed:-?} funds summed, no file changed" |
    tee -a "$work/rollup.txt"
else
  say "rollup.sh: the broken/locked check failed (exit $status, $left_out left out, files changed: $(cmp -s "$among/before" "$among/after" && echo no || echo yes))"
  cat "$among/stderr" >&2
  exit 1
fi
