#!/usr/bin/env bash
# The notice's Excel workbook (publish --format xlsx) opened by LibreOffice (headless):
# every sheet converted back to CSV holds exactly the cells of the notice's CSV table of
# the same name (Chinese intact, amounts as numbers, the same totals), one sheet per
# table, in the notice's order; amounts carry the ¥ number format; the same books give
# the same bytes.
#   xlsx_libreoffice.sh CFUND_BINARY
# Exit 77 (skipped) when soffice is not installed (make deps installs it).
set -eu
binary=$(realpath "$1")
repo=$(realpath "$(dirname "$0")/../..")
command -v soffice > /dev/null || { echo "soffice missing: run make deps"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
source "$repo/tests/render/notice_fund.sh"
cfund -f fund.cfund publish --period 2025-03 --format xlsx,csv --out notice --dry-run > written.txt 2> /dev/null
cfund -f fund.cfund publish --period 2025-03 --format xlsx --out again --dry-run > /dev/null 2>&1
fail=0
cmp -s notice/notice-2025-03.xlsx again/notice-2025-03.xlsx || { echo "FAIL: the same notice gave different bytes"; fail=1; }

office() { timeout 90 soffice --headless --norestore -env:UserInstallation="file://$work/profile" "$@" > office.log 2>&1 || { cat office.log; return 1; }; }
# Each sheet to its own CSV (the 12th token, -1: every sheet), formulas evaluated, numbers as shown unformatted.
office --convert-to "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1" --outdir sheets notice/notice-2025-03.xlsx
# The notice's own CSV tables through the same LibreOffice CSV writer, so that both sides print numbers alike.
mapfile -t tables < <(grep '\.csv$' written.txt)
office --infilter="CSV:44,34,76,1" --convert-to xlsx --outdir csvbook "${tables[@]}"
mapfile -t books < <(printf 'csvbook/%s\n' $(basename -a "${tables[@]}" | sed 's/\.csv$/.xlsx/'))
office --convert-to "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false" --outdir csvback "${books[@]}"

# The sheets in workbook order, beside the CSV tables in the order publish wrote them.
mapfile -t sheets < <(unzip -p notice/notice-2025-03.xlsx xl/workbook.xml | grep -o '<sheet name="[^"]*"' | sed 's/<sheet name="//; s/"$//')
[ "${#sheets[@]}" -eq "${#tables[@]}" ] || { echo "FAIL: ${#sheets[@]} sheets for ${#tables[@]} tables"; fail=1; }
# A sheet may carry the table's notes below it, after an empty row: compare the table itself.
table_only() { awk '/^,*$/ { exit } { print }' "$1"; }
# The CSV puts a ' before text that a spreadsheet would take for a formula; an .xlsx
# text cell is never a formula and needs none.
unquoted() { table_only "$1" | sed "s/\(^\|,\)'\([=+@-]\)/\1\2/g"; }
for i in "${!tables[@]}"; do
  table=$(basename "${tables[$i]}")
  sheet="sheets/notice-2025-03-${sheets[$i]}.csv"
  if ! diff <(unquoted "csvback/$table") <(table_only "$sheet") > diff.txt; then
    echo "FAIL: sheet '${sheets[$i]}' differs from $table:"
    cat diff.txt
    fail=1
  fi
done
cat "sheets/notice-2025-03-${sheets[1]}.csv"
expect() { grep -qF -- "$2" "$1" || { echo "FAIL: '$2' is not in $1"; fail=1; }; }
expect "sheets/notice-2025-03-${sheets[1]}.csv" "合计,4600,5744.8,1420,500,500,8924.8"
expect "sheets/notice-2025-03-资金捐赠.csv" "爱心人士（匿名）,600"
expect "sheets/notice-2025-03-资金捐赠.csv" "=cmd(),120"
expect "sheets/notice-2025-03-三、支出公示.csv" "独居老人 王*英,300"
unzip -p notice/notice-2025-03.xlsx xl/styles.xml | grep -qF '¥#,##0.00' || { echo "FAIL: no ¥ number format"; fail=1; }
# The header row is frozen on every sheet.
for n in $(seq 1 "${#sheets[@]}"); do
  unzip -p notice/notice-2025-03.xlsx "xl/worksheets/sheet$n.xml" | grep -q 'state="frozen"' || { echo "FAIL: sheet $n has no frozen header"; fail=1; }
done
[ $fail -eq 0 ] && echo "${#sheets[@]} sheets read back by LibreOffice equal the notice's tables"
exit $fail
