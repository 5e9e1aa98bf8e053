// .xlsx workbooks: a zip (libzip) of XML parts (expat). The workbook, its
// relationships, the styles and the shared strings are small and read whole; the
// worksheet is streamed: zip_fread chunks go through expat and each finished <row>
// is handed over, so memory does not grow with the sheet. Every part read is capped
// in size and in compression ratio (a zip bomb is refused, not unpacked), and XML
// with a document type declaration (entity tricks) is refused.

#include <algorithm>
#include <cstring>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <utility>

#include "error.hpp"
#include "import/cell_text.hpp"
#include "import/row_source.hpp"
#include "import/spreadsheet_libraries.hpp"

namespace cfund::import {

namespace {

constexpr std::uint64_t kMiB = 1024 * 1024;
constexpr std::uint64_t kSmallPartLimit = 16 * kMiB;  // workbook, relationships, styles
constexpr std::uint64_t kStringsLimit = 256 * kMiB;   // shared strings: kept in memory
constexpr std::uint64_t kSheetLimit = 2048 * kMiB;    // streamed
constexpr std::uint64_t kRatioLimit = 200;            // uncompressed ÷ compressed, for parts above 1 MiB
constexpr std::size_t kChunk = 64 * 1024;
constexpr std::size_t kMaxColumns = 16384;   // Excel's XFD
constexpr std::size_t kMaxCellBytes = kMiB;  // Excel holds at most 32,767 characters in a cell
constexpr std::size_t kMaxReadyRows = 64;    // rows parsed ahead of the reader: expat is suspended then
constexpr int kMaxRow = 1048576;

[[noreturn]] void damaged(const std::string& path, const std::string& part, const std::string& detail) {
  throw InputError(bilingual("{0}：不是有效的 .xlsx 文件（{1}：{2}）；请在 Excel 或 WPS 中打开并重新保存",
                             "{0}: not a valid .xlsx file ({1}: {2}); open it in Excel or WPS and save it again", path,
                             part, detail));
}

// The part's name without folder tricks: "xl/worksheets/../sharedStrings.xml" → "xl/sharedStrings.xml".
std::string resolve(const std::string& base_dir, const std::string& target) {
  std::string joined = !target.empty() && target[0] == '/' ? target.substr(1) : base_dir + target;
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= joined.size()) {
    const auto slash = joined.find('/', start);
    const std::string piece = joined.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (piece == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!piece.empty() && piece != ".") {
      parts.push_back(piece);
    }
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

std::string_view local_name(const char* name) {
  std::string_view n(name);
  const auto colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

const char* attribute(const char** atts, std::string_view wanted) {
  for (std::size_t i = 0; atts[i] != nullptr; i += 2) {
    if (local_name(atts[i]) == wanted) return atts[i + 1];
  }
  return nullptr;
}

// One part of the archive, read in chunks with its caps enforced as it goes (a
// stored size can lie; the bytes counted cannot).
class ZipPart {
 public:
  ZipPart(zip_t* archive, const std::string& path, const std::string& name, std::uint64_t limit)
      : path_(path), name_(name), limit_(limit) {
    zip_stat_t st;
    libzip().zip_stat_init(&st);
    if (libzip().zip_stat(archive, name.c_str(), ZIP_FL_NOCASE, &st) != 0) damaged(path, name, "missing");
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) != 0 && st.encryption_method != ZIP_EM_NONE) {
      throw InputError(password_protected(path));
    }
    size_ = st.size;
    packed_ = st.comp_size;
    if (st.size > limit || (st.size > kMiB && st.comp_size > 0 && st.size / st.comp_size > kRatioLimit)) {
      refuse(st.size);
    }
    file_ = libzip().zip_fopen(archive, name.c_str(), ZIP_FL_NOCASE);
    if (file_ == nullptr) damaged(path, name, libzip().zip_strerror(archive));
  }
  ~ZipPart() {
    if (file_ != nullptr) libzip().zip_fclose(file_);
  }
  ZipPart(const ZipPart&) = delete;
  ZipPart& operator=(const ZipPart&) = delete;

  // The next chunk; an empty view at the end.
  std::string_view read() {
    const zip_int64_t got = libzip().zip_fread(file_, buffer_, sizeof buffer_);
    if (got < 0) damaged(path_, name_, libzip().zip_file_strerror(file_));
    read_ += static_cast<std::uint64_t>(got);
    if (read_ > limit_) refuse(read_);
    if (read_ > size_) damaged(path_, name_, "longer than its stated size");
    return std::string_view(buffer_, static_cast<std::size_t>(got));
  }
  std::uint64_t size() const { return size_; }
  std::uint64_t done() const { return read_; }

 private:
  [[noreturn]] void refuse(std::uint64_t bytes) const {
    if (bytes > limit_) {
      throw InputError(
          bilingual("{0}：文件里的 {1} 解压后超过 {2} MB 的上限：这可能是恶意构造的压缩包（zip 炸弹），拒绝读取",
                    "{0}: its part {1} unpacks to more than the limit of {2} MB: it may be a hostile "
                    "archive (a zip bomb); not read",
                    path_, name_, limit_ / kMiB));
    }
    throw InputError(bilingual(
        "{0}：文件里的 {1} 解压后有 {2} MB，是压缩后的 {3} 倍（上限 {4} 倍）：这可能是恶意构造的压缩包（zip "
        "炸弹），拒绝读取",
        "{0}: its part {1} unpacks to {2} MB, {3} times its packed size (at most {4} times): it may be a hostile "
        "archive (a zip bomb); not read",
        path_, name_, bytes / kMiB, bytes / std::max<std::uint64_t>(1, packed_), kRatioLimit));
  }

  std::string path_;
  std::string name_;
  std::uint64_t limit_;
  std::uint64_t size_ = 0;
  std::uint64_t packed_ = 0;
  std::uint64_t read_ = 0;
  zip_file_t* file_ = nullptr;
  char buffer_[kChunk];
};

// expat with callbacks; refuses document type declarations.
class XmlReader {
 public:
  std::function<void(std::string_view, const char**)> on_start;
  std::function<void(std::string_view)> on_end;
  std::function<void(const char*, int)> on_text;

