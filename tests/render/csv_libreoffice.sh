#!/usr/bin/env bash
# The notice's CSV opened by LibreOffice (headless): converted to xlsx and back to
# CSV, the Chinese names and the amounts survive, and amounts are numbers.
#   csv_libreoffice.sh CFUND_BINARY
# Exit 77 (skipped) when soffice is not installed (make deps installs it).
set -eu
binary=$(realpath "$1")
repo=$(realpath "$(dirname "$0")/../..")
command -v soffice > /dev/null || { echo "soffice missing: run make deps"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
source "$repo/tests/render/notice_fund.sh"
cfund -f fund.cfund publish --period 2025-03 --format csv --out notice --dry-run > /dev/null 2>&1

office() { timeout 90 soffice --headless --norestore -env:UserInstallation="file://$work/profile" "$@" > office.log 2>&1 || { cat office.log; return 1; }; }
# The CSV is read as a spreadsheet user's LibreOffice reads it: UTF-8 (the BOM says so), comma separated.
office --infilter="CSV:44,34,76,1" --convert-to xlsx --outdir xlsx notice/notice-2025-03-donations.csv notice/notice-2025-03-summary.csv
# Back to CSV, with formulas evaluated: a number stays a number, text stays text.
office --convert-to "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false" --outdir back xlsx/notice-2025-03-donations.xlsx xlsx/notice-2025-03-summary.xlsx
cat back/notice-2025-03-donations.csv
fail=0
expect() { grep -qF -- "$2" "back/$1" || { echo "FAIL: '$2' did not survive in $1"; fail=1; }; }
expect notice-2025-03-donations.csv "青溪建材有限公司,5000"
expect notice-2025-03-donations.csv "爱心人士（匿名）,600"
expect notice-2025-03-donations.csv "陈刚,-300"
expect notice-2025-03-donations.csv "'=cmd()"
expect notice-2025-03-donations.csv "困难学生助学专项基金"
expect notice-2025-03-summary.csv "合计,4600,5744.8,1420,500,500,8924.8"
exit $fail
