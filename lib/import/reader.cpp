#include "import/reader.hpp"

#include <csv.h>
#include <iconv.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <optional>
#include <stdexcept>

#include "error.hpp"
#include "util/sha256.hpp"
#include "util/text.hpp"

namespace cfund::import {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// The fields of a profile, in the order of profile_fields().
enum Field : int {
  f_date,
  f_time,
  f_amount,
  f_credit,
  f_debit,
  f_direction,
  f_counterparty,
  f_reference,
  f_note,
  f_account,
  f_designation,
  f_donor_type,
  f_anonymous,
  f_category,
  f_purpose,
  f_beneficiary,
  f_approval_ref,
  f_voucher,
  f_count
};

// Strict UTF-8, fed in pieces: a character split between two chunks is fine.
class Utf8Validator {
 public:
  bool feed(const char* data, std::size_t size) {
    for (std::size_t i = 0; i < size; ++i) {
      const auto c = static_cast<unsigned char>(data[i]);
      if (need_ == 0) {
        if (c < 0x80) continue;
        if (c >= 0xC2 && c <= 0xDF) {
          start(1, 0x80, 0xBF);
        } else if (c == 0xE0) {
          start(2, 0xA0, 0xBF);  // no overlong forms
        } else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) {
          start(2, 0x80, 0xBF);
        } else if (c == 0xED) {
          start(2, 0x80, 0x9F);  // no surrogates
        } else if (c == 0xF0) {
          start(3, 0x90, 0xBF);
        } else if (c >= 0xF1 && c <= 0xF3) {
          start(3, 0x80, 0xBF);
        } else if (c == 0xF4) {
          start(3, 0x80, 0x8F);  // nothing above U+10FFFF
        } else {
          return false;
        }
      } else {
        if (c < lo_ || c > hi_) return false;
        --need_;
        lo_ = 0x80;
        hi_ = 0xBF;
      }
    }
    return true;
  }
  bool complete() const { return need_ == 0; }

 private:
  void start(int need, unsigned char lo, unsigned char hi) {
    need_ = need;
    lo_ = lo;
    hi_ = hi;
  }
  int need_ = 0;
  unsigned char lo_ = 0x80;
  unsigned char hi_ = 0xBF;
};

// Turns the file's bytes into UTF-8, chunk by chunk. For GB18030 (which covers GBK
// and GB2312) through glibc's iconv; the bytes of a character cut by the chunk's end
// wait for the next chunk.
class Decoder {
 public:
  explicit Decoder(Encoding encoding) : encoding_(encoding) {
    if (encoding_ == Encoding::gb18030) {
      cd_ = iconv_open("UTF-8", "GB18030");
      if (cd_ == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error("iconv_open(UTF-8, GB18030) failed");
    }
  }
  ~Decoder() {
    if (cd_ != reinterpret_cast<iconv_t>(-1)) iconv_close(cd_);
  }
  Decoder(const Decoder&) = delete;
  Decoder& operator=(const Decoder&) = delete;

  // Appends the text of the bytes to out. False at an invalid sequence; out then
  // holds everything before it.
  bool convert(std::string_view bytes, std::string& out) {
    if (encoding_ != Encoding::gb18030) {
      out.append(bytes);
      return true;
    }
    carry_.append(bytes);
    char* in = carry_.data();
    std::size_t in_left = carry_.size();
    while (in_left > 0) {
      const std::size_t used = out.size();
      out.resize(used + in_left * 2 + 16);  // GB18030 → UTF-8 at most doubles
      char* to = out.data() + used;
      std::size_t to_left = out.size() - used;
      const std::size_t result = iconv(cd_, &in, &in_left, &to, &to_left);
      out.resize(out.size() - to_left);
      if (result != static_cast<std::size_t>(-1)) break;
      if (errno == E2BIG) continue;
      if (errno == EINVAL) break;  // an incomplete character at the end: wait for more
      carry_.clear();
      return false;  // EILSEQ
    }
    carry_.erase(0, carry_.size() - in_left);
    return true;
  }
  // At the end of the file nothing may be left half-read.
  bool complete() const { return carry_.empty(); }

 private:
  Encoding encoding_;
  iconv_t cd_ = reinterpret_cast<iconv_t>(-1);
  std::string carry_;
};

// A cell as the profile sees it: padding, the tab that exports append to long numbers
// and the backtick that merchant exports put in front of them removed.
std::string_view clean_view(std::string_view cell) {
  cell = util::trim_view(cell);
  if (!cell.empty() && cell.front() == '`') cell = util::trim_view(cell.substr(1));
  return cell;
}

// Control characters, line breaks and U+2028/2029 may only come from quoted cells.
bool needs_single_line(std::string_view text) {
  for (char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x20 || b == 0x7F || b == 0xC2 || b == 0xE2) return true;
  }
  return false;
}

