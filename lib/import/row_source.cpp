// What a statement file is, told by its first bytes (never by its name), and the
// source of rows that reads it.

#include "import/row_source.hpp"

#include <cstdio>
#include <cstring>
#include <vector>

#include "error.hpp"
#include "util/sha256.hpp"

namespace cfund::import {

namespace {

constexpr unsigned char kZipMagic[4] = {'P', 'K', 0x03, 0x04};
constexpr unsigned char kEmptyZipMagic[4] = {'P', 'K', 0x05, 0x06};
constexpr unsigned char kCompoundFileMagic[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};

enum class Kind { unreadable, text, zip, compound_file };

Kind kind_of(const std::string& path) {
  unsigned char head[8] = {};
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return Kind::unreadable;  // the CSV reader names the problem
  const std::size_t got = std::fread(head, 1, sizeof head, file);
  std::fclose(file);
  if (got >= 4 && (std::memcmp(head, kZipMagic, 4) == 0 || std::memcmp(head, kEmptyZipMagic, 4) == 0)) {
    return Kind::zip;
  }
  if (got == 8 && std::memcmp(head, kCompoundFileMagic, 8) == 0) return Kind::compound_file;
  return Kind::text;
}

// The SHA-256 and size of a workbook's bytes, and whether it is an encrypted Office
// document: a compound file holding an "EncryptionInfo" stream (its directory names
// streams in UTF-16LE), which is how Excel stores a password-protected .xlsx.
bool digest_workbook(const std::string& path, ReadSummary& summary) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) throw InputError(bilingual("无法读取对账单“{0}”", "cannot read the statement '{0}'", path));
  static const std::string kEncryptionInfo = [] {
    std::string name;
    for (char c : std::string("EncryptionInfo")) name += std::string{c, '\0'};
    return name;
  }();
  util::Sha256 digest;
  std::vector<char> buffer(64 * 1024);
  std::string window;  // the end of the previous chunk, so that a name split by the chunks is found
  bool encrypted = false;
  for (;;) {
    const std::size_t got = std::fread(buffer.data(), 1, buffer.size(), file);
    if (got == 0) break;
    digest.update(std::string_view(buffer.data(), got));
    summary.bytes += got;
    window.append(buffer.data(), got);
    encrypted = encrypted || window.find(kEncryptionInfo) != std::string::npos;
    window.erase(0, window.size() > kEncryptionInfo.size() ? window.size() - kEncryptionInfo.size() : 0);
  }
  const bool failed = std::ferror(file) != 0;
  std::fclose(file);
  if (failed) throw InputError(bilingual("无法读取对账单“{0}”", "cannot read the statement '{0}'", path));
  summary.sha256 = digest.finish_hex();
  return encrypted;
}

}  // namespace

void RawRow::set(std::size_t i, std::string_view text) {
  while (count <= i) {
    if (count == fields.size()) fields.emplace_back();
    fields[count++].clear();
  }
  fields[i].assign(text.data(), text.size());
}

Message file_and_sheet(const std::string& path, const std::string& sheet) {
  if (sheet.empty()) return bilingual("{0}", "{0}", path);
  return bilingual("{0} 工作表“{1}”", "{0} sheet '{1}'", path, sheet);
}

Message password_protected(const std::string& path) {
  return bilingual(
      "{0}：这个 Excel 文件受密码保护（已加密），无法读取；请在 Excel 或 WPS 中打开，取消密码后另存为 .xlsx，再导入",
      "{0}: this Excel file is password-protected (encrypted) and cannot be read; open it in Excel or WPS, remove the "
      "password, save it as .xlsx and import that",
      path);
}

Message missing_sheet(const std::string& path, const std::string& sheet, const std::vector<std::string>& sheets) {
  std::string zh, en;
  for (const auto& name : sheets) {
    zh += (zh.empty() ? "“" : "、“") + name + "”";
    en += (en.empty() ? "'" : ", '") + name + "'";
  }
  if (sheets.empty()) return bilingual("{0}：工作簿里没有工作表", "{0}: the workbook has no worksheet", path);
  return bilingual("{0}：没有名为“{1}”的工作表（有：{2}）；用 --sheet 选一个",
                   "{0}: there is no sheet '{1}' (there are: {3}); choose one with --sheet", path, sheet, zh, en);
}

std::unique_ptr<RowSource> open_row_source(const std::string& path, std::size_t chunk_bytes, const std::string& sheet,
                                           ReadSummary& summary) {
  const Kind kind = kind_of(path);
  if (kind == Kind::unreadable) return open_csv_source(path, chunk_bytes, summary);
  if (kind == Kind::text) {
    if (!sheet.empty()) {
      throw InputError(bilingual("--sheet：{0} 不是电子表格（.xlsx 或 .xls），是文本（CSV）文件，没有工作表",
                                 "--sheet: {0} is not a spreadsheet (.xlsx or .xls) but a text (CSV) file, which has "
                                 "no sheets",
                                 path));
    }
    summary.format = FileFormat::csv;
    return open_csv_source(path, chunk_bytes, summary);
  }
  const bool encrypted = digest_workbook(path, summary);
  if (kind == Kind::zip) {
    summary.format = FileFormat::xlsx;
    return open_xlsx_source(path, sheet, summary);
  }
  if (encrypted) throw InputError(password_protected(path));
  summary.format = FileFormat::xls;
  return open_xls_source(path, sheet, summary);
}

}  // namespace cfund::import
