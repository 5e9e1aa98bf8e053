// Legacy .xls workbooks (BIFF in an OLE compound file) through libfreexl, which
// gives each cell typed: integers and doubles become decimal text (at 15 significant
// digits, what Excel keeps), dates and times the text freexl makes of them
// ("2025-03-01 09:12:45"), strings as UTF-8. An .xls holds at most 65,536 rows.

#include <fmt/format.h>
#include <freexl.h>

#include "error.hpp"
#include "import/cell_text.hpp"
#include "import/row_source.hpp"

namespace cfund::import {

namespace {

[[noreturn]] void unreadable(const std::string& path, int code) {
  throw InputError(
      bilingual("{0}：不是有效的 .xls 文件（文件已损坏或不完整，FreeXL 错误 {1}）；请在 Excel 或 WPS "
                "中打开并另存为 .xlsx",
                "{0}: not a valid .xls file (damaged or cut off, FreeXL error {1}); open it in Excel or "
                "WPS and save it as .xlsx",
                path, code));
}

class XlsSource final : public RowSource {
 public:
  XlsSource(const std::string& path, const std::string& sheet, ReadSummary& summary)
      : path_(path), file_bytes_(summary.bytes) {
    const int opened = freexl_open(path.c_str(), &handle_);
    if (opened != FREEXL_OK) {
      if (handle_ != nullptr) freexl_close(handle_);
      handle_ = nullptr;
      unreadable(path, opened);
    }
    unsigned int protection = 0;
    if (freexl_get_info(handle_, FREEXL_BIFF_PASSWORD, &protection) == FREEXL_OK &&
        protection == FREEXL_BIFF_OBFUSCATED) {
      throw InputError(bilingual("{0}：这个 Excel 文件受密码保护（已加密），无法读取；请取消密码后另存为 .xlsx，再导入",
                                 "{0}: this Excel file is password-protected (encrypted) and cannot be read; remove "
                                 "the password, save it as .xlsx and import that",
                                 path));
    }
    select_sheet(sheet, summary);
    if (freexl_worksheet_dimensions(handle_, &rows_, &columns_) != FREEXL_OK) unreadable(path, FREEXL_CRAFTED_FILE);
  }
  ~XlsSource() override {
    if (handle_ != nullptr) freexl_close(handle_);
  }
  XlsSource(const XlsSource&) = delete;
  XlsSource& operator=(const XlsSource&) = delete;

  RawRow* next() override {
    if (next_row_ >= rows_) return nullptr;
    row_.clear();
    for (unsigned short column = 0; column < columns_; ++column) {
      FreeXL_CellValue value;
      if (freexl_get_cell_value(handle_, next_row_, column, &value) != FREEXL_OK) {
        unreadable(path_, FREEXL_CRAFTED_FILE);
      }
      row_.set(column, cell_text(value));
    }
    row_.line = static_cast<int>(++next_row_);
    return &row_;
  }
  std::uint64_t bytes_consumed() const override { return rows_ == 0 ? file_bytes_ : file_bytes_ * next_row_ / rows_; }
  int lines() const override { return static_cast<int>(next_row_); }

 private:
  void select_sheet(const std::string& wanted, ReadSummary& summary) {
    unsigned int count = 0;
    if (freexl_get_info(handle_, FREEXL_BIFF_SHEET_COUNT, &count) != FREEXL_OK) unreadable(path_, FREEXL_CRAFTED_FILE);
    std::vector<std::string> names;
    for (unsigned short i = 0; i < count; ++i) {
      const char* name = nullptr;
      if (freexl_get_worksheet_name(handle_, i, &name) != FREEXL_OK || name == nullptr) {
        unreadable(path_, FREEXL_CRAFTED_FILE);
      }
      names.emplace_back(name);
    }
    unsigned short chosen = 0;
    if (!wanted.empty()) {
      while (chosen < names.size() && names[chosen] != wanted) ++chosen;
    }
    if (chosen >= names.size()) throw InputError(missing_sheet(path_, wanted, names));
    if (freexl_select_active_worksheet(handle_, chosen) != FREEXL_OK) unreadable(path_, FREEXL_CRAFTED_FILE);
    summary.sheet = names[chosen];
  }

  static std::string cell_text(const FreeXL_CellValue& value) {
    switch (value.type) {
      case FREEXL_CELL_INT:
        return std::to_string(value.value.int_value);
      case FREEXL_CELL_DOUBLE:
        // A double is what the file holds; 15 significant digits are what Excel shows.
        return decimal_text(fmt::format("{:.15g}", value.value.double_value));
      case FREEXL_CELL_TEXT:
      case FREEXL_CELL_SST_TEXT:
      case FREEXL_CELL_DATE:
      case FREEXL_CELL_DATETIME:
      case FREEXL_CELL_TIME:
        return value.value.text_value != nullptr ? value.value.text_value : "";
      default:
        return "";
    }
  }

  std::string path_;
  std::uint64_t file_bytes_ = 0;
  const void* handle_ = nullptr;
  unsigned int rows_ = 0;
  unsigned short columns_ = 0;
  unsigned int next_row_ = 0;
  RawRow row_;
};

}  // namespace

std::unique_ptr<RowSource> open_xls_source(const std::string& path, const std::string& sheet, ReadSummary& summary) {
  return std::make_unique<XlsSource>(path, sheet, summary);
}

}  // namespace cfund::import
