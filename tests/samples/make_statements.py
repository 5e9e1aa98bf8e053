#!/usr/bin/python3
"""Makes the spreadsheet statements cfund's tests read (every name, firm and place is
fictional). The committed files are what the tests read; run this again only to
change them, then review the records the tests expect.

    /usr/bin/python3 tests/samples/make_statements.py        (from the repository root)

Needs python3-openpyxl (Debian) and, for the .xls copies, LibreOffice (soffice).

Writes:
  examples/statements/wechat-2025.xlsx   WeChat Pay's .xlsx bill of 2025: 16 preamble rows,
                                          the header on row 17, 金额(元) as text "¥200.00"
  examples/statements/wechat-2026.xlsx   the spring-2026 bill: one more preamble row (UTC+08:00),
                                          the header on row 18, 金额(元) a number, times as dates
  examples/statements/alipay-classic.csv Alipay's classic 支付宝交易记录明细查询 (GBK)
  examples/statements/bank-2025-03.xlsx  a bank statement with 借方/贷方, 余额, 摘要, 对方户名
  examples/statements/bank-2025-03.xls   the same statement as a legacy .xls (LibreOffice)
  examples/statements/bank-2025-06.xlsx  a month with interest (结息), bank fees (手续费, 短信费, 年费), cash the
                                          fund paid in (现金存入 from its own name) and cash a donor paid in
  examples/statements/beneficiaries.xlsx a register (花名册) of 95 households: names, valid resident ID numbers
                                          (check digit computed), phones, addresses, categories
  examples/statements/relief-roll.xlsx   the relief roll (救助发放表) paying those 95 households ¥2,600 each
                                          (¥247,000), by ID number
  tests/e2e/cases/import_beneficiaries/register-changed.csv  the register again as a CSV, one phone changed
  tests/data/spreadsheets/cells.xlsx     every kind of cell (written by hand: inline strings,
                                          formula text, booleans, date styles, gaps)
  tests/e2e/cases/audit_reconcile_balance/bank-broken.xlsx  a running balance broken on purpose
  tests/e2e/cases/import_spreadsheet_errors/*              bad workbooks: damaged, a zip bomb,
                                          password-protected, wrong cell types
"""

import datetime
import os
import shutil
import struct
import subprocess
import tempfile
import zipfile

import openpyxl
from openpyxl.styles import Font

ROOT = os.path.realpath(os.path.join(os.path.dirname(__file__), "..", ".."))
EXAMPLES = os.path.join(ROOT, "examples", "statements")
DATA = os.path.join(ROOT, "tests", "data", "spreadsheets")
CASES = os.path.join(ROOT, "tests", "e2e", "cases")
FIXED_TIME = datetime.datetime(2026, 4, 1, 9, 30, 0)

WECHAT_HEADER = ["交易时间", "交易类型", "交易对方", "商品", "收/支", "金额(元)", "支付方式", "当前状态", "交易单号", "商户单号", "备注"]

# (time, type, counterparty, goods, direction, amount, method, state, number, merchant number, note)
WECHAT_2025 = [
    ("2025-09-01 09:12:45", "转账", "周晓燕", "/", "收入", "¥200.00", "/", "已存入零钱", "1000050001202509010012345678\t", "/", "/"),
    ("2025-09-02 18:03:10", "二维码收款", "爱心人士", "收款方备注:二维码收款", "收入", "¥66.00", "/", "已收钱", "10001000012025090200098765\t", "/", "/"),
    ("2025-09-03 08:30:00", "商户消费", "青溪印务", "公示栏海报印制", "支出", "¥86.50", "零钱", "支付成功", "4200002025090312345678\t", "QX-PRINT-0903\t", "/"),
    ("2025-09-04 12:00:00", "转账", "钱海峰", "/", "收入", "¥300.00", "/", "已全额退款", "1000050001202509040011112222\t", "/", "/"),
    ("2025-09-05 10:10:10", "零钱提现", "/", "/", "/", "¥500.00", "零钱", "提现已到账", "2100003002025090500033334444\t", "/", "服务费¥0.50"),
    ("2025-09-06 20:45:33", "转账", "桂溪物业服务有限公司", "/", "收入", "¥1,500.00", "/", "已存入零钱", "1000050001202509060055556666\t", "/", "转账备注:中秋慰问"),
    ("2025-09-07 07:07:07", "转账", "孙丽", "/", "收入", "¥88.80", "/", "对方已退还", "1000050001202509070077778888\t", "/", "/"),
]