  XmlReader(std::string path, std::string part) : path_(std::move(path)), part_(std::move(part)) {
    parser_ = libexpat().XML_ParserCreate("UTF-8");
    if (parser_ == nullptr) throw std::bad_alloc();
    libexpat().XML_SetUserData(parser_, this);
    libexpat().XML_SetElementHandler(
        parser_,
        [](void* self, const char* name, const char** atts) {
          auto* reader = static_cast<XmlReader*>(self);
          reader->guarded([&] {
            if (reader->on_start) reader->on_start(local_name(name), atts);
          });
        },
        [](void* self, const char* name) {
          auto* reader = static_cast<XmlReader*>(self);
          reader->guarded([&] {
            if (reader->on_end) reader->on_end(local_name(name));
          });
        });
    libexpat().XML_SetCharacterDataHandler(parser_, [](void* self, const char* text, int length) {
      auto* reader = static_cast<XmlReader*>(self);
      reader->guarded([&] {
        if (reader->on_text) reader->on_text(text, length);
      });
    });
    libexpat().XML_SetStartDoctypeDeclHandler(parser_, [](void* self, const char*, const char*, const char*, int) {
      auto* reader = static_cast<XmlReader*>(self);
      reader->doctype_ = true;
      libexpat().XML_StopParser(reader->parser_, XML_FALSE);
    });
  }
  ~XmlReader() { libexpat().XML_ParserFree(parser_); }
  XmlReader(const XmlReader&) = delete;
  XmlReader& operator=(const XmlReader&) = delete;

  // The bytes must stay as they are while the parser is suspended (a handler may
  // suspend it: resume() goes on with the rest of them).
  void feed(std::string_view bytes, bool last) {
    check(libexpat().XML_Parse(parser_, bytes.data(), static_cast<int>(bytes.size()), last ? 1 : 0));
  }
  void suspend() { libexpat().XML_StopParser(parser_, XML_TRUE); }
  bool suspended() const { return suspended_; }
  void resume() { check(libexpat().XML_ResumeParser(parser_)); }

