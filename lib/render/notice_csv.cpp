// The notice as CSV: one file per table, UTF-8 with a byte-order mark (so that Excel
// and WPS read Chinese), CRLF line ends, amounts as plain numbers, text cells
// neutralised against formula injection.

#include "render/notice_document.hpp"
#include "render/notice_escape.hpp"
#include "util/money.hpp"

namespace cfund::render {

namespace {

const std::string kBom = "\xEF\xBB\xBF";

std::string table_csv(const NoticeTable& table) {
  std::string out = kBom;
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    out += (i == 0 ? "" : ",") + csv_text_field(table.columns[i].header);
  }
  out += "\r\n";
  for (const auto& row : table.rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i > 0) out += ",";
      out += row[i].amount ? csv_number_field(util::format_plain(*row[i].amount)) : csv_text_field(row[i].text);
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace

std::vector<RenderedFile> notice_csv(const NoticeDocument& doc) {
  std::vector<RenderedFile> files;
  files.push_back({doc.file_stem + "-info.csv", table_csv(doc.info)});
  for (const auto& section : doc.sections) {
    for (const auto& table : section.tables)
      files.push_back({doc.file_stem + "-" + table.id + ".csv", table_csv(table)});
  }
  return files;
}

}  // namespace cfund::render
