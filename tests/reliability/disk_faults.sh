#!/usr/bin/env bash
# Disk and file faults: a read-only fund file, a read-only folder, a missing folder,
# a full disk, and files that are not (whole) funds. Each must give a clear message
# and a non-zero exit code and leave every file exactly as it was.
#
#   disk_faults.sh CFUND_BINARY
#
# The suite runs as root, and root ignores file permissions: the read-only cases run
# cfund as the unprivileged user "nobody" (setpriv). The full disk is a small tmpfs
# mounted for the test; where mounting is not permitted it is a file size limit
# (ulimit -f, SIGXFSZ ignored, so writes fail with EFBIG); where neither works the
# test exits 77, which ctest reports as skipped. CFUND_DISK_FULL=fsize forces the
# fallback.
CFUND=$1
source "$(dirname "$0")/common.sh"
chmod 755 "$WORK"
checks=0

# expect NAME EXIT TEXT FILE -- COMMAND...: runs the command, which must exit with
# EXIT and print TEXT on stderr, leaving FILE (and its absence of a -wal) unchanged.
expect() {
  local name=$1 code=$2 text=$3 file=$4 before after status
  shift 5
  before=$(sha256sum "$file" 2> /dev/null || echo absent)
  "$@" > "$WORK/stdout" 2> "$WORK/stderr"
  status=$?
  after=$(sha256sum "$file" 2> /dev/null || echo absent)
  [ "$status" = "$code" ] || { cat "$WORK/stderr" >&2; fail "$name: exit $status, expected $code"; }
  grep -qF -- "$text" "$WORK/stderr" || { cat "$WORK/stderr" >&2; fail "$name: message does not say '$text'"; }
  [ "$before" = "$after" ] || fail "$name: $file changed"
  [ ! -s "$file-wal" ] || fail "$name: $file-wal left with content"
  echo "ok  $name: exit $code, $(head -1 "$WORK/stderr")"
  checks=$((checks + 1))
}

fund=$WORK/fund.cfund
cfund init "$fund" --name 故障测试基金 --account bank:bank --account cash:cash > /dev/null || fail "init"
cfund -f "$fund" donate add --donor 张伟 --amount 100 --account bank > /dev/null || fail "donate"

# --- Permissions, as an unprivileged user -----------------------------------------
if id nobody > /dev/null 2>&1 && command -v setpriv > /dev/null; then
  as_nobody() { setpriv --reuid=nobody --regid=nogroup --clear-groups --reset-env env HOME="$WORK" LANG=C.UTF-8 TZ=Asia/Shanghai CFUND_NOW="$CFUND_NOW" CFUND_OPERATOR="$CFUND_OPERATOR" "$@"; }
  as_nobody true || fail "cannot run as nobody"
  mkdir -m 755 "$WORK/ro"
  cp "$fund" "$WORK/ro/fund.cfund"
  chmod 644 "$WORK/ro/fund.cfund"
  expect "read-only fund file: donate add" 4 "无法写入基金账套" "$WORK/ro/fund.cfund" -- \
    as_nobody "$CFUND" -f "$WORK/ro/fund.cfund" donate add --donor 李四 --amount 1 --account bank
  expect "read-only fund file, English" 4 "cannot write fund file" "$WORK/ro/fund.cfund" -- \
    as_nobody "$CFUND" --lang en -f "$WORK/ro/fund.cfund" disburse add --amount 1 --account bank --category management --payee x --purpose y
  # A writable file in a folder where nobody may create the -wal beside it.
  chown nobody "$WORK/ro/fund.cfund"
  expect "read-only folder: donate add" 4 "无法写入基金账套" "$WORK/ro/fund.cfund" -- \
    as_nobody "$CFUND" -f "$WORK/ro/fund.cfund" donate add --donor 李四 --amount 1 --account bank
  expect "read-only folder: init" 4 "无法创建" "$WORK/ro/new.cfund" -- \
    as_nobody "$CFUND" init "$WORK/ro/new.cfund" --name 新基金 --account cash:cash
  [ ! -e "$WORK/ro/new.cfund" ] || fail "init in a read-only folder left a file"
  # A fund nobody may write, and a notice folder nobody may not: no file, no record.
  mkdir -m 755 "$WORK/ro/notices" "$WORK/rw"
  cp "$fund" "$WORK/rw/fund.cfund"
  chown -R nobody "$WORK/rw"
  expect "read-only notice folder: publish" 2 "没有写入权限" "$WORK/rw/fund.cfund" -- \
    as_nobody "$CFUND" -f "$WORK/rw/fund.cfund" publish --period 2025-03 --format all --out "$WORK/ro/notices"
  [ -z "$(ls -A "$WORK/ro/notices")" ] || fail "publish into a read-only folder left files"
else
  fail "cannot run the read-only cases: no user 'nobody' or no setpriv"
fi

# --- Missing folders ---------------------------------------------------------------
expect "fund in a missing folder" 4 "找不到基金账套" "$WORK/nowhere/fund.cfund" -- \
  cfund -f "$WORK/nowhere/fund.cfund" donate add --donor 李四 --amount 1 --account bank
expect "init into a missing folder" 4 "无法创建" "$WORK/nowhere/new.cfund" -- \
  cfund init "$WORK/nowhere/new.cfund" --name 新基金 --account cash:cash
[ ! -e "$WORK/nowhere" ] || fail "init created the missing folder"
echo "not a folder" > "$WORK/blocker"
expect "publish --out under a file" 2 "无法创建目录" "$fund" -- \
  cfund -f "$fund" publish --period 2025-03 --format md --out "$WORK/blocker/notices"

