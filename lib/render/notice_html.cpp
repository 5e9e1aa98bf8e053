// The notice as a printable A4 page for the notice board (宣传栏): one self-contained
// HTML file, large type, ruled tables whose rows never split across pages, the
// table head repeated on each page, an inline SVG bar chart, and beside the
// verification code a QR code (inline SVG) that carries it. Names, codes, amounts and
// dates never break inside a word (word-break: keep-all). No external assets, no
// JavaScript.

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "render/notice_document.hpp"
#include "render/notice_escape.hpp"
#include "render/qr_svg.hpp"
#include "util/money.hpp"
#include "util/text.hpp"

namespace cfund::render {

namespace {

const char* kStyle = R"css(
@page { size: A4; margin: 14mm 12mm 16mm 12mm; }
html { background: #fff; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif;
       font-size: 14pt; line-height: 1.5; color: #000; margin: 0 auto; max-width: 186mm; padding: 6mm 0; }
h1 { font-size: 22pt; text-align: center; margin: 0 0 6pt; line-height: 1.3; word-break: keep-all; }
.whole, h1 span { white-space: nowrap; }
.meta { text-align: center; margin: 0 0 10pt; }
.meta span { display: inline-block; margin: 0 8pt; }
h2, h3, figcaption { word-break: keep-all; overflow-wrap: break-word; }
h2 { font-size: 17pt; margin: 14pt 0 6pt; padding-bottom: 2pt; border-bottom: 2pt solid #000;
     break-after: avoid; page-break-after: avoid; }
h3 { font-size: 14pt; margin: 8pt 0 4pt; break-after: avoid; page-break-after: avoid; }
p { margin: 4pt 0; }
table { width: 100%; border-collapse: collapse; margin: 4pt 0 8pt; font-size: 12.5pt; line-height: 1.4; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 1pt solid #000; padding: 3pt 4pt; vertical-align: top; text-align: left;
         word-break: keep-all; overflow-wrap: break-word; }
th { background: #e8e8e8; font-weight: bold; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.whole, th { white-space: nowrap; }
tr.total td { font-weight: bold; background: #f4f4f4; }
figure { margin: 8pt 0; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-weight: bold; margin-bottom: 4pt; }
svg text { font-family: inherit; }
footer { margin-top: 14pt; padding-top: 6pt; border-top: 2pt solid #000; break-inside: avoid; page-break-inside: avoid;
         display: flex; gap: 6mm; align-items: center; }
footer .lines { flex: 1; }
footer figure { margin: 0; text-align: center; font-size: 10pt; }
svg.qr { display: block; }
.command { white-space: nowrap; font-family: "DejaVu Sans Mono", "Noto Sans Mono CJK SC", monospace; font-size: 12pt; }
.code { white-space: nowrap; font-family: "DejaVu Sans Mono", monospace; font-weight: bold; font-size: 16pt; letter-spacing: 1pt; }
)css";

// How wide text is drawn, in pixels, at a font size: a terminal column is about
// half an em (a Chinese character, two columns, about one em).
double text_px(const std::string& text, double font_px) { return util::display_width(text) * 0.55 * font_px; }

// A label's lines (split at "\n"), each cleaned of control characters.
std::vector<std::string> lines_of(const std::string& label) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t end; (end = label.find('\n', start)) != std::string::npos; start = end + 1) {
    lines.push_back(util::single_line(label.substr(start, end - start)));
  }
  lines.push_back(util::single_line(label.substr(start)));
  return lines;
}

// The month or designation under each bar group: every line whole. The font shrinks
// until the widest line fits its group; when even 10 px does not fit, the labels are
// turned.
struct AxisLabels {
  double font = 14;
  bool turned = false;
  double height = 0;  // below the axis
};

AxisLabels axis_labels(const NoticeChart& chart, double group_width) {
  double widest = 0;
  std::size_t most_lines = 1;
  for (const auto& bar : chart.bars) {
    const auto lines = lines_of(bar.label);
    most_lines = std::max(most_lines, lines.size());
    for (const auto& line : lines) widest = std::max(widest, text_px(line, 1));
  }
  AxisLabels labels;
  labels.font = std::min(14.0, std::floor(group_width * 0.92 / std::max(widest, 1.0)));
  if (labels.font < 10) {
    labels.font = 11;
    labels.turned = true;
    labels.height = widest * labels.font * 0.75 + 20;
  } else {
    labels.height = static_cast<double>(most_lines) * (labels.font + 3) + 8;
  }
  return labels;
}

}  // namespace

std::string notice_chart_svg(const NoticeChart& chart) {
  const double width = 640, left = 16, top = 34, value_font = 11;
  const std::size_t groups = std::max<std::size_t>(chart.bars.size(), 1);
  const double group_width = (width - 2 * left) / static_cast<double>(groups);
  const double bar_width = std::min(40.0, group_width * 0.34);
  util::Fen max_value = 1;
  double widest_value = 0;
  for (const auto& bar : chart.bars) {
    max_value = std::max({max_value, bar.income, bar.spending});
    for (const util::Fen value : {bar.income, bar.spending})
      widest_value = std::max(widest_value, text_px(util::format_amount(value), value_font));
  }
  // Amounts above their bars, as money; upright when one fits over its bar, else turned.
  const bool upright_values = widest_value <= group_width / 2;
  const double headroom = upright_values ? 20 : widest_value + 8;
  const double plot = 150 + headroom;
  const AxisLabels labels = axis_labels(chart, group_width);
  const double height = top + plot + labels.height + 6;

  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1:.0f}\" viewBox=\"0 0 {0} {1:.0f}\" "
      "role=\"img\" aria-label=\"{2}\">\n",
      width, height, html_escape(chart.title));
  svg += fmt::format(
      "<rect x=\"{}\" y=\"6\" width=\"14\" height=\"14\" fill=\"#1f4e79\"/>"
      "<text x=\"{}\" y=\"18\" font-size=\"13\">{}</text>\n",
      left, left + 20, html_escape(chart.income_label));
  svg += fmt::format(
      "<rect x=\"{}\" y=\"6\" width=\"14\" height=\"14\" fill=\"#e59a3a\" stroke=\"#000\" stroke-width=\"0.5\"/>"
      "<text x=\"{}\" y=\"18\" font-size=\"13\">{}</text>\n",
      left + 110, left + 130, html_escape(chart.spending_label));
  const double base = top + plot;
  svg += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#000\" stroke-width=\"1\"/>\n", left, base,
                     width - left, base);
  for (std::size_t i = 0; i < chart.bars.size(); ++i) {
    const auto& bar = chart.bars[i];
    const double middle = left + group_width * (static_cast<double>(i) + 0.5);
    const auto draw = [&](util::Fen value, double x, const char* fill) {
      const double h =
          value > 0 ? static_cast<double>(value) / static_cast<double>(max_value) * (plot - headroom) : 0.0;
      svg += fmt::format(
          "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\" stroke=\"#000\" "
          "stroke-width=\"0.5\"/>",
          x, base - h, bar_width, h, fill);
      if (value == 0) return;  // an empty month says nothing
      const double cx = x + bar_width / 2, cy = base - h - 4;
      svg += upright_values
                 ? fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"{}\" text-anchor=\"middle\">{}</text>\n",
                               cx, cy, value_font, util::format_amount(value))
                 : fmt::format(
                       "<text x=\"{0:.1f}\" y=\"{1:.1f}\" font-size=\"{2}\" transform=\"rotate(-90 {0:.1f} {1:.1f})\" "
                       "dominant-baseline=\"middle\">{3}</text>\n",
                       cx, cy, value_font, util::format_amount(value));
    };
    draw(bar.income, middle - bar_width - 1, "#1f4e79");
    draw(bar.spending, middle + 1, "#e59a3a");
    const auto lines = lines_of(bar.label);
    if (labels.turned) {
      std::string joined;
      for (const auto& line : lines) joined += (joined.empty() ? "" : " ") + line;
      svg += fmt::format(
          "<text x=\"{0:.1f}\" y=\"{1:.1f}\" font-size=\"{2}\" text-anchor=\"end\" "
          "transform=\"rotate(-45 {0:.1f} {1:.1f})\">{3}</text>\n",
          middle, base + 14, labels.font, html_escape(joined));
      continue;
    }
    for (std::size_t l = 0; l < lines.size(); ++l) {
      svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"{}\" text-anchor=\"middle\">{}</text>\n", middle,
                         base + (labels.font + 3) * static_cast<double>(l + 1), labels.font, html_escape(lines[l]));
    }
  }
  return svg + "</svg>\n";
}

