#!/usr/bin/env python3
"""The printed notice as a notice board shows it, checked from the PDF Chromium prints.

Two notices: the March notice of the demo fund (examples/demo.sh) and a town fund's
year of relief for 95 households (year_fund.sh, October 2023 to September 2024, with
[notice] url set). Each print HTML goes through headless Chromium to PDF, and:
  - every page is A4 (pdfinfo);
  - no word lies outside its page (pdftotext -bbox-layout);
  - no table row is cut across pages: for every payment row of the year, its purpose
    (第017户…), its masked name and its voucher (记-Y017) are on one page;
  - the title's parts (the fund, the period, 收支公示) each sit whole on one line;
  - the empty 决议编号 column is left out; the cut-off is in words;
  - the footer time is Beijing time: --generated-at 2026-11-30T14:36:55+00:00 prints
    2026年11月30日 22:36;
  - the QR code, read by zbarimg from the PNG pages (pdftoppm), is the printed
    verification code (with the fund's url: that address with ?code=... appended);
and the WeChat HTML, at a 375 px wide window, has no horizontal scroll (measured by
the page itself: scrollWidth <= innerWidth).
    print_notice.py CFUND_BINARY OUT_DIR     (OUT_DIR keeps the PDFs and PNGs to look at)
Exit 77 (skipped) when chromium, poppler-utils or zbar-tools are missing (make deps).
"""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

binary = os.path.realpath(sys.argv[1])
out_dir = os.path.realpath(sys.argv[2])
repo = os.path.realpath(os.path.join(os.path.dirname(__file__), "..", ".."))
GENERATED_AT = "2026-11-30T14:36:55+00:00"
BEIJING = "2026年11月30日 22:36"
A4 = (595.28, 841.89)  # points
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
    return condition


# A tool or one cfund command gets 300 s. The scripts that build a fund run hundreds of cfund
# commands, several times slower each in the sanitizer build (make asan): they get more, and the
# test's own TIMEOUT (tests/CMakeLists.txt) still bounds the whole.
FUND_SCRIPT_SECONDS = 900


def run(args, timeout=300, **kwargs):
    return subprocess.run(args, check=True, capture_output=True, timeout=timeout, **kwargs)


def chromium(*args):
    profile = tempfile.mkdtemp()
    try:
        return run(["timeout", "120", "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--hide-scrollbars", f"--user-data-dir={profile}", *args]).stdout
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def publish(fund, period, work, env):
    run([binary, "-f", fund, "publish", "--period", period, "--format", "html,wechat", "--out", work, "--dry-run",
         "--generated-at", GENERATED_AT], env=env)
    stem = "notice-" + period.replace("..", "_to_")
    return os.path.join(work, stem + ".html"), os.path.join(work, stem + "-wechat.html")


def pages_of(pdf):
    """[(width, height, [(x0, y0, x1, y1, word)], [line texts])] per page, from pdftotext -bbox-layout."""
    xml = run(["pdftotext", "-bbox-layout", pdf, "-"]).stdout.decode()
    pages = []
    for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', xml, re.S):
        words = [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in re.findall(
            r'<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">(.*?)</word>', page.group(3))]
        lines = [" ".join(re.findall(r">([^<]*)</word>", line)) for line in re.findall(r"<line[^>]*>(.*?)</line>",
                                                                                       page.group(3), re.S)]
        pages.append((float(page.group(1)), float(page.group(2)), words, lines))
    return pages


def unescape(text):
    return text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')


def check_print(name, html, title_parts, qr_expected):
    pdf = os.path.join(out_dir, name + ".pdf")
    chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf}", "file://" + html)
    info = run(["pdfinfo", "-f", "1", "-l", "999", pdf]).stdout.decode()
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info)
    check(sizes and all(abs(float(w) - A4[0]) < 2 and abs(float(h) - A4[1]) < 2 for w, h in sizes),
          f"{name}: pages not all A4: {sizes}")
    pages = pages_of(pdf)
    print(f"{name}: {len(pages)} A4 pages")
    for number, (width, height, words, _) in enumerate(pages, 1):
        outside = [w for w in words if w[0] < -0.5 or w[1] < -0.5 or w[2] > width + 0.5 or w[3] > height + 0.5]
        check(not outside, f"{name}: page {number} has words outside the page: {outside[:5]}")
    text = "\n".join(line for page in pages for line in page[3])
    first_lines = pages[0][3]
    for part in title_parts:
        check(any(part in line for line in first_lines), f"{name}: the title part {part!r} is broken across lines")
    check(BEIJING in text, f"{name}: the footer time is not {BEIJING} (Beijing time)")
    check(re.search(r"数据截至：\d{4}年\d{1,2}月\d{1,2}日，共 \d+ 笔记录", text) is not None,
          f"{name}: the cut-off is not in words")
    printed = re.search(r"校验码：\s*(CF-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})", text)
    check(printed is not None, f"{name}: no verification code printed")
    for png in glob.glob(os.path.join(out_dir, name + "-*.png")):
        os.remove(png)
    run(["pdftoppm", "-r", "150", "-png", pdf, os.path.join(out_dir, name)])
    decoded = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable"]
                             + sorted(glob.glob(os.path.join(out_dir, name + "-*.png"))),
                             capture_output=True, timeout=120).stdout.decode().split()
    if printed:
        expected = qr_expected(printed.group(1))
        check(decoded == [expected], f"{name}: the QR code reads {decoded}, expected [{expected!r}]")
        print(f"{name}: QR code {decoded} matches the printed code {printed.group(1)}")
    return pages


