// The annual report as an Excel workbook (libxlsxwriter): one sheet per section —
// 业务活动表, 资产负债表, 现金流量表, 年度工作报告 — each with the report's title, its
// tables one under another (caption, header, rows; totals bold) and the footer with
// the verification code. Amounts are numbers formatted #,##0.00, so that a
// spreadsheet can add them up.

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "render/annual.hpp"
#include "render/writer_libraries.hpp"

namespace cfund::render {

namespace {

// A sheet's name: at most 31 characters, none of []:*?/\ (Excel's rules), without
// the section's number ("一、业务活动表" → "业务活动表").
std::string sheet_name(const std::string& heading) {
  std::string name = heading;
  for (const std::string numbered : {"、", ". "}) {
    if (auto at = name.find(numbered); at != std::string::npos && at <= 3) name = name.substr(at + numbered.size());
  }
  std::string clean;
  for (char c : name) {
    if (std::string("[]:*?/\\").find(c) == std::string::npos) clean += c;
  }
  while (clean.size() > 31) {  // cut at a UTF-8 character's start
    clean.pop_back();
    while (!clean.empty() && (static_cast<unsigned char>(clean.back()) & 0xC0) == 0x80) clean.pop_back();
    if (!clean.empty() && static_cast<unsigned char>(clean.back()) >= 0xC0) clean.pop_back();
  }
  return clean;
}

struct Formats {
  lxw_format* title;
  lxw_format* bold;
  lxw_format* header;
  lxw_format* amount;
  lxw_format* amount_total;
};

class SheetWriter {
 public:
  SheetWriter(lxw_worksheet* sheet, const Formats& formats) : sheet_(sheet), formats_(formats) {}

  void line(const std::string& text, lxw_format* format = nullptr) {
    libxlsxwriter().worksheet_write_string(sheet_, row_++, 0, text.c_str(), format);
  }
  void skip() { ++row_; }

  void table(const NoticeTable& table) {
    if (!table.caption.empty()) line(table.caption, formats_.bold);
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      libxlsxwriter().worksheet_write_string(sheet_, row_, col(c), table.columns[c].header.c_str(), formats_.header);
    }
    ++row_;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      const bool total = table.is_total(r);
      const auto& cells = table.rows[r];
      for (std::size_t c = 0; c < cells.size(); ++c) {
        if (cells[c].amount) {
          // The file format's numbers are doubles: fen / 100 is exact to the fen below 2^53 fen.
          libxlsxwriter().worksheet_write_number(sheet_, row_, col(c), static_cast<double>(*cells[c].amount) / 100.0,
                                                 total ? formats_.amount_total : formats_.amount);
        } else if (!cells[c].text.empty()) {
          libxlsxwriter().worksheet_write_string(sheet_, row_, col(c), cells[c].text.c_str(),
                                                 total ? formats_.bold : nullptr);
        }
      }
      ++row_;
    }
    for (const auto& note : table.notes) line(note);
    skip();
  }

 private:
  static lxw_col_t col(std::size_t c) { return static_cast<lxw_col_t>(c); }
  lxw_worksheet* sheet_;
  const Formats& formats_;
  lxw_row_t row_ = 0;
};

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

void write_workbook(const NoticeDocument& doc, const std::string& path) {
  const XlsxWriter& xlsx = libxlsxwriter();
  lxw_workbook* book = xlsx.workbook_new(path.c_str());
  if (book == nullptr) throw std::runtime_error("libxlsxwriter cannot create " + path);
  Formats formats{};
  formats.title = xlsx.workbook_add_format(book);
  xlsx.format_set_bold(formats.title);
  xlsx.format_set_font_size(formats.title, 14);
  formats.bold = xlsx.workbook_add_format(book);
  xlsx.format_set_bold(formats.bold);
  formats.header = xlsx.workbook_add_format(book);
  xlsx.format_set_bold(formats.header);
  xlsx.format_set_bg_color(formats.header, 0xE8E8E8);
  formats.amount = xlsx.workbook_add_format(book);
  xlsx.format_set_num_format(formats.amount, "#,##0.00");
  formats.amount_total = xlsx.workbook_add_format(book);
  xlsx.format_set_num_format(formats.amount_total, "#,##0.00");
  xlsx.format_set_bold(formats.amount_total);
  for (const auto& section : doc.sections) {
    lxw_worksheet* sheet = xlsx.workbook_add_worksheet(book, sheet_name(section.heading).c_str());
    xlsx.worksheet_set_column(sheet, 0, 0, 44, nullptr);
    xlsx.worksheet_set_column(sheet, 1, 8, 18, nullptr);
    SheetWriter writer(sheet, formats);
    writer.line(doc.title, formats.title);
    for (const auto& header : doc.header_lines) writer.line(header);
    writer.skip();
    writer.line(section.heading, formats.bold);
    for (const auto& paragraph : section.before) writer.line(paragraph);
    for (const auto& table : section.tables) writer.table(table);
    for (const auto& paragraph : section.after) writer.line(paragraph);
    for (const auto& footer : doc.footer_lines) writer.line(footer);
  }
  if (const lxw_error error = xlsx.workbook_close(book); error != LXW_NO_ERROR) {
    throw std::runtime_error(std::string("libxlsxwriter: ") + xlsx.lxw_strerror(error));
  }
}

}  // namespace

std::vector<RenderedFile> annual_xlsx(const NoticeDocument& doc) {
  // libxlsxwriter writes to a file: a private temporary one, read back and removed.
  std::string path = (std::filesystem::temp_directory_path() / "cfund-annual-XXXXXX").string();
  const int fd = ::mkstemp(path.data());
  if (fd < 0) throw std::runtime_error("cannot create a temporary file for the workbook");
  ::close(fd);
  try {
    write_workbook(doc, path);
  } catch (...) {
    std::filesystem::remove(path);
    throw;
  }
  std::string bytes = read_bytes(path);
  std::filesystem::remove(path);
  return single_file(doc.file_stem + ".xlsx", std::move(bytes));
}

}  // namespace cfund::render
