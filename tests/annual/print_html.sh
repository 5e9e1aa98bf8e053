#!/usr/bin/env bash
# The annual report's print HTML through headless Chromium (ctest annual.print_html):
#   print_html.sh CFUND_BINARY OUT_DIR     (OUT_DIR keeps annual.pdf and the HTML to look at)
# A4, 4 to 12 pages (each of the four parts starts a page), no table row split across
# two pages (every row's cells are found together on one page of the PDF's text), and
# the Chinese text set in Noto Sans CJK (installed under that name, its glyphs embedded). Exit 77 (skipped) when chromium or poppler is missing.
set -eu
binary=$(realpath "$1")
out_dir=$2
repo=$(realpath "$(dirname "$0")/../..")
for tool in chromium pdfinfo pdffonts pdftotext fc-match python3; do
  command -v "$tool" > /dev/null || { echo "skipped: $tool is not installed (make deps)"; exit 77; }
done
source "$repo/tests/annual/common.sh"
make_fixture_fund
cfund -f fund.cfund report annual --year 2025 --format html --out annual > /dev/null

profile=$(mktemp -d)
timeout 90 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
  --user-data-dir="$profile" --no-pdf-header-footer --print-to-pdf="$work/annual.pdf" \
  "file://$work/annual/annual-2025.html" > chromium.log 2>&1 || { cat chromium.log; exit 1; }
rm -rf "$profile"
mkdir -p "$out_dir"
cp annual.pdf annual/annual-2025.html "$out_dir"/

info=$(pdfinfo annual.pdf)
pages=$(echo "$info" | awk '/^Pages:/ {print $2}')
size=$(echo "$info" | awk -F': *' '/^Page size:/ {print $2}')
echo "pages: $pages; page size: $size"
case "$size" in *A4*) ;; *) echo "FAIL: the page is not A4"; exit 1 ;; esac
if [ "$pages" -lt 4 ] || [ "$pages" -gt 12 ]; then echo "FAIL: expected 4 to 12 pages, got $pages"; exit 1; fi
# The style sheet asks for Noto Sans CJK SC first: it must be what the machine has under that name,
# and the PDF must carry its glyphs. Chromium embeds the CFF-based Noto CJK fonts as Type 3 fonts,
# which have no name in the PDF, so the glyphs are shown by the Chinese text read back from it.
case "$(fc-match -f '%{file}' 'Noto Sans CJK SC')" in
  *NotoSansCJK*) ;;
  *) echo "FAIL: Noto Sans CJK SC is not installed (fonts-noto-cjk)"; exit 1 ;;
esac
fonts=$(pdffonts annual.pdf | tail -n +3 | wc -l)
if [ "$fonts" -lt 1 ]; then echo "FAIL: no font embedded"; exit 1; fi
if ! pdftotext -f 1 -l 1 annual.pdf - | grep -q '业务活动表'; then echo "FAIL: no Chinese text in the PDF"; exit 1; fi
for page in $(seq 1 "$pages"); do pdftotext -raw -f "$page" -l "$page" annual.pdf "page-$page.txt"; done
python3 - annual/annual-2025.html "$pages" <<'PY'
import html.parser, sys

class Rows(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.rows, self.row, self.cell, self.in_body = [], None, None, False
    def handle_starttag(self, tag, attrs):
        if tag == "tbody": self.in_body = True
        elif tag == "tr" and self.in_body: self.row = []
        elif tag == "td" and self.row is not None: self.cell = ""
    def handle_endtag(self, tag):
        if tag == "tbody": self.in_body = False
        elif tag == "td" and self.cell is not None: self.row.append(self.cell); self.cell = None
        elif tag == "tr" and self.row is not None: self.rows.append(self.row); self.row = None
    def handle_data(self, data):
        if self.cell is not None: self.cell += data

parser = Rows()
parser.feed(open(sys.argv[1], encoding="utf-8").read())
squeeze = lambda text: "".join(text.split())
pages = [squeeze(open(f"page-{n}.txt", encoding="utf-8").read()) for n in range(1, int(sys.argv[2]) + 1)]
split = [row for row in parser.rows
         if not any(all(squeeze(cell) in page for cell in row if squeeze(cell)) for page in pages)]
print(f"table rows: {len(parser.rows)}; rows not found whole on one page: {len(split)}")
for row in split[:5]: print("  ", row)
sys.exit(1 if split or not parser.rows else 0)
PY
echo "ok: A4, $pages pages, $fonts fonts embedded, Chinese text readable, no table row split across pages"
