#!/usr/bin/env bash
# The example fund end to end — what `make demo` runs.
#   examples/demo.sh CFUND_BINARY OUTPUT_DIR
# Builds 青溪镇桂花里社区慈善基金 from examples/fund.toml in OUTPUT_DIR, records its
# first quarter (donations of money and goods, relief, a refused overdraft, a void, a
# deposit of cash at the bank, projects at every stage; a household, volunteers and their
# hours, micro-wishes and credit points), audits the books and writes the March notice in
# every format: what a community worker would print and post.
# Then a town fund's whole year (examples/town/year.sh): opening balances, a grant and
# its matching, interest, a charity sale, goods given out, a bank fee, and its notice.
# Last, a district of twelve funds in three towns and the federation's roll-up of them
# (examples/district/district.sh, cfund rollup).

# All names are fictional.
set -euo pipefail
cfund=$(realpath "$1")
out=$2
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$out"
mkdir -p "$out"
export CFUND_FUND="$out/guihuali.cfund"
export CFUND_OPERATOR="桂花里社区 李娟"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
run() { printf '$ cfund %s\n' "$*"; "$cfund" "$@"; }

step "建立基金账套 / create the fund"
run init "$CFUND_FUND" --config "$here/fund.toml"

step "登记捐赠 / donations"
run donate add --donor 张伟 --amount 500 --account wechat --date 2025-03-01 --ref 4200002025030112345
run donate add --donor 青溪建材有限公司 --donor-type organisation --amount "¥20,000.00" --account bank --date 2025-03-03 --ref BK20250303001 --memo 年度定向捐赠
run donate add --anonymous --amount 1,000 --account cash --to elderly --date 2025-03-05
run donate add --donor 刘芳 --anonymous --amount 3,000 --account bank --to students --date 2025-03-06
run donate add --donor 惠民超市 --donor-type organisation --goods --item 大米 --quantity 20 --unit 袋 --value 1,200 --to elderly --date 2025-03-07
run donate add --donor 陈静 --amount 200 --account alipay --date 2025-03-08
run donate host-receipt 3 QXCS-2025-0318

step "登记受助对象（个人信息保密）/ beneficiaries (private)"
run beneficiary add --name 王秀英 --category 独居老人 --id-number 11010519491231002X --phone 13812345678 --address "桂花里3栋2单元101"
run beneficiary add --name 周小宇 --category 困难学生 --phone 13900001111
run beneficiary list

step "支出 / payments"
run disburse add --amount 600 --account cash --from elderly --category relief --beneficiary B0001 --purpose 独居老人冬季慰问金 --voucher 记-2025-031 --date 2025-03-10
run disburse add --amount 2,000 --account bank --from students --category relief --beneficiary B0002 --purpose 春季学期助学金 --voucher 记-2025-032 --date 2025-03-12
run disburse add --amount 4,800 --account bank --category project --payee 桂花里业委会 --purpose 老旧小区晾衣架更新 --approval 议-2025-03 --voucher 记-2025-033 --date 2025-03-15
run disburse add --amount 180 --account bank --category management --payee 青溪印务 --purpose 公示栏海报印制 --voucher 记-2025-034 --date 2025-03-16

step "被拒绝的透支（账目不变）/ a refused overdraft (the books stay as they were)"
if run disburse add --amount 800 --account cash --from elderly --category relief --beneficiary B0001 --purpose 再次慰问 --allow-repeat 住院 --date 2025-03-20; then
  echo "unexpected: the overdraft was accepted" >&2
  exit 1
fi

step "红冲与更正 / a void and its correction"
run donate add --donor 陈静 --amount 2000 --account alipay --date 2025-03-18
run donate void 15 --reason "金额录错：应为 200 元" --date 2025-03-18
run donate add --donor 陈静 --amount 200 --account alipay --date 2025-03-18 --memo 更正第14号

step "现金存入银行 / cash deposited at the bank"
run transfer --from cash --to bank --amount 300 --date 2025-03-21 --memo 现金存入基本户

step "捐赠人同意改变用途 / a donor agrees to re-purpose"
run reallocate --from students --to elderly --amount 500 --reason 捐赠人刘芳同意改用于独居老人关爱 --approval 议-2025-04 --date 2025-03-25

# 导入微信支付账单中的收入：先试运行，再导入；再导入一次不会重复记账
# Import the money received on a WeChat Pay bill: a dry run, the import, and again (adds nothing)
run donate import "$here/statements/wechat.csv" --profile wechat --dry-run --quiet
run donate import "$here/statements/wechat.csv" --profile wechat --quiet
run donate import "$here/statements/wechat.csv" --profile wechat --quiet
# 支付宝经典版“交易记录明细查询”（GBK）；Excel 工作簿（.xlsx、.xls）也用同一个命令，见 docs/imports.md
# Alipay's classic export (GBK); Excel workbooks (.xlsx, .xls) go through the same command (docs/imports.md)
run donate import "$here/statements/alipay-classic.csv" --profile alipay --quiet

step "收据 / receipts"
"$cfund" donate receipt 3 | tee "$out/receipt-2025-000002.txt"
"$cfund" --lang en donate receipt 4 > "$out/receipt-2025-000003-en.txt"

step "本月明细 / the month's lists"
run donate list --period 2025-03
run disburse list --period 2025-03
"$cfund" donate list --period 2025-03 --json > "$out/donations-2025-03.json"
"$cfund" disburse list --period 2025-03 --json > "$out/payments-2025-03.json"

step "基金概况 / where the money stands"
run fund show | tee "$out/fund.txt"

step "公益项目 / projects"
"$here/demo_projects.sh" "$cfund" "$CFUND_FUND"
"$cfund" project list --json > "$out/projects.json"

step "社区：家庭户、志愿服务、微心愿、积分（不计入资金）/ the community side: households, volunteers, wishes, points (never money)"
"$here/demo_community.sh" "$cfund" "$CFUND_FUND"

step "审计与公示 / audit and the notice"
run audit
"$here/demo_publish.sh" "$cfund" "$CFUND_FUND" "$out/notices"

step "镇级基金的一年：期初余额、政府补助与配捐、利息、义卖、物资发放、手续费 / a town fund's year with every kind of entry"
"$here/town/year.sh" "$cfund" "$out/town"

step "区慈善总会汇总 12 个社区基金（3 个镇街）/ the district federation rolls up 12 funds in 3 towns"
"$here/district/district.sh" "$cfund" "$out/district"
"$cfund" rollup "$out/district/funds" --period 2025 --format all --out "$out/district/rollup" > /dev/null
"$cfund" rollup "$out/district/funds" --annual --year 2025 --format all --out "$out/district/rollup" > /dev/null
"$cfund" export --format warehouse --out "$out/district/warehouse" "$out/district/funds" > /dev/null

step "输出文件 / output written to"

echo "基金账套 fund file: $CFUND_FUND"
find "$out" -maxdepth 2 -type f ! -name '*.cfund*' | sort | sed 's/^/  /'
