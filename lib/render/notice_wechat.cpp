// The notice as HTML for the WeChat official-account editor (公众号): the editor
// strips <style>, classes and ids, so every element carries its own inline style;
// at most 677 px wide; narrow tables (columns that do not fit a phone are folded
// into the note column); the chart as plain bars.

#include <algorithm>

#include <fmt/format.h>

#include "render/notice_document.hpp"
#include "render/notice_escape.hpp"
#include "util/money.hpp"

namespace cfund::render {

namespace {

const char* kWrap =
    "max-width:677px;margin:0 auto;padding:0 8px;box-sizing:border-box;font-size:15px;line-height:1.7;color:#222;"
    "font-family:-apple-system,BlinkMacSystemFont,'PingFang SC','Microsoft YaHei',sans-serif;";
const char* kTitle = "font-size:20px;font-weight:bold;text-align:center;line-height:1.4;margin:12px 0 8px;";
const char* kMeta = "font-size:13px;color:#555;text-align:center;margin:2px 0;";
const char* kHeading =
    "font-size:17px;font-weight:bold;margin:20px 0 8px;padding:2px 0 2px 8px;border-left:4px solid #b22222;";
const char* kCaption = "font-size:15px;font-weight:bold;margin:12px 0 4px;";
const char* kParagraph = "font-size:14px;margin:6px 0;";
const char* kTable = "width:100%;border-collapse:collapse;font-size:12px;line-height:1.5;margin:4px 0 8px;";
const char* kHead = "border:1px solid #999;background:#f2f2f2;padding:4px 3px;font-weight:bold;text-align:left;";
const char* kHeadNum = "border:1px solid #999;background:#f2f2f2;padding:4px 3px;font-weight:bold;text-align:right;";
const char* kCell = "border:1px solid #999;padding:4px 3px;text-align:left;vertical-align:top;word-break:break-all;";
const char* kCellNum = "border:1px solid #999;padding:4px 3px;text-align:right;vertical-align:top;white-space:nowrap;";
const char* kFooter = "font-size:13px;color:#444;margin:4px 0;";

// One table on a phone: the columns `kept`, the others folded into the note column
// (added when the table has none).
std::string table_part(const NoticeTable& table, const std::vector<std::size_t>& kept,
                       const std::vector<std::size_t>& folded, bool with_caption, Lang lang) {
  bool folds = false;
  for (const auto& row : table.rows) {
    for (std::size_t f : folded) folds = folds || (f < row.size() && !row[f].text.empty());
  }
  const bool has_note = !kept.empty() && table.columns[kept.back()].note;
  const bool add_note = folds && !has_note;
  const std::string separator = lang == Lang::en ? "; " : "；";
  const std::string colon = lang == Lang::en ? ": " : "：";
  auto folded_text = [&](const std::vector<NoticeCell>& row, std::string text) {
    for (std::size_t f : folded) {
      if (f >= row.size() || row[f].text.empty()) continue;
      text += (text.empty() ? "" : separator) + table.columns[f].header + colon + row[f].text;
    }
    return text;
  };

  std::string out;
  if (with_caption && !table.caption.empty())
    out += fmt::format("<p style=\"{}\">{}</p>", kCaption, html_escape(table.caption));
  out += fmt::format("<table style=\"{}\"><thead><tr>", kTable);
  for (std::size_t c : kept) {
    out += fmt::format("<th style=\"{}\">{}</th>", table.columns[c].numeric ? kHeadNum : kHead,
                       html_escape(table.columns[c].header));
  }
  if (add_note) out += fmt::format("<th style=\"{}\">{}</th>", kHead, lang == Lang::en ? "Note" : "备注");
  out += "</tr></thead><tbody>";
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const auto& row = table.rows[r];
    const bool total = table.is_total(r);
    const std::string emphasis = total ? "font-weight:bold;background:#fafafa;" : "";
    out += "<tr>";
    for (std::size_t k = 0; k < kept.size(); ++k) {
      const std::size_t c = kept[k];
      std::string text = c < row.size() ? row[c].text : "";
      if (k + 1 == kept.size() && has_note) text = folded_text(row, text);
      std::string style = table.columns[c].numeric ? kCellNum : kCell;
      if (table.columns[c].whole) style += "white-space:nowrap;";
      out += fmt::format("<td style=\"{}{}\">{}</td>", style, emphasis, html_escape(text));
    }
    if (add_note) out += fmt::format("<td style=\"{}{}\">{}</td>", kCell, emphasis, html_escape(folded_text(row, "")));
    out += "</tr>";
  }
  return out + "</tbody></table>\n";
}

std::string table_wechat(const NoticeTable& table, Lang lang) {
  std::vector<std::size_t> text_columns;
  std::vector<std::size_t> numeric_columns;
  std::vector<std::size_t> folded;
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    if (!table.columns[c].narrow_keep) {
      folded.push_back(c);
    } else {
      (table.columns[c].numeric ? numeric_columns : text_columns).push_back(c);
    }
  }
  // More than three amounts do not fit a phone side by side: the table is shown as
  // several, each with the text columns and up to three amounts.
  std::string out;
  if (numeric_columns.size() <= 3) {
    std::vector<std::size_t> kept;
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      if (table.columns[c].narrow_keep) kept.push_back(c);
    }
    out += table_part(table, kept, folded, true, lang);
  } else {
    for (std::size_t first = 0; first < numeric_columns.size(); first += 3) {
      std::vector<std::size_t> kept = text_columns;
      for (std::size_t i = first; i < std::min(first + 3, numeric_columns.size()); ++i)
        kept.push_back(numeric_columns[i]);
      std::sort(kept.begin(), kept.end());
      out += table_part(table, kept, first == 0 ? folded : std::vector<std::size_t>{}, first == 0, lang);
    }
  }
  for (const auto& note : table.notes) out += fmt::format("<p style=\"{}\">{}</p>\n", kParagraph, html_escape(note));
  return out;
}