WECHAT_2026 = [
    (datetime.datetime(2026, 3, 1, 9, 5, 12), "转账", "何志强", "/", "收入", 200, "/", "已存入零钱", "1000050001202603010011110001\t", "/", "/"),
    (datetime.datetime(2026, 3, 2, 19, 40, 0), "二维码收款", "匿名用户", "收款方备注:二维码收款", "收入", 1.1 + 2.2, "/", "已收钱", "10001000012026030200022220002\t", "/", "/"),
    (datetime.datetime(2026, 3, 3, 8, 0, 59), "商户消费", "青溪五金店", "晾衣架", "支出", 300, "零钱", "支付成功", "4200002026030333330003\t", "/", "/"),
    (datetime.datetime(2026, 3, 4, 14, 22, 1), "转账", "桂花里小学家长委员会", "/", "收入", 1288.5, "/", "已存入零钱", "1000050001202603040044440004\t", "/", "转账备注:义卖所得"),
    (datetime.datetime(2026, 3, 5, 11, 11, 11), "转账", "冯静", "/", "收入", 50, "/", "已全额退款", "1000050001202603050055550005\t", "/", "/"),
    (datetime.datetime(2026, 3, 6, 16, 30, 0), "零钱通转入", "/", "/", "/", 1000, "零钱", "转入成功", "2100003002026030600066660006\t", "/", "/"),
]


def save(book, path):
    book.properties.created = FIXED_TIME
    book.properties.modified = FIXED_TIME
    book.properties.creator = "cfund tests"
    book.save(path)
    # openpyxl stamps the zip entries with the time of writing: rewrite them with a fixed
    # one so that the files come out the same on every run.
    fixed = tempfile.mktemp(suffix=".xlsx")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=(2026, 4, 1, 9, 30, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, src.read(item.filename))
    shutil.move(fixed, path)


def wechat_preamble(sheet, rows, utc_line):
    lines = [
        "微信支付账单明细",
        "微信昵称：[桂花里社区基金]",
        "起始时间：[{}] 终止时间：[{}]".format(*rows),
        "导出类型：[全部]",
        "导出时间：[2026-04-01 09:30:12]",
    ]
    if utc_line:
        lines.append("本账单中所有时间均为UTC+08:00时间")
    lines += [
        "",
        "共{}笔记录".format(len(WECHAT_2025) if not utc_line else len(WECHAT_2026)),
        "收入：若干笔",
        "支出：若干笔",
        "中性交易：若干笔",
        "注：",
        "1. 充值/提现/理财通购买/零钱通存取/信用卡还款等交易，将计入中性交易",
        "2. 本明细仅展示当前账单中的交易，不包括已删除的记录",
        "3. 本明细仅供个人对账使用",
        "",
        "----------------------微信支付账单明细列表--------------------",
    ]
    for line in lines:
        sheet.append([line] if line else [])


def wechat_2025():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "微信支付账单流水"
    wechat_preamble(sheet, ("2025-09-01 00:00:00", "2025-09-30 23:59:59"), False)
    sheet.append(WECHAT_HEADER)
    for row in WECHAT_2025:
        sheet.append(list(row))
    assert sheet.max_row == 17 + len(WECHAT_2025)
    save(book, os.path.join(EXAMPLES, "wechat-2025.xlsx"))


def wechat_2026():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "微信支付账单流水"
    wechat_preamble(sheet, ("2026-03-01 00:00:00", "2026-03-31 23:59:59"), True)
    sheet.append(WECHAT_HEADER)
    for row in WECHAT_2026:
        sheet.append(list(row))
        sheet.cell(sheet.max_row, 1).number_format = "yyyy-mm-dd hh:mm:ss"
        sheet.cell(sheet.max_row, 6).number_format = "0.00"
    assert sheet.cell(18, 1).value == "交易时间"
    # A second sheet, as exports with a summary have: --sheet picks it by name.
    summary = book.create_sheet("汇总")
    summary.append(["收入", "支出"])
    save(book, os.path.join(EXAMPLES, "wechat-2026.xlsx"))


