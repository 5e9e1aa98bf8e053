"""Compares the CSV statements of `cfund report annual` with ledger and bean-query.

    compare_ledger.py DIR YEAR

DIR holds annual-YEAR-*.csv, books.ledger and books.beancount (`cfund export --period
YEAR`) and bean-query.csv (bean-query's totals by account). Prints one line per check
and exits 1 if any figure differs. Amounts are compared in fen, parsed exactly.
"""
import csv
import re
import subprocess
import sys
from decimal import Decimal

DIR, YEAR = sys.argv[1], sys.argv[2]

# The statement lines and the export accounts that feed them (docs/annual.md).
INCOME = {
    "捐赠收入": ["Donation", "Matching"],
    "政府补助收入": ["Grant"],
    "提供服务收入": ["Service"],
    "商品销售收入": ["Sales"],
    "投资收益": ["Interest"],
    "其他收入": ["Other"],
}
EXPENSES = {
    "业务活动成本": ["Relief", "Project", "GoodsGiven", "GoodsSold"],
    "管理费用": ["Management", "Fee"],
    "筹资费用": ["Fundraising"],
}
CASH_IN = {
    "接受捐赠收到的现金": "^Income:Donation: ^Income:Matching:",
    "政府补助收到的现金": "^Income:Grant:",
    "提供服务收到的现金": "^Income:Service:",
    "销售商品收到的现金": "^Income:Sales:",
    "收到的其他与业务活动有关的现金": "^Income:Other:",
    "取得投资收益所收到的现金": "^Income:Interest:",
}
CASH_OUT = {
    "救助支付的现金": "^Expenses:Relief:",
    "项目支出支付的现金": "^Expenses:Project:",
    "管理费用支付的现金": "^Expenses:Management:",
    "筹款费用支付的现金": "^Expenses:Fundraising:",
    "手续费支付的现金": "^Expenses:Fee:",
}

failures = 0


def fen(text):
    digits = re.sub(r"[^0-9.\-]", "", text)
    return int(Decimal(digits or "0") * 100)


def statement(name):
    with open(f"{DIR}/annual-{YEAR}-{name}.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    return {row[0]: [fen(cell) if cell else None for cell in row[1:]] for row in rows[1:]}


def ledger(*args):
    out = subprocess.run(
        ["ledger", "-f", f"{DIR}/books.ledger", "balance", "--flat", "--no-total", "-E",
         "--balance-format", "%(account)\t%(display_total)\n", *args],
        check=True, capture_output=True, text=True).stdout
    totals = {}
    for line in out.splitlines():
        if "\t" in line:
            account, amount = line.split("\t", 1)
            totals[account] = fen(amount)
    return totals


def bean_query():
    with open(f"{DIR}/bean-query.csv", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return {row[0].strip(): fen(row[1]) for row in rows[1:] if len(row) > 1}


def check(what, statement_value, tool_value):
    global failures
    ok = statement_value == tool_value
    if not ok:
        failures += 1
    print(f"{'ok  ' if ok else 'FAIL'} {YEAR} {what}: statement {statement_value}, tool {tool_value}")


def column_sum(totals, root, components, column):
    """Accounts <root>:<component>:<Unrestricted|Restricted>:<Code> (Income:Grant:Restricted:Elderly)."""
    total = 0
    for account, amount in totals.items():
        parts = account.split(":")
        if len(parts) >= 3 and parts[0] == root and parts[1] in components and column in (None, parts[2]):
            total += amount
    return total


def assets(totals, goods):
    return sum(a for k, a in totals.items() if k.startswith("Assets:") and k.startswith("Assets:Goods:") == goods)


def net_assets(totals, column):
    return -sum(a for k, a in totals.items() if not k.startswith("Assets:") and f":{column}:" in f"{k}:")


closing = ledger()
opening = ledger("-e", f"{YEAR}-01-01")  # the export's opening balances, dated the day before
beans = bean_query()
activities = statement("activities")
for tool, totals in (("ledger", closing), ("bean-query", beans)):
    for line, components in INCOME.items():
        for index, column in enumerate(("Unrestricted", "Restricted")):
            check(f"{line} {column} ({tool})", activities[line][index],
                  -column_sum(totals, "Income", components, column))
    for line, components in EXPENSES.items():
        check(f"{line} ({tool})", activities[line][0], column_sum(totals, "Expenses", components, None))

balance = statement("balance")
check("货币资金合计 年初", balance["货币资金合计"][0], assets(opening, False))
check("货币资金合计 年末", balance["货币资金合计"][1], assets(closing, False))
check("存货 年初", balance["存货（库存物资，按估价）"][0], assets(opening, True))
check("存货 年末", balance["存货（库存物资，按估价）"][1], assets(closing, True))
check("非限定性净资产 年初", balance["非限定性净资产"][0], net_assets(opening, "Unrestricted"))
check("非限定性净资产 年末", balance["非限定性净资产"][1], net_assets(closing, "Unrestricted"))
check("限定性净资产 年初", balance["限定性净资产"][0], net_assets(opening, "Restricted"))
check("限定性净资产 年末", balance["限定性净资产"][1], net_assets(closing, "Restricted"))

cash = statement("cash_flows")
for line, patterns in list(CASH_IN.items()) + list(CASH_OUT.items()):
    # ledger's query language reads parentheses as grouping: one query per account.
    money = sum(assets(ledger("--related", pattern), False) for pattern in patterns.split())
    check(line, cash[line][0], money if line in CASH_IN else -money)
check("现金净增加额 + 本年登记的期初货币资金 = 货币资金的变动",
      cash["四、现金净增加额"][0] + cash["加：本年登记的期初货币资金"][0],
      assets(closing, False) - assets(opening, False))
sys.exit(1 if failures else 0)
