#!/usr/bin/env bash
# The cfund benchmark (make bench; never part of make test).
#
#   tests/bench/run.sh BUILD_DIR
#
# For each size N in BENCH_SIZES (default "10000 100000 1000000") and each shape in
# BENCH_SHAPES (default "few-donors many-donors"; cfund_generate --shape: 5% or 30% distinct
# donors, references on every line or on 40%, 6% or 25% firms, Spring Festival and 99 Giving
# Day months) it generates a fund with cfund_generate (fixed seed), then measures side by side, in this one run, the
# median wall time of BENCH_RUNS runs (default 5; 3 from 1M up) and the peak RSS, each run timed by
# cfund_stopwatch; cfund and the baseline of a goal run in turn (A B A B ...) and the ratio is the median of
# the runs' ratios:
#   import      cfund donate import of the N-row CSV  vs  sqlite3 .import of the same CSV
#               into a typed table with a unique reference index
#   payments    cfund disburse import of the payments  vs  sqlite3 .import of them (no goal in
#               CSV, every rule checked on each row       issue 7: it shows the overdraft check
#                                                         no longer reads the whole history)
#   month       cfund publish --period 2025-06        vs  ledger balance -p 2025-06 on the
#                                                         equivalent journal (cfund export)
#               and vs a bare indexed sqlite3 monthly sum, and (no goal) vs sqlite3 printing
#               the rows the notice lists, with its joins
#   year        cfund publish --period 2025           vs  ledger balance -p 2025
#   audit       cfund audit (chain verified)          vs  ledger balance (whole journal)
#   verify      cfund audit verify --code (the witness code of the last entry, and the code of the middle
#               entry: the search reads from both ends, so that is the slow case; goal: at most 1 s),
#               and (no goal) against sqlite3 reading the rows of the journal's main tables
#   list        cfund donate list --period 2025-06    vs  sqlite3 select of the month's donations,
#               and (no goal) vs sqlite3 running the list's own query, with its joins, on the fund file
#   donate add  one cfund process on the full fund    vs  one sqlite3 process inserting one row
# and prints one table. Ratios are cfund's time divided by the baseline's. Then each goal of
# issue 22, for each shape at the largest size, with its ratio (or time, or RSS) and met / not met.
# Then one line for a spreadsheet: a WeChat Pay .xlsx bill of BENCH_XLSX_ROWS rows (default
# 100000; made by cfund_generate_wechat_xlsx) read by `cfund donate import --dry-run` on a
# fresh fund: rows, median seconds, peak RSS and whether it stays under 64 MB (the sheet is
# streamed; only the shared strings are kept). BENCH_ONLY_XLSX=1 measures that line alone.
# Work files go to BENCH_DIR (default BUILD_DIR/bench); a 1M fund needs about 2 GB.
# BENCH_ONLY_IMPORT=1 measures the import row only. Last, the roll-up of many funds
# (tests/bench/rollup.sh: 400 funds of realistic sizes, then a broken and a locked fund among
# them; BENCH_ONLY_ROLLUP=1 alone).
set -euo pipefail

bench=$(cd "$(dirname "$0")" && pwd)
here=$(cd "$(dirname "$0")" && pwd)  # the loop below changes folder
build=$(realpath "$1")
cfund="$build/cfund"
generate="$build/tests/cfund_generate"
generate_xlsx="$build/tests/cfund_generate_wechat_xlsx"
stopwatch="$build/tests/cfund_stopwatch"
sizes=${BENCH_SIZES:-"10000 100000 1000000"}
shapes=${BENCH_SHAPES:-"few-donors many-donors"}
work=${BENCH_DIR:-$build/bench}
month=${BENCH_MONTH:-2025-06}
year=${month%%-*}
for tool in "$cfund" "$generate" "$generate_xlsx" "$stopwatch"; do
  [ -x "$tool" ] || { echo "run.sh: $tool is missing (cmake --build $build)" >&2; exit 2; }
done
for tool in sqlite3 ledger; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is missing (make deps installs it)" >&2; exit 2; }
done
mkdir -p "$work"
work=$(realpath "$work")
export CFUND_NOW="2026-01-10T10:00:00+08:00" CFUND_OPERATOR="bench" HOME="$work"
unset CFUND_FUND CFUND_LANG

import_args=${BENCH_IMPORT_ARGS:-"--profile cfund"}

say() { printf '%s\n' "$*" >&2; }

