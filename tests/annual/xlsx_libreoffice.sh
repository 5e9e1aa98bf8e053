#!/usr/bin/env bash
# The annual report's workbook as LibreOffice reads it (ctest annual.xlsx):
#   xlsx_libreoffice.sh CFUND_BINARY
# Converts every sheet of annual-2025.xlsx back to CSV with headless LibreOffice and
# checks that there is one sheet per part (业务活动表, 资产负债表, 现金流量表, 年度工作报告)
# and that each total of the statements equals the same total in the CSV statements.
# Exit 77 (skipped) when LibreOffice is not installed.
set -eu
binary=$(realpath "$1")
repo=$(realpath "$(dirname "$0")/../..")
command -v soffice > /dev/null && command -v python3 > /dev/null || { echo "skipped: soffice missing (make deps)"; exit 77; }
source "$repo/tests/annual/common.sh"
make_fixture_fund
cfund -f fund.cfund report annual --year 2025 --format xlsx,csv --out annual > /dev/null
mkdir sheets
# Field separator, text delimiter, UTF-8, from line 1, ..., every sheet (-1) to its own file.
timeout 120 soffice --headless -env:UserInstallation="file://$work/lo-profile" \
  --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
  --outdir sheets annual/annual-2025.xlsx > soffice.log 2>&1 || { cat soffice.log; exit 1; }
ls sheets
python3 - sheets annual <<'PY'
import csv, glob, os, re, sys
from decimal import Decimal
sheets_dir, csv_dir = sys.argv[1], sys.argv[2]
def fen(text):
    digits = re.sub(r"[^0-9.\-]", "", text)
    return int(Decimal(digits) * 100) if re.search(r"\d", digits) else None
def rows(path, bom):
    with open(path, encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
        return list(csv.reader(f))
sheets = {}
for path in glob.glob(f"{sheets_dir}/*.csv"):
    name = os.path.basename(path)[len("annual-2025-"):-4]
    sheets[name] = rows(path, False)
expected_sheets = ["业务活动表", "资产负债表", "现金流量表", "年度工作报告"]
failures = 0
if sorted(sheets) != sorted(expected_sheets):
    print("FAIL: sheets", sorted(sheets), "expected", expected_sheets); sys.exit(1)
checks = {"业务活动表": ("activities", ["收入合计", "费用合计", "三、限定性净资产转为非限定性净资产", "四、净资产变动额"]),
          "资产负债表": ("balance", ["货币资金合计", "存货（库存物资，按估价）", "资产总计", "负债合计", "净资产合计"]),
          "现金流量表": ("cash_flows", ["现金流入小计", "现金流出小计", "四、现金净增加额", "五、年末货币资金"]),
          "年度工作报告": ("relief_by_category", ["合计"])}
for sheet, (table, labels) in checks.items():
    statement = {row[0]: row[1:] for row in rows(f"{csv_dir}/annual-2025-{table}.csv", True)[1:]}
    for label in labels:
        want = [fen(cell) if cell else None for cell in statement[label]]
        found = [row for row in sheets[sheet] if row and row[0] == label]
        got = [fen(cell) if cell else None for cell in found[0][1:1 + len(want)]] if found else None
        ok = got == want
        failures += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {sheet} {label}: csv {want}, xlsx {got}")
sys.exit(1 if failures else 0)
PY