  // Reads a whole (small) part.
  void parse(ZipPart& part) {
    for (;;) {
      const std::string_view chunk = part.read();
      feed(chunk, chunk.empty());
      if (chunk.empty()) return;
    }
  }

 private:
  // A handler's exception must not unwind through expat (C code): it is kept, the
  // parser stopped, and the exception thrown again once XML_Parse has returned.
  template <typename F>
  void guarded(F&& handler) {
    if (failure_) return;
    try {
      handler();
    } catch (...) {
      failure_ = std::current_exception();
      libexpat().XML_StopParser(parser_, XML_FALSE);
    }
  }
  void check(XML_Status status) {
    if (failure_) std::rethrow_exception(failure_);
    suspended_ = status == XML_STATUS_SUSPENDED;
    if (status != XML_STATUS_ERROR) return;
    if (doctype_) damaged(path_, part_, "DOCTYPE");
    damaged(path_, part_,
            fmt::format("XML line {}: {}", libexpat().XML_GetCurrentLineNumber(parser_),
                        libexpat().XML_ErrorString(libexpat().XML_GetErrorCode(parser_))));
  }
  std::string path_;
  std::string part_;
  XML_Parser parser_ = nullptr;
  bool doctype_ = false;
  bool suspended_ = false;
  std::exception_ptr failure_;
};

struct SheetEntry {
  std::string name;
  std::string relationship;
};

struct Workbook {
  std::vector<SheetEntry> sheets;
  bool date1904 = false;
  std::map<std::string, std::string> targets;  // relationship id → part
  std::string shared_strings;                  // part names; "" when none
  std::string styles;
};

// Shared strings, compactly: one buffer and where each string ends.
class SharedStrings {
 public:
  void add(std::string_view text) {
    pool_.append(text);
    ends_.push_back(pool_.size());
  }
  std::size_t size() const { return ends_.size(); }
  std::string_view at(std::size_t i) const {
    const std::size_t begin = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(pool_).substr(begin, ends_[i] - begin);
  }
  void shrink() {
    pool_.shrink_to_fit();
    ends_.shrink_to_fit();
  }

 private:
  std::string pool_;
  std::vector<std::size_t> ends_;
};

}  // namespace

class XlsxSource final : public RowSource {
 public:
  XlsxSource(const std::string& path, const std::string& sheet, ReadSummary& summary)
      : path_(path), file_bytes_(summary.bytes) {
    int error = 0;
    archive_.reset(libzip().zip_open(path.c_str(), ZIP_RDONLY, &error));
    if (!archive_) {
      zip_error_t why;
      libzip().zip_error_init_with_code(&why, error);
      const std::string text = libzip().zip_error_strerror(&why);
      libzip().zip_error_fini(&why);
      throw InputError(bilingual("{0}：不是有效的 .xlsx 文件（zip 压缩包已损坏或不完整：{1}）",
                                 "{0}: not a valid .xlsx file (the zip archive is damaged or cut off: {1})", path,
                                 text));
    }
    const Workbook workbook = read_workbook();
    date1904_ = workbook.date1904;
    const SheetEntry& chosen = choose_sheet(workbook, sheet);
    summary.sheet = chosen.name;
    const auto target = workbook.targets.find(chosen.relationship);
    if (target == workbook.targets.end()) damaged(path, "xl/_rels/workbook.xml.rels", chosen.relationship);
    if (!workbook.styles.empty()) read_styles(workbook.styles);
    if (!workbook.shared_strings.empty()) read_shared_strings(workbook.shared_strings);
    sheet_part_ = target->second;
    sheet_ = std::make_unique<ZipPart>(archive_.get(), path_, sheet_part_, kSheetLimit);
    start_sheet_parser();
  }