namespace {

std::string table_html(const NoticeTable& table) {
  std::string out;
  if (!table.caption.empty()) out += "<h3>" + html_escape(table.caption) + "</h3>\n";
  out += "<table>\n<thead><tr>";
  for (const auto& column : table.columns) {
    out += column.numeric ? "<th class=\"num\">" : "<th>";
    out += html_escape(column.header) + "</th>";
  }
  out += "</tr></thead>\n<tbody>\n";
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const bool total = table.is_total(r);
    out += total ? "<tr class=\"total\">" : "<tr>";
    for (std::size_t c = 0; c < table.rows[r].size(); ++c) {
      const bool numeric = c < table.columns.size() && table.columns[c].numeric;
      const bool whole = c < table.columns.size() && table.columns[c].whole;
      out += numeric ? "<td class=\"num\">" : whole ? "<td class=\"whole\">" : "<td>";
      out += html_escape(table.rows[r][c].text) + "</td>";
    }
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n";
  for (const auto& note : table.notes) out += "<p>" + html_escape(note) + "</p>\n";
  return out;
}

}  // namespace

std::vector<RenderedFile> notice_html(const NoticeDocument& doc) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"";
  out += doc.lang == Lang::en ? "en" : "zh-CN";
  out += "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + html_escape(doc.title) + "</title>\n<style>" + kStyle +
         doc.extra_style + "</style>\n</head>\n<body>\n<header>\n<h1>";
  // A line of the title breaks only between its parts, never inside a word.
  for (std::size_t i = 0; i < doc.title_parts.size(); ++i) {
    out += (i == 0                 ? ""
            : doc.lang == Lang::en ? " "
                                   : "<wbr>") +
           std::string("<span>") + html_escape(doc.title_parts[i]) + "</span>";
  }
  out += "</h1>\n<p class=\"meta\">";
  for (const auto& line : doc.header_lines) out += "<span>" + html_escape(line) + "</span>";
  out += "</p>\n</header>\n";
  for (std::size_t s = 0; s < doc.sections.size(); ++s) {
    const auto& section = doc.sections[s];
    out += "<section>\n<h2>" + html_escape(section.heading) + "</h2>\n";
    for (const auto& paragraph : section.before) out += "<p>" + html_escape(paragraph) + "</p>\n";
    for (const auto& table : section.tables) out += table_html(table);
    for (const auto& paragraph : section.after) out += "<p>" + html_escape(paragraph) + "</p>\n";
    if (s == 0 && !doc.chart.bars.empty()) {
      out += "<figure>\n<figcaption>" + html_escape(doc.chart.title) + "</figcaption>\n" + notice_chart_svg(doc.chart) +
             "</figure>\n";
    }
    out += "</section>\n";
  }
  out += "<footer>\n<div class=\"lines\">\n";
  for (const auto& line : doc.footer_lines) {
    std::string shown = html_escape(line);
    // The code is what readers type back: set it large; the command in monospace.
    const std::string command = "cfund audit verify --code " + doc.verification_code;
    if (auto at = shown.find(command); !doc.verification_code.empty() && at != std::string::npos) {
      shown.replace(at, command.size(), "<span class=\"command\">" + command + "</span>");
    } else if (auto found = shown.find(doc.verification_code);
               !doc.verification_code.empty() && found != std::string::npos) {
      shown.replace(found, doc.verification_code.size(), "<span class=\"code\">" + doc.verification_code + "</span>");
    }
    out += "<p>" + shown + "</p>\n";
  }
  out += "</div>\n";
  // A roll-up of many funds has no one code to scan: no QR code.
  if (!doc.qr_payload.empty()) {
    out += "<figure>\n" + qr_svg(doc.qr_payload, 32, doc.qr_caption) + "<figcaption>" + html_escape(doc.qr_caption) +
           "</figcaption>\n</figure>\n";
  }
  out += "</footer>\n</body>\n</html>\n";
  return single_file(doc.file_stem + ".html", std::move(out));
}

}  // namespace cfund::render