void assign_clean(std::string& out, std::string_view cell) {
  const std::string_view clean = clean_view(cell);
  if (needs_single_line(clean)) {
    out = util::trim(util::single_line(clean));
  } else {
    out.assign(clean.data(), clean.size());
  }
}

// Headers and listed values compare with full-width forms folded and ASCII case ignored.
std::string header_key(std::string_view text) {
  std::string key = util::trim(util::fold_full_width(clean_view(text)));
  for (char& c : key) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return key;
}

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

bool listed(const std::vector<std::string>& list, std::string_view value, bool prefix = false) {
  for (const auto& item : list) {
    if (prefix ? starts_with(value, item) : value == item) return true;
  }
  return false;
}

// One line, valid UTF-8, at most 80 characters: how a value is shown in a message.
std::string shown_value(std::string_view text) {
  std::string out = util::single_line(text);
  const auto characters = util::utf8_characters(out);
  if (characters.size() <= 80) return out;
  std::string cut;
  for (std::size_t i = 0; i < 79; ++i) cut.append(characters[i]);
  return cut + "…";
}

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "9:05" → "09:05", "14:22:01" stays, "142201" → "14:22:01"; "" when it is no time.
std::string normal_time(std::string_view text) {
  std::string parts[3];
  int count = 0;
  if (all_digits(text) && (text.size() == 4 || text.size() == 6)) {
    for (std::size_t i = 0; i < text.size(); i += 2) parts[count++] = std::string(text.substr(i, 2));
  } else {
    std::size_t start = 0;
    for (;;) {
      if (count == 3) return {};
      const std::size_t colon = text.find(':', start);
      parts[count++] = std::string(text.substr(start, colon == std::string_view::npos ? colon : colon - start));
      if (colon == std::string_view::npos) break;
      start = colon + 1;
    }
    if (count < 2) return {};
  }
  const int limits[3] = {23, 59, 59};
  std::string out;
  for (int i = 0; i < count; ++i) {
    const std::string& p = parts[i];
    if (!all_digits(p) || p.size() > 2 || (i > 0 && p.size() != 2) || std::stoi(p) > limits[i]) return {};
    if (i > 0) out += ':';
    out += p.size() == 1 ? "0" + p : p;
  }
  return out;
}

Message neither_utf8_nor_gb(const std::string& path, int line) {
  return bilingual("{0} 第 {1} 行：既不是 UTF-8 也不是 GBK/GB18030 编码的文字，无法读取（请用文本编辑器另存为 UTF-8）",
                   "{0} line {1}: the text is neither UTF-8 nor GBK/GB18030 (save it as UTF-8 with a text editor)",
                   path, line);
}

std::FILE* open_or_throw(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
    throw InputError(bilingual("无法读取对账单“{0}”：这是一个目录，请写对账单文件的路径",
                               "cannot read the statement '{0}': it is a folder; name the statement file", path));
  }
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) throw InputError(bilingual("无法读取对账单“{0}”", "cannot read the statement '{0}'", path));
  return file;
}

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