std::string chart_wechat(const NoticeChart& chart) {
  util::Fen max_value = 1;
  for (const auto& bar : chart.bars) max_value = std::max({max_value, bar.income, bar.spending});
  std::string out = fmt::format("<p style=\"{}\">{}</p>", kCaption, html_escape(chart.title));
  auto bar_line = [&](const std::string& label, util::Fen value, const char* colour) {
    const long percent = value > 0 ? std::max<long>(1, static_cast<long>(value * 100 / max_value)) : 0;
    return fmt::format(
        "<p style=\"font-size:12px;margin:0;line-height:1.4;\">{} {}</p>"
        "<p style=\"margin:0 0 4px;height:10px;line-height:10px;font-size:0;background:{};width:{}%;\"> </p>",
        html_escape(label), util::format_amount(value), colour, percent);
  };
  for (const auto& bar : chart.bars) {
    out += fmt::format("<p style=\"font-size:13px;font-weight:bold;margin:8px 0 2px;\">{}</p>", html_escape(bar.label));
    out += bar_line(chart.income_label, bar.income, "#1f4e79");
    out += bar_line(chart.spending_label, bar.spending, "#e59a3a");
  }
  return out + "\n";
}

}  // namespace

std::vector<RenderedFile> notice_wechat(const NoticeDocument& doc) {
  std::string out = fmt::format("<section style=\"{}\">\n", kWrap);
  out += fmt::format("<p style=\"{}\">{}</p>\n", kTitle, html_escape(doc.title));
  for (const auto& line : doc.header_lines) out += fmt::format("<p style=\"{}\">{}</p>\n", kMeta, html_escape(line));
  for (std::size_t s = 0; s < doc.sections.size(); ++s) {
    const auto& section = doc.sections[s];
    out += fmt::format("<p style=\"{}\">{}</p>\n", kHeading, html_escape(section.heading));
    for (const auto& paragraph : section.before)
      out += fmt::format("<p style=\"{}\">{}</p>\n", kParagraph, html_escape(paragraph));
    for (const auto& table : section.tables) out += table_wechat(table, doc.lang);
    for (const auto& paragraph : section.after)
      out += fmt::format("<p style=\"{}\">{}</p>\n", kParagraph, html_escape(paragraph));
    if (s == 0 && !doc.chart.bars.empty()) out += chart_wechat(doc.chart);
  }
  out += "<p style=\"margin:16px 0 4px;border-top:1px solid #999;font-size:0;line-height:0;\"> </p>\n";
  for (const auto& line : doc.footer_lines) out += fmt::format("<p style=\"{}\">{}</p>\n", kFooter, html_escape(line));
  out += "</section>\n";
  return single_file(doc.file_stem + "-wechat.html", std::move(out));
}

}  // namespace cfund::render
