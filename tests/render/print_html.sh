#!/usr/bin/env bash
# The print HTML of the notice, rendered by headless Chromium to PDF and PNG: A4,
# the expected number of pages, and a PNG that is not blank.
#   print_html.sh CFUND_BINARY OUT_DIR     (OUT_DIR keeps notice.pdf and notice.png to look at)
# Exit 77 (skipped) when chromium or pdfinfo is not installed (make deps installs them).
set -eu
binary=$(realpath "$1")
out_dir=$2
repo=$(realpath "$(dirname "$0")/../..")
command -v chromium > /dev/null && command -v pdfinfo > /dev/null || { echo "chromium / pdfinfo missing: run make deps"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
source "$repo/tests/render/notice_fund.sh"
cfund -f fund.cfund publish --period 2025-03 --format html --out notice --dry-run > /dev/null 2>&1

browse() {
  local profile
  profile=$(mktemp -d)
  timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
    --user-data-dir="$profile" "$@" > chromium.log 2>&1 || { cat chromium.log; rm -rf "$profile"; return 1; }
  rm -rf "$profile"
}
page="file://$work/notice/notice-2025-03.html"
browse --no-pdf-header-footer --print-to-pdf="$work/notice.pdf" "$page"
browse --window-size=800,1600 --screenshot="$work/notice.png" "$page"
mkdir -p "$out_dir"
cp notice.pdf notice.png notice/notice-2025-03.html "$out_dir"/

info=$(pdfinfo notice.pdf)
pages=$(echo "$info" | awk '/^Pages:/ {print $2}')
size=$(echo "$info" | awk -F': *' '/^Page size:/ {print $2}')
echo "pages: $pages; page size: $size"
case "$size" in *A4*) ;; *) echo "FAIL: the page is not A4"; exit 1 ;; esac
# The March notice of the example fund fills two or three pages (four at most with other fonts).
if [ "$pages" -lt 2 ] || [ "$pages" -gt 4 ]; then echo "FAIL: expected 2 to 4 pages, got $pages"; exit 1; fi

# Not blank: at least 1% dark pixels (python3 decodes the PNG with zlib only).
python3 - notice.png <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, chunks, width, height, kind = 8, b"", 0, 0, 0
while pos < len(data):
    length, tag = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if tag == b"IHDR":
        width, height, depth, kind = struct.unpack(">IIBB", body[:10])
    elif tag == b"IDAT":
        chunks += body
    pos += 12 + length
raw = zlib.decompress(chunks)
bpp = {2: 3, 6: 4}[kind]
stride = width * bpp
previous = bytearray(stride)
dark = 0
for y in range(height):
    kind_of_filter = raw[y * (stride + 1)]
    line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for x in range(stride):
        a = line[x - bpp] if x >= bpp else 0
        b = previous[x]
        c = previous[x - bpp] if x >= bpp else 0
        if kind_of_filter == 1: line[x] = (line[x] + a) & 255
        elif kind_of_filter == 2: line[x] = (line[x] + b) & 255
        elif kind_of_filter == 3: line[x] = (line[x] + (a + b) // 2) & 255
        elif kind_of_filter == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    dark += sum(1 for x in range(0, stride, bpp) if line[x] < 128)
    previous = line
print("dark pixels:", dark, "of", width * height)
sys.exit(0 if dark > 0.01 * width * height else "FAIL: the screenshot looks blank")
PY
