#!/usr/bin/env bash
# The bad-input corpus (bad_input/cases.txt): each case runs in a fresh folder on a
# fresh copy of a fund with every kind of entry, and must give its exit code and its
# message, in Chinese, and leave the fund file byte-identical (no -wal left).
#
#   bad_input.sh CFUND_BINARY [CASES_FILE]
#
# With CFUND_SHOW=1 it prints what each case actually gives instead of checking
# (to write a new case: run it, read the output, copy what is right).
CFUND=$1
cases=$(realpath "${2:-$(dirname "$0")/bad_input/cases.txt}")
source "$(dirname "$0")/common.sh"

base=$WORK/base.cfund
make_rich_fund "$base"
count=0
failures=0

run_case() {
  local name=$1 command=$2 code=$3 text=$4 absent=$5 dir status problems=""
  dir=$WORK/case
  rm -rf "$dir"
  mkdir "$dir"
  cp "$base" "$dir/fund.cfund"
  (
    cd "$dir" || exit 99
    sum=$(sha256sum fund.cfund)
    CFUND_FUND=fund.cfund bash -c "cfund() { \"$CFUND\" \"\$@\"; }; $command" > stdout 2> stderr
    echo $? > status
    [ "$(sha256sum fund.cfund)" = "$sum" ] && [ ! -s fund.cfund-wal ] && echo same > unchanged
  )
  status=$(cat "$dir/status")
  count=$((count + 1))
  if [ "${CFUND_SHOW:-}" = 1 ]; then
    printf '== %s\n   exit %s%s\n' "$name" "$status" "$([ -e "$dir/unchanged" ] || echo '  FUND FILE CHANGED')"
    sed 's/^/   /' "$dir/stderr" | cut -c1-400
    return
  fi
  [ "$status" = "$code" ] || problems+="exit $status instead of $code; "
  grep -qF -- "$text" "$dir/stderr" || problems+="the message does not say '$text'; "
  grep -qP '[\x{4e00}-\x{9fff}]' "$dir/stderr" || problems+="the message is not in Chinese; "
  [ -e "$dir/unchanged" ] || problems+="THE FUND FILE CHANGED; "
  if [ -n "$absent" ] && [ -e "$dir/$absent" ]; then problems+="$absent was left behind; "; fi
  if [ -n "$problems" ]; then
    failures=$((failures + 1))
    echo "FAIL $name: $problems" >&2
    echo "     \$ $command" >&2
    sed 's/^/     /' "$dir/stderr" | head -5 >&2
  fi
}

name="" command="" code="" text="" absent=""
flush() {
  if [ -n "$name" ]; then
    [ -n "$command" ] && [ -n "$code" ] || fail "case '$name' in $cases needs a \$ line and an exit line"
    run_case "$name" "$command" "$code" "$text" "$absent"
  fi
  name="" command="" code="" text="" absent=""
}
while IFS= read -r line || [ -n "$line" ]; do
  case $line in
    "== "*) flush; name=${line#== } ;;
    "\$ "*) command=${line#\$ } ;;
    "exit "*) code=${line#exit } ;;
    "err "*) text=${line#err } ;;
    "absent "*) absent=${line#absent } ;;
  esac
done < "$cases"
flush

[ "${CFUND_SHOW:-}" = 1 ] && exit 0
[ $failures -eq 0 ] || fail "$failures of $count bad-input cases failed"
echo "bad input: $count cases, each with its exit code and Chinese message, the fund file byte-identical"
