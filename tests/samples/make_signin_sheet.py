#!/usr/bin/python3
"""Makes the volunteers' sign-in sheets (签到表) that the demo, the guide and the tests
import with `cfund service import` (every name and number here is fictional):

  examples/signin-sheet.csv    one day's sheet: 姓名, 电话, 时长（小时） (date and activity given on
                               the command line)
  examples/signin-sheet.xlsx   a month's sheet as an Excel workbook: 日期 (date cells), 姓名, 活动,
                               项目, 时长 (numbers), written by hand (inline strings), no openpyxl

The committed files are what the tests read; run this again only to change them.

    /usr/bin/python3 tests/samples/make_signin_sheet.py        (from the repository root)
"""

import os
import zipfile

ROOT = os.path.realpath(os.path.join(os.path.dirname(__file__), "..", ".."))
EXAMPLES = os.path.join(ROOT, "examples")

ONE_DAY = [("赵志强", "13700001234", "3"), ("孙丽", "13700005678", "3"), ("周建华", "13700009012", "2.5"),
           ("钱晓燕", "13700003456", "2")]

# Excel date serials: 45734 is 2025-03-18, 45741 is 2025-03-25.
MONTH = [(45734, "赵志强", "独居老人助餐", "", 2), (45734, "孙丽", "独居老人助餐", "", 2.5),
         (45741, "周建华", "晾衣架安装", "晾衣架更新", 4), (45741, "赵志强", "晾衣架安装", "晾衣架更新", 4)]


def write_csv():
    with open(os.path.join(EXAMPLES, "signin-sheet.csv"), "w", encoding="utf-8", newline="") as out:
        out.write("姓名,电话,时长（小时）\r\n")
        for name, phone, hours in ONE_DAY:
            out.write(f"{name},{phone},{hours}\r\n")


def cell(ref, value):
    if isinstance(value, str):
        return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'
    return f'<c r="{ref}"><v>{value}</v></c>'


def write_xlsx():
    header = ["日期", "姓名", "活动", "项目", "时长"]
    rows = ['<row r="1">' + "".join(cell(f"{'ABCDE'[i]}1", text) for i, text in enumerate(header)) + "</row>"]
    for number, (serial, name, activity, project, hours) in enumerate(MONTH, start=2):
        cells = [f'<c r="A{number}" s="1"><v>{serial}</v></c>', cell(f"B{number}", name),
                 cell(f"C{number}", activity)]
        if project:
            cells.append(cell(f"D{number}", project))
        cells.append(cell(f"E{number}", hours))
        rows.append(f'<row r="{number}">' + "".join(cells) + "</row>")
    parts = [
        ("[Content_Types].xml",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
         '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
         '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
         '</Types>'),
        ("_rels/.rels",
         '<?xml version="1.0" encoding="UTF-8"?>\n'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
         '</Relationships>'),
        ("xl/workbook.xml",
         '<?xml version="1.0" encoding="UTF-8"?>\n'
         '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
         'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
         '<sheets><sheet name="签到表" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        ("xl/_rels/workbook.xml.rels",
         '<?xml version="1.0" encoding="UTF-8"?>\n'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
         '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
         '</Relationships>'),
        ("xl/styles.xml",
         '<?xml version="1.0" encoding="UTF-8"?>\n'
         '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
         '<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>'
         '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>'),
        ("xl/worksheets/sheet1.xml",
         '<?xml version="1.0" encoding="UTF-8"?>\n'
         '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
         + "".join(rows) + '</sheetData></worksheet>'),
    ]
    with zipfile.ZipFile(os.path.join(EXAMPLES, "signin-sheet.xlsx"), "w", zipfile.ZIP_DEFLATED) as out:
        for name, text in parts:
            out.writestr(zipfile.ZipInfo(name, date_time=(2026, 4, 1, 9, 30, 0)), text,
                         compress_type=zipfile.ZIP_DEFLATED)


if __name__ == "__main__":
    write_csv()
    write_xlsx()
