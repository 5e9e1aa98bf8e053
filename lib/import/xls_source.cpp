// Legacy .xls workbooks (BIFF in an OLE compound file) through libfreexl, which
// gives each cell typed: integers and doubles become decimal text (at 15 significant
// digits, what Excel keeps), dates and times the text freexl makes of them
// ("2025-03-01 09:12:45"), strings as UTF-8. An .xls holds at most 65,536 rows.
//
// libfreexl 1.0.6 (Debian 12) over-reads memory on some crafted files (the fuzzer
// found one: tests/fuzz/regressions/xls_reader/), so it runs in a child process: the
// child opens the workbook and writes its rows down a pipe, the parent reads them as
// they come. A crash or a sanitizer report in the child costs only the child; the
// parent reports a damaged file. The child loads the workbook (freexl reads it
// whole); the parent streams.

#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <optional>
#include <stdexcept>

#include "error.hpp"
#include "import/cell_text.hpp"
#include "import/row_source.hpp"
#include "import/spreadsheet_libraries.hpp"

// Set by sanitizer runtimes (and libFuzzer's crash handler through it); absent otherwise.
extern "C" void __sanitizer_set_death_callback(void (*callback)(void)) __attribute__((weak));

namespace cfund::import {

namespace {

Message unreadable(const std::string& path, int code) {
  return bilingual(
      "{0}：不是有效的 .xls 文件（文件已损坏或不完整，FreeXL 错误 {1}）；请在 Excel 或 WPS 中打开并另存为 .xlsx",
      "{0}: not a valid .xls file (damaged or cut off, FreeXL error {1}); open it in Excel or WPS and save it as "
      ".xlsx",
      path, code);
}

// What goes down the pipe: 'E' zh en (an error), 'S' sheet (the sheet chosen), 'R' line
// count field… (a row), 'Z' (the end). Numbers as 32-bit, texts as length and bytes.
class PipeWriter {
 public:
  explicit PipeWriter(int fd) : fd_(fd) {}
  void tag(char t) { buffer_ += t; }
  void number(std::uint32_t n) { buffer_.append(reinterpret_cast<const char*>(&n), sizeof n); }
  void text(std::string_view s) {
    number(static_cast<std::uint32_t>(s.size()));
    buffer_.append(s);
  }
  void flush() {
    std::size_t done = 0;
    while (done < buffer_.size()) {
      const ssize_t wrote = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
      if (wrote < 0 && errno == EINTR) continue;
      if (wrote <= 0) ::_exit(0);  // the parent stopped reading
      done += static_cast<std::size_t>(wrote);
    }
    buffer_.clear();
  }