ALIPAY_CLASSIC_HEADER = ("交易号,商家订单号,交易创建时间,付款时间,最近修改时间,交易来源地,类型,交易对方,商品名称,"
                         "金额（元）,收/支,交易状态,服务费（元）,成功退款（元）,备注,资金状态,")


def alipay_classic():
    rows = [
        ("2025030222001104561234567890", "", "2025-03-02 10:21:09", "2025-03-02 10:21:10", "2025-03-02 10:21:10",
         "其他（包括阿里巴巴和外部商家）", "即时到账交易", "吴丽华", "转账", "100.00", "收入", "交易成功", "0.00", "0.00", "", "已收入"),
        ("2025030322001104561234567891", "T200P2025030312345", "2025-03-03 15:00:00", "2025-03-03 15:00:02",
         "2025-03-03 15:00:02", "淘宝", "即时到账交易", "青溪文具店", "公示栏用纸", "45.60", "支出", "交易成功", "0.00", "0.00", "",
         "已支出"),
        ("2025030422001104561234567892", "", "2025-03-04 09:30:00", "", "2025-03-04 10:30:00",
         "其他（包括阿里巴巴和外部商家）", "即时到账交易", "郑凯", "转账", "500.00", "收入", "交易关闭", "0.00", "0.00", "", ""),
        ("2025030522001104561234567893", "", "2025-03-05 11:12:13", "2025-03-05 11:12:14", "2025-03-05 11:12:14",
         "其他（包括阿里巴巴和外部商家）", "即时到账交易", "匿名", "爱心捐款", "1,000.00", "收入", "交易成功", "0.00", "0.00",
         "", "已收入"),
        ("2025030622001104561234567894", "", "2025-03-06 08:00:00", "2025-03-06 08:00:00", "2025-03-06 08:00:00",
         "支付宝网站", "余额宝", "余额宝", "余额宝-转出到余额", "20.00", "", "交易成功", "0.00", "0.00", "", "资金转移"),
        ("2025030722001104561234567895", "", "2025-03-07 19:45:00", "2025-03-07 19:45:01", "2025-03-07 19:45:01",
         "其他（包括阿里巴巴和外部商家）", "即时到账交易", "青溪镇商会", "助学捐款", "2,000.00", "收入", "交易成功", "0.00", "0.00",
         "定向助学", "已收入"),
    ]
    lines = [
        "支付宝交易记录明细查询",
        "账号:[guihuali_fund@example.cn]",
        "起始日期:[2025-03-01 00:00:00]    终止日期:[2025-04-01 00:00:00]",
        "---------------------------------交易记录明细列表------------------------------------",
        ALIPAY_CLASSIC_HEADER,
    ]
    for row in rows:
        cells = [row[0] + "\t", row[1] + "\t"] + [cell.ljust(0) for cell in row[2:]]
        lines.append(",".join('"' + c + '"' if "," in c else c for c in cells) + ",")
    lines += [
        "------------------------------------------------------------------------------------",
        "共6笔记录",
        "已收入:3笔,3100.00元",
        "待收入:0笔,0.00元",
        "已支出:1笔,45.60元",
        "待支出:0笔,0.00元",
        "导出时间:[2025-04-01 09:12:30]    用户:guihuali_fund@example.cn",
    ]
    with open(os.path.join(EXAMPLES, "alipay-classic.csv"), "wb") as out:
        out.write(("\r\n".join(lines) + "\r\n").encode("gb18030"))


BANK_HEADER = ["交易日期", "摘要", "借方发生额", "贷方发生额", "余额", "对方户名", "对方账号", "凭证号"]
# (date, summary, debit (out), credit (in), counterparty, account, voucher)
BANK_ROWS = [
    (datetime.date(2025, 3, 1), "转账存入", None, 5000.00, "张伟", "6222 0210 0012 3456", "QX20250301001"),
    (datetime.date(2025, 3, 1), "现金存入", None, 200.00, "李娜", "", "QX20250301002"),
    (datetime.date(2025, 3, 4), "转账存入", None, 500.00, "王磊", "", "QX20250304001"),
    (datetime.date(2025, 3, 5), "网银转账", 320.00, None, "夕阳红服务社", "", "QX20250305002"),
    (datetime.date(2025, 3, 6), "网银转账", 120.00, None, "青溪印务", "", "QX20250306001"),
    (datetime.date(2025, 3, 8), "转账存入", None, 12000.00, "青溪建材有限公司", "3301 0400 0000 0001", "QX20250308001"),
    (datetime.date(2025, 3, 9), "转账存入", None, 300.00, "爱心人士", "", "QX20250309001"),
]