// The first pass: the digest and size of the stored bytes, and their encoding.
void examine(const std::string& path, std::size_t chunk, ReadSummary& summary) {
  File file(open_or_throw(path));
  util::Sha256 digest;
  Utf8Validator utf8;
  bool is_utf8 = true;
  std::vector<char> buffer(chunk);
  char head[3] = {0, 0, 0};
  std::size_t head_size = 0;
  for (;;) {
    const std::size_t got = std::fread(buffer.data(), 1, buffer.size(), file.get());
    if (got == 0) {
      if (std::ferror(file.get())) {
        throw InputError(bilingual("无法读取对账单“{0}”", "cannot read the statement '{0}'", path));
      }
      break;
    }
    digest.update(std::string_view(buffer.data(), got));
    for (std::size_t i = 0; i < got && head_size < 3; ++i) head[head_size++] = buffer[i];
    if (std::memchr(buffer.data(), 0, got) != nullptr) {
      throw InputError(bilingual("{0}：不是文本文件（含有 NUL 字节，是二进制文件吗？）",
                                 "{0}: not a text file (it holds NUL bytes: binary?)", path));
    }
    if (is_utf8) is_utf8 = utf8.feed(buffer.data(), got);
    summary.bytes += got;
  }
  if (summary.bytes == 0) throw InputError(bilingual("{0}：文件是空的", "{0}: the file is empty", path));
  summary.sha256 = digest.finish_hex();
  if (is_utf8 && utf8.complete()) {
    summary.encoding = head_size == 3 && std::string_view(head, 3) == kBom ? Encoding::utf8_bom : Encoding::utf8;
    return;
  }
  // Not UTF-8: it must be GB18030 (GBK) all through; name the first line that is not.
  summary.encoding = Encoding::gb18030;
  std::rewind(file.get());
  Decoder decoder(Encoding::gb18030);
  std::string text;
  int line = 1;
  for (;;) {
    const std::size_t got = std::fread(buffer.data(), 1, buffer.size(), file.get());
    if (got == 0) break;
    text.clear();
    const bool ok = decoder.convert(std::string_view(buffer.data(), got), text);
    line += static_cast<int>(std::count(text.begin(), text.end(), '\n'));
    if (!ok) throw InputError(neither_utf8_nor_gb(path, line));
  }
  if (!decoder.complete()) throw InputError(neither_utf8_nor_gb(path, line));
}

// A row as libcsv hands it over. The strings are reused from row to row.
struct RawRow {
  int line = 0;
  std::vector<std::string> fields;
  std::size_t count = 0;
  std::string_view cell(std::size_t i) const { return i < count ? std::string_view(fields[i]) : std::string_view(); }
};

enum class Outcome { taken, filtered, bad, skipped, end };

}  // namespace

const std::vector<std::string>& profile_fields() {
  static const std::vector<std::string> names = {"date",        "time",         "amount",    "credit",   "debit",
                                                 "direction",   "counterparty", "reference", "note",     "account",
                                                 "designation", "donor_type",   "anonymous", "category", "purpose",
                                                 "beneficiary", "approval_ref", "voucher"};
  return names;
}

const std::vector<std::string>* Profile::headers_of(const std::string& field) const {
  for (const auto& c : columns) {
    if (c.field == field) return &c.headers;
  }
  return nullptr;
}

struct StatementReader::State {
  std::string path;
  Profile profile;
  ReadSummary summary;
  std::vector<BadRow> bad;
  std::uint64_t consumed = 0;

  File file;
  std::unique_ptr<Decoder> decoder;
  std::vector<char> raw;
  std::size_t bom_left = 0;  // bytes of the byte-order mark still to drop
  std::string text;          // converted, not yet parsed
  std::size_t pos = 0;
  bool eof = false;

  csv_parser parser{};
  bool parser_open = false;
  bool finished = false;  // the parser has seen the end of the file
  bool in_table = false;  // the header has been read
  bool table_done = false;
  int line = 1;  // the physical line being parsed
  bool at_line_start = true;
  bool skip_to_line_end = false;  // after a CSV syntax error
  int row_start = 1;

  RawRow current;
  std::vector<RawRow> ready;
  std::size_t ready_head = 0;
  std::size_t ready_count = 0;