  RawRow* next() override {
    while (ready_.empty() && (!sheet_done_ || parser_->suspended())) {
      if (parser_->suspended()) {
        parser_->resume();
        continue;
      }
      const std::string_view chunk = sheet_->read();
      sheet_done_ = chunk.empty();
      parser_->feed(chunk, sheet_done_);
    }
    if (ready_.empty()) return nullptr;
    spare_.push_back(std::move(current_out_));
    current_out_ = std::move(ready_.front());
    ready_.pop_front();
    return &current_out_;
  }
  std::uint64_t bytes_consumed() const override {
    if (sheet_->size() == 0) return file_bytes_;
    return static_cast<std::uint64_t>(static_cast<double>(sheet_->done()) / static_cast<double>(sheet_->size()) *
                                      static_cast<double>(file_bytes_));
  }
  int lines() const override { return last_row_; }

 private:
  bool has_part(const std::string& name) const {
    return libzip().zip_name_locate(archive_.get(), name.c_str(), ZIP_FL_NOCASE) >= 0;
  }

  // The workbook part named by the package's relationships (xl/workbook.xml as a rule).
  std::string workbook_part() {
    if (!has_part("_rels/.rels")) return "xl/workbook.xml";
    std::string found;
    ZipPart part(archive_.get(), path_, "_rels/.rels", kSmallPartLimit);
    XmlReader xml(path_, "_rels/.rels");
    xml.on_start = [&found](std::string_view name, const char** atts) {
      const char* type = attribute(atts, "Type");
      const char* target = attribute(atts, "Target");
      if (name == "Relationship" && type != nullptr && target != nullptr && found.empty() &&
          std::string_view(type).size() >= 14 &&
          std::string_view(type).substr(std::string_view(type).size() - 14) == "officeDocument") {
        found = resolve("", target);
      }
    };
    xml.parse(part);
    return found.empty() ? "xl/workbook.xml" : found;
  }

  Workbook read_workbook() {
    if (!has_part("[Content_Types].xml")) damaged(path_, "[Content_Types].xml", "missing");
    const std::string book = workbook_part();
    Workbook wb;
    {
      ZipPart part(archive_.get(), path_, book, kSmallPartLimit);
      XmlReader xml(path_, book);
      xml.on_start = [&wb](std::string_view name, const char** atts) {
        if (name == "sheet") {
          const char* sheet_name = attribute(atts, "name");
          const char* id = attribute(atts, "id");
          if (sheet_name != nullptr && id != nullptr) wb.sheets.push_back({sheet_name, id});
        } else if (name == "workbookPr") {
          const char* flag = attribute(atts, "date1904");
          wb.date1904 = flag != nullptr && (std::strcmp(flag, "1") == 0 || std::strcmp(flag, "true") == 0);
        }
      };
      xml.parse(part);
    }
    const auto slash = book.rfind('/');
    const std::string dir = slash == std::string::npos ? "" : book.substr(0, slash + 1);
    const std::string rels = dir + "_rels/" + book.substr(dir.size()) + ".rels";
    ZipPart part(archive_.get(), path_, rels, kSmallPartLimit);
    XmlReader xml(path_, rels);
    xml.on_start = [&wb, &dir](std::string_view name, const char** atts) {
      const char* id = attribute(atts, "Id");
      const char* type = attribute(atts, "Type");
      const char* target = attribute(atts, "Target");
      if (name != "Relationship" || id == nullptr || type == nullptr || target == nullptr) return;
      const std::string part_name = resolve(dir, target);
      wb.targets[id] = part_name;
      const std::string_view kind(type);
      const std::string_view last = kind.substr(kind.rfind('/') == std::string_view::npos ? 0 : kind.rfind('/') + 1);
      if (last == "sharedStrings") wb.shared_strings = part_name;
      if (last == "styles") wb.styles = part_name;
    };
    xml.parse(part);
    return wb;
  }

  const SheetEntry& choose_sheet(const Workbook& wb, const std::string& wanted) const {
    std::vector<std::string> names;
    for (const auto& s : wb.sheets) names.push_back(s.name);
    if (wb.sheets.empty()) throw InputError(missing_sheet(path_, wanted, names));
    if (wanted.empty()) return wb.sheets.front();
    for (const auto& s : wb.sheets) {
      if (s.name == wanted) return s;
    }
    throw InputError(missing_sheet(path_, wanted, names));
  }

