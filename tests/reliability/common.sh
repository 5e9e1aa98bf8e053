# Sourced by the reliability tests (tests/reliability/*.sh). The caller sets CFUND
# (the binary under test) before sourcing. Gives a fresh work folder, the same fixed
# clock, operator and language as the e2e cases, no personal configuration, and the
# helpers below.
set -u
CFUND=$(realpath "$CFUND")
REPO=$(realpath "$(dirname "${BASH_SOURCE[0]}")/../..")
WORK=$(mktemp -d /tmp/cfund-reliability-XXXXXX)
trap 'rm -rf "$WORK"' EXIT
export HOME=$WORK LANG=C.UTF-8 TZ=Asia/Shanghai
export CFUND_NOW="2025-03-10T10:00:00+08:00" CFUND_OPERATOR="测试员"
unset CFUND_FUND CFUND_LANG CFUND_CONFIG XDG_CONFIG_HOME

cfund() { "$CFUND" "$@"; }

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# Number of journal entries in a fund file (read with the sqlite3 shell, not cfund).
entry_count() { sqlite3 "$1" "SELECT COUNT(*) FROM entries"; }

# Nanoseconds on the monotonic-enough wall clock, for figures.
now_ns() { date +%s%N; }

# A fund with every kind of entry the journal knows: donations of money and goods,
# an official receipt number, a beneficiary, relief, a void, a transfer, a
# reallocation, a project through its stages with an allocation, spending and a
# budget amendment, February closed and published, and March open with a WeChat Pay
# statement imported.
make_rich_fund() {
  local f=$1 out
  out=$(dirname "$f")/rich-fund-notices
  {
    cfund init "$f" --config "$REPO/examples/fund.toml" &&
    cfund -f "$f" donate add --donor 张伟 --amount 20,000 --account bank --date 2025-02-03 &&
    cfund -f "$f" donate add --donor 李娜 --amount 2,500 --account bank --to students --date 2025-02-12 &&
    cfund -f "$f" donate add --donor 惠民超市 --donor-type organisation --goods --item 大米 --quantity 20 --unit 袋 --value 1,200 --to elderly --date 2025-02-14 &&
    cfund -f "$f" donate host-receipt 3 QX-2025-0001 &&
    cfund -f "$f" beneficiary add --name 王秀英 --category 独居老人 --id-number 11010519491231002X --phone 13812345678 --address 桂花里3栋 &&
    cfund -f "$f" donate add --donor 周敏 --amount 800 --account cash --to elderly --date 2025-02-15 &&
    cfund -f "$f" disburse add --amount 300 --account cash --from elderly --category relief --beneficiary B0001 --purpose 冬季慰问金 --date 2025-02-16 &&
    cfund -f "$f" donate add --donor 陈刚 --amount 300 --account cash --date 2025-02-17 &&
    cfund -f "$f" donate void 9 --reason 重复录入 --date 2025-02-18 &&
    cfund -f "$f" transfer --from cash --to bank --amount 100 --date 2025-02-19 --memo 现金存入银行 &&
    cfund -f "$f" reallocate --from students --to elderly --amount 500 --reason 捐赠人同意改用 --approval 议-2025-04 --date 2025-02-20 &&
    cfund -f "$f" project propose 晾衣架更新 --category 社区营造 --budget 6,000 --proposer 5栋居民 --date 2025-02-05 &&
    cfund -f "$f" project review P001 --date 2025-02-06 &&
    cfund -f "$f" project approve P001 --decision 议-2025-02 --date 2025-02-07 &&
    cfund -f "$f" project allocate P001 --amount 5,000 --approval 议-2025-02 --date 2025-02-07 &&
    cfund -f "$f" project start P001 --date 2025-02-08 &&
    cfund -f "$f" disburse add --amount 2,400 --account bank --from P001 --category project --payee 青溪五金店 --purpose 晾衣架24组 --date 2025-02-21 &&
    cfund -f "$f" project amend-budget P001 --budget 7,500 --decision 议-2025-05 --reason 增加7栋8栋 --date 2025-02-25 &&
    cfund -f "$f" audit close 2025-02 &&
    cfund -f "$f" publish --period 2025-02 --format md --out "$out" &&
    cfund -f "$f" donate add --donor 刘芳 --anonymous --amount 600 --account wechat --to elderly --date 2025-03-04 &&
    cfund -f "$f" disburse add --amount 120 --account cash --category management --payee 青溪印务 --purpose 公示栏海报印制 --date 2025-03-07 &&
    cfund -f "$f" donate import "$REPO/examples/statements/wechat.csv" --profile wechat --account wechat --quiet
  } > "$WORK/rich-fund.log" 2>&1 || { cat "$WORK/rich-fund.log" >&2; fail "could not build the rich fund"; }
  rm -rf "$out"
}