# code_of_entry FUND ID: the verification code a notice cut off at entry ID carries, as
# books::verification_code makes it (docs/audit.md): SHA-256 of "cfund-notice:" and the
# entry's stored hash, its first 15 hex digits in Crockford base32, CF-XXXX-XXXX-XXXX.
code_of_entry() {
  local hash digest bits body="" i alphabet=0123456789ABCDEFGHJKMNPQRSTVWXYZ
  hash=$(sqlite3 "$1" "SELECT hash FROM entries WHERE id = $2")
  digest=$(printf 'cfund-notice:%s' "$hash" | sha256sum | cut -c1-15)
  bits=$((16#$digest))
  for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
    body="${alphabet:$((bits & 31)):1}$body"
    bits=$((bits >> 5))
  done
  echo "CF-${body:0:4}-${body:4:4}-${body:8:4}"
}

# measure COMMAND...: runs it once under cfund_stopwatch (its own wall time and peak RSS,
# no shell or timer process around it); appends "microseconds peak_rss_kb" to $samples.
# "{unique}" in an argument becomes a number no other run has (a reference for donate add).
measure() {
  local unique
  unique=$(date +%s%N)
  if ! "$stopwatch" "$work/.time" "${@//\{unique\}/$unique}" > "$work/.out" 2> "$work/.err"; then
    say "failed: $*"
    cat "$work/.err" >&2
    exit 1
  fi
  cat "$work/.time" >> "$samples"
}

# median_of FILE: "median_seconds peak_rss_mb" of the samples in FILE.
median_of() {
  local n mid us rss
  n=$(wc -l < "$1")
  mid=$(((n + 1) / 2))
  us=$(cut -d' ' -f1 "$1" | sort -n | sed -n "${mid}p")
  rss=$(cut -d' ' -f2 "$1" | sort -n | tail -n 1)
  awk -v us="$us" -v kb="$rss" 'BEGIN { printf "%.4f %.1f\n", us / 1e6, kb / 1024 }'
}

# run_samples NAME RUNS [--before CMD] -- COMMAND...: RUNS measurements into $work/NAME.
run_samples() {
  local name=$1 runs=$2 before=""
  shift 2
  if [ "$1" = "--before" ]; then
    before=$2
    shift 2
  fi
  shift  # --
  samples="$work/$name.samples"
  : > "$samples"
  for ((r = 1; r <= runs; r++)); do
    [ -n "$before" ] && eval "$before"
    measure "$@"
  done
  median_of "$samples"
}

# run_pair NAME_A NAME_B RUNS: the commands in the arrays cmd_a and cmd_b in turn, A B A B ...,
# RUNS times (each after the shell command in before_a / before_b, when set); their samples
# go to $work/NAME_A.samples and $work/NAME_B.samples. Alternating keeps the ratio meaningful
# when the shared machine's speed drifts during the measurement.
run_pair() {
  local a=$1 b=$2 runs=$3 r
  : > "$work/$a.samples"
  : > "$work/$b.samples"
  for ((r = 1; r <= runs; r++)); do
    [ -n "${before_a:-}" ] && eval "$before_a"
    samples="$work/$a.samples"
    measure "${cmd_a[@]}"
    [ -n "${before_b:-}" ] && eval "$before_b"
    samples="$work/$b.samples"
    measure "${cmd_b[@]}"
  done
  before_a="" before_b=""
}

# pair_ratio NAME_A NAME_B: the median, over the runs of run_pair, of A's time over B's.
pair_ratio() {
  paste -d' ' "$work/$1.samples" "$work/$2.samples" | awk '$3 > 0 { print $1 / $3 }' | sort -g |
    awk '{ r[NR] = $1 } END { if (NR) printf "%.4f\n", r[int((NR + 1) / 2)] }'
}

# pair_row LABEL MEASURE NAME_A BASELINE_TEXT NAME_B GOAL_RATIO [RSS_GOAL_MB]: the row of a run_pair.
pair_row() {
  row "$1" "$2" "$(median_of "$work/$3.samples")" "$4" "$(median_of "$work/$5.samples")" "$6" "${7:-}" \
    "$(pair_ratio "$3" "$5")"
}

rows="$work/table.rows"
# goals: each goal of issue 22 at the largest size, for each shape, from the table's rows.
goals() {
  local largest=0 n
  for n in $sizes; do [ "$n" -gt "$largest" ] && largest=$n; done
  echo
  echo "issue 22 goals at N = $largest (ratios measured side by side in this run)"
  awk -F'|' -v largest="$largest" '
    function goal(shape, text, value, limit, unit) {
      printf "%-12s %-58s %10.3f%-2s  goal <= %-6s %s\n", shape, text, value, unit, limit, (value <= limit) ? "met" : "NOT met"
    }
    { split($1, key, "/"); if (key[1] != largest) next
      shape = key[2]; split($3, ours, " "); split($5, theirs, " ")
      ratio = $8 != "" ? $8 : (theirs[1] > 0 ? ours[1] / theirs[1] : 0)
      if ($2 ~ /^full audit/) { goal(shape, "full audit / ledger balance", ratio, 0.1, "x"); goal(shape, "full audit peak RSS", ours[2], 128, "MB") }
      if ($2 ~ /^audit verify --code \(the last/) goal(shape, "audit verify --code of the last entry", ours[1], 1, "s")
      if ($2 ~ /^audit verify --code \(the middle/) goal(shape, "audit verify --code of the middle entry", ours[1], 1, "s")
      if ($2 ~ /^import of the payments/) goal(shape, "disburse import / sqlite3 .import", ratio, 10, "x")
      if ($2 ~ /^import of the N-row/) { goal(shape, "donate import / sqlite3 .import", ratio, 3, "x"); goal(shape, "donate import peak RSS", ours[2], 64, "MB") }
      if ($2 ~ /^yearly notice/) goal(shape, "yearly notice peak RSS", ours[2], 64, "MB")
      if ($2 ~ /^monthly notice/ && $4 ~ /sums/) goal(shape, "monthly notice / indexed monthly sum", ratio, 3, "x")
      if ($2 ~ /^donate list/ && $4 ~ /select of the month/) goal(shape, "donate list / sqlite3 select", ratio, 2, "x")
    }' "$rows"
}
: > "$rows"
# row N MEASURE CFUND_RESULT BASELINE_NAME BASELINE_RESULT GOAL_RATIO [RSS_GOAL_MB [PAIRED_RATIO]]
# The ratio is PAIRED_RATIO when given (pair_row), else the two medians' quotient.
row() {
  printf '%s|%s|%s|%s|%s|%s|%s|%s\n' "$1" "$2" "$3" "$4" "$5" "$6" "${7:-}" "${8:-}" >> "$rows"
}

# xlsx_line: the streaming check of a large .xlsx statement, one line.
xlsx_line() {
  local rows=${BENCH_XLSX_ROWS:-100000} dir="$work/xlsx" result seconds mb
  # The bill covers January to March 2026 and was exported on 1 April: the fund's today is
  # then (cfund refuses entries dated after today).
  local -x CFUND_NOW="2026-04-01T10:00:00+08:00"
  rm -rf "$dir"
  mkdir -p "$dir"
  say "== xlsx: a WeChat Pay bill of $rows rows"
  "$generate_xlsx" "$rows" "$dir/wechat.xlsx"
  "$cfund" init "$dir/fresh.cfund" --config "$here/../../examples/fund.toml" > /dev/null
  result=$(run_samples xlsx "${BENCH_RUNS:-5}" -- "$cfund" -f "$dir/fresh.cfund" donate import "$dir/wechat.xlsx" \
    --profile wechat --dry-run --quiet)
  read -r seconds mb <<< "$result"
  grep -q "读取交易行 $rows 行" "$work/.out" || { say "the import did not read $rows rows:"; cat "$work/.out" >&2; exit 1; }
  awk -v rows="$rows" -v s="$seconds" -v mb="$mb" -v bytes="$(stat -c %s "$dir/wechat.xlsx")" 'BEGIN {
    printf "xlsx read (donate import --dry-run of a WeChat Pay .xlsx): %d rows, %.1f MB file, %.3fs, peak RSS %.1fMB, under 64MB: %s\n",
      rows, bytes / 1e6, s, mb, (mb < 64) ? "yes" : "NO" }'
}
if [ "${BENCH_ONLY_ROLLUP:-0}" = 1 ]; then
  "$bench/rollup.sh" "$build" "$work"
  exit 0
fi
if [ "${BENCH_ONLY_XLSX:-0}" = 1 ]; then
  xlsx_line | tee "$work/xlsx.txt"
  exit 0
fi

for n in $sizes; do
for shape in $shapes; do
  dir="$work/$shape-$n"
  runs=${BENCH_RUNS:-5}
  [ "$n" -ge 1000000 ] && runs=${BENCH_RUNS:-3}
  say "== N = $n, shape $shape ($runs runs each) in $dir"
  rm -rf "$dir"
  mkdir -p "$dir"
  cd "$dir"
  "$generate" --donations "$n" --shape "$shape" --out "$dir"
  label="$n/$shape"

  # The fund before the import: accounts, special funds, beneficiaries, projects.
  "$cfund" init base.cfund --config fund.toml > /dev/null
  (
    export CFUND_FUND="$dir/base.cfund"
    cfund() { "$cfund" "$@" > /dev/null; }
    source ./setup.sh
  )

  # The baseline database: the same CSV into a typed table with a unique reference index
  # (partial: lines without a reference, as cfund keeps them).
  cat > baseline.sql <<'SQL'
CREATE TABLE donations (date TEXT NOT NULL, amount NUMERIC NOT NULL, donor TEXT, donor_type TEXT NOT NULL,
  anonymous INTEGER NOT NULL, reference TEXT NOT NULL, account TEXT NOT NULL, designation TEXT, memo TEXT);
CREATE UNIQUE INDEX donations_by_reference ON donations(reference) WHERE reference <> '';
CREATE INDEX donations_by_date ON donations(date);
.import --csv --skip 1 donations.csv donations
SQL

  say "-- import: cfund vs sqlite3 .import"
  # shellcheck disable=SC2086
  cmd_a=("$cfund" -f run.cfund donate import donations.csv $import_args)
  before_a="rm -f run.cfund*; cp base.cfund run.cfund"
  cmd_b=(sqlite3 baseline.db ".read baseline.sql")
  before_b="rm -f baseline.db"
  run_pair import sqlite_import "$runs"
  pair_row "$label" "import of the N-row donations CSV" import "sqlite3 .import (typed, unique index)" sqlite_import "3" 64

  [ "${BENCH_ONLY_IMPORT:-0}" = 1 ] && continue

  # The full fund: the donations as the importer recorded them, the payments through
  # the importer too (each checked for overdraft on every later day, approval, project
  # stage and budget, relief window), then the projects' endings; the audit must pass.
  mv run.cfund donated.cfund
  cat > payments.sql <<'SQL'
CREATE TABLE payments (date TEXT NOT NULL, amount NUMERIC NOT NULL, payee TEXT, category TEXT NOT NULL, purpose TEXT,
  beneficiary TEXT, approval_ref TEXT, reference TEXT NOT NULL, account TEXT NOT NULL, designation TEXT, memo TEXT);
CREATE UNIQUE INDEX payments_by_reference ON payments(reference) WHERE reference <> '';
CREATE INDEX payments_by_date ON payments(date);
.import --csv --skip 1 disbursements.csv payments
SQL
  say "-- payments: cfund disburse import vs sqlite3 .import"
  # shellcheck disable=SC2086
  cmd_a=("$cfund" -f fund.cfund disburse import disbursements.csv $import_args)
  before_a="rm -f fund.cfund*; cp donated.cfund fund.cfund"
  cmd_b=(sqlite3 payments.db ".read payments.sql")
  before_b="cp baseline.db payments.db"
  run_pair payments sqlite_payments "$runs"
  pair_row "$label" "import of the payments CSV (all rules)" payments "sqlite3 .import (typed, unique index)" \
    sqlite_payments "10"
  mv payments.db baseline.db
  rm -f donated.cfund
  (
    export CFUND_FUND="$dir/fund.cfund"
    cfund() { "$cfund" "$@" > /dev/null; }
    source ./finish.sh
  )
  "$cfund" -f fund.cfund audit > audit.txt || { say "the generated fund does not pass the audit:"; tail -20 audit.txt >&2; exit 1; }
  samples="$work/export.samples"
  : > "$samples"
  measure "$cfund" -f fund.cfund export --format ledger --out fund.ledger
  export_result=$(median_of "$samples")
  say "   fund: $(sqlite3 fund.cfund 'SELECT COUNT(*) FROM entries') entries, $(sqlite3 fund.cfund \
    'SELECT COUNT(DISTINCT donor_name) FROM donations') distinct donor names, $(sqlite3 fund.cfund \
    'SELECT COUNT(*) FROM donations WHERE external_ref IS NULL') donations without reference; ledger journal $(du -h fund.ledger | cut -f1) (export $export_result)"

  say "-- monthly notice: cfund publish vs ledger -p vs sqlite3"
  first="$month-01"
  next=$(date -d "$first +1 month" +%Y-%m-%d)
  cmd_a=("$cfund" -f fund.cfund publish --period "$month" --format txt --dry-run)
  cmd_b=(sqlite3 baseline.db
    "SELECT COALESCE(designation, ''), SUM(amount) FROM donations WHERE date >= '$first' AND date < '$next' GROUP BY 1;
     SELECT COALESCE(designation, ''), SUM(amount) FROM payments WHERE date >= '$first' AND date < '$next' GROUP BY 1;")
  run_pair publish_month sqlite_month "$runs"
  publish_month=$(median_of "$work/publish_month.samples")
  ledger_month=$(run_samples ledger_month "$runs" -- ledger -f fund.ledger balance -p "$month")
  # Context, no goal: sqlite3 itself printing the rows the notice lists (money and goods
  # donations, payments), read with the notice's joins from the fund file. No notice
  # that lists every donation can take less.
  last=$(date -d "$next -1 day" +%Y-%m-%d)
  sqlite_rows=$(run_samples sqlite_rows "$runs" -- sqlite3 -readonly fund.cfund \
    "SELECT e.date, d.receipt_year, d.receipt_seq, d.donor_name, d.anonymous, d.form, d.amount, d.item, d.quantity,
            d.unit, g.code, g.name, v.id, v.date, v.reason
       FROM donations d JOIN entries e ON e.id = d.entry_id JOIN designations g ON g.id = d.designation_id
       LEFT JOIN entries v ON v.voids_entry = e.id
      WHERE e.date BETWEEN '$first' AND '$last' ORDER BY e.date, e.id;
     SELECT e.date, d.category, d.amount, g.code, g.name, d.payee, d.purpose, b.name, b.category, e.approval_ref,
            d.voucher, v.id, v.date, v.reason
       FROM disbursements d JOIN entries e ON e.id = d.entry_id JOIN designations g ON g.id = d.designation_id
       LEFT JOIN beneficiaries b ON b.number = d.beneficiary LEFT JOIN entries v ON v.voids_entry = e.id
      WHERE e.date BETWEEN '$first' AND '$last' ORDER BY e.date, e.id;")
  row "$label" "monthly notice (publish --period $month)" "$publish_month" "ledger balance -p $month" "$ledger_month" "0.01"
  pair_row "$label" "monthly notice (publish --period $month)" publish_month "sqlite3 indexed monthly sums" \
    sqlite_month "3"
  row "$label" "monthly notice (publish --period $month)" "$publish_month" "sqlite3 printing the month's rows" "$sqlite_rows" ""

  say "-- yearly notice and audit: cfund vs ledger"
  cmd_a=("$cfund" -f fund.cfund publish --period "$year" --format txt --dry-run)
  cmd_b=(ledger -f fund.ledger balance -p "$year")
  run_pair publish_year ledger_year "$runs"
  pair_row "$label" "yearly notice (publish --period $year)" publish_year "ledger balance -p $year" ledger_year "" 64
  # audit exits 1 when it finds errors: the generated fund has none (checked above).
  cmd_a=("$cfund" -f fund.cfund audit)
  cmd_b=(ledger -f fund.ledger balance)
  run_pair audit ledger_all "$runs"
  pair_row "$label" "full audit (chain verified)" audit "ledger balance (whole journal)" ledger_all "0.1" 128
  code=$("$cfund" -f fund.cfund audit witness | grep -o 'CF-[0-9A-Z]*-[0-9A-Z]*-[0-9A-Z]*' | head -n 1)
  verify=$(run_samples verify "$runs" -- "$cfund" -f fund.cfund audit verify --code "$code")
  row "$label" "audit verify --code (the last entry's)" "$verify" "(goal: at most 1 s)" "1.0 0" "1"
  # The search for a code reads from both ends in turn: the middle entry's code is the
  # slow case, every other entry's code computed.
  middle_code=$(code_of_entry fund.cfund $(( $(sqlite3 fund.cfund 'SELECT MAX(id) FROM entries') / 2 )))
  verify_middle=$(run_samples verify_middle "$runs" -- "$cfund" -f fund.cfund audit verify --code "$middle_code")
  row "$label" "audit verify --code (the middle entry's)" "$verify_middle" "(goal: at most 1 s)" "1.0 0" "1"
  # Context, no goal: what reading every row the chain hashes costs sqlite3 itself (its
  # text output to /dev/null), the floor of any check that rehashes every entry.
  tables=$(sqlite3 fund.cfund "SELECT group_concat('SELECT * FROM ' || name, '; ') FROM sqlite_master
    WHERE type = 'table' AND name IN ('entries', 'postings', 'donations', 'disbursements', 'incomes')")
  read_all=$(run_samples read_all "$runs" -- sqlite3 -readonly fund.cfund "$tables")
  row "$label" "verify: every entry read and rehashed" "$verify" "sqlite3 reading the main journal tables" "$read_all" ""

  say "-- donation list of a month: cfund donate list vs sqlite3 select"
  cmd_a=("$cfund" -f fund.cfund donate list --period "$month")
  cmd_b=(sqlite3 baseline.db "SELECT * FROM donations WHERE date >= '$first' AND date < '$next' ORDER BY date")
  run_pair list_month sqlite_list "$runs"
  pair_row "$label" "donate list --period $month" list_month "sqlite3 select of the month" sqlite_list "2"
  # Context, no goal: sqlite3 itself running the list's own query (its joins, as
  # storage::for_each_donation_row reads the shown columns) on the fund file. No list of the
  # fund's donations can take less.
  list_month=$(median_of "$work/list_month.samples")
  sqlite_list_query=$(run_samples sqlite_list_query "$runs" -- sqlite3 -readonly fund.cfund \
    "SELECT d.entry_id, e.date, d.receipt_year, d.receipt_seq, d.donor_name, d.anonymous, d.form, d.amount, d.item,
            d.quantity, d.unit, g.code, g.name, a.code, e.memo, v.id, v.date, v.reason
       FROM donations d JOIN entries e ON e.id = d.entry_id LEFT JOIN accounts a ON a.id = d.account_id
       JOIN designations g ON g.id = d.designation_id LEFT JOIN entries v ON v.voids_entry = e.id
      WHERE e.date BETWEEN '$first' AND '$last' ORDER BY e.date, e.id;")
  row "$label" "donate list --period $month" "$list_month" "sqlite3 running the list's query" "$sqlite_list_query" ""

  say "-- one donation: cfund donate add vs one sqlite3 insert"
  cmd_a=("$cfund" -f fund.cfund donate add --donor 王伟 --amount 50 --account wechat --date 2025-12-31
    --ref "BENCHWX{unique}")
  cmd_b=(sqlite3 baseline.db
    "INSERT INTO donations VALUES ('2025-12-31', 50.00, '王伟', 'individual', 0, 'BENCHWX{unique}', 'wechat', NULL, NULL)")
  run_pair donate_add sqlite_insert "$runs"
  pair_row "$label" "one donate add on the full fund" donate_add "one sqlite3 INSERT (same indexes)" sqlite_insert "2"
done
done

# The table: times are medians, RSS the peak over the runs.
{
  echo
  echo "cfund benchmark: $(nproc)-core $(uname -m), $(date -u +%Y-%m-%d), median wall time of ${BENCH_RUNS:-5} runs (3 from 1M), peak RSS; a goal's ratio is the median of alternated runs' ratios"
  printf '%-20s %-40s %10s %8s  %-38s %10s %8s %9s %9s %s\n' N/shape measure cfund RSS baseline time RSS ratio goal met
  while IFS='|' read -r n what ours name theirs goal rss_goal paired; do
    read -r their_s their_mb <<< "$theirs"
    read -r our_s our_mb <<< "$ours"
    awk -v n="$n" -v what="$what" -v s="$our_s" -v mb="$our_mb" -v name="$name" -v ts="$their_s" -v tmb="$their_mb" \
      -v goal="$goal" -v rss_goal="$rss_goal" -v paired="$paired" 'BEGIN {
        ratio = paired != "" ? paired : (ts > 0 ? s / ts : 0)
        met = ""; goal_text = ""
        if (goal != "") {
          goal_text = (goal + 0 < 1) ? sprintf("<=1/%d", 1 / goal + 0.5) : sprintf("<=%s", goal)
          met = (ratio <= goal) ? "yes" : "no"
        }
        if (rss_goal != "") {
          met = met (met == "" ? "" : ", ") ((mb <= rss_goal) ? "RSS yes" : "RSS no")
          goal_text = goal_text (goal_text == "" ? "" : ", ") "<=" rss_goal "MB"
        }
        printf "%-20s %-40s %9.4fs %6.1fMB  %-38s %9.4fs %6.1fMB %9.3f %9s %s\n", n, what, s, mb, name, ts, tmb, ratio, goal_text, met
      }'
  done < "$rows"
} | tee "$work/table.txt"
goals | tee "$work/goals.txt"
xlsx_line | tee "$work/xlsx.txt"
# The roll-up of 400 funds (docs/PERFORMANCE.md, section 五).
# BENCH_ONLY_ROLLUP=1 measures it alone.
"$bench/rollup.sh" "$build" "$work"
