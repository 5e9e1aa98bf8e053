#!/usr/bin/env bash
# Runs one end-to-end case: the lines of CASE/script, each with its output and exit
# code, make a transcript that must equal CASE/expected.
#
#   run_case.sh CFUND_BINARY CASE_DIR
#
# Each case runs in a fresh temporary directory holding a copy of the case folder,
# with a fixed clock and operator and no personal configuration. On a mismatch the
# transcript is written to CASE/actual and the difference is shown; with
# CFUND_UPDATE_GOLDEN=1 it replaces CASE/expected instead (review it with git diff).
#
# Helpers a script line may use:
#   cfund ...            the binary under test
#   snap [FILE]          remember the checksum of the fund file (default fund.cfund)
#   unchanged [FILE]     after a command: its exit code, and whether the file is
#                        byte-identical to the last snap
#   sql "STATEMENT"      a raw edit of fund.cfund with the sqlite3 shell
#   examples             the path of the repository's examples/ folder
#   cfund_binary         the binary's path, for scripts that take it (examples/town/year.sh)

set -u
binary=$(realpath "$1")
case_dir=$(realpath "$2")
repo=$(realpath "$(dirname "$0")/../..")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$case_dir"/. "$work"/
rm -f "$work/expected" "$work/actual"

cat > "$work/.helpers.sh" <<HELPERS
cfund() { "$binary" "\$@"; }
cfund_binary="$binary"

snap() { sha256sum "\${1:-fund.cfund}" > .snap; }
unchanged() {
  local status=\$?
  if sha256sum --status -c .snap && [ ! -s "\${1:-fund.cfund}-wal" ]; then
    echo "[exit \$status] fund file unchanged"
  else
    echo "[exit \$status] FUND FILE CHANGED"
  fi
}
sql() { sqlite3 fund.cfund "\$1"; }
examples="$repo/examples"
HELPERS

# The clock of every command: 2025-03-10 10:00 in Beijing, or the case's own (a file
# `now` in the case, for cases whose books run past that day: entries may not be dated
# after today).
now="2025-03-10T10:00:00+08:00"
[ -f "$case_dir/now" ] && now=$(cat "$case_dir/now")
transcript="$work/.transcript"
: > "$transcript"
cd "$work"
while IFS= read -r line || [ -n "$line" ]; do
  if [ -z "$line" ]; then echo >> "$transcript"; continue; fi
  if [[ "$line" == \#* ]]; then echo "$line" >> "$transcript"; continue; fi
  echo "\$ $line" >> "$transcript"
  env -i PATH=/usr/bin:/bin HOME="$work" LANG=C.UTF-8 TZ=Asia/Shanghai \
      CFUND_NOW="$now" CFUND_OPERATOR="测试员" \
      ASAN_OPTIONS="${ASAN_OPTIONS:-}" UBSAN_OPTIONS="${UBSAN_OPTIONS:-}" \
      bash -c "source ./.helpers.sh; $line" >> "$transcript" 2>&1
  status=$?
  [ $status -ne 0 ] && echo "[exit $status]" >> "$transcript"
done < "$case_dir/script"
sed -i "s|$work|<tmp>|g; s|$repo|<repo>|g" "$transcript"

if [ "${CFUND_UPDATE_GOLDEN:-}" = 1 ]; then
  cp "$transcript" "$case_dir/expected"
  rm -f "$case_dir/actual"
  exit 0
fi
if [ -f "$case_dir/expected" ] && diff -u "$case_dir/expected" "$transcript"; then
  rm -f "$case_dir/actual"
  exit 0
fi
cp "$transcript" "$case_dir/actual"
echo "e2e case $(basename "$case_dir") differs from its expected transcript; see $case_dir/actual" >&2
exit 1