  // Column index of each field (-1 = none), of each filter, and the table's width.
  int column[f_count];
  std::vector<int> filter_column;
  std::size_t width = 0;
  int closing_line = 0;
  std::string cell_buffer;

  State(const std::string& p, const Profile& pr) : path(p), profile(pr) { std::fill(column, column + f_count, -1); }
  ~State() {
    if (parser_open) csv_free(&parser);
  }

  static void on_field(void* data, std::size_t size, void* context) {
    auto* s = static_cast<State*>(context);
    RawRow& row = s->current;
    if (row.count == row.fields.size()) row.fields.emplace_back();
    std::string& field = row.fields[row.count++];
    if (size == 0) {
      field.clear();
    } else {
      field.assign(static_cast<const char*>(data), size);
    }
  }

  static void on_row(int, void* context) {
    auto* s = static_cast<State*>(context);
    s->current.line = s->row_start;
    if (s->ready_count == s->ready.size()) s->ready.emplace_back();
    std::swap(s->ready[s->ready_count++], s->current);
    s->current.count = 0;
  }

  void open_parser() {
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) throw std::runtime_error("csv_init failed");
    parser_open = true;
  }

  void record_bad(int at, std::string field, std::string_view value, Message why) {
    ++summary.bad_rows;
    if (bad.size() < max_reported) bad.push_back(BadRow{at, std::move(field), shown_value(value), std::move(why)});
  }

  // Reads and converts the next chunk; false at the end of the file.
  bool refill() {
    text.clear();
    pos = 0;
    while (text.empty()) {
      if (eof) return false;
      const std::size_t got = std::fread(raw.data(), 1, raw.size(), file.get());
      if (got == 0) {
        if (std::ferror(file.get())) {
          throw InputError(bilingual("无法读取对账单“{0}”", "cannot read the statement '{0}'", path));
        }
        eof = true;
        // examine() has read the same bytes to the end: nothing can be left over.
        if (!decoder->complete()) throw InputError(neither_utf8_nor_gb(path, line));
        return false;
      }
      consumed += got;
      std::string_view bytes(raw.data(), got);
      const std::size_t drop = std::min(bom_left, bytes.size());
      bytes.remove_prefix(drop);
      bom_left -= drop;
      if (!decoder->convert(bytes, text)) throw InputError(neither_utf8_nor_gb(path, line));
    }
    return true;
  }

  void end_line() {
    ++line;
    ++summary.lines;
    at_line_start = true;
  }

  void syntax_error() {
    if (in_table) {
      record_bad(row_start, "", "",
                 bilingual("CSV 格式错误（{0}），常见原因是引号没有配对",
                           "malformed CSV ({0}), often an unmatched quote", csv_strerror(csv_error(&parser))));
    }
    csv_free(&parser);
    parser_open = false;
    open_parser();
    current.count = 0;
  }

  // Parses up to the end of one physical line, so that every row knows the line it
  // started on (libcsv's pstate 0, ROW_NOT_BEGUN, at a line start: a new row begins
  // there; a quoted field running over several lines keeps its row's first line).
  void feed() {
    if (pos == text.size() && !refill()) {
      finish();
      return;
    }
    const char* begin = text.data() + pos;
    const std::size_t left = text.size() - pos;
    const auto* newline = static_cast<const char*>(std::memchr(begin, '\n', left));
    const std::size_t length = newline != nullptr ? static_cast<std::size_t>(newline - begin) + 1 : left;
    pos += length;
    if (!skip_to_line_end) {
      if (at_line_start && parser.pstate == 0) row_start = line;
      if (csv_parse(&parser, begin, length, on_field, on_row, this) != length) {
        syntax_error();
        skip_to_line_end = newline == nullptr;
      }
    } else if (newline != nullptr) {
      skip_to_line_end = false;
    }
    if (newline != nullptr) {
      end_line();
    } else {
      at_line_start = false;
    }
  }

  void finish() {
    finished = true;
    if (!at_line_start) ++summary.lines;  // a last line without a line break
    if (csv_fini(&parser, on_field, on_row, this) != 0 && in_table) {
      record_bad(row_start, "", "",
                 bilingual("文件在引号括起的字段中间结束：文件不完整（被截断）或引号没有配对",
                           "the file ends inside a quoted field: it was cut off, or a quote is unmatched"));
    }
  }

  RawRow* next_raw() {
    for (;;) {
      if (ready_head < ready_count) return &ready[ready_head++];
      ready_head = ready_count = 0;
      if (finished) return nullptr;
      feed();
    }
  }

  bool blank(const RawRow& row) const {
    for (std::size_t i = 0; i < row.count; ++i) {
      if (!clean_view(row.fields[i]).empty()) return false;
    }
    return true;
  }

  int find_column(const std::vector<std::string>& names, const std::vector<std::string>& keys) const {
    for (const auto& name : names) {
      const std::string wanted = header_key(name);
      for (std::size_t i = 0; i < keys.size(); ++i) {
        if (!keys[i].empty() && keys[i] == wanted) return static_cast<int>(i);
      }
    }
    return -1;
  }

  static std::string names_list(const std::vector<std::string>& names, const char* separator = "、") {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : separator) + n;
    return out;
  }

  Message missing_column(int line, const Message& what, const std::vector<std::string>& names) const {
    return bilingual("{0} 第 {1} 行（列名行）：缺少{2}的列（可用的列名：{3}）",
                     "{0} line {1} (the header row): there is no column for {4} (accepted headers: {5})", path, line,
                     what.zh, names_list(names), what.en, names_list(names, ", "));
  }

  // Maps the columns of a header candidate; the reason when a needed column is missing.
  std::optional<Message> map_columns(const RawRow& row) {
    const Profile& p = profile;
    std::vector<std::string> keys;
    for (std::size_t i = 0; i < row.count; ++i) keys.push_back(header_key(row.fields[i]));
    std::size_t count = keys.size();
    while (count > 0 && keys[count - 1].empty()) --count;  // a trailing comma names no column
    keys.resize(count);
    std::fill(column, column + f_count, -1);
    const auto& fields = profile_fields();
    for (const auto& c : p.columns) {
      const auto at = std::find(fields.begin(), fields.end(), c.field);
      if (at != fields.end()) column[at - fields.begin()] = find_column(c.headers, keys);
    }
    for (const auto& required : p.required) {
      const auto at = std::find(fields.begin(), fields.end(), required);
      if (at == fields.end()) continue;
      const int f = static_cast<int>(at - fields.begin());
      if (column[f] >= 0) continue;
      if (f == f_amount && column[f_credit] >= 0 && column[f_debit] >= 0) continue;
      const auto* names = p.headers_of(required);
      return missing_column(row.line, bilingual("字段 {0} ", "the field {0}", required),
                            names != nullptr ? *names : std::vector<std::string>{});
    }
    if (column[f_amount] < 0 && (column[f_credit] < 0 || column[f_debit] < 0)) {
      const auto* names = p.headers_of("amount");
      return missing_column(row.line, bilingual("字段 amount ", "the field amount"),
                            names != nullptr ? *names : std::vector<std::string>{});
    }
    filter_column.clear();
    for (const auto& filter : p.filters) {
      const int at = find_column(filter.column, keys);
      if (at < 0 && !filter.optional)
        return missing_column(row.line, bilingual("筛选条件", "a row filter"), filter.column);
      filter_column.push_back(at);
    }
    width = count;
    return std::nullopt;
  }

  // The header is the first candidate row (by header_starts, or any non-blank row)
  // that has every needed column: a title line or a preamble line that happens to
  // start like a header is passed over. When no candidate fits, the first one's
  // missing column is the error.
  void read_header() {
    const Profile& p = profile;
    std::optional<Message> first_error;
    for (;;) {
      const RawRow* row = next_raw();
      if (row == nullptr) break;
      if (row->line <= p.skip_lines || blank(*row)) continue;
      const std::string_view first = clean_view(row->cell(0));
      bool candidate = p.header_starts.empty();
      for (const auto& start : p.header_starts) candidate = candidate || starts_with(first, start);
      if (!candidate) continue;
      auto error = map_columns(*row);
      if (!error) {
        in_table = true;
        return;
      }
      if (!first_error) first_error = std::move(error);
    }
    if (first_error) throw InputError(*first_error);
    if (p.header_starts.empty()) {
      throw InputError(bilingual("{0}：没有找到列名行（文件只有空行）",
                                 "{0}: there is no header row (the file has only blank lines)", path));
    }
    throw InputError(
        bilingual("{0}：没有找到列名行（第一个字段以“{1}”开头的行）；这是“{2}”格式的文件吗？",
                  "{0}: there is no header row (a row whose first field starts with '{1}'); is this a '{2}' file?",
                  path, names_list(p.header_starts), p.name));
  }

  std::string_view cell(const RawRow& row, int field) const {
    return column[field] < 0 ? std::string_view() : clean_view(row.cell(static_cast<std::size_t>(column[field])));
  }

  void text_field(std::string& out, const RawRow& row, int field) {
    if (column[field] < 0) {
      out.clear();
      return;
    }
    assign_clean(out, row.cell(static_cast<std::size_t>(column[field])));
    if (out == "/" || out == "-") out.clear();
  }

  std::string row_text(const RawRow& row) const {
    std::string out;
    for (std::size_t i = 0; i < row.count && out.size() < 400; ++i) {
      if (i > 0) out += ',';
      out.append(clean_view(row.fields[i]));
    }
    return out;
  }

  Outcome bad_field(const RawRow& row, int field, std::string_view value, Message why) {
    record_bad(row.line, profile_fields()[field], value, std::move(why));
    return Outcome::bad;
  }

  // A bank's 收入金额 or 支出金额: 0 when the cell is empty, "-" or zero.
  bool side_amount(const RawRow& row, int field, util::Fen& out, Message& why) const {
    const std::string_view value = cell(row, field);
    out = 0;
    if (value.empty() || value == "-" || value == "/") return true;
    auto amount = util::parse_amount(value, false);
    if (!amount) {
      why = amount.error();
      return false;
    }
    out = *amount;
    return true;
  }

  Outcome process(const RawRow& row, Record& record) {
    const Profile& p = profile;
    if (blank(row)) return Outcome::skipped;
    const std::string_view first = clean_view(row.cell(0));
    for (const auto& footer : p.footer_starts) {
      if (starts_with(first, footer)) return Outcome::end;
    }
    std::size_t count = row.count;
    while (count > width && clean_view(row.fields[count - 1]).empty()) --count;  // trailing commas
    if (closing_line != 0) {
      record_bad(row.line, "", row_text(row),
                 bilingual("期末余额（closing）应是最后一行（第 {0} 行）",
                           "the closing balance line (line {0}) must be the last one", closing_line));
      return Outcome::bad;
    }
    // The closing line only needs its date and amount cells: "closing,5780.00" will do.
    const std::string_view date_cell = cell(row, f_date);
    const bool may_be_label = !date_cell.empty() && (date_cell.front() < '0' || date_cell.front() > '9');
    if (may_be_label && !p.closing_labels.empty() && column[f_amount] >= 0 && count <= width &&
        count > static_cast<std::size_t>(std::max(column[f_date], column[f_amount]))) {
      const std::string label = header_key(date_cell);
      for (const auto& closing : p.closing_labels) {
        if (label != header_key(closing)) continue;
        auto amount = util::parse_amount(cell(row, f_amount), true);
        if (!amount) return bad_field(row, f_amount, cell(row, f_amount), amount.error());
        summary.closing_balance = *amount;
        closing_line = row.line;
        return Outcome::skipped;
      }
    }
    if (count != width) {
      record_bad(row.line, "", row_text(row),
                 bilingual("应有 {0} 列（与列名行相同），实有 {1} 列",
                           "expected {0} fields (as in the header row), found {1}", width, count));
      return Outcome::bad;
    }
    for (std::size_t i = 0; i < p.filters.size(); ++i) {
      if (filter_column[i] < 0) continue;
      const auto& filter = p.filters[i];
      const std::string_view value = clean_view(row.cell(static_cast<std::size_t>(filter_column[i])));
      if (!filter.take.empty() && !listed(filter.take, value, filter.prefix)) return Outcome::filtered;
      if (listed(filter.leave, value, filter.prefix)) return Outcome::filtered;
    }
    Direction direction = Direction::unspecified;
    bool direction_given = false;
    if (column[f_direction] >= 0) {
      const std::string_view value = cell(row, f_direction);
      if (listed(p.direction_leave, value)) return Outcome::filtered;
      if (listed(p.direction_in, value)) {
        direction = Direction::in;
        direction_given = true;
      } else if (listed(p.direction_out, value)) {
        direction = Direction::out;
        direction_given = true;
      } else if (!value.empty()) {
        if (!p.direction_other_is_bad) return Outcome::filtered;
        return bad_field(row, f_direction, value,
                         bilingual("收/支应为 {0} 或 {1}", "the direction must be one of {2} or {3}",
                                   names_list(p.direction_in), names_list(p.direction_out),
                                   names_list(p.direction_in, ", "), names_list(p.direction_out, ", ")));
      }
    }

    const std::string_view date_text = cell(row, f_date);
    auto date = util::parse_statement_date(date_text);
    if (!date) return bad_field(row, f_date, date_text, date.error());
    record.date = *date;
    record.time.clear();
    if (column[f_time] >= 0) {
      const std::string_view time_text = cell(row, f_time);
      if (!time_text.empty()) {
        record.time = normal_time(util::fold_full_width(time_text));
        if (record.time.empty()) {
          return bad_field(row, f_time, time_text,
                           bilingual("时间“{0}”无效（应如 14:22:01）", "'{0}' is not a valid time (e.g. 14:22:01)",
                                     shown_value(time_text)));
        }
      }
    } else {
      const std::string folded = util::trim(util::fold_full_width(date_text));
      const std::size_t split = folded.find_first_of(" T");
      if (split != std::string::npos) record.time = normal_time(util::trim(folded.substr(split + 1)));
    }

    if (column[f_amount] >= 0) {
      const std::string_view amount_text = cell(row, f_amount);
      auto amount = util::parse_amount(amount_text, p.amount_sign == AmountSign::signed_amount);
      if (!amount) return bad_field(row, f_amount, amount_text, amount.error());
      util::Fen value = *amount;
      if (value == 0) return bad_field(row, f_amount, amount_text, bilingual("金额为 0", "the amount is 0"));
      if (value < 0) {
        if (direction == Direction::in) {
          return bad_field(
              row, f_amount, amount_text,
              bilingual("金额为负数，但收/支写的是收入", "the amount is negative but the direction says money in"));
        }
        direction = Direction::out;
        value = -value;
      } else if (!direction_given && p.positive_is_in) {
        direction = Direction::in;
      }
      record.amount = value;
      record.direction = direction;
    } else {
      util::Fen credit = 0, debit = 0;
      Message why;
      if (!side_amount(row, f_credit, credit, why)) return bad_field(row, f_credit, cell(row, f_credit), why);
      if (!side_amount(row, f_debit, debit, why)) return bad_field(row, f_debit, cell(row, f_debit), why);
      if (credit != 0 && debit != 0) {
        return bad_field(
            row, f_amount, row_text(row),
            bilingual("收入金额和支出金额两列都有金额", "both the credit and the debit column hold an amount"));
      }
      if (credit == 0 && debit == 0) {
        return bad_field(
            row, f_amount, "",
            bilingual("收入金额和支出金额都为空或为 0", "neither the credit nor the debit column holds an amount"));
      }
      record.amount = credit != 0 ? credit : debit;
      record.direction = credit != 0 ? Direction::in : Direction::out;
    }

    text_field(record.counterparty, row, f_counterparty);
    text_field(record.reference, row, f_reference);
    text_field(record.note, row, f_note);
    text_field(record.account, row, f_account);
    text_field(record.designation, row, f_designation);
    text_field(record.category, row, f_category);
    text_field(record.purpose, row, f_purpose);
    text_field(record.beneficiary, row, f_beneficiary);
    text_field(record.approval_ref, row, f_approval_ref);
    text_field(record.voucher, row, f_voucher);

    text_field(record.donor_type, row, f_donor_type);
    const std::string type = header_key(record.donor_type);
    if (type == "个人" || type == "individual") {
      record.donor_type = "individual";
    } else if (type == "单位" || type == "organisation" || type == "organization" || type == "机构" || type == "企业") {
      record.donor_type = "organisation";
    } else if (!type.empty()) {
      return bad_field(row, f_donor_type, record.donor_type,
                       bilingual("捐赠人类型应为 individual（个人）或 organisation（单位）",
                                 "the donor type must be individual (个人) or organisation (单位)"));
    }

    record.anonymous.reset();
    const std::string anonymous = header_key(cell(row, f_anonymous));
    if (anonymous == "1" || anonymous == "yes" || anonymous == "true" || anonymous == "是" || anonymous == "y") {
      record.anonymous = true;
    } else if (anonymous == "0" || anonymous == "no" || anonymous == "false" || anonymous == "否" || anonymous == "n") {
      record.anonymous = false;
    } else if (!anonymous.empty()) {
      return bad_field(row, f_anonymous, cell(row, f_anonymous),
                       bilingual("匿名应为 1/0、yes/no 或 是/否", "anonymous must be 1/0, yes/no or 是/否"));
    }
    record.line = row.line;
    return Outcome::taken;
  }
};