 private:
  int fd_;
  std::string buffer_;
};

std::string cell_text(const FreeXL_CellValue& value) {
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

// Picks the sheet; the error's message when it cannot.
std::optional<Message> select_sheet(const void* handle, const std::string& path, const std::string& wanted,
                                    std::string& chosen) {
  unsigned int count = 0;
  if (libfreexl().freexl_get_info(handle, FREEXL_BIFF_SHEET_COUNT, &count) != FREEXL_OK) return unreadable(path, -1);
  std::vector<std::string> names;
  for (unsigned short i = 0; i < count; ++i) {
    const char* name = nullptr;
    if (libfreexl().freexl_get_worksheet_name(handle, i, &name) != FREEXL_OK || name == nullptr)
      return unreadable(path, -1);
    names.emplace_back(name);
  }
  unsigned short index = 0;
  if (!wanted.empty()) {
    while (index < names.size() && names[index] != wanted) ++index;
  }
  if (index >= names.size()) return missing_sheet(path, wanted, names);
  if (libfreexl().freexl_select_active_worksheet(handle, index) != FREEXL_OK) return unreadable(path, -1);
  chosen = names[index];
  return std::nullopt;
}

// The child: reads the workbook and writes it down the pipe.
void write_workbook(const std::string& path, const std::string& wanted, PipeWriter& out) {
  const void* handle = nullptr;
  auto fail = [&out](const Message& why) {
    out.tag('E');
    out.text(why.zh);
    out.text(why.en);
    out.flush();
  };
  const int opened = libfreexl().freexl_open(path.c_str(), &handle);
  if (opened != FREEXL_OK) return fail(unreadable(path, opened));
  unsigned int protection = 0;
  if (libfreexl().freexl_get_info(handle, FREEXL_BIFF_PASSWORD, &protection) == FREEXL_OK &&
      protection == FREEXL_BIFF_OBFUSCATED) {
    return fail(password_protected(path));
  }
  std::string sheet;
  unsigned int rows = 0;
  unsigned short columns = 0;
  if (auto why = select_sheet(handle, path, wanted, sheet)) return fail(*why);
  if (libfreexl().freexl_worksheet_dimensions(handle, &rows, &columns) != FREEXL_OK) return fail(unreadable(path, -1));
  out.tag('S');
  out.text(sheet);
  out.number(rows);
  for (unsigned int row = 0; row < rows; ++row) {
    out.tag('R');
    out.number(row + 1);
    out.number(columns);
    for (unsigned short column = 0; column < columns; ++column) {
      FreeXL_CellValue value;
      if (libfreexl().freexl_get_cell_value(handle, row, column, &value) != FREEXL_OK)
        return fail(unreadable(path, -1));
      out.text(cell_text(value));
    }
    if (row % 256 == 255) out.flush();
  }
  out.tag('Z');
  out.flush();
  libfreexl().freexl_close(handle);
}

class XlsSource final : public RowSource {
 public:
  XlsSource(const std::string& path, const std::string& sheet, ReadSummary& summary)
      : path_(path), file_bytes_(summary.bytes) {
    libfreexl();  // opened here, so that the parent reports a library that is missing
    int fds[2];
    if (::pipe(fds) != 0) throw std::runtime_error("pipe() failed");
    child_ = ::fork();
    if (child_ < 0) throw std::runtime_error("fork() failed");
    if (child_ == 0) {
      ::close(fds[0]);
      std::signal(SIGPIPE, SIG_DFL);
      // A crash in the child is the child's: a fuzzer's crash handler must not report it as the parent's.
      if (__sanitizer_set_death_callback != nullptr) __sanitizer_set_death_callback(nullptr);
      PipeWriter out(fds[1]);
      try {
        write_workbook(path, sheet, out);
      } catch (...) {
      }
      ::_exit(0);  // no destructors, no stdio flushing: those belong to the parent
    }
    ::close(fds[1]);
    fd_ = fds[0];
    try {
      const char tag = read_tag();
      if (tag == 'E') throw_error();
      if (tag != 'S') throw InputError(unreadable(path_, -1));
      summary.sheet = read_text();
      rows_ = read_number();
    } catch (...) {
      end_child();  // no destructor runs for a constructor that throws
      throw;
    }
  }
  ~XlsSource() override { end_child(); }
  XlsSource(const XlsSource&) = delete;
  XlsSource& operator=(const XlsSource&) = delete;

  RawRow* next() override {
    if (done_) return nullptr;
    const char tag = read_tag();
    if (tag == 'Z') {
      done_ = true;
      return nullptr;
    }
    if (tag == 'E') throw_error();
    if (tag != 'R') throw InputError(unreadable(path_, -1));
    row_.clear();
    row_.line = static_cast<int>(read_number());
    const std::uint32_t columns = read_number();
    for (std::uint32_t c = 0; c < columns; ++c) row_.set(c, read_text());
    last_row_ = row_.line;
    return &row_;
  }
  std::uint64_t bytes_consumed() const override {
    return rows_ == 0 ? file_bytes_ : file_bytes_ * static_cast<std::uint64_t>(last_row_) / rows_;
  }
  int lines() const override { return last_row_; }

 private:
  void end_child() {
    if (fd_ >= 0) ::close(fd_);  // a child still writing gets SIGPIPE
    fd_ = -1;
    int status = 0;
    if (child_ > 0) ::waitpid(child_, &status, 0);
    child_ = -1;
  }

  // Reads exactly size bytes; a child that died half-way is a damaged file.
  void read_exactly(char* into, std::size_t size) {
    std::size_t done = 0;
    while (done < size) {
      const ssize_t got = ::read(fd_, into + done, size - done);
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) throw InputError(unreadable(path_, -1));
      done += static_cast<std::size_t>(got);
    }
  }
  char read_tag() {
    char tag = 0;
    read_exactly(&tag, 1);
    return tag;
  }
  std::uint32_t read_number() {
    std::uint32_t n = 0;
    read_exactly(reinterpret_cast<char*>(&n), sizeof n);
    return n;
  }
  std::string read_text() {
    std::string text(read_number(), '\0');
    if (!text.empty()) read_exactly(text.data(), text.size());
    return text;
  }
  [[noreturn]] void throw_error() {
    Message why;
    why.zh = read_text();
    why.en = read_text();
    throw InputError(why);
  }

  std::string path_;
  std::uint64_t file_bytes_ = 0;
  pid_t child_ = -1;
  int fd_ = -1;
  std::uint32_t rows_ = 0;
  int last_row_ = 0;
  bool done_ = false;
  RawRow row_;
};

}  // namespace

std::unique_ptr<RowSource> open_xls_source(const std::string& path, const std::string& sheet, ReadSummary& summary) {
  return std::make_unique<XlsSource>(path, sheet, summary);
}

}  // namespace cfund::import
