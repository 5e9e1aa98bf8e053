#!/usr/bin/env bash
# 云塘镇社区慈善基金's year 2025, using every kind of entry: opening balances (from
# fund.toml), donations of money and goods, a town grant and its 1:1 matching, quarterly
# bank interest, a charity sale of donated goods, goods given out to beneficiaries and
# to a project, relief decided case by case, a project that closes with its remainder
# returned, management costs and a bank fee; then the audit, the year's notice, the annual
# accounts and work report (docs/annual.md) and the
# export. Part of `make demo`; every name is fictional.
#
#   examples/town/year.sh CFUND_BINARY OUTPUT_DIR
set -euo pipefail
cfund=$(realpath "$1")
out=$2
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
export CFUND_FUND="$out/yuntang.cfund"
export CFUND_OPERATOR="云塘镇社工站 周敏"
export CFUND_NOW="2026-01-15T09:30:00+08:00"  # the books of 2025, closed in January
rm -f "$CFUND_FUND" "$CFUND_FUND-wal" "$CFUND_FUND-shm"

run() { printf '$ cfund %s\n' "$*"; "$cfund" "$@"; }

# 建账：期初余额随基金定义一起登记 / the fund, with its opening balances
run init "$CFUND_FUND" --config "$here/fund.toml"
run opening list

# 一季度：捐赠、镇政府补助、银行结息、手续费 / Q1: donations, the town's grant, interest, a fee
run donate add --donor 云塘建材有限公司 --donor-type organisation --amount 20,000 --account bank --date 2025-01-08 --ref YT20250108001
run donate add --donor 沈红 --amount 300 --account wechat --date 2025-01-12
run donate add --anonymous --amount 1,000 --account cash --to elderly --date 2025-01-20
run income add --kind grant --source 云塘镇人民政府 --amount 30,000 --account bank --date 2025-02-10 --ref YT20250210003 --memo 2025年社区治理专项补助
run income add --kind interest --source 云塘农商银行 --amount 41.20 --account bank --date 2025-03-21 --ref JX20250321
run disburse add --amount 5 --account bank --category fee --payee 云塘农商银行 --purpose 网银年费 --date 2025-03-21

# 受助对象与一事一议救助（每笔都有决议编号）/ beneficiaries, relief decided case by case
run beneficiary add --name 林秀兰 --category 独居老人 --id-number 330106194812120023 --phone 13712340001
run beneficiary add --name 陈国平 --category 独居老人 --phone 13712340002
run beneficiary add --name 许佳怡 --category 困难学生 --phone 13712340003
run disburse add --amount 800 --account bank --from elderly --category relief --beneficiary B0001 --purpose 独居老人春节慰问金 --approval 议-2025-01 --date 2025-01-25
run disburse add --amount 800 --account bank --from elderly --category relief --beneficiary B0002 --purpose 独居老人春节慰问金 --approval 议-2025-01 --date 2025-01-25

# 捐赠物资入库，发给独居老人 / goods donated into stock, given to elderly people
run donate add --donor 云塘惠民超市 --donor-type organisation --goods --item 大米 --quantity 50 --unit 袋 --value 3,000 --to elderly --date 2025-01-15
run goods give --item 大米 --quantity 20 --to-beneficiary B0001 --purpose 春节慰问 --date 2025-01-25
run goods give --item 大米 --quantity 20 --to-beneficiary B0002 --purpose 春节慰问 --date 2025-01-25
run goods give --item 食用油 --quantity 10 --to 春节独居老人慰问 --date 2025-01-26