StatementReader::StatementReader(const std::string& path, const Profile& profile)
    : state_(std::make_unique<State>(path, profile)) {
  State& s = *state_;
  const std::size_t chunk = std::max<std::size_t>(1, profile.read_chunk_bytes);
  examine(path, chunk, s.summary);
  s.file.reset(open_or_throw(path));
  s.decoder = std::make_unique<Decoder>(s.summary.encoding);
  s.raw.resize(chunk);
  s.bom_left = s.summary.encoding == Encoding::utf8_bom ? kBom.size() : 0;
  s.open_parser();
  s.read_header();
}

StatementReader::~StatementReader() = default;

bool StatementReader::next(Record& record) {
  State& s = *state_;
  while (!s.table_done) {
    const RawRow* row = s.next_raw();
    if (row == nullptr) break;
    switch (s.process(*row, record)) {
      case Outcome::taken:
        ++s.summary.rows_taken;
        return true;
      case Outcome::filtered:
        ++s.summary.rows_filtered;
        break;
      case Outcome::end:
        s.table_done = true;
        break;
      case Outcome::bad:
      case Outcome::skipped:
        break;
    }
  }
  s.table_done = true;
  return false;
}

const std::vector<BadRow>& StatementReader::bad_rows() const { return state_->bad; }
const ReadSummary& StatementReader::summary() const { return state_->summary; }
std::uint64_t StatementReader::bytes_consumed() const { return state_->consumed; }
const std::string& StatementReader::path() const { return state_->path; }
const Profile& StatementReader::profile() const { return state_->profile; }

Message describe(const std::string& path, const BadRow& bad) {
  if (bad.field.empty() && bad.value.empty()) {
    return bilingual("{0} 第 {1} 行：{2}", "{0} line {1}: {3}", path, bad.line, bad.why.zh, bad.why.en);
  }
  if (bad.field.empty()) {
    return bilingual("{0} 第 {1} 行（“{2}”）：{3}", "{0} line {1} ('{2}'): {4}", path, bad.line, bad.value, bad.why.zh,
                     bad.why.en);
  }
  if (bad.value.empty()) {
    return bilingual("{0} 第 {1} 行，字段 {2}：{3}", "{0} line {1}, field {2}: {4}", path, bad.line, bad.field,
                     bad.why.zh, bad.why.en);
  }
  return bilingual("{0} 第 {1} 行，字段 {2}（值“{3}”）：{4}", "{0} line {1}, field {2} (value '{3}'): {5}", path,
                   bad.line, bad.field, bad.value, bad.why.zh, bad.why.en);
}

}  // namespace cfund::import
