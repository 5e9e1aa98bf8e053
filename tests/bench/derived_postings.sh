#!/usr/bin/env bash
# What deriving a money donation's two postings from its detail row, instead of storing them,
# would save and cost, measured with sqlite3 alone on a bench fund (docs/PERFORMANCE.md §十二;
# cfund itself is not changed):
#
#   tests/bench/derived_postings.sh BUILD_DIR FUND [RUNS]
#
# FUND is a fund file made by `make bench` (e.g. build/bench/many-donors-1000000/fund.cfund).
# Two vacuumed copies of it are made in BENCH_DIR (default BUILD_DIR/bench/derived):
#   stored   the fund as it is
#   derived  the table postings renamed posting_rows, the money donations' postings deleted, and
#            a view postings = posting_rows UNION ALL the two rows each money donation implies
#            (its account, +amount, seq 1; its designation, -amount, seq 2)
# The two must give the same postings, row for row (checked first). Then, alternated, RUNS times
# (default 3), each query on each copy, timed by cfund_stopwatch:
#   journal   the rows the chain reads: entries, donations, payments and the stored postings
#   in order  every posting in entry order, as the chain's scan reads them
#   balances  a notice's closing balances: the postings of the last 500 entries summed by designation
# and prints the file sizes, the median seconds and each query's plan on the derived copy.
set -euo pipefail

build=$(realpath "$1")
fund=$(realpath "$2")
runs=${3:-3}
stopwatch="$build/tests/cfund_stopwatch"
work=${BENCH_DIR:-$build/bench/derived}
[ -x "$stopwatch" ] || { echo "derived_postings.sh: $stopwatch is missing (cmake --build $1)" >&2; exit 2; }
command -v sqlite3 > /dev/null || { echo "derived_postings.sh: sqlite3 is missing (make deps installs it)" >&2; exit 2; }
mkdir -p "$work"
cd "$work"
rm -f stored.cfund derived.cfund
sqlite3 -readonly "$fund" "VACUUM INTO 'stored.cfund'"
cp stored.cfund derived.cfund
sqlite3 derived.cfund <<'SQL'
PRAGMA foreign_keys = OFF;
ALTER TABLE postings RENAME TO posting_rows;
DELETE FROM posting_rows WHERE entry_id IN (SELECT entry_id FROM donations WHERE form = 'money');
CREATE VIEW postings AS
  SELECT entry_id, seq, account_id, designation_id, amount FROM posting_rows
  UNION ALL SELECT entry_id, 1, account_id, NULL, amount FROM donations WHERE form = 'money'
  UNION ALL SELECT entry_id, 2, NULL, designation_id, -amount FROM donations WHERE form = 'money';
VACUUM;
SQL

same=$(for f in stored derived; do
  sqlite3 -readonly "$f.cfund" "SELECT entry_id, seq, account_id, designation_id, amount FROM postings
    ORDER BY entry_id, seq" | sha256sum
done | uniq | wc -l)
[ "$same" = 1 ] || { echo "derived_postings.sh: the view does not give the stored postings" >&2; exit 1; }

last=$(sqlite3 -readonly stored.cfund "SELECT MAX(id) FROM entries")
last_date=$(sqlite3 -readonly stored.cfund "SELECT MAX(date) FROM entries")
journal_stored="SELECT * FROM entries; SELECT * FROM donations; SELECT * FROM disbursements; SELECT * FROM postings;"
journal_derived="SELECT * FROM entries; SELECT * FROM donations; SELECT * FROM disbursements; SELECT * FROM posting_rows;"
in_order="SELECT * FROM postings WHERE entry_id BETWEEN 1 AND $last ORDER BY entry_id, seq"
balances="SELECT p.designation_id, -SUM(p.amount) FROM entries e CROSS JOIN postings p ON p.entry_id = e.id
  WHERE e.id > $((last - 500)) AND +e.date <= '$last_date' AND p.designation_id IS NOT NULL GROUP BY p.designation_id"

# seconds NAME: the median of the samples in NAME.samples (microseconds).
seconds() { sort -n "$1.samples" | awk '{ v[NR] = $1 } END { printf "%.2f", v[int((NR + 1) / 2)] / 1e6 }'; }
for name in journal_stored journal_derived in_order_stored in_order_derived balances_stored balances_derived; do
  : > "$name.samples"
done
for ((r = 1; r <= runs; r++)); do
  for f in stored derived; do
    journal="journal_$f"
    for measure in "journal_$f:${!journal}" "in_order_$f:$in_order" "balances_$f:$balances"; do
      "$stopwatch" result sqlite3 -readonly "$f.cfund" "${measure#*:}" > /dev/null
      cut -d' ' -f1 result >> "${measure%%:*}.samples"
    done
  done
done

size() { echo "$(($(stat -c %s "$1") / 1000000)) MB"; }
printf '%-58s %12s %12s\n' "$(sqlite3 -readonly stored.cfund 'SELECT COUNT(*) FROM entries') entries, median of $runs" \
  stored derived
printf '%-58s %12s %12s\n' "file size (vacuumed)" "$(size stored.cfund)" "$(size derived.cfund)"
printf '%-58s %11ss %11ss\n' "journal: entries, donations, payments, stored postings" \
  "$(seconds journal_stored)" "$(seconds journal_derived)"
printf '%-58s %11ss %11ss\n' "in order: every posting by entry, as the chain reads" \
  "$(seconds in_order_stored)" "$(seconds in_order_derived)"
printf '%-58s %11ss %11ss\n' "balances: the last 500 entries' postings by designation" \
  "$(seconds balances_stored)" "$(seconds balances_derived)"
echo "the derived copy's plans:"
for q in "$in_order" "$balances"; do sqlite3 -readonly derived.cfund "EXPLAIN QUERY PLAN $q" | grep -E 'TEMP B-TREE|MATERIALIZE|SCAN' | sed 's/^/  /'; done