  // Which cell styles show dates: cellXfs' number formats, built in or custom.
  void read_styles(const std::string& name) {
    if (!has_part(name)) return;
    ZipPart part(archive_.get(), path_, name, kSmallPartLimit);
    XmlReader xml(path_, name);
    std::map<int, std::string> custom;
    std::vector<int> xf_formats;
    bool in_cell_xfs = false;
    xml.on_start = [&](std::string_view element, const char** atts) {
      if (element == "numFmt") {
        const char* id = attribute(atts, "numFmtId");
        const char* code = attribute(atts, "formatCode");
        if (id != nullptr && code != nullptr) custom[std::atoi(id)] = code;
      } else if (element == "cellXfs") {
        in_cell_xfs = true;
      } else if (element == "xf" && in_cell_xfs) {
        const char* id = attribute(atts, "numFmtId");
        xf_formats.push_back(id != nullptr ? std::atoi(id) : 0);
      }
    };
    xml.on_end = [&](std::string_view element) {
      if (element == "cellXfs") in_cell_xfs = false;
    };
    xml.parse(part);
    for (int id : xf_formats) {
      const auto code = custom.find(id);
      style_kinds_.push_back(number_format_kind(id, code == custom.end() ? std::string() : code->second));
    }
  }

  // <si> holds <t> text, or rich-text runs <r><t>; phonetic hints (<rPh>) are no text.
  void read_shared_strings(const std::string& name) {
    if (!has_part(name)) return;
    ZipPart part(archive_.get(), path_, name, kStringsLimit);
    XmlReader xml(path_, name);
    std::string text;
    bool in_t = false;
    int phonetic = 0;
    xml.on_start = [&](std::string_view element, const char**) {
      if (element == "si") text.clear();
      if (element == "rPh") ++phonetic;
      if (element == "t" && phonetic == 0) in_t = true;
    };
    xml.on_end = [&](std::string_view element) {
      if (element == "t") in_t = false;
      if (element == "rPh") --phonetic;
      if (element == "si") strings_.add(text);
    };
    xml.on_text = [&](const char* s, int length) {
      if (in_t) text.append(s, static_cast<std::size_t>(length));
    };
    xml.parse(part);
    strings_.shrink();
  }

  void start_sheet_parser();
  void start_cell(const char** atts);
  void end_cell();
  void start_row(const char** atts);
  void end_row();

  std::string path_;
  std::uint64_t file_bytes_ = 0;
  // Declared before the parts read from it: destroyed after them, also when the
  // constructor throws half-way.
  struct ArchiveCloser {
    void operator()(zip_t* archive) const { libzip().zip_discard(archive); }
  };
  std::unique_ptr<zip_t, ArchiveCloser> archive_;
  bool date1904_ = false;
  std::vector<DateKind> style_kinds_;
  SharedStrings strings_;
  std::string sheet_part_;
  std::unique_ptr<ZipPart> sheet_;
  std::unique_ptr<XmlReader> parser_;
  bool sheet_done_ = false;

