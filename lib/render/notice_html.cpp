// The notice as a printable A4 page for the notice board (宣传栏): one self-contained
// HTML file, large type, ruled tables whose rows never split across pages, the
// table head repeated on each page, and an inline SVG bar chart. No external
// assets, no JavaScript.

#include <algorithm>

#include <fmt/format.h>

#include "render/notice_document.hpp"
#include "render/notice_escape.hpp"
#include "util/money.hpp"
#include "util/text.hpp"

namespace cfund::render {

namespace {

const char* kStyle = R"css(
@page { size: A4; margin: 14mm 12mm 16mm 12mm; }
html { background: #fff; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif;
       font-size: 14pt; line-height: 1.5; color: #000; margin: 0 auto; max-width: 186mm; padding: 6mm 0; }
h1 { font-size: 22pt; text-align: center; margin: 0 0 6pt; line-height: 1.3; }
.meta { text-align: center; margin: 0 0 10pt; }
.meta span { display: inline-block; margin: 0 8pt; }
h2 { font-size: 17pt; margin: 14pt 0 6pt; padding-bottom: 2pt; border-bottom: 2pt solid #000;
     break-after: avoid; page-break-after: avoid; }
h3 { font-size: 14pt; margin: 8pt 0 4pt; break-after: avoid; page-break-after: avoid; }
p { margin: 4pt 0; }
table { width: 100%; border-collapse: collapse; margin: 4pt 0 8pt; font-size: 12.5pt; line-height: 1.4; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 1pt solid #000; padding: 3pt 4pt; vertical-align: top; text-align: left; }
th { background: #e8e8e8; font-weight: bold; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.whole { white-space: nowrap; }
tr.total td { font-weight: bold; background: #f4f4f4; }
figure { margin: 8pt 0; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-weight: bold; margin-bottom: 4pt; }
svg text { font-family: inherit; }
footer { margin-top: 14pt; padding-top: 6pt; border-top: 2pt solid #000; break-inside: avoid; page-break-inside: avoid; }
.command { white-space: nowrap; font-family: "DejaVu Sans Mono", "Noto Sans Mono CJK SC", monospace; font-size: 12pt; }
.code { white-space: nowrap; font-family: "DejaVu Sans Mono", monospace; font-weight: bold; font-size: 16pt; letter-spacing: 1pt; }
)css";

std::vector<std::string> characters(const std::string& text) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    out.push_back(text.substr(i, n));
    i += n;
  }
  return out;
}

// Splits a label into lines of at most `width` display columns (at most 3 lines).
std::vector<std::string> wrap_label(const std::string& label, int width) {
  std::vector<std::string> lines(1);
  for (const auto& ch : characters(util::single_line(label))) {
    if (util::display_width(lines.back() + ch) > width && !lines.back().empty()) {
      if (lines.size() == 3) {
        lines.back() += "…";
        break;
      }
      lines.emplace_back();
    }
    lines.back() += ch;
  }
  return lines;
}

std::string short_amount(util::Fen amount) {
  // Whole yuan on the chart: the tables give the exact figures.
  return fmt::format("{}", (amount >= 0 ? amount + 50 : amount - 50) / 100);
}

}  // namespace

std::string notice_chart_svg(const NoticeChart& chart) {
  const int width = 640;
  const int top = 34;
  const int plot = 170;
  const int label_lines = 3;
  const int height = top + plot + 17 * label_lines + 14;
  const int left = 16;
  const std::size_t groups = std::max<std::size_t>(chart.bars.size(), 1);
  const double group_width = static_cast<double>(width - 2 * left) / static_cast<double>(groups);
  const double bar_width = std::min(40.0, group_width * 0.34);
  util::Fen max_value = 1;
  for (const auto& bar : chart.bars) max_value = std::max({max_value, bar.income, bar.spending});

  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" role=\"img\" "
      "aria-label=\"{2}\">\n",
      width, height, html_escape(chart.title));
  // Legend.
  svg += fmt::format(
      "<rect x=\"{}\" y=\"6\" width=\"14\" height=\"14\" fill=\"#1f4e79\"/>"
      "<text x=\"{}\" y=\"18\" font-size=\"13\">{}</text>\n",
      left, left + 20, html_escape(chart.income_label));
  svg += fmt::format(
      "<rect x=\"{}\" y=\"6\" width=\"14\" height=\"14\" fill=\"#e59a3a\" stroke=\"#000\" stroke-width=\"0.5\"/>"
      "<text x=\"{}\" y=\"18\" font-size=\"13\">{}</text>\n",
      left + 110, left + 130, html_escape(chart.spending_label));
  const int base = top + plot;
  svg += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#000\" stroke-width=\"1\"/>\n", left, base,
                     width - left, base);
  const int label_width = std::max(4, static_cast<int>(group_width / 8));
  for (std::size_t i = 0; i < chart.bars.size(); ++i) {
    const auto& bar = chart.bars[i];
    const double middle = left + group_width * (static_cast<double>(i) + 0.5);
    const auto draw = [&](util::Fen value, double x, const char* fill) {
      const double h = value > 0 ? static_cast<double>(value) / static_cast<double>(max_value) * (plot - 20) : 0.0;
      svg += fmt::format(
          "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\" stroke=\"#000\" "
          "stroke-width=\"0.5\"/>",
          x, base - h, bar_width, h, fill);
      if (value == 0) return;  // an empty month says nothing
      svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"13\" text-anchor=\"middle\">{}</text>\n",
                         x + bar_width / 2, base - h - 3, short_amount(value));
    };
    draw(bar.income, middle - bar_width - 1, "#1f4e79");
    draw(bar.spending, middle + 1, "#e59a3a");
    const auto lines = wrap_label(bar.label, label_width);
    for (std::size_t l = 0; l < lines.size(); ++l) {
      svg += fmt::format("<text x=\"{:.1f}\" y=\"{}\" font-size=\"14\" text-anchor=\"middle\">{}</text>\n", middle,
                         base + 17 + 17 * static_cast<int>(l), html_escape(lines[l]));
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
         doc.extra_style + "</style>\n</head>\n<body>\n<header>\n<h1>" + html_escape(doc.title) +
         "</h1>\n<p class=\"meta\">";
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
  out += "<footer>\n";
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
  out += "</footer>\n</body>\n</html>\n";
  return single_file(doc.file_stem + ".html", std::move(out));
}

}  // namespace cfund::render
