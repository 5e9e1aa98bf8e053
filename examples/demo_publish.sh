#!/usr/bin/env bash
# Writes the notice (公示) of March 2025 for a fund in every format and prints the paths.
#   examples/demo_publish.sh CFUND FUND OUTDIR
# CFUND is the cfund binary, FUND the fund file (e.g. made from examples/fund.toml),
# OUTDIR the folder to write into. Publishing records itself in the fund's journal
# (once per period and cut-off); the verification code is printed at the end.
set -euo pipefail
if [ $# -ne 3 ]; then
  echo "usage: $0 CFUND FUND OUTDIR" >&2
  exit 2
fi
cfund=$1
fund=$2
out=$3
period=${CFUND_DEMO_PERIOD:-2025-03}

echo "== 公示 ${period}：Markdown、CSV、打印版 HTML、公众号 HTML、文本 → ${out}"
"$cfund" -f "$fund" publish --period "$period" --format all --out "$out"
echo "== notice ${period} in English → ${out}/en"
"$cfund" -f "$fund" --lang en publish --period "$period" --format all --out "$out/en" --dry-run
echo "== 打印版（A4）：用浏览器打开 ${out}/notice-${period}.html 后打印；公众号：复制 ${out}/notice-${period}-wechat.html 的内容"
