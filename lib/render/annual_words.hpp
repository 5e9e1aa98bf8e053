#pragma once
// What the annual report's two word files share (annual_document.cpp: the
// statements; annual_work_document.cpp: the work report): the language, cells and
// tables. Private to lib/render.

#include <string>
#include <vector>

#include "render/notice_document.hpp"
#include "report/annual.hpp"
#include "util/money.hpp"

namespace cfund::render {

namespace annual_words {

class Words {
 public:
  explicit Words(Lang lang) : lang_(lang) {}
  std::string operator()(const char* zh, const char* en) const { return lang_ == Lang::en ? en : zh; }
  std::string operator()(const Message& message) const { return message.in(lang_); }
  bool en() const { return lang_ == Lang::en; }
  Lang lang() const { return lang_; }

 private:
  Lang lang_;
};

inline NoticeCell text(std::string value) { return {std::move(value), std::nullopt}; }
inline NoticeCell money(util::Fen amount) { return {util::format_amount(amount), amount}; }
inline NoticeCell blank() { return {"", std::nullopt}; }
inline NoticeCell count(std::int64_t value) { return {std::to_string(value), std::nullopt}; }

inline NoticeTable make_table(std::string id, std::string caption, const std::vector<std::string>& headers,
                              std::size_t text_columns = 1) {
  NoticeTable table;
  table.id = std::move(id);
  table.caption = std::move(caption);
  for (std::size_t i = 0; i < headers.size(); ++i) {
    NoticeColumn column{headers[i]};
    column.numeric = i >= text_columns;
    table.columns.push_back(column);
  }
  return table;
}

inline void add_row(NoticeTable& table, std::vector<NoticeCell> row, bool total = false) {
  if (total) table.total_rows.push_back(table.rows.size());
  table.rows.push_back(std::move(row));
}

// A heading row inside a statement (一、收入): its name and empty cells.
inline void add_heading(NoticeTable& table, std::string name) {
  std::vector<NoticeCell> row{text(std::move(name))};
  row.resize(table.columns.size(), blank());
  table.rows.push_back(std::move(row));
}

// A list with nothing in it says so in its first cell.
inline void none_if_empty(NoticeTable& table, const Words& w) {
  if (!table.rows.empty()) return;
  add_heading(table, w("（无）", "(none)"));
}

}  // namespace annual_words

// The work report (年度工作报告) section.
NoticeSection annual_work_section(const report::AnnualModel& m, Lang lang);

}  // namespace cfund::render