# 二季度：公益项目（居民点单 → 结项，结余退回）/ Q2: a project from request to closing, remainder returned
run project propose 健身步道修缮 --category 社区营造 --budget 12,000 --proposer 云塘新村居民 --date 2025-04-02
run project review 健身步道修缮 --date 2025-04-10
run project approve 健身步道修缮 --decision 议-2025-05 --date 2025-04-18
run project allocate 健身步道修缮 --amount 12,000 --approval 议-2025-05 --date 2025-04-18
run project start 健身步道修缮 --date 2025-05-06
run goods give --item 食用油 --quantity 5 --to-project 健身步道修缮 --purpose 志愿者慰问 --date 2025-05-10
run disburse add --amount 9,600 --account bank --from 健身步道修缮 --category project --payee 云塘路政养护队 --purpose 步道铺设 --approval 议-2025-05 --voucher 记-2025-061 --date 2025-05-28
run disburse add --amount 1,850 --account bank --from 健身步道修缮 --category project --payee 云塘五金 --purpose 扶手与路灯 --voucher 记-2025-062 --date 2025-06-12
run project complete 健身步道修缮 --date 2025-06-20
run project evaluate 健身步道修缮 --summary "步道全长800米修缮完毕，居民满意度94%" --people-served 860 --score 5 --date 2025-06-28
run project close 健身步道修缮 --return-to general --approval 议-2025-07 --date 2025-06-30
run income add --kind interest --source 云塘农商银行 --amount 52.80 --account bank --date 2025-06-21 --ref JX20250621

# 三季度：99公益日与慈善会 1:1 配捐；助学金分学期发放 / Q3: the 99 giving day and its matching; term grants
run donate add --donor 吴晓峰 --amount 2,000 --account wechat --to students --date 2025-09-07
run donate add --donor 云塘中学家委会 --donor-type organisation --amount 3,000 --account bank --to students --date 2025-09-08
run income add --kind matching --source 云塘镇慈善分会 --amount 5,000 --account bank --to students --matches 99公益日 --date 2025-09-20
run disburse add --amount 1,500 --account bank --from students --category relief --beneficiary B0003 --purpose 秋季学期助学金 --approval 议-2025-09 --date 2025-09-22
run income add --kind interest --source 云塘农商银行 --amount 60.15 --account bank --date 2025-09-21 --ref JX20250921

# 四季度：慈善义卖、管理费用、年末结息 / Q4: a charity sale, management costs, year-end interest
run donate add --donor 云塘手工坊 --donor-type organisation --goods --item 手工围巾 --quantity 40 --unit 条 --value 1,600 --date 2025-11-02
run goods sell --item 手工围巾 --quantity 30 --amount 2,400 --account wechat --buyer 云塘镇慈善义卖会 --date 2025-11-15
run disburse add --amount 1,200 --account bank --from students --category relief --beneficiary B0003 --purpose 寒假助学金 --approval 议-2025-12 --allow-repeat 期末困难补助 --date 2025-12-20
run disburse add --amount 960 --account bank --category management --payee 云塘印务 --purpose 年度公示栏海报 --voucher 记-2025-121 --date 2025-12-05
run disburse add --amount 5 --account bank --category fee --payee 云塘农商银行 --purpose 跨行转账手续费 --date 2025-12-05
run income add --kind interest --source 云塘农商银行 --amount 55.35 --account bank --date 2025-12-21 --ref JX20251221
run transfer --from cash --to bank --amount 1,000 --date 2025-12-28 --memo 现金存入基本户

# 录错的补助：红冲 / a mistyped grant voided and recorded again
run income add --kind other --source 云塘镇文化站 --amount 600 --account bank --date 2025-12-29 --memo 场地租金
run income void 46 --reason "应为提供服务收入" --date 2025-12-29
run income add --kind service --source 云塘镇文化站 --amount 600 --account bank --date 2025-12-29 --memo 场地服务费

# 被拒绝的操作（账目不变）/ refused: more goods than in stock, a relief without a decision
if run goods give --item 大米 --quantity 100 --to 春节慰问 --date 2025-12-30; then exit 1; fi
if run disburse add --amount 200 --account bank --from elderly --category relief --beneficiary B0002 --purpose 临时救助 --allow-repeat 住院 --date 2025-12-30; then exit 1; fi

run goods stock --date 2025-12-31
run income list --period 2025
run fund show
run audit
run publish --period 2025 --format all --out "$out/notices"
run report annual --year 2025 --format all --out "$out/annual"

run export --format ledger --out "$out/yuntang-2025.ledger"
run export --format beancount --out "$out/yuntang-2025.beancount"
