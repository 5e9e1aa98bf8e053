#pragma once
// Rows as column/value lists. The journal is written and read back in this form,
// so that the canonical encoding hashed when an entry is appended is computed from
// exactly what verification later reads from the file.

#include <climits>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

struct sqlite3_stmt;

namespace SQLite {
class Statement;
}

namespace cfund::storage {

class FundFile;

using Value = std::variant<std::monostate, std::int64_t, std::string>;

struct Row {
  std::vector<std::pair<std::string, Value>> columns;

  Row& set(std::string column, Value value) {
    columns.emplace_back(std::move(column), std::move(value));
    return *this;
  }
  // Sets the column to NULL when the text is empty.
  Row& set_text(std::string column, const std::string& text) {
    return set(std::move(column), text.empty() ? Value{} : Value{text});
  }
  const Value* find(const std::string& column) const;
};

// One journal entry as stored: its row in `entries`, its postings in seq order, and
// its detail row (if its kind has a detail table).
struct EntryRows {
  Row entry;
  std::vector<Row> postings;
  std::string detail_table;
  std::vector<Row> detail;  // zero or one row; more means the file was tampered with
};

// Inserts one row. The table name is one of cfund's own, never user input.
void insert_row(FundFile& file, const std::string& table, const Row& row);

// Inserts rows into one table, many times (an import appends a million entries):
// the INSERT is prepared once for a list of columns and used again as long as the
// rows come with the same columns in the same order; text is bound without a copy.
class RowInserter {
 public:
  RowInserter(FundFile& file, std::string table);
  void insert(const Row& row);

 private:
  bool prepared_for(const Row& row) const;

  FundFile& file_;
  std::string table_;
  std::vector<std::string> columns_;  // the columns statement_ was prepared for
  SQLite::Statement* statement_ = nullptr;
};

// Calls back for each entry in id order, with the detail table that kind_to_table
// names for its kind ("" for none). Reads in batches: memory stays small. With
// from_id (and to_id), only the entries from that id on (up to to_id) are read.
void for_each_entry(FundFile& file, const std::function<std::string(const std::string& kind)>& kind_to_table,
                    const std::function<void(const EntryRows&)>& visit, std::int64_t from_id = 1,
                    std::int64_t to_id = INT64_MAX);

// One row of a statement as SQLite holds it, read without a copy: valid only during the
// call it is handed to. A value is NULL, an integer, or else its bytes as text (REAL and
// BLOB included, as Row holds them).
class RawRow {
 public:
  RawRow(sqlite3_stmt* statement, const std::vector<std::string>& names) : statement_(statement), names_(names) {}
  // The statement's column names, the same object for every row of one scan.
  const std::vector<std::string>& names() const { return names_; }
  enum class Type { null, integer, text };
  Type type(std::size_t column) const;
  bool is_null(std::size_t column) const { return type(column) == Type::null; }
  bool is_integer(std::size_t column) const { return type(column) == Type::integer; }
  std::int64_t integer(std::size_t column) const;        // 0 unless is_integer
  std::int64_t integer_value(std::size_t column) const;  // a column whose type() is integer
  std::string_view text(std::size_t column) const;       // "" if NULL; an integer's digits otherwise

 private:
  sqlite3_stmt* statement_;
  const std::vector<std::string>& names_;
};

// for_each_entry row by row, for a reader that keeps no row (the hash chain's walk): for
// each entry in id order its row, then its postings in seq order, then its detail rows,
// then end_entry with the detail table that kind_to_table names for its kind.
class EntryScanVisitor {
 public:
  virtual ~EntryScanVisitor() = default;
  virtual void entry(std::int64_t id, const RawRow& row) = 0;
  virtual void posting(const RawRow& row) = 0;
  virtual void detail(const RawRow& row) = 0;
  virtual void end_entry(const std::string& detail_table) = 0;
};
void scan_entries(FundFile& file, const std::function<std::string(const std::string& kind)>& kind_to_table,
                  EntryScanVisitor& visitor, std::int64_t from_id = 1, std::int64_t to_id = INT64_MAX);

// scan_entries of several ranges of one file in turn, each statement prepared once
// (the first time a scan needs it).
class EntryScanner {
 public:
  EntryScanner(FundFile& file, std::function<std::string(const std::string& kind)> kind_to_table);
  ~EntryScanner();
  EntryScanner(const EntryScanner&) = delete;
  EntryScanner& operator=(const EntryScanner&) = delete;
  void scan(EntryScanVisitor& visitor, std::int64_t from_id = 1, std::int64_t to_id = INT64_MAX);
  // After a scan: the rows of the postings and of `detail_tables` whose entry_id is from
  // the scan's from_id up to its to_id + 1 (not included: scans of ranges one after the
  // other leave no number out) that no entry of the scan was handed (their entry is
  // missing or of another kind; the rest of each table's range is read for it). The
  // smallest entry_id among them, as rows_without_entry gives it; none when every row
  // was claimed.
  std::optional<std::int64_t> unclaimed_rows(const std::vector<std::string>& detail_tables);

 private:
  struct Statements;
  std::unique_ptr<Statements> statements_;
};

// The smallest id from `id` on that an entry has, if any.
std::optional<std::int64_t> entry_id_from(FundFile& file, std::int64_t id);

// The entries dated within [from, to] (ISO) as runs of consecutive ids, in id order.
// Runs whose ids are at most `join_gap` apart are joined into one, the entries between
// them included: a scan per run costs more than reading a few entries more.
struct IdRun {
  std::int64_t first = 0;
  std::int64_t last = 0;
};
std::vector<IdRun> entry_runs_dated(FundFile& file, const std::string& from, const std::string& to,
                                    std::int64_t join_gap);
// The stored hash of entry `id` (the chain's link into it), if it exists.
std::optional<std::string> stored_hash(FundFile& file, std::int64_t id);

// entry_ids in `table` whose entry is missing, or (when kinds is not empty) whose
// entry is of another kind: rows that a raw edit added outside any entry.
std::vector<std::int64_t> rows_without_entry(FundFile& file, const std::string& table,
                                             const std::vector<std::string>& kinds);

// rows_without_entry among the rows whose entry_id is below first_id or above last_id
// (text included): for scans of that range, which found the rows within it
// (EntryScanner::unclaimed_rows).
std::vector<std::int64_t> rows_without_entry_outside(FundFile& file, const std::string& table,
                                                     const std::vector<std::string>& kinds, std::int64_t first_id,
                                                     std::int64_t last_id);

// The highest entry id, 0 for an empty journal.
std::int64_t last_entry_id(FundFile& file);

}  // namespace cfund::storage
