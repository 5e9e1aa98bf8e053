#pragma once
// Reading a statement (bank, WeChat Pay, Alipay, or cfund's own CSV) through an
// import profile, one transaction row at a time. This is the one reader behind
// `cfund donate import`, `cfund disburse import` and `cfund audit reconcile`, and,
// through a profile of kind beneficiaries, `cfund beneficiary import` (a register of
// people: no date, no amount).
//
// What the file is comes from its first bytes, not its name: an .xlsx workbook (a
// zip: libzip + expat, the sheet's XML streamed), a legacy .xls workbook (libfreexl),
// or text read as CSV. Every source yields the same rows of text cells, so a profile
// reads a CSV, an .xlsx and an .xls export alike (import/row_source.hpp).
//
// The file is streamed: memory does not grow with its length (an .xlsx keeps its
// shared strings). A CSV's encoding is worked out first (a UTF-8 byte-order mark,
// else strict UTF-8, else GB18030, which covers GBK) and it is converted with iconv.
// CRLF and LF line ends, quoted fields with commas, quotes and line breaks (libcsv).
// A bad row does not stop the reading: it is reported (file, line or sheet and row,
// field, value, why) and the next row is read, so that one run names every bad row;
// the caller writes nothing when there was any.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "import/profile.hpp"
#include "util/date.hpp"
#include "util/message.hpp"
#include "util/money.hpp"

namespace cfund::import {

enum class Direction {
  unspecified,  // the file does not say (cfund CSV with positive amounts): the command decides
  in,           // money received (收入)
  out,          // money paid (支出)
};

// One transaction row the profile takes, cleaned (trimmed, padding, a trailing tab
// and a leading backtick removed, one line).
struct Record {
  int line = 0;  // the physical line of the file where the row starts (1 = first line)
  util::Date date;
  std::string time;      // "14:22:01" when the file gives a time, else ""
  util::Fen amount = 0;  // always above zero; the direction says which way
  Direction direction = Direction::unspecified;
  std::string counterparty;  // donor or payee; "" when the file has none ("/" and "-" count as none)
  std::string reference;     // the transaction number (交易单号/流水号); "" when none
  std::string note;          // 备注 / 摘要 / 商品: becomes the entry's memo
  std::string summary;       // a bank's 摘要 (转账存入, 结息, 手续费 …): what [[classify]] rules look at
  // Columns only cfund's own CSV has; "" when the file does not give them.
  std::string account;            // account code or name
  std::string designation;        // designation code or name ("to")
  std::string donor_type;         // individual / organisation (个人 / 单位 accepted)
  std::optional<bool> anonymous;  // 1/0, yes/no, 是/否
  std::string category;           // relief, project, management, fundraising
  std::string purpose;
  std::string beneficiary;  // B0001 or 1, an 18-character ID number, or a name (books::resolve_beneficiary)
  std::string approval_ref;
  std::string voucher;
  // A register of people (ProfileKind::beneficiaries), or a relief roll's name column.
  std::string name;
  std::string id_number;
  std::string phone;
  std::string address;
  // The account's balance after this row, when the profile names a balance column
  // (a bank's 余额): reconciliation checks the statement's running balance with it.
  std::optional<util::Fen> balance;
};

// A row that cannot be read. field is the profile's field name ("amount", "date", ...)
// for a CSV file and the column's header for a spreadsheet (金额(元)), or "" for the
// row as a whole (wrong column count, malformed CSV).
struct BadRow {
  int line = 0;       // CSV: the physical line; a spreadsheet: the sheet's row number
  std::string sheet;  // the worksheet's name; "" for a CSV file
  std::string field;
  std::string value;  // as found in the file, one line, at most 80 characters
  Message why;
};

enum class Encoding { utf8, utf8_bom, gb18030 };

// What the file turned out to be (by its content, not its name).
enum class FileFormat { csv, xlsx, xls };

struct ReadSummary {
  FileFormat format = FileFormat::csv;
  std::string sheet;                         // the worksheet read (spreadsheets); "" for a CSV file
  Encoding encoding = Encoding::utf8;        // CSV only: spreadsheets hold Unicode text
  std::string sha256;                        // of the file's bytes as stored on disk
  std::uint64_t bytes = 0;                   // the file's size
  int lines = 0;                             // physical lines read so far
  std::int64_t rows_taken = 0;               // returned by next()
  std::int64_t rows_filtered = 0;            // left out by the profile's row filters (refunds, failed trades, ...)
  std::int64_t bad_rows = 0;                 // all of them, even beyond the reporting limit
  std::optional<util::Fen> closing_balance;  // when the file states one (cfund CSV's "closing" line)
  // Control, direction and zero-width characters (util::is_forbidden_character) removed
  // from text fields: outsiders' text (a WeChat nickname, a bank memo) is cleaned, not
  // refused, and the import report says so. The lines, at most kRemovedLinesShown.
  std::int64_t characters_removed = 0;
  std::vector<int> lines_with_characters_removed;
  static constexpr std::size_t kRemovedLinesShown = 20;
};

class StatementReader {
 public:
  // Opens the file and works out its format and (CSV) encoding. `sheet` picks a
  // worksheet of a spreadsheet by name ("" = the first). Throws InputError naming
  // the file when it cannot be read, is empty, is not text (NUL bytes) nor a
  // workbook, is in neither UTF-8 nor GB18030, is a damaged, hostile (zip bomb) or
  // password-protected workbook, lacks the sheet asked for (listing those there
  // are), or when the profile's header row is not found.
  StatementReader(const std::string& path, const Profile& profile, const std::string& sheet = "");
  ~StatementReader();
  StatementReader(const StatementReader&) = delete;
  StatementReader& operator=(const StatementReader&) = delete;

  // The next row the profile takes: false at the end of the table. Bad rows are
  // recorded (bad_rows(), up to max_reported; summary().bad_rows counts all) and
  // skipped. A file cut off inside a quoted field is a bad row on the line the
  // field began.
  bool next(Record& record);

  const std::vector<BadRow>& bad_rows() const;
  const ReadSummary& summary() const;    // sha256 and bytes are known from the start
  std::uint64_t bytes_consumed() const;  // for a progress bar
  const std::string& path() const;
  const Profile& profile() const;

  static constexpr std::size_t max_reported = 50;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Throws InputError when the profile reads another kind of file than the command
// needs (a register of beneficiaries given to a statement import, or the reverse).
void require_kind(const Profile& profile, ProfileKind kind);

// The text of one of classify_fields() in the record (nullptr for another name).
const std::string* record_text(const Record& record, const std::string& field);

// The message for a bad row, naming file, line, field and value:
// "donations.csv 第 12 行，字段 amount（值“12.345”）：金额最多两位小数", or for a
// spreadsheet "wechat.xlsx 工作表“Sheet1”第 18 行，字段 金额(元)（值“abc”）：…".
Message describe(const std::string& path, const BadRow& bad);

// Where a row is: "bank.csv 第 12 行" / "bank.xlsx 工作表“明细”第 12 行" (and English).
Message row_location(const std::string& path, const std::string& sheet, int line);

}  // namespace cfund::import
