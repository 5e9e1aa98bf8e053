#pragma once
// Rows as column/value lists. The journal is written and read back in this form,
// so that the canonical encoding hashed when an entry is appended is computed from
// exactly what verification later reads from the file.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

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
// from_id, only the entries from that id on (and their rows) are read.
void for_each_entry(FundFile& file, const std::function<std::string(const std::string& kind)>& kind_to_table,
                    const std::function<void(const EntryRows&)>& visit, std::int64_t from_id = 1);

// The smallest id of an entry dated on or after `date` (ISO), if any.
std::optional<std::int64_t> first_entry_dated_from(FundFile& file, const std::string& date);
// The stored hash of entry `id` (the chain's link into it), if it exists.
std::optional<std::string> stored_hash(FundFile& file, std::int64_t id);

// entry_ids in `table` whose entry is missing, or (when kinds is not empty) whose
// entry is of another kind: rows that a raw edit added outside any entry.
std::vector<std::int64_t> rows_without_entry(FundFile& file, const std::string& table,
                                             const std::vector<std::string>& kinds);

// The highest entry id, 0 for an empty journal.
std::int64_t last_entry_id(FundFile& file);

}  // namespace cfund::storage
