#!/usr/bin/env bash
# Speed work keeps every output byte for byte (issue 22; ctest speed.same_outputs).
#
#   same_outputs.sh CFUND_BINARY CFUND_GENERATE [EXPECTED_FILE]
#
# Builds funds with the bench generator (fixed seeds; both of make bench's shapes through
# the importers, and a varied fund of every kind through single commands), then takes
# what a user sees from them: monthly and yearly notices in every format, the audit
# (text and JSON), audit verify of the last entry's code, the exports, the lists, the
# annual statements and a roll-up of the funds; and the same audits after raw edits of
# the file (a posting, a detail row, a link, the last entry removed). The SHA-256 of each
# output is compared with tests/speed/expected.sha256, written by the program before the
# speed work: a change that alters any byte fails here and names the output. The three
# roll-up outputs were written again when the quick check came to read only the period's
# entries (docs/rollup.md): each fund's count of entries rehashed changed, and the copy
# with a posting edited in an entry dated outside the period is no longer flagged by it.
# CFUND_UPDATE_GOLDEN=1 writes the file instead (review the diff of outputs first).
set -euo pipefail
cfund=$(realpath "$1")
generate=$(realpath "$2")
here=$(cd "$(dirname "$0")" && pwd)
expected=${3:-$here/expected.sha256}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CFUND_NOW="2026-01-10T10:00:00+08:00" CFUND_OPERATOR="speed test" HOME="$work"
unset CFUND_FUND CFUND_LANG
cd "$work"
mkdir out

# build_imported NAME SHAPE N: a fund of N donations through the importers.
build_imported() {
  local name=$1 shape=$2 n=$3
  mkdir "$name.src"
  "$generate" --donations "$n" --shape "$shape" --seed 7 --out "$name.src" > /dev/null
  "$cfund" init "$name.cfund" --config "$name.src/fund.toml" > /dev/null
  (
    export CFUND_FUND="$work/$name.cfund"
    cfund() { "$cfund" "$@" > /dev/null; }
    cd "$name.src"
    source ./setup.sh
    "$cfund" donate import donations.csv --profile cfund > /dev/null
    "$cfund" disburse import disbursements.csv --profile cfund > /dev/null
    source ./finish.sh
  )
}

# build_commands NAME N: a varied fund, every event one command.
build_commands() {
  local name=$1 n=$2
  mkdir "$name.src"
  "$generate" --donations "$n" --mode commands --seed 11 --out "$name.src" > /dev/null
  "$cfund" init "$name.cfund" --config "$name.src/fund.toml" > /dev/null
  (
    export CFUND_FUND="$work/$name.cfund"
    cfund() { "$cfund" "$@" > /dev/null; }
    cd "$name.src"
    source ./commands.sh
  )
}

# take NAME COMMAND...: the command's stdout, stderr and exit status as out/NAME.
take() {
  local name=$1 status=0
  shift
  "$@" > "out/$name" 2>&1 || status=$?
  echo "[exit $status]" >> "out/$name"
}

