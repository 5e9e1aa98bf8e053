# A writer that holds a write transaction on a fund file while a test or the bench reads
# it (rollup.read_only, tests/bench/rollup.sh). Sourced, not run.

# hold_writer FUND DIR: starts the sqlite3 shell on FUND, fed through DIR/writer.in on
# file descriptor 3, and has it begin a write transaction with a change in it; sets
# WRITER_PID. Returns 1 when the transaction has not begun within 10 seconds.
hold_writer() {
  local fund=$1 dir=$2
  mkfifo "$dir/writer.in"
  sqlite3 "$fund" < "$dir/writer.in" > "$dir/writer.out" 2>&1 &
  WRITER_PID=$!
  exec 3> "$dir/writer.in"
  echo "BEGIN IMMEDIATE; INSERT INTO fund_settings(key, value) VALUES ('held_by_test', '1'); SELECT 'holding';" >&3
  for _ in $(seq 100); do
    grep -q holding "$dir/writer.out" && return 0
    sleep 0.1
  done
  return 1
}

# release_writer: rolls the transaction back and waits for the writer to end.
release_writer() {
  echo "ROLLBACK;" >&3
  exec 3>&-
  wait "$WRITER_PID" || true
  WRITER_PID=""
}
