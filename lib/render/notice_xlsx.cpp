// The notice as an Excel workbook (libxlsxwriter): one sheet per table of the notice
// (the facts of its header and footer first), the header row bold and frozen, amounts
// as numbers shown ¥#,##0.00, text as text (a text cell is never a formula, so nothing
// needs neutralising), totals bold. The same NoticeDocument as every other format, so
// the same masking. The same books and period give the same bytes: the creation time
// written is fixed and libxlsxwriter stamps no time on the zip entries.

#include <unistd.h>

#include <cstdio>
#include <deque>
#include <fstream>
#include <iterator>
#include <set>
#include <stdexcept>

#include "render/notice_document.hpp"
#include "render/writer_libraries.hpp"
#include "util/text.hpp"

namespace cfund::render {

namespace {

// Excel's limits on a sheet name: at most 31 characters, none of []:*?/\ and unique.
std::string sheet_name(const NoticeTable& table, const std::string& heading, std::set<std::string>& used) {
  const std::string wanted = !table.caption.empty() ? table.caption : !heading.empty() ? heading : table.id;
  const std::string one_line = util::single_line(wanted);
  std::string clean;
  for (const auto character : util::utf8_characters(one_line)) {
    if (character.size() == 1 && std::string_view("[]:*?/\\'").find(character[0]) != std::string_view::npos) continue;
    clean.append(character);
  }
  clean = util::trim(clean);
  auto cut = [](const std::string& text, std::size_t characters) {
    std::string out;
    const auto all = util::utf8_characters(text);
    for (std::size_t i = 0; i < all.size() && i < characters; ++i) out.append(all[i]);
    return out;
  };
  if (clean.empty()) clean = table.id;
  std::string name = cut(clean, 31);
  for (int n = 2; used.count(name) != 0; ++n) {
    const std::string suffix = "(" + std::to_string(n) + ")";
    name = cut(clean, 31 - suffix.size()) + suffix;
  }
  used.insert(name);
  return name;
}

struct Formats {
  lxw_format* header = nullptr;
  lxw_format* money = nullptr;
  lxw_format* total_text = nullptr;
  lxw_format* total_money = nullptr;
};

Formats make_formats(lxw_workbook* book) {
  const XlsxWriter& xlsx = libxlsxwriter();
  Formats f;
  f.header = xlsx.workbook_add_format(book);
  xlsx.format_set_bold(f.header);
  xlsx.format_set_bottom(f.header, LXW_BORDER_THIN);
  f.money = xlsx.workbook_add_format(book);
  xlsx.format_set_num_format(f.money, "¥#,##0.00;-¥#,##0.00");
  f.total_text = xlsx.workbook_add_format(book);
  xlsx.format_set_bold(f.total_text);
  f.total_money = xlsx.workbook_add_format(book);
  xlsx.format_set_bold(f.total_money);
  xlsx.format_set_num_format(f.total_money, "¥#,##0.00;-¥#,##0.00");
  return f;
}

void write_table(lxw_workbook* book, const Formats& f, const NoticeTable& table, const std::string& name) {
  const XlsxWriter& xlsx = libxlsxwriter();
  lxw_worksheet* sheet = xlsx.workbook_add_worksheet(book, name.c_str());
  if (sheet == nullptr) throw std::runtime_error("workbook_add_worksheet failed for " + name);
  std::vector<int> widths(table.columns.size(), 8);
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    xlsx.worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), table.columns[c].header.c_str(), f.header);
    widths[c] = std::max(widths[c], util::display_width(table.columns[c].header) + 2);
  }
  xlsx.worksheet_freeze_panes(sheet, 1, 0);
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const bool total = table.is_total(r);
    const auto row = static_cast<lxw_row_t>(r + 1);
    for (std::size_t c = 0; c < table.rows[r].size(); ++c) {
      const NoticeCell& cell = table.rows[r][c];
      const auto column = static_cast<lxw_col_t>(c);
      if (cell.amount) {
        // A spreadsheet's number is a double: exact for every amount below ¥90 trillion.
        xlsx.worksheet_write_number(sheet, row, column, static_cast<double>(*cell.amount) / 100.0,
                                    total ? f.total_money : f.money);
        if (c < widths.size()) widths[c] = std::max(widths[c], 16);
      } else {
        xlsx.worksheet_write_string(sheet, row, column, cell.text.c_str(), total ? f.total_text : nullptr);
        if (c < widths.size()) widths[c] = std::max(widths[c], std::min(60, util::display_width(cell.text) + 2));
      }
    }
  }
  auto next = static_cast<lxw_row_t>(table.rows.size() + 2);
  for (const auto& note : table.notes) xlsx.worksheet_write_string(sheet, next++, 0, note.c_str(), nullptr);
  for (std::size_t c = 0; c < widths.size(); ++c) {
    xlsx.worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c], nullptr);
  }
}

std::string read_and_remove(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::remove(path.c_str());
  return bytes;
}

}  // namespace

std::vector<RenderedFile> notice_xlsx(const NoticeDocument& doc) {
  const XlsxWriter& xlsx = libxlsxwriter();  // opened before the temporary file: a missing library leaves none
  // libxlsxwriter writes to a file: a private temporary one, read back and removed.
  char path[] = "/tmp/cfund-notice-XXXXXX";
  const int fd = ::mkstemp(path);
  if (fd < 0) throw std::runtime_error("cannot create a temporary file for the .xlsx notice");
  ::close(fd);
  lxw_workbook_options options = {};
  options.tmpdir = const_cast<char*>("/tmp");
  lxw_workbook* book = xlsx.workbook_new_opt(path, &options);
  if (book == nullptr) throw std::runtime_error("workbook_new_opt failed");
  lxw_doc_properties properties = {};
  properties.title = const_cast<char*>(doc.title.c_str());
  properties.created = 315532800;  // 1980-01-01: fixed, so that the same notice gives the same bytes
  xlsx.workbook_set_properties(book, &properties);
  const Formats formats = make_formats(book);
  // libxlsxwriter keeps pointers to the sheet names until the workbook is closed.
  std::set<std::string> used;
  std::deque<std::string> names;
  names.push_back(sheet_name(doc.info, doc.lang == Lang::en ? "Notice" : "公示信息", used));
  write_table(book, formats, doc.info, names.back());
  for (const auto& section : doc.sections) {
    for (const auto& table : section.tables) {
      names.push_back(sheet_name(table, section.heading, used));
      write_table(book, formats, table, names.back());
    }
  }
  const lxw_error closed = xlsx.workbook_close(book);
  std::string bytes = read_and_remove(path);
  if (closed != LXW_NO_ERROR) throw std::runtime_error(std::string("libxlsxwriter: ") + xlsx.lxw_strerror(closed));
  return single_file(doc.file_stem + ".xlsx", std::move(bytes));
}

}  // namespace cfund::render
