#!/usr/bin/env bash
# The warehouse export against a real PostgreSQL (ctest warehouse.postgres).
#
#   postgres.sh CFUND_BINARY CFUND_GENERATE
#
# Builds the example district (examples/district: 12 funds in 3 towns) and one
# generated fund with every kind of entry (cfund_generate --mode commands), takes the
# checksum of every fund file, rolls them up (cfund rollup, CSV) for the year 2025 and
# for June 2025, exports them (cfund export --format warehouse), and checks that no
# fund file changed. Then it starts a throwaway PostgreSQL cluster (initdb in a
# temporary folder, a Unix socket there, no TCP: listen_addresses=''), loads the
# export twice (idempotent), asks the federation's usual questions in SQL
# (docs/warehouse.md: totals per fund and per town for a period, relief households,
# funds below the yearly ratios, projects by stage) and requires the answers to equal
# the roll-up's figures to the fen. Then a fund gets a new donation, is exported again
# and reloaded alone: its rows are replaced in one transaction, the others untouched.
# The cluster is stopped and the folder removed on every exit (trap).
#
# PostgreSQL refuses to run as root: as root the server runs as the user postgres
# (Debian's package creates it), or nobody; as anyone else, as that user.
# Exits 77 (skipped) only when PostgreSQL (Debian's postgresql package) is absent.
set -euo pipefail
cfund=$(realpath "$1")
generate=$(realpath "$2")
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pgbin" ] || [ ! -x "$pgbin/initdb" ] || ! command -v psql > /dev/null; then
  echo "PostgreSQL is not installed (Debian package postgresql): skipped"
  exit 77
fi

work=$(mktemp -d)
chmod 755 "$work"
pg_as=()
if [ "$(id -u)" -eq 0 ]; then
  runner=postgres
  id -u postgres > /dev/null 2>&1 || runner=nobody
  pg_as=(runuser -u "$runner" --)
fi
cleanup() {
  if [ -f "$work/pg/postmaster.pid" ]; then
    "${pg_as[@]}" "$pgbin/pg_ctl" -D "$work/pg" -m immediate stop > /dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

export CFUND_NOW="2026-01-20T09:00:00+08:00" CFUND_OPERATOR="warehouse test" HOME="$work"
unset CFUND_FUND CFUND_LANG

# --- the funds -------------------------------------------------------------------
bash "$repo/examples/district/district.sh" "$cfund" "$work/district" > /dev/null
funds="$work/district/funds"
"$generate" --donations 150 --out "$work/gen" --mode commands --seed 7 --name 北苑社区慈善基金 --region 临江区 \
  --town 北苑街道 > /dev/null
(
  cd "$work/gen"
  export CFUND_FUND="$funds/beiyuan/beiyuan.cfund"
  mkdir -p "$funds/beiyuan"
  "$cfund" init "$CFUND_FUND" --config fund.toml > /dev/null
  cfund() { "$cfund" "$@" > /dev/null; }
  source ./commands.sh
)
sums() { find "$funds" -type f | sort | xargs sha256sum; }
sums > "$work/before.sums"

# --- roll-up and export (read only) ----------------------------------------------
"$cfund" --lang en rollup "$funds" --period 2025 --format csv --out "$work/year" > /dev/null
"$cfund" --lang en rollup "$funds" --period 2025-06 --format csv --out "$work/june" > /dev/null
"$cfund" export --format warehouse --out "$work/wh" "$funds" > /dev/null
sums > "$work/after.sums"
if ! cmp -s "$work/before.sums" "$work/after.sums"; then
  echo "FAIL: rollup or export changed a fund file:"
  diff "$work/before.sums" "$work/after.sums"
  exit 1
fi
echo "ok: $(wc -l < "$work/before.sums") fund files unchanged by rollup and export (sha256)"

# --- a throwaway cluster ---------------------------------------------------------
mkdir -p "$work/pg" "$work/sock"
[ ${#pg_as[@]} -gt 0 ] && chown "$runner" "$work/pg" "$work/sock"
"${pg_as[@]}" "$pgbin/initdb" -D "$work/pg" -U cfund --auth=trust --encoding=UTF8 --locale=C.UTF-8 > "$work/initdb.log"
"${pg_as[@]}" "$pgbin/pg_ctl" -D "$work/pg" -l "$work/sock/server.log" -w \
  -o "-c listen_addresses='' -k $work/sock -c fsync=off" start > /dev/null
sql() { psql -X -q -h "$work/sock" -U cfund -d postgres -v ON_ERROR_STOP=1 "$@"; }

load() { (cd "$work/wh" && sql -f schema.sql -f load.sql > /dev/null); }
load
count1=$(sql -tAc "SELECT count(*) FROM entries")
load  # the same export again: the same rows
count2=$(sql -tAc "SELECT count(*) FROM entries")
[ "$count1" = "$count2" ] || { echo "FAIL: loading twice gave $count1 then $count2 entries"; exit 1; }
echo "ok: loaded twice, $count2 entries both times"

python3 "$here/compare.py" "$work" sql_run

# --- a fund with a new entry, exported again and reloaded alone -----------------------
fund="$funds/qingxi/hetang.cfund"
"$cfund" -f "$fund" donate add --donor 荷塘茶叶商行 --donor-type organisation --amount 123.45 --account bank \
  --date 2025-12-30 > /dev/null
"$cfund" export --format warehouse --out "$work/wh2" "$fund" > /dev/null
key=$(cd "$work/wh2" && ls -d */ | tr -d /)
others=$(sql -tAc "SELECT count(*) FROM postings WHERE fund_key <> '$key'")
(cd "$work/wh2" && sql -f "$key/load.sql" > /dev/null)
(cd "$work/wh2" && sql -f "$key/load.sql" > /dev/null)  # again: the same rows
[ "$(sql -tAc "SELECT count(*) FROM postings WHERE fund_key <> '$key'")" = "$others" ] ||
  { echo "FAIL: reloading one fund changed the others' rows"; exit 1; }
entries=$(sqlite3 "$fund" "SELECT count(*) FROM entries")
[ "$(sql -tAc "SELECT count(*) FROM entries WHERE fund_key = '$key'")" = "$entries" ] ||
  { echo "FAIL: the reloaded fund does not have its $entries entries"; exit 1; }
echo "ok: one fund re-exported after a new entry and reloaded (twice): $entries entries, the others untouched"
rm -rf "$work/year"
"$cfund" --lang en rollup "$funds" --period 2025 --format csv --out "$work/year" > /dev/null
python3 "$here/compare.py" "$work" sql_run