outputs_of() {
  local fund=$1 f="$1.cfund"
  for lang in zh en; do
    take "$fund.audit.$lang" "$cfund" --lang "$lang" -f "$f" audit
  done
  take "$fund.audit.json" "$cfund" -f "$f" audit --json
  code=$("$cfund" -f "$f" audit witness | grep -o 'CF-[0-9A-Z]*-[0-9A-Z]*-[0-9A-Z]*' | head -n 1)
  take "$fund.verify" "$cfund" -f "$f" audit verify --code "$code"
  take "$fund.verify.json" "$cfund" -f "$f" audit verify --code "$code" --json
  for period in 2025-06 2025-09 2025; do
    for format in md txt; do
      take "$fund.notice.$period.$format" "$cfund" -f "$f" publish --period "$period" --format "$format" --dry-run
    done
    take "$fund.notice.$period.csv" "$cfund" -f "$f" publish --period "$period" --format csv --dry-run --out "out/n.dir"
    cat out/n.dir/* >> "out/$fund.notice.$period.csv"
    rm -rf out/n.dir
  done
  take "$fund.notice.2024.en" "$cfund" --lang en -f "$f" publish --period 2024 --format md --dry-run
  for format in ledger beancount json; do
    take "$fund.export.$format" "$cfund" -f "$f" export --format "$format" --out "out/$fund.$format"
    cat "out/$fund.$format" >> "out/$fund.export.$format"
    rm -f "out/$fund.$format"
  done
  take "$fund.donations.2025-06" "$cfund" -f "$f" donate list --period 2025-06
  take "$fund.payments.2025" "$cfund" -f "$f" disburse list --period 2025
  take "$fund.annual" "$cfund" -f "$f" report annual --year 2025 --format md --out "out/$fund.annual.dir"
  cat "out/$fund.annual.dir"/* >> "out/$fund.annual" 2> /dev/null || true
  rm -rf "out/$fund.annual.dir"
}

# tampered FUND NAME SQL: the audits of a copy of FUND after the raw edit SQL.
tampered() {
  local fund=$1 name=$2 sql=$3
  cp "$fund.cfund" "$name.cfund"
  sqlite3 "$name.cfund" "$sql"
  take "$name.audit" "$cfund" --lang en -f "$name.cfund" audit
  take "$name.audit.json" "$cfund" -f "$name.cfund" audit --json
  take "$name.verify" "$cfund" --lang en -f "$name.cfund" audit verify
}

build_imported few few-donors 3000
build_imported many many-donors 3000
build_commands varied 400
for fund in few many varied; do outputs_of "$fund"; done

mid="(SELECT id FROM entries WHERE kind = 'donation' ORDER BY id LIMIT 1 OFFSET 1500)"
tampered many t_posting "UPDATE postings SET amount = amount + 1 WHERE entry_id = $mid AND seq = (SELECT MIN(seq) FROM postings WHERE entry_id = $mid)"
tampered many t_detail "UPDATE donations SET donor_name = '改过' WHERE entry_id = $mid"
tampered many t_link "UPDATE entries SET prev_hash = hash WHERE id = $mid"
tampered many t_last "DELETE FROM postings WHERE entry_id = (SELECT MAX(id) FROM entries);
  DELETE FROM donations WHERE entry_id = (SELECT MAX(id) FROM entries);
  DELETE FROM disbursements WHERE entry_id = (SELECT MAX(id) FROM entries);
  DELETE FROM entries WHERE id = (SELECT MAX(id) FROM entries)"
tampered varied t_gap "DELETE FROM postings WHERE entry_id = 200; DELETE FROM entries WHERE id = 200"
tampered varied t_kind "UPDATE entries SET kind = 'gift' WHERE id = 150"

tampered many t_ref "UPDATE donations SET external_ref = (SELECT x.external_ref FROM donations x
  WHERE x.account_id = donations.account_id AND x.entry_id < donations.entry_id AND x.external_ref IS NOT NULL
  ORDER BY x.entry_id LIMIT 1) WHERE entry_id = (SELECT MAX(entry_id) FROM donations WHERE external_ref IS NOT NULL)"
# Likely duplicates: the same gift recorded twice (and a third time), which cfund allows and the audit lists.
cp many.cfund dups.cfund
for _ in 1 2 3; do
  "$cfund" -f dups.cfund donate add --donor 王秀兰 --amount 50 --account wechat --date 2025-12-30 > /dev/null
done
"$cfund" -f dups.cfund disburse add --payee 便民五金店 --amount 120 --category management --purpose 文具 \
  --account cash --date 2025-12-30 > /dev/null 2>&1 || true
take dups.audit "$cfund" -f dups.cfund audit
take dups.audit.json "$cfund" -f dups.cfund audit --json

mkdir rollup
cp few.cfund many.cfund varied.cfund t_posting.cfund rollup/
for period in 2025-06 2025; do
  take "rollup.$period" "$cfund" --lang en rollup rollup --period "$period" --format csv --out "out/rollup.$period.dir"
  cat "out/rollup.$period.dir"/* >> "out/rollup.$period"
  rm -rf "out/rollup.$period.dir"
done
take rollup.annual "$cfund" rollup rollup --annual --year 2025 --format csv --out out/rollup.annual.dir
cat out/rollup.annual.dir/* >> out/rollup.annual
rm -rf out/rollup.annual.dir

(cd out && sha256sum -- *) > sums
[ -n "${CFUND_SPEED_KEEP:-}" ] && cp -r out "$CFUND_SPEED_KEEP"
if grep -l '\[exit 5\]' out/* > /dev/null 2>&1; then
  echo "FAIL: an internal error (exit 5) in:"
  grep -l '\[exit 5\]' out/*
  exit 1
fi
if [ "${CFUND_UPDATE_GOLDEN:-0}" = 1 ]; then
  cp sums "$expected"
  echo "wrote $expected ($(wc -l < sums) outputs)"
  exit 0
fi
if ! diff <(sort -k2 "$expected") <(sort -k2 sums) > diff.txt; then
  echo "FAIL: outputs differ from those before the speed work ($expected):"
  cat diff.txt
  for name in $(diff <(sort -k2 "$expected") <(sort -k2 sums) | awk '/^>/ { print $3 }'); do
    echo "--- out/$name (first lines)"
    head -n 20 "out/$name"
  done
  exit 1
fi
echo "ok: $(wc -l < sums) outputs byte for byte as before"