def check_rows_on_one_page(name, pages, rows):
    """rows: [markers]; every marker of a row is on the same page, and on exactly one page."""
    page_texts = ["".join(w[4] for w in page[2]) for page in pages]
    split = []
    for markers in rows:
        where = {m: [i for i, t in enumerate(page_texts) if m in t] for m in markers}
        seen = {tuple(v) for v in where.values()}
        if len(seen) != 1 or len(next(iter(seen))) != 1:
            split.append(where)
    check(not split, f"{name}: table rows cut across pages: {split[:3]}")
    spread = len({i for i, t in enumerate(page_texts) for m in (r[0] for r in rows) if m in t})
    print(f"{name}: {len(rows)} payment rows, each on one page, over {spread} pages")


def check_phone_width(name, wechat):
    page = os.path.join(out_dir, name + "-wechat-375.html")
    body = open(wechat, encoding="utf-8").read()
    with open(page, "w", encoding="utf-8") as f:
        f.write('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0">' + body +
                "<script>document.body.setAttribute('data-fits', document.documentElement.scrollWidth <= "
                "window.innerWidth ? 'yes' : 'no ' + document.documentElement.scrollWidth + ' > ' + "
                "window.innerWidth);</script></body></html>")
    dom = chromium("--window-size=375,800", "--dump-dom", "file://" + page).decode()
    fits = re.search(r'data-fits="([^"]*)"', dom)
    check(fits is not None and fits.group(1) == "yes",
          f"{name}: the WeChat HTML scrolls sideways at 375 px: {fits.group(1) if fits else 'not measured'}")
    print(f"{name}: WeChat HTML at 375 px: {fits.group(1) if fits else 'not measured'}")


def main():
    for tool in ("chromium", "pdfinfo", "pdftotext", "pdftoppm", "zbarimg"):
        if shutil.which(tool) is None:
            print(f"{tool} missing: run make deps")
            return 77
    os.makedirs(out_dir, exist_ok=True)
    work = tempfile.mkdtemp()
    env = {"PATH": "/usr/bin:/bin", "HOME": work, "LANG": "C.UTF-8", "CFUND_OPERATOR": "测试员",
           "CFUND_NOW": "2025-04-01T09:00:00+08:00"}
    try:
        # The demo fund's March.
        run([os.path.join(repo, "examples", "demo.sh"), binary, os.path.join(work, "demo")], env=env,
            timeout=FUND_SCRIPT_SECONDS)
        html, wechat = publish(os.path.join(work, "demo", "guihuali.cfund"), "2025-03", os.path.join(work, "month"), env)
        check_print("month", html, ["青溪镇桂花里社区慈善基金", "2025年3月", "收支公示"], lambda code: code)
        check_phone_width("month", wechat)

        # A year of relief for 95 households.
        fund = os.path.join(work, "year.cfund")
        run([os.path.join(repo, "tests", "render", "year_fund.sh"), binary, fund], env=env, timeout=FUND_SCRIPT_SECONDS)
        html, wechat = publish(fund, "2023-10..2024-09", os.path.join(work, "year"), env)
        pages = check_print("year", html, ["青溪镇桂花里社区慈善基金", "2023年10月至2024年9月", "收支公示"],
                            lambda code: "https://notice.example.org/guihuali?board=1&code=" + code)
        source = unescape(open(html, encoding="utf-8").read())
        check("决议编号" not in source, "year: the empty 决议编号 column is shown")
        rows = re.findall(r"<tr><td class=\"whole\">[\d-]+</td><td>(第\d{3}户)一次性救助（救助）</td><td>[^<]*</td>"
                          r"<td>[^<]* ([^<]+)</td><td class=\"num\">[^<]*</td><td class=\"whole\">(记-Y\d{3})</td>",
                          source)
        check(len(rows) == 95, f"year: expected 95 payment rows in the HTML, found {len(rows)}")
        check_rows_on_one_page("year", pages, rows)
        check_phone_width("year", wechat)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for failure in failures:
        print("FAIL", failure)
    print(f"print checks: {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
