#!/usr/bin/env bash
# Projects (公益项目) in the example fund, at different stages of their lifecycle.
#
#   examples/demo_projects.sh CFUND_BINARY FUND_FILE
#
# FUND_FILE is an existing fund made from examples/fund.toml. The script records the
# donations it needs itself (the general fund's allocations are matched by a donation
# of the same day, so whatever else the fund holds is left as it was), then:
#   晾衣架更新      proposed → … → evaluated → closed, remainder returned to the general fund
#   一米花园        in progress, with earmarked donations, an allocation and payments
#   休闲座椅        under review, with a resident's earmarked donation
#   全职妈妈增能    rejected by the council
#   家庭医生健康助理 just proposed
# and prints `cfund project list` and one project in full.
# Projects are named by their names, so it works whatever codes the fund already uses.
# Every name here is fictional. Dates are in January–March 2025.
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 CFUND_BINARY FUND_FILE" >&2
  exit 2
fi
binary=$1
fund=$2

run() {
  echo "\$ cfund $*"
  "$binary" -f "$fund" "$@"
}

echo "== 公益项目 / projects =="

# Money for the council's allocations (and the bank balance the payments need): given to
# the general fund on the day it is allocated.
run donate add --donor 桂花里业主委员会 --donor-type organisation --amount 8,000 --account bank --date 2025-01-20 --memo 支持社区公益项目

# 晾衣架更新: clothes-drying racks for an old estate, from request to closing.
run project propose 晾衣架更新 --category 社区营造 --budget 6,000 --proposer 桂花里5栋居民 \
  --implementer 青溪邻里服务社 --description "为5栋、6栋更换24组不锈钢晾衣架" \
  --planned-start 2025-02-01 --planned-end 2025-03-31 --date 2025-01-08
run donate add --donor 陈阿姨 --amount 500 --account wechat --to 晾衣架更新 --date 2025-01-09
run donate add --anonymous --amount 300 --account cash --to 晾衣架更新 --date 2025-01-10
run project review 晾衣架更新 --date 2025-01-12 --note 提交1月议事会
run project approve 晾衣架更新 --decision 议-2025-02 --date 2025-01-20 --note 议事会9人到会，全票通过
run project allocate 晾衣架更新 --amount 5,000 --approval 议-2025-02 --date 2025-01-20
run project start 晾衣架更新 --date 2025-02-03 --note 青溪邻里服务社接单
run disburse add --amount 2,400 --account bank --from 晾衣架更新 --category project --payee 青溪五金店 \
  --purpose 不锈钢晾衣架24组 --voucher 记-011 --date 2025-02-10
run disburse add --amount 1,800 --account bank --from 晾衣架更新 --category project --payee 青溪邻里服务社 \
  --purpose 安装人工 --voucher 记-012 --date 2025-02-20
run project amend-budget 晾衣架更新 --budget 7,500 --decision 议-2025-04 --reason 增加7栋、8栋 --date 2025-02-25
run disburse add --amount 1,500 --account bank --from 晾衣架更新 --category project --payee 青溪五金店 \
  --purpose 7栋8栋晾衣架 --voucher 记-015 --date 2025-03-01
run project complete 晾衣架更新 --date 2025-03-05
run project evaluate 晾衣架更新 --summary "4栋楼晾衣架全部更换，居民满意度96%" --people-served 312 --score 5 --date 2025-03-08
run project close 晾衣架更新 --return-to general --approval 议-2025-06 --date 2025-03-09

# 一米花园: a pocket garden, being planted now.
run donate add --donor 桂花里业主委员会 --donor-type organisation --amount 1,500 --account bank --date 2025-02-14 --memo 支持一米花园
run project propose 一米花园 --category 环境保护 --budget 3,000 --proposer 桂花里3栋居民 \
  --implementer 青溪绿意社工站 --description "楼前空地改造为12个一米见方的共享花箱" --date 2025-02-10
run donate add --donor 李娜 --amount 1,000 --account wechat --to 一米花园 --date 2025-02-11
run project review 一米花园 --date 2025-02-12
run project approve 一米花园 --decision 议-2025-05 --date 2025-02-14
run project allocate 一米花园 --amount 1,500 --approval 议-2025-05 --date 2025-02-14
run project start 一米花园 --date 2025-02-17 --note 青溪绿意社工站接单
run disburse add --amount 800 --account bank --from 一米花园 --category project --payee 青溪绿意社工站 \
  --purpose 花箱与土壤 --voucher 记-014 --date 2025-02-24

# 休闲座椅: benches for the estate's small square, waiting for the council.
run project propose 休闲座椅 --category 社区营造 --budget 4,000 --proposer 居民议事会 \
  --description "小广场增设6张休闲座椅" --date 2025-03-01
run donate add --donor 王磊 --amount 200 --account cash --to 休闲座椅 --date 2025-03-02
run project review 休闲座椅 --date 2025-03-03

# 全职妈妈增能: not taken up this year.
run project propose 全职妈妈增能 --category 社会组织培育 --budget 2,000 --proposer 妈妈互助小组 --date 2025-02-20
run project review 全职妈妈增能 --date 2025-02-21
run project reject 全职妈妈增能 --reason 与街道同类项目重复，建议合并申报 --decision 议-2025-05 --date 2025-02-24

# 家庭医生健康助理: just asked for.
run project propose 家庭医生健康助理 --category 关爱帮扶 --budget 5,000 --proposer 社区网格员 \
  --implementer 夕阳红服务社 --date 2025-03-06

run project list
run project show 晾衣架更新
