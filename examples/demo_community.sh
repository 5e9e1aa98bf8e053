#!/usr/bin/env bash
# What the example fund does besides money in March 2025 (part of `make demo`): a
# household, volunteers and their hours (one by one and from sign-in sheets, CSV and
# .xlsx), micro-wishes from posting to fulfilment, credit points earned, redeemed and a
# redemption refused, and the consent to be named among the top contributors. None of it
# is money: the notice discloses it in its own sections.
#   examples/demo_community.sh CFUND_BINARY FUND_FILE
# All names are fictional.
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: $0 CFUND_BINARY FUND_FILE" >&2
  exit 2
fi
cfund=$(realpath "$1")
export CFUND_FUND=$2
here=$(cd "$(dirname "$0")" && pwd)
run() { printf '$ cfund %s\n' "$*"; "$cfund" "$@"; }
# The entry number a command printed (已记录……：第 N 号分录).
entry_of() { sed -nE 's/.*第 ([0-9]+) 号分录.*/\1/p' | head -1; }

# 家庭户：王秀英一家按一户统计 / a household, so that help is counted by household too
run household add --name 王秀英家 --address "桂花里3栋2单元101"
run household join H0001 --beneficiary B0001
run beneficiary add --name 王建国 --category 独居老人 --household H0001

# 志愿者与服务时长 / volunteers and their hours
run volunteer add --name 赵志强 --phone 13700001234
run volunteer add --name 孙丽 --phone 13700005678
run service add --volunteer V0001 --hours 3 --date 2025-03-08 --activity 社区清扫
run service add --volunteer 孙丽 --hours 2.5 --date 2025-03-08 --activity 助老陪伴
# 一天的签到表（CSV）：新名字一并登记；再导入一次不会重复记账
run service import "$here/signin-sheet.csv" --date 2025-03-15 --activity 学雷锋义诊 --add-volunteers
run service import "$here/signin-sheet.csv" --date 2025-03-15 --activity 学雷锋义诊 --add-volunteers
# 一个月的签到表（Excel 工作簿）：日期、活动、项目都在表里
run service import "$here/signin-sheet.xlsx"
# 一天超过 24 小时会被拒绝，账目不变 / more than 24 hours a day is refused
if run service add --volunteer 孙丽 --hours 22 --date 2025-03-08 --activity 夜间值守; then
  echo "unexpected: 24.5 hours in a day were accepted" >&2
  exit 1
fi
run volunteer list
run service list --period 2025-03

# 微心愿：发布 → 认领 → 实现 / micro-wishes: posted, claimed, fulfilled
run wish add --title 一个新书包 --category 学习用品 --estimate 120 --beneficiary B0002 --by 网格员吴敏 --date 2025-03-05
run wish add --title 修好漏水的水管 --category 居家维修 --estimate 200 --beneficiary B0001 --by 网格员吴敏 --date 2025-03-06
run wish add --title 轮椅一台 --category 助老助残 --estimate 800 --for 桂花里7栋行动不便的老人 --date 2025-03-20
run wish claim W0001 --donor 张伟 --date 2025-03-09
printf '$ cfund donate add --donor 张伟 --amount 120 --account wechat --to students … --memo 认领微心愿W0001\n'
gift=$("$cfund" donate add --donor 张伟 --amount 120 --account wechat --to students --date 2025-03-10 --memo 认领微心愿W0001 | tee /dev/stderr | entry_of)
run wish fulfil W0001 --entry "$gift" --date 2025-03-12
run wish claim W0002 --donor 青溪建材有限公司 --donor-type organisation --date 2025-03-13
# 未认领的心愿不能记为已实现 / an unclaimed wish cannot be fulfilled
if run wish fulfil W0003 --entry "$gift" --date 2025-03-21; then
  echo "unexpected: an unclaimed wish was fulfilled" >&2
  exit 1
fi
run wish list

# 积分：捐赠和服务折算，兑换不能超过余额 / points: earned by giving and serving, never redeemed beyond the balance
run points consent 张伟 --date 2025-03-20
run points consent 赵志强 --date 2025-03-20
run points redeem 赵志强 --points 50 --for 理发服务 --date 2025-03-22
if run points redeem 孙丽 --points 9999 --for 大米一袋 --date 2025-03-22; then
  echo "unexpected: points beyond the balance were redeemed" >&2
  exit 1
fi
run points show 赵志强 --date 2025-03-31
run points list --date 2025-03-31
