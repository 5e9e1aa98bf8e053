#!/usr/bin/env bash
# 临江区: a small district under its charity federation (临江区慈善总会), three towns
# and twelve community funds, each in its own fund file; then the federation's
# roll-up of 2025 (cfund rollup, docs/rollup.md). Part of `make demo`; the end-to-end
# cases rollup_* build the same district. Every name is fictional.
#
#   examples/district/district.sh CFUND_BINARY OUTPUT_DIR
#
# Writes OUTPUT_DIR/funds/<town>/<fund>.cfund and prints the roll-up of 2025 (Markdown).
set -euo pipefail
cfund=$(realpath "$1")
out=$2
rm -rf "$out"
mkdir -p "$out/funds"
export CFUND_OPERATOR="临江区慈善总会 赵敏"
export CFUND_NOW="2026-01-20T09:00:00+08:00"

q() { "$cfund" "$@" > /dev/null; }

# new_fund FILE NAME TOWN: a fund with a bank account, WeChat Pay, cash and one special fund.
new_fund() {
  local file=$1 name=$2 town=$3
  mkdir -p "$(dirname "$file")"
  cat > "$file.toml" <<TOML
[fund]
name = "$name"
organisation = "${name%慈善基金}居民委员会"
host = "临江区慈善总会"
region = "临江区"
town = "$town"
supervision_phone = "0571-8000-0000"
approval_threshold = "5,000.00"

[[accounts]]
code = "bank"
name = "临江农商银行 基本户"
kind = "bank"

[[accounts]]
code = "wechat"
name = "微信支付商户号"
kind = "wechat"

[[accounts]]
code = "cash"
name = "现金"
kind = "cash"

[[special_funds]]
code = "elderly"
name = "独居老人关爱微基金"
TOML
  CFUND_NOW="2024-01-02T09:00:00+08:00" q init "$file" --config "$file.toml"  # set up in cfund before its first gift
  rm "$file.toml"
}

# one_fund FILE NAME TOWN SCALE STYLE: a year 2024 of giving and a year 2025 of giving and
# spending; SCALE multiplies the amounts, STYLE varies what the fund does.
one_fund() {
  local file=$1 name=$2 town=$3 k=$4 style=$5
  new_fund "$file" "$name" "$town"
  export CFUND_FUND="$file"
  q donate add --donor 临江建材有限公司 --donor-type organisation --amount $((k * 1000)) --account bank --date 2024-03-05
  q donate add --donor 周建华 --amount $((k * 100)) --account wechat --date 2024-09-09
  q donate add --anonymous --amount $((k * 50)) --account cash --to elderly --date 2024-12-20
  q donate add --donor 江滨超市 --donor-type organisation --amount $((k * 800)) --account bank --date 2025-01-10
  q donate add --donor 陈静 --amount $((k * 60)) --account wechat --to elderly --date 2025-02-14
  q donate add --anonymous --amount $((k * 20)) --account wechat --date 2025-06-01
  q beneficiary add --name 林秀兰 --category 独居老人 --phone 13700000001
  q beneficiary add --name 许佳怡 --category 困难学生 --phone 13700000002
  q disburse add --amount $((k * 30)) --account cash --from elderly --category relief --beneficiary B0001 --purpose 春节慰问金 --date 2025-01-25
  case $style in
    project)
      q project propose 楼道照明改造 --category 社区营造 --budget $((k * 600)) --proposer 居民代表 --date 2025-03-01
      q project review 楼道照明改造 --date 2025-03-08
      q project approve 楼道照明改造 --decision 议-2025-01 --date 2025-03-15
      q project allocate P001 --amount $((k * 600)) --approval 议-2025-01 --date 2025-03-16
      q project start P001 --date 2025-04-01
      q disburse add --amount $((k * 400)) --account bank --from P001 --category project --payee 临江五金店 --purpose 灯具 --date 2025-04-10
      q disburse add --amount $((k * 40)) --account bank --category relief --beneficiary B0002 --purpose 助学金 --date 2025-09-01 ;;
    relief)
      q disburse add --amount $((k * 800)) --account bank --category relief --beneficiary B0002 --purpose 助学金 --approval 议-2025-02 --date 2025-09-01
      q income add --kind grant --source 镇人民政府 --amount $((k * 300)) --account bank --date 2025-05-20 ;;
    saver)
      q project propose 社区议事厅 --category 社会组织培育 --budget $((k * 200)) --proposer 居委会 --date 2025-10-08
      q disburse add --amount $((k * 10)) --account bank --category management --payee 临江印务 --purpose 公示栏海报 --date 2025-06-30 ;;
  esac
  q income add --kind interest --source 临江农商银行 --amount "$k.$((k % 10))5" --account bank --date 2025-12-21
  q disburse add --amount 5 --account bank --category fee --payee 临江农商银行 --purpose 网银年费 --date 2025-12-21
  unset CFUND_FUND
}

funds="$out/funds"
one_fund "$funds/qingxi/guihuali.cfund"  桂花里社区慈善基金   青溪镇   10 project
one_fund "$funds/qingxi/xincun.cfund"    青溪新村社区慈善基金 青溪镇   6  relief
one_fund "$funds/qingxi/hetang.cfund"    荷塘社区慈善基金     青溪镇   3  saver
one_fund "$funds/qingxi/nanjie.cfund"    南街社区慈善基金     青溪镇   8  relief
one_fund "$funds/yuntang/xincun.cfund"   云塘新村社区慈善基金 云塘镇   12 project
one_fund "$funds/yuntang/bailu.cfund"    白鹭社区慈善基金     云塘镇   4  saver
one_fund "$funds/yuntang/fenglin.cfund"  枫林社区慈善基金     云塘镇   7  relief
one_fund "$funds/yuntang/shiqiao.cfund"  石桥社区慈善基金     云塘镇   5  project
one_fund "$funds/linjiang/fenghuang.cfund" 凤凰社区慈善基金   临江街道 9  project
one_fund "$funds/linjiang/jiangbin.cfund"  江滨社区慈善基金   临江街道 2  saver
one_fund "$funds/linjiang/wangjiang.cfund" 望江社区慈善基金   临江街道 11 relief
one_fund "$funds/linjiang/donghu.cfund"    东湖社区慈善基金   临江街道 6  project

# The federation's view of 2025: every fund's row, the towns' totals, the ratios.
"$cfund" rollup "$funds" --period 2025