def bank_book(rows, opening, break_at=None):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "账户明细"
    for line in ["青溪农村商业银行 账户交易明细", "账号：6230 5800 0012 3456 789", "户名：青溪镇桂花里社区慈善基金",
                 "起止日期：2025-03-01 至 2025-03-31"]:
        sheet.append([line])
    sheet.append(BANK_HEADER)
    sheet.cell(sheet.max_row, 1).font = Font(bold=True)
    balance = round(opening * 100)
    for index, (day, summary, debit, credit, who, account, voucher) in enumerate(rows):
        balance += round((credit or 0) * 100) - round((debit or 0) * 100)
        shown = balance + (10000 if break_at == index else 0)
        sheet.append([day, summary, debit, credit, shown / 100, who, account, voucher])
        row = sheet.max_row
        sheet.cell(row, 1).number_format = "yyyy-mm-dd"
        for column in (3, 4, 5):
            sheet.cell(row, column).number_format = "#,##0.00"
    sheet.append(["合计", None, sum(r[2] or 0 for r in rows), sum(r[3] or 0 for r in rows)])
    return book


def bank_statements():
    path = os.path.join(EXAMPLES, "bank-2025-03.xlsx")
    save(bank_book(BANK_ROWS, 0), path)
    with tempfile.TemporaryDirectory() as work:
        subprocess.run(["soffice", "--headless", "--norestore", "-env:UserInstallation=file://" + work + "/profile",
                        "--convert-to", "xls", "--outdir", work, path], check=True, capture_output=True)
        shutil.copy(os.path.join(work, "bank-2025-03.xls"), os.path.join(EXAMPLES, "bank-2025-03.xls"))
    case = os.path.join(CASES, "audit_reconcile_balance")
    os.makedirs(case, exist_ok=True)
    # Row 10 of the sheet (the 5th transaction) states ¥100 too much; the rows after it are right.
    save(bank_book(BANK_ROWS, 0, break_at=4), os.path.join(case, "bank-broken.xlsx"))


# A bank month with what statements really hold besides gifts (fictional names):
# (date, time, summary, debit (out), credit (in), counterparty, account, reference, note)
BANK_JUNE_HEADER = ["交易日期", "交易时间", "摘要", "借方发生额", "贷方发生额", "余额", "对方户名", "对方账号", "交易流水号", "备注"]
BANK_JUNE_ROWS = [
    (datetime.date(2025, 6, 2), "091522", "转账存入", None, 5000.00, "张伟", "6222 0210 0012 3456", "QX20250602001", "捐赠"),
    (datetime.date(2025, 6, 3), "101500", "现金存入", None, 2000.00, "青溪镇桂花里社区慈善基金", "", "QX20250603001", "义卖现金"),
    (datetime.date(2025, 6, 5), "143005", "网银转账", 320.00, None, "夕阳红服务社", "6217 0000 8888 1234", "QX20250605002", "助餐补贴"),
    (datetime.date(2025, 6, 6), "100012", "转账存入", None, 12000.00, "青溪建材有限公司", "3301 0400 0000 0001", "QX20250606001", "定向捐赠"),
    (datetime.date(2025, 6, 9), "143006", "汇划手续费", 2.00, None, "", "", "QX20250609001", ""),
    (datetime.date(2025, 6, 12), "094410", "网银转账", 120.00, None, "青溪印务", "6217 0000 5555 6666", "QX20250612001", "公示栏海报"),
    (datetime.date(2025, 6, 16), "153000", "现金存入", None, 800.00, "孙丽", "", "QX20250616001", ""),
    (datetime.date(2025, 6, 20), "000100", "短信通知费", 3.00, None, "", "", "QX20250620001", "2025年5月"),
    (datetime.date(2025, 6, 21), "000000", "结息", None, 12.34, "", "", "QX20250621001", "第二季度利息"),
    (datetime.date(2025, 6, 25), "090000", "网银转账", 4800.00, None, "桂花里业主委员会", "6217 0000 7777 8888", "QX20250625001", "晾衣架更新"),
    (datetime.date(2025, 6, 30), "235900", "网银年费", 50.00, None, "", "", "QX20250630001", ""),
]


