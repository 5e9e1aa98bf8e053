#!/usr/bin/env bash
# 每晚对账脚本：导入当天对账单中的捐赠、对账、审计、生成上月公示。可放进 cron，例如每晚 23:30：
#   30 23 * * *  /path/to/nightly.sh /data/guihuali.cfund /data/statements/today.csv wechat wechat >> /data/nightly.log 2>&1
# Nightly script: import the donations of today's statement, reconcile, audit, then
# publish last month's notice. For cron, e.g. every night at 23:30 (see the line above).
#
# 用法 / usage:  nightly.sh FUND_FILE [STATEMENT [ACCOUNT [PROFILE]]]
#   FUND_FILE   基金账套文件 / the fund file (*.cfund)
#   STATEMENT   当天的银行/微信/支付宝对账单（可省略）/ today's statement (optional)
#   ACCOUNT     对账单所属的资金账户，默认 bank / the account it belongs to (default bank)
#   PROFILE     导入配置：cfund（默认）、wechat、alipay、bank 或配置文件
#               / import profile: cfund (default), wechat, alipay, bank or a profile file
# 环境变量 / environment:
#   CFUND_NOTICE_DIR  公示输出目录，默认 notices / where notices go (default notices)
#   CFUND_NOW         固定“今天”（测试用）/ fixes "today" (for tests)
#
# 退出码 / exit status（见 docs/exit-codes.md）:
#   0  一切正常（可以有警告）/ all well (warnings allowed)
#   1  对账未对平或审计发现错误：请人工查看，本次不生成公示
#      unreconciled statement or audit errors: a person must look; no notice is made
#   2-5  cfund 本身失败时原样返回它的退出码 / cfund's own exit code when it failed
set -u

if [ $# -lt 1 ]; then
  echo "用法 / usage: $0 FUND_FILE [STATEMENT [ACCOUNT [PROFILE]]]" >&2
  exit 2
fi
fund=$1
statement=${2:-}
account=${3:-bank}
profile=${4:-cfund}
notice_dir=${CFUND_NOTICE_DIR:-notices}
findings=0

# 运行一步：0 继续，1 记下发现的问题并继续，其他退出码立即停止。
# Runs one step: 0 goes on, 1 notes the findings and goes on, anything else stops here.
step() {
  "$@"
  local status=$?
  case $status in
    0) ;;
    1) findings=1 ;;
    *) echo "nightly: 第 $status 号错误，停止 / stopped on exit status $status: $*" >&2; exit $status ;;
  esac
}

# 1. 导入当天对账单中的收入（捐赠）。重复运行不会重复记账；支出须有类别和用途，由社区
#    工作者用 cfund disburse add 登记，对账会指出漏记的支出。
#    Import the money received on today's statement. Running it again adds nothing;
#    payments need a category and purpose, so workers record them with disburse add,
#    and the reconciliation shows any left out.
if [ -n "$statement" ]; then
  echo "== 导入 / import: $account ← $statement ($profile)"
  step cfund -f "$fund" donate import "$statement" --profile "$profile" --account "$account" --quiet
fi

# 2. 对账（给出对账单时）/ reconcile, when a statement is given
if [ -n "$statement" ]; then
  echo "== 对账 / reconcile: $account ← $statement"
  step cfund -f "$fund" audit reconcile --account "$account" --statement "$statement" --profile "$profile"
fi

# 3. 审计全部账目 / audit all of the books
echo "== 审计 / audit"
step cfund -f "$fund" audit

# 4. 生成上月公示（前面没有发现问题时）
#    Publish last month's notice, when nothing was found above.
today=${CFUND_NOW:-$(date +%F)}
last_month=$(date -d "${today:0:7}-01 -1 day" +%Y-%m)
if [ $findings -ne 0 ]; then
  echo "== 发现问题，未生成 $last_month 公示 / findings: the $last_month notice was not made"
else
  echo "== 公示 / publish: $last_month → $notice_dir"
  mkdir -p "$notice_dir"
  step cfund -f "$fund" publish --period "$last_month" --format md --out "$notice_dir"
fi
exit $findings
