#!/usr/bin/env bash
# A town fund's year of one-off relief, made with cfund commands as a worker would
# record it: 95 households helped with ¥2,600 each (¥247,000 in all), from October
# 2023 to September 2024, paid for by monthly donations; the fund publishes online
# ([notice] url). Every name is fictional; each masked name (王*英) and each purpose is
# different, so that the print test can find each row of the notice.
#   year_fund.sh CFUND_BINARY FUND_FILE
set -euo pipefail
cfund=$1
fund=$2
repo=$(realpath "$(dirname "$0")/../..")
export CFUND_OPERATOR=测试员 CFUND_NOW=2024-10-08T09:00:00+08:00
config=$(mktemp)
trap 'rm -f "$config"' EXIT
sed 's|^band_donations_below = .*|band_donations_below = "100.00"\nurl = "https://notice.example.org/guihuali?board=1"|' \
  "$repo/examples/fund.toml" > "$config"
"$cfund" init "$fund" --config "$config" > /dev/null

surnames=(王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林)
middles=(秀 建 玉 春 德)
lasts=(英 华 兰 明 芳)
categories=(困难家庭 独居老人 困难学生 残疾人 低保家庭)
months=(2023-10 2023-11 2023-12 2024-01 2024-02 2024-03 2024-04 2024-05 2024-06 2024-07 2024-08 2024-09)
donors=(青溪建材有限公司 惠民超市 桂花里业主委员会 青溪农商银行 镇商会)

# Money first: a company gift at the start of each month, and small gifts from residents.
for m in "${!months[@]}"; do
  month=${months[$m]}
  "$cfund" -f "$fund" donate add --donor "${donors[$((m % 5))]}" --donor-type organisation \
    --amount "2$(printf '%d' $((2 + m % 3))),8$((40 + m)).00" --account bank --date "$month-01" > /dev/null
  for r in 1 2 3 4 5; do
    "$cfund" -f "$fund" donate add --donor "居民${surnames[$(((m * 5 + r) % 19))]}先生" --amount $((50 * r + m)) \
      --account wechat --date "$month-0$((r + 1))" > /dev/null
  done
done

# 95 households: surname x last character, each once.
n=0
for s in "${!surnames[@]}"; do
  for l in "${!lasts[@]}"; do
    n=$((n + 1))
    name="${surnames[$s]}${middles[$(((s + l) % 5))]}${lasts[$l]}"
    "$cfund" -f "$fund" beneficiary add --name "$name" --category "${categories[$((n % 5))]}" > /dev/null
    month=${months[$((n % 12))]}
    day=$(printf '%02d' $((10 + n % 18)))
    "$cfund" -f "$fund" disburse add --amount 2,600 --account bank --category relief \
      --beneficiary "B$(printf '%04d' $n)" --purpose "第$(printf '%03d' $n)户一次性救助" \
      --voucher "记-Y$(printf '%03d' $n)" --date "$month-$day" > /dev/null
  done
done
