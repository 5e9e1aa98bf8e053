// CSV statements: the file's encoding worked out in a first pass (with its SHA-256),
// then the bytes converted to UTF-8 chunk by chunk (iconv) and parsed with libcsv.
// Only this file and reader.cpp's neighbours in lib/import touch libcsv and iconv.

#include <csv.h>
#include <iconv.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <utility>

#include "error.hpp"
#include "import/row_source.hpp"
#include "util/sha256.hpp"

namespace cfund::import {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

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

class CsvSource final : public RowSource {
 public:
  CsvSource(const std::string& path, std::size_t chunk, const ReadSummary& summary)
      : path_(path), file_(open_or_throw(path)), decoder_(summary.encoding), raw_(chunk) {
    bom_left_ = summary.encoding == Encoding::utf8_bom ? kBom.size() : 0;
    open_parser();
  }
  ~CsvSource() override {
    if (parser_open_) csv_free(&parser_);
  }

  RawRow* next() override {
    for (;;) {
      if (ready_head_ < ready_count_) return &ready_[ready_head_++];
      ready_head_ = ready_count_ = 0;
      if (finished_) return nullptr;
      feed();
    }
  }
  std::vector<SourceProblem> take_problems() override { return std::exchange(problems_, {}); }
  std::uint64_t bytes_consumed() const override { return consumed_; }
  int lines() const override { return lines_; }
  void table_started() override { in_table_ = true; }

 private:
  static void on_field(void* data, std::size_t size, void* context) {
    auto* s = static_cast<CsvSource*>(context);
    RawRow& row = s->current_;
    if (row.count == row.fields.size()) row.fields.emplace_back();
    std::string& field = row.fields[row.count++];
    if (size == 0) {
      field.clear();
    } else {
      field.assign(static_cast<const char*>(data), size);
    }
  }

  static void on_row(int, void* context) {
    auto* s = static_cast<CsvSource*>(context);
    s->current_.line = s->row_start_;
    if (s->ready_count_ == s->ready_.size()) s->ready_.emplace_back();
    std::swap(s->ready_[s->ready_count_++], s->current_);
    s->current_.count = 0;
  }

  void open_parser() {
    if (csv_init(&parser_, CSV_STRICT | CSV_STRICT_FINI) != 0) throw std::runtime_error("csv_init failed");
    parser_open_ = true;
  }

  // Reads and converts the next chunk; false at the end of the file.
  bool refill() {
    text_.clear();
    pos_ = 0;
    while (text_.empty()) {
      if (eof_) return false;
      const std::size_t got = std::fread(raw_.data(), 1, raw_.size(), file_.get());
      if (got == 0) {
        if (std::ferror(file_.get())) {
          throw InputError(bilingual("无法读取对账单“{0}”", "cannot read the statement '{0}'", path_));
        }
        eof_ = true;
        // examine() has read the same bytes to the end: nothing can be left over.
        if (!decoder_.complete()) throw InputError(neither_utf8_nor_gb(path_, line_));
        return false;
      }
      consumed_ += got;
      std::string_view bytes(raw_.data(), got);
      const std::size_t drop = std::min(bom_left_, bytes.size());
      bytes.remove_prefix(drop);
      bom_left_ -= drop;
      if (!decoder_.convert(bytes, text_)) throw InputError(neither_utf8_nor_gb(path_, line_));
    }
    return true;
  }

  void syntax_error() {
    if (in_table_) {
      problems_.push_back(
          {row_start_, bilingual("CSV 格式错误（{0}），常见原因是引号没有配对",
                                 "malformed CSV ({0}), often an unmatched quote", csv_strerror(csv_error(&parser_)))});
    }
    csv_free(&parser_);
    parser_open_ = false;
    open_parser();
    current_.count = 0;
  }

  // Parses up to the end of one physical line, so that every row knows the line it
  // started on (libcsv's pstate 0, ROW_NOT_BEGUN, at a line start: a new row begins
  // there; a quoted field running over several lines keeps its row's first line).
  void feed() {
    if (pos_ == text_.size() && !refill()) {
      finish();
      return;
    }
    const char* begin = text_.data() + pos_;
    const std::size_t left = text_.size() - pos_;
    const auto* newline = static_cast<const char*>(std::memchr(begin, '\n', left));
    const std::size_t length = newline != nullptr ? static_cast<std::size_t>(newline - begin) + 1 : left;
    pos_ += length;
    if (!skip_to_line_end_) {
      if (at_line_start_ && parser_.pstate == 0) row_start_ = line_;
      if (csv_parse(&parser_, begin, length, on_field, on_row, this) != length) {
        syntax_error();
        skip_to_line_end_ = newline == nullptr;
      }
    } else if (newline != nullptr) {
      skip_to_line_end_ = false;
    }
    if (newline != nullptr) {
      ++line_;
      ++lines_;
      at_line_start_ = true;
    } else {
      at_line_start_ = false;
    }
  }

  void finish() {
    finished_ = true;
    if (!at_line_start_) ++lines_;  // a last line without a line break
    if (csv_fini(&parser_, on_field, on_row, this) != 0 && in_table_) {
      problems_.push_back({row_start_, bilingual("文件在引号括起的字段中间结束：文件不完整（被截断）或引号没有配对",
                                                 "the file ends inside a quoted field: it was cut off, or a quote "
                                                 "is unmatched")});
    }
  }

  std::string path_;
  File file_;
  Decoder decoder_;
  std::vector<char> raw_;
  std::size_t bom_left_ = 0;  // bytes of the byte-order mark still to drop
  std::string text_;          // converted, not yet parsed
  std::size_t pos_ = 0;
  bool eof_ = false;
  std::uint64_t consumed_ = 0;

  csv_parser parser_{};
  bool parser_open_ = false;
  bool finished_ = false;  // the parser has seen the end of the file
  bool in_table_ = false;  // the header has been read
  int line_ = 1;           // the physical line being parsed
  int lines_ = 0;          // physical lines read so far
  bool at_line_start_ = true;
  bool skip_to_line_end_ = false;  // after a CSV syntax error
  int row_start_ = 1;

  RawRow current_;
  std::vector<RawRow> ready_;
  std::size_t ready_head_ = 0;
  std::size_t ready_count_ = 0;
  std::vector<SourceProblem> problems_;
};

}  // namespace

std::unique_ptr<RowSource> open_csv_source(const std::string& path, std::size_t chunk_bytes, ReadSummary& summary) {
  const std::size_t chunk = std::max<std::size_t>(1, chunk_bytes);
  examine(path, chunk, summary);
  return std::make_unique<CsvSource>(path, chunk, summary);
}

}  // namespace cfund::import