  // The row being parsed, the rows finished and not yet handed over.
  RawRow row_;
  std::deque<RawRow> ready_;
  std::vector<RawRow> spare_;
  RawRow current_out_;
  int row_number_ = 0;
  int last_row_ = 0;
  std::size_t column_ = 0;  // of the cell being parsed
  std::string cell_type_;
  int cell_style_ = 0;
  std::string value_;  // <v> or the inline string's text
  bool in_value_ = false;
  bool in_inline_text_ = false;
  int phonetic_ = 0;
};

namespace {

// "C5" → column 2; kMaxColumns when it is no cell reference.
std::size_t column_of(const char* reference) {
  std::size_t column = 0;
  std::size_t letters = 0;
  for (const char* c = reference; *c >= 'A' && *c <= 'Z'; ++c) {
    column = column * 26 + static_cast<std::size_t>(*c - 'A' + 1);
    if (++letters > 3) return kMaxColumns;
  }
  return letters == 0 ? kMaxColumns : column - 1;
}

}  // namespace

void XlsxSource::start_sheet_parser() {
  parser_ = std::make_unique<XmlReader>(path_, sheet_part_);
  parser_->on_start = [this](std::string_view name, const char** atts) {
    if (name == "row") {
      start_row(atts);
    } else if (name == "c") {
      start_cell(atts);
    } else if (name == "v") {
      in_value_ = true;
    } else if (name == "rPh") {
      ++phonetic_;
    } else if (name == "t" && phonetic_ == 0) {
      in_inline_text_ = true;
    }
  };
  parser_->on_end = [this](std::string_view name) {
    if (name == "v") in_value_ = false;
    if (name == "t") in_inline_text_ = false;
    if (name == "rPh") --phonetic_;
    if (name == "c") end_cell();
    if (name == "row") end_row();
  };
  parser_->on_text = [this](const char* text, int length) {
    if (!in_value_ && !in_inline_text_) return;
    value_.append(text, static_cast<std::size_t>(length));
    if (value_.size() > kMaxCellBytes)
      damaged(path_, sheet_part_, fmt::format("row {}: a cell over 1 MB", row_number_));
  };
}

void XlsxSource::start_row(const char** atts) {
  const char* number = attribute(atts, "r");
  const int r = number != nullptr ? std::atoi(number) : row_number_ + 1;
  if (r <= row_number_ || r > kMaxRow) {
    damaged(path_, sheet_part_, fmt::format("row {} after row {}", number != nullptr ? number : "?", row_number_));
  }
  row_number_ = r;
  row_.clear();
  column_ = 0;
}

void XlsxSource::start_cell(const char** atts) {
  const char* reference = attribute(atts, "r");
  const std::size_t column = reference != nullptr ? column_of(reference) : row_.count;
  if (column >= kMaxColumns)
    damaged(path_, sheet_part_, fmt::format("cell {}", reference != nullptr ? reference : "?"));
  column_ = column;
  const char* type = attribute(atts, "t");
  cell_type_ = type != nullptr ? type : "n";
  const char* style = attribute(atts, "s");
  cell_style_ = style != nullptr ? std::atoi(style) : 0;
  value_.clear();
}

void XlsxSource::end_cell() {
  std::string text;
  if (cell_type_ == "s") {
    char* end = nullptr;
    const unsigned long index = std::strtoul(value_.c_str(), &end, 10);
    if (value_.empty() || *end != '\0' || index >= strings_.size()) {
      damaged(path_, sheet_part_, fmt::format("row {}: shared string {}", row_number_, value_));
    }
    row_.set(column_, strings_.at(index));
    return;
  }
  if (cell_type_ == "b") {
    text = value_ == "1" ? "TRUE" : value_ == "0" ? "FALSE" : value_;
  } else if (cell_type_ == "d") {
    text = value_;  // ISO 8601: 2025-03-01T09:12:45(.000)(Z)
    std::replace(text.begin(), text.end(), 'T', ' ');
    text = text.substr(0, std::min(text.find_first_of(".Z+"), text.size()));
  } else if (cell_type_ == "n") {
    const DateKind kind = cell_style_ >= 0 && static_cast<std::size_t>(cell_style_) < style_kinds_.size()
                              ? style_kinds_[static_cast<std::size_t>(cell_style_)]
                              : DateKind::none;
    const auto date = kind != DateKind::none ? serial_date_text(value_, kind, date1904_) : std::nullopt;
    text = date ? *date : decimal_text(value_);
  } else {
    text = value_;  // str (a formula's text), inlineStr, e (an error such as #N/A)
  }
  row_.set(column_, text);
}

void XlsxSource::end_row() {
  last_row_ = row_number_;
  row_.line = row_number_;
  RawRow finished;
  if (!spare_.empty()) {
    finished = std::move(spare_.back());
    spare_.pop_back();
  }
  std::swap(finished, row_);
  ready_.push_back(std::move(finished));
  if (ready_.size() >= kMaxReadyRows) parser_->suspend();  // the reader takes these first
}

std::unique_ptr<RowSource> open_xlsx_source(const std::string& path, const std::string& sheet, ReadSummary& summary) {
  return std::make_unique<XlsxSource>(path, sheet, summary);
}

}  // namespace cfund::import