# --- Files that are not (whole) funds -------------------------------------------------
: > "$WORK/empty.cfund"
expect "empty file" 4 "不是 cfund 基金账套文件" "$WORK/empty.cfund" -- cfund -f "$WORK/empty.cfund" donate add --donor 李四 --amount 1 --account bank
expect "a device" 4 "不是 cfund 基金账套文件" /dev/null -- cfund -f /dev/null donate list
head -c 4096 "$fund" > "$WORK/truncated.cfund"
expect "a fund cut short (first page only)" 4 "基金账套“$WORK/truncated.cfund”已损坏" "$WORK/truncated.cfund" -- \
  cfund -f "$WORK/truncated.cfund" donate list
cp "$fund" "$WORK/scribbled.cfund"
pages=$(($(stat -c %s "$fund") / 4096))
for ((p = 1; p < pages; p++)); do
  printf 'XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX' |
    dd of="$WORK/scribbled.cfund" bs=1 seek=$((p * 4096)) conv=notrunc status=none
done
expect "a fund with every page but the first scribbled over" 4 "已损坏" "$WORK/scribbled.cfund" -- \
  cfund -f "$WORK/scribbled.cfund" audit

# --- A full disk ---------------------------------------------------------------------
small=$WORK/small
mkdir "$small"
mode=${CFUND_DISK_FULL:-tmpfs}
if [ "$mode" = tmpfs ] && ! mount -t tmpfs -o size=1m tmpfs "$small" 2> /dev/null; then mode=fsize; fi
if [ "$mode" = tmpfs ]; then
  trap 'umount "$small" 2> /dev/null; rm -rf "$WORK"' EXIT
  cp "$fund" "$small/fund.cfund"
  # Fill the disk to the last byte.
  dd if=/dev/zero of="$small/filler" bs=4096 status=none 2> /dev/null
  full() { "$@"; }
elif (cd "$WORK" && bash -c 'ulimit -f 1; trap "" XFSZ; head -c 4096 /dev/zero > probe' 2> /dev/null); then
  fail "ulimit -f does not limit file size here"
elif [ "$(stat -c %s "$WORK/probe" 2> /dev/null || echo 0)" = 1024 ]; then
  cp "$fund" "$small/fund.cfund"
  # No file cfund writes may grow beyond 1 KiB: the first WAL frame (4 KiB) fails.
  limit=1
  full() { bash -c 'ulimit -f "$0"; trap "" XFSZ; exec "$@"' "$limit" "$@"; }
else
  echo "SKIPPED: neither a tmpfs mount nor ulimit -f works here: the full-disk cases did not run" >&2
  exit 77
fi
echo "full disk: $mode"
expect "disk full: donate add" 4 "磁盘已满" "$small/fund.cfund" -- \
  full "$CFUND" -f "$small/fund.cfund" donate add --donor 李四 --amount 1 --account bank
expect "disk full: English" 4 "the disk is full" "$small/fund.cfund" -- \
  full "$CFUND" --lang en -f "$small/fund.cfund" donate add --donor 李四 --amount 1 --account bank
# The fund on a disk with room, the notices onto the full one. (Under a file size
# limit the fund's own -shm file cannot be made either: refused on opening, exit 4.)
before=$(entry_count "$fund")
publish_exit=$([ "$mode" = tmpfs ] && echo 2 || echo 4)
expect "disk full: publish" "$publish_exit" "磁盘已满" "$fund" -- \
  full "$CFUND" -f "$fund" publish --period 2025-03 --format all --out "$small/notices"
[ -z "$(ls -A "$small/notices" 2> /dev/null)" ] || fail "publish on a full disk left files: $(ls -A "$small/notices")"
[ "$(entry_count "$fund")" = "$before" ] || fail "publish on a full disk recorded a publication"
if [ "$mode" = tmpfs ]; then
  expect "disk full: init" 4 "磁盘已满" "$small/new.cfund" -- \
    full "$CFUND" init "$small/new.cfund" --name 新基金 --account cash:cash
  [ ! -e "$small/new.cfund" ] || fail "init on a full disk left a half-made fund"
  # Some room, but not enough: each amount of free space gives all or nothing.
  for free in 1024 4096 16384 32768 65536 98304 131072 196608 262144; do
    rm -f "$small/filler"
    n=$(entry_count "$small/fund.cfund")
    sum=$(sha256sum < "$small/fund.cfund")
    avail=$(df --output=avail -B1 "$small" | tail -1)
    [ "$avail" -gt "$free" ] && head -c $((avail - free)) /dev/zero > "$small/filler" 2> /dev/null
    "$CFUND" -f "$small/fund.cfund" donate add --donor 王五 --amount 2 --account bank > /dev/null 2> "$WORK/stderr"
    status=$?
    rm -f "$small/filler"  # room again for the checks (even reading needs its -shm file)
    if [ $status -eq 0 ]; then
      [ "$(entry_count "$small/fund.cfund")" = $((n + 1)) ] || fail "$free bytes free: success without its entry"
      echo "ok  $free bytes free: recorded"
    else
      grep -q 磁盘已满 "$WORK/stderr" || { cat "$WORK/stderr" >&2; fail "$free bytes free: unclear message"; }
      [ "$(sha256sum < "$small/fund.cfund")" = "$sum" ] || fail "$free bytes free: failed but the file changed"
      [ ! -s "$small/fund.cfund-wal" ] || fail "$free bytes free: failed and left a -wal"
      echo "ok  $free bytes free: refused, unchanged"
    fi
    "$CFUND" -f "$small/fund.cfund" audit > /dev/null 2>&1 || fail "$free bytes free: audit not clean afterwards"
    checks=$((checks + 1))
  done
fi
echo "disk and file faults: $checks checks passed"