def bank_june():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "账户明细"
    for line in ["青溪农村商业银行 对公账户交易明细", "账号：6230 5800 0012 3456 789", "户名：青溪镇桂花里社区慈善基金",
                 "起止日期：2025-06-01 至 2025-06-30", "币种：人民币"]:
        sheet.append([line])
    sheet.append(BANK_JUNE_HEADER)
    balance = 0
    for day, time, summary, debit, credit, who, account, ref, note in BANK_JUNE_ROWS:
        balance += round((credit or 0) * 100) - round((debit or 0) * 100)
        sheet.append([day, time, summary, debit, credit, balance / 100, who, account, ref, note])
        row = sheet.max_row
        sheet.cell(row, 1).number_format = "yyyy-mm-dd"
        for column in (4, 5, 6):
            sheet.cell(row, column).number_format = "#,##0.00"
    sheet.append(["合计", None, None, sum(r[3] or 0 for r in BANK_JUNE_ROWS), sum(r[4] or 0 for r in BANK_JUNE_ROWS)])
    save(book, os.path.join(EXAMPLES, "bank-2025-06.xlsx"))


# 95 fictional households: a surname, a one- or two-character given name, a resident
# ID number with a real birth date and its ISO 7064 MOD 11-2 check character.
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹"
GIVEN = "秀英桂兰玉珍凤华建国志明丽娟海燕春梅文斌德胜淑芬金花永福国强小军红霞美玲"
CATEGORIES = ["独居老人", "低保户", "困难学生", "残疾人", "隐形困难人群"]


def id_check_char(first17):
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(d) * w for d, w in zip(first17, weights)) % 11]


def households(count=95):
    people = []
    for i in range(count):
        surname = SURNAMES[i % len(SURNAMES)]
        given = GIVEN[(i * 7) % len(GIVEN)] + ("" if i % 4 == 3 else GIVEN[(i * 11 + 5) % len(GIVEN)])
        birth = datetime.date(1935, 1, 1) + datetime.timedelta(days=(i * 2711) % 27000)
        first17 = "330185" + birth.strftime("%Y%m%d") + "{:03d}".format(100 + i * 3)
        phone = "" if i % 10 == 9 else "139{:08d}".format(57210000 + i * 1373)
        address = "桂花里{}栋{}单元{}".format(1 + i % 12, 1 + i % 3, 101 + (i * 7) % 600)
        people.append((surname + given, first17 + id_check_char(first17), phone, address, CATEGORIES[i % 5]))
    names = [p[0] for p in people]
    assert len(set(names)) == len(names), "the households' names must differ"
    return people


REGISTER_HEADER = ["序号", "姓名", "身份证号", "联系电话", "家庭住址", "人员类别", "备注"]


def beneficiary_register():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "花名册"
    sheet.append(["青溪镇桂花里社区困难群众花名册（2025年6月）"])
    sheet.append(REGISTER_HEADER)
    for index, (name, id_number, phone, address, category) in enumerate(households(), 1):
        # ID numbers are text cells, as a careful worker enters them (a number cell would lose digits).
        sheet.append([index, name, id_number, phone, address, category, ""])
    sheet.append(["制表人：李娟", None, "审核人：陈建国"])
    save(book, os.path.join(EXAMPLES, "beneficiaries.xlsx"))
    # The same register saved as CSV (GBK, as Excel saves it), one household's phone changed.
    case = os.path.join(CASES, "import_beneficiaries")
    os.makedirs(case, exist_ok=True)
    lines = [",".join(REGISTER_HEADER)]
    for index, (name, id_number, phone, address, category) in enumerate(households(), 1):
        if index == 7:
            phone = "13600001111"
        lines.append(",".join([str(index), name, id_number, phone, address, category, ""]))
    with open(os.path.join(case, "register-changed.csv"), "wb") as out:
        out.write(("\r\n".join(lines) + "\r\n").encode("gb18030"))


def relief_roll():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "救助发放表"
    sheet.append(["桂花里社区一事一议一次性救助发放表"])
    sheet.append(["序号", "姓名", "身份证号", "金额", "事由", "决议编号", "日期"])
    for index, (name, id_number, _, _, _) in enumerate(households(), 1):
        sheet.append([index, name, id_number, 2600, "一次性临时救助", "桂议〔2025〕7号", datetime.date(2025, 6, 28)])
        sheet.cell(sheet.max_row, 7).number_format = "yyyy-mm-dd"
    sheet.append(["合计", None, None, 2600 * 95])
    save(book, os.path.join(EXAMPLES, "relief-roll.xlsx"))


