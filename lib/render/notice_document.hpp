#pragma once
// The notice (公示) in one language, as sections of headings, paragraphs and tables:
// what every format shows. All the words of a notice, in Chinese and English, live
// in notice_document.cpp; the renderers (notice_markdown, notice_csv, notice_html,
// notice_wechat, notice_text) only lay this out.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "report/notice.hpp"
#include "util/message.hpp"

namespace cfund::render {

// A table cell: text, or an amount (shown as ¥1,234.56, written as 1234.56 in CSV).
struct NoticeCell {
  std::string text;
  std::optional<util::Fen> amount;
};

struct NoticeColumn {
  std::string header;
  bool numeric = false;
  bool narrow_keep = true;  // shown on a phone (WeChat); false: folded into the note
  bool whole = false;       // never wrapped (dates, receipt numbers)
  bool note = false;        // the free-text note column (left out when empty)
  bool optional = false;    // left out when empty in every row (决议编号, 凭证号, 受益人数)
};

struct NoticeTable {
  std::string id;       // summary, donations, donation_bands, goods, spending, projects, corrections, info
  std::string caption;  // may be empty
  std::vector<NoticeColumn> columns;
  std::vector<std::vector<NoticeCell>> rows;
  std::vector<std::size_t> total_rows;  // indexes of subtotal / total rows (shown bold)
  bool is_total(std::size_t row) const {
    for (std::size_t index : total_rows)
      if (index == row) return true;
    return false;
  }
  std::vector<std::string> notes;  // paragraphs right after the table
  // A list too long to hold (report::NoticeModel::replay_donations): `rows` is empty and
  // this gives the rows, in order, each time it is called. Only the text and Markdown
  // layouts take such a table (render_notice refuses the others).
  std::function<void(const std::function<void(std::vector<NoticeCell>&)>&)> stream;
};

struct NoticeSection {
  std::string id;
  std::string heading;
  std::vector<std::string> before;  // paragraphs before the tables
  std::vector<NoticeTable> tables;
  std::vector<std::string> after;  // paragraphs after the tables
};

struct NoticeChart {
  std::string title;
  std::string income_label;
  std::string spending_label;
  std::vector<report::ChartBar> bars;  // label in the reader's language; "\n" between lines, never inside a word
};

struct NoticeDocument {
  Lang lang = Lang::zh;
  std::string file_stem;  // notice-2025-03
  std::string title;      // 青溪镇桂花里社区慈善基金2025年3月收支公示
  // The title in the pieces a line may break between (never inside one): the fund's
  // name, the period, the kind of notice.
  std::vector<std::string> title_parts;
  std::vector<std::string> header_lines;
  std::vector<NoticeSection> sections;
  NoticeChart chart;
  std::vector<std::string> footer_lines;
  std::string verification_code;
  // What the print notice's QR code holds: the verification code, or with [notice]
  // url set, that address with ?code=CF-... (or &code=) appended.
  std::string qr_payload;
  std::string qr_caption;  // 扫码核对校验码 / 扫码查看网上公示
  NoticeTable info;        // the header and footer facts as key / value rows (CSV)
  // CSS added to the print HTML's style sheet (the annual report's wide statements).
  std::string extra_style;
};

// Takes the model by value: pass it with std::move when it is not needed afterwards,
// and its long lists are moved into the document instead of copied.
NoticeDocument notice_document(report::NoticeModel model, Lang lang);

// The chart as an inline SVG element (used by the print HTML).
std::string notice_chart_svg(const NoticeChart& chart);

// A rendered file: its name (for --out) and its bytes.
struct RenderedFile {
  std::string name;
  std::string bytes;
};

// The one file of a format, its bytes moved in (a notice can run to megabytes).
inline std::vector<RenderedFile> single_file(std::string name, std::string bytes) {
  std::vector<RenderedFile> files;
  files.push_back({std::move(name), std::move(bytes)});
  return files;
}

// Each format: one file, except CSV (one file per table). The .xlsx workbook (one
// sheet per table) is binary.
std::vector<RenderedFile> notice_markdown(const NoticeDocument& doc);
std::vector<RenderedFile> notice_csv(const NoticeDocument& doc);
std::vector<RenderedFile> notice_html(const NoticeDocument& doc);
std::vector<RenderedFile> notice_wechat(const NoticeDocument& doc);
std::vector<RenderedFile> notice_text(const NoticeDocument& doc);
std::vector<RenderedFile> notice_xlsx(const NoticeDocument& doc);

// The formats by name: md, csv, html, wechat, txt, xlsx.
inline const std::vector<std::string> kNoticeFormats = {"md", "csv", "html", "wechat", "txt", "xlsx"};
std::vector<RenderedFile> render_notice(const NoticeDocument& doc, const std::string& format);

}  // namespace cfund::render