def write_parts(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, text in parts:
            out.writestr(zipfile.ZipInfo(name, date_time=(2026, 4, 1, 9, 30, 0)), text,
                         compress_type=zipfile.ZIP_DEFLATED)


CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                 '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                 '</Types>')
ROOT_RELS = ('<?xml version="1.0" encoding="UTF-8"?>\n'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
             '</Relationships>')


def workbook_parts(sheet_xml, date1904=False, shared=None, styles=None):
    rels = ['<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>']
    parts = [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", ROOT_RELS)]
    if shared is not None:
        rels.append('<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="/xl/sharedStrings.xml"/>')
        parts.append(("xl/sharedStrings.xml", shared))
    if styles is not None:
        rels.append('<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>')
        parts.append(("xl/styles.xml", styles))
    parts.append(("xl/workbook.xml",
                  '<?xml version="1.0" encoding="UTF-8"?>\n'
                  '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                  + ('<workbookPr date1904="1"/>' if date1904 else '')
                  + '<sheets><sheet name="明细" sheetId="1" r:id="rId1"/></sheets></workbook>'))
    parts.append(("xl/_rels/workbook.xml.rels",
                  '<?xml version="1.0" encoding="UTF-8"?>\n'
                  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                  + "".join(rels) + '</Relationships>'))
    parts.append(("xl/worksheets/sheet1.xml",
                  '<?xml version="1.0" encoding="UTF-8"?>\n'
                  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                  + sheet_xml + '</sheetData></worksheet>'))
    return parts


def cells_workbook():
    """Every kind of cell a workbook can hold, as Excel, WPS and exporters write them."""
    shared = ('<?xml version="1.0" encoding="UTF-8"?>\n'
              '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">'
              '<si><t>日期</t></si><si><t>金额</t></si>'
              '<si><r><t>张</t></r><r><rPr><b/></rPr><t xml:space="preserve">伟 </t></r><rPh sb="0" eb="1"><t>zhang</t></rPh></si>'
              '<si><t>对方</t></si></sst>')
    styles = ('<?xml version="1.0" encoding="UTF-8"?>\n'
              '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>'
              '<numFmt numFmtId="165" formatCode="[$¥-804]#,##0.00"/></numFmts>'
              '<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>'
              '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="22"/><xf numFmtId="164"/>'
              '<xf numFmtId="165"/></cellXfs></styleSheet>')
    rows = [
        # header: shared strings, and an inline string
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>3</v></c>'
        '<c r="D1" t="inlineStr"><is><t>备注</t></is></c><c r="E1" t="inlineStr"><is><t>确认</t></is></c></row>',
        # a date serial (built-in 14), float noise, rich text with a phonetic hint
        '<row r="2"><c r="A2" s="1"><v>45717</v></c><c r="B2" s="4"><v>12.300000000000001</v></c>'
        '<c r="C2" t="s"><v>2</v></c><c r="D2" t="str"><f>CONCAT("定向","助学")</f><v>定向助学</v></c>'
        '<c r="E2" t="b"><v>1</v></c></row>',
        # row 3 is missing (empty rows are omitted); a date-time serial (22) and an exponent
        '<row r="4"><c r="A4" s="2"><v>45718.5</v></c><c r="B4"><v>1.5E3</v></c>'
        '<c r="C4" t="inlineStr"><is><r><t>青溪</t></r><r><t>建材有限公司</t></r></is></c><c r="E4" t="b"><v>0</v></c></row>',
        # cells without references follow the previous one; a Chinese date format; an empty cell skipped (D)
        '<row r="5"><c s="3"><v>45719</v></c><c><v>-0.30000000000000004</v></c><c t="inlineStr"><is><t>匿名</t></is></c>'
        '<c r="E5" t="e"><v>#N/A</v></c></row>',
        # a date as ISO text (t="d"), the amount as text
        '<row r="6"><c r="A6" t="d"><v>2025-03-08T09:15:00</v></c><c r="B6" t="inlineStr"><is><t>¥1,234.56</t></is></c></row>',
    ]
    os.makedirs(DATA, exist_ok=True)
    write_parts(os.path.join(DATA, "cells.xlsx"), workbook_parts("".join(rows), shared=shared, styles=styles))
    # The same dates in the 1904 system (older Mac workbooks): serial 0 is 1904-01-01.
    write_parts(os.path.join(DATA, "cells-1904.xlsx"),
                workbook_parts('<row r="1"><c r="A1" t="inlineStr"><is><t>日期</t></is></c>'
                               '<c r="B1" t="inlineStr"><is><t>金额</t></is></c></row>'
                               '<row r="2"><c r="A2" s="1"><v>44255</v></c><c r="B2"><v>10</v></c></row>',
                               date1904=True, styles=styles))


def compound_file(streams):
    """A minimal OLE compound file (version 3) holding the given streams, each at least
    4096 bytes long so that they live in ordinary sectors: the container Excel wraps an
    encrypted .xlsx in (streams EncryptionInfo and EncryptedPackage)."""
    sector = 512
    end, free, fat_sector = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
    fat = [fat_sector, end]  # sector 0: the FAT; sector 1: the directory
    starts = []
    for _, data in streams:
        count = len(data) // sector
        first = len(fat)
        starts.append(first)
        fat += [first + k + 1 for k in range(count - 1)] + [end]
    fat += [free] * (sector // 4 - len(fat))

    def entry(name, kind, child, right, start, size):
        encoded = (name + "\0").encode("utf-16-le") if name else b""
        return (encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
                + struct.pack("<III", free, right, child) + b"\0" * 16 + b"\0" * 4 + b"\0" * 16
                + struct.pack("<IQ", start, size))

    directory = entry("Root Entry", 5, 1, free, end, 0)
    for index, (name, data) in enumerate(streams):
        right = index + 2 if index + 1 < len(streams) else free
        directory += entry(name, 2, free, right, starts[index], len(data))
    directory = directory.ljust(sector, b"\0")
    header = (bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + b"\0" * 16
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
              + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
              + struct.pack("<I", 0) + struct.pack("<I", free) * 108)
    assert len(header) == sector
    body = struct.pack("<%dI" % (sector // 4), *fat) + directory
    for _, data in streams:
        body += data
    return header + body


def bad_workbooks():
    case = os.path.join(CASES, "import_spreadsheet_errors")
    os.makedirs(case, exist_ok=True)
    # A zip cut off half-way (a download that stopped).
    whole = open(os.path.join(EXAMPLES, "wechat-2025.xlsx"), "rb").read()
    open(os.path.join(case, "cut-off.xlsx"), "wb").write(whole[: len(whole) // 2])
    # A zip bomb: a sheet of 64 MB of blanks packed into some 64 KB.
    with zipfile.ZipFile(os.path.join(case, "bomb.xlsx"), "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for name, text in workbook_parts('<row r="1"><c r="A1" t="inlineStr"><is><t>交易时间</t></is></c></row>'):
            if name == "xl/worksheets/sheet1.xml":
                text = text.replace("<sheetData>", "<sheetData>" + " " * (64 * 1024 * 1024))
            out.writestr(zipfile.ZipInfo(name, date_time=(2026, 4, 1, 9, 30, 0)), text,
                         compress_type=zipfile.ZIP_DEFLATED)
    # Password-protected: what Excel writes when a password is set (the package encrypted
    # inside a compound file; the bytes here are random, as encrypted bytes look).
    rng = bytes((i * 7919 + 13) % 251 for i in range(4096))
    open(os.path.join(case, "protected.xlsx"), "wb").write(
        compound_file([("EncryptionInfo", rng), ("EncryptedPackage", rng[::-1])]))
    # Wrong types: an amount that is text, a date that is a number without a date style, a boolean amount.
    book = openpyxl.load_workbook(os.path.join(EXAMPLES, "wechat-2026.xlsx"))
    sheet = book["微信支付账单流水"]
    sheet["F19"] = "两百元"
    sheet["A20"] = 12345
    sheet["A20"].number_format = "General"
    sheet["F22"] = True
    save(book, os.path.join(case, "wrong-types.xlsx"))


def main():
    os.makedirs(EXAMPLES, exist_ok=True)
    wechat_2025()
    wechat_2026()
    alipay_classic()
    bank_statements()
    bank_june()
    beneficiary_register()
    relief_roll()
    cells_workbook()
    bad_workbooks()


if __name__ == "__main__":
    main()
