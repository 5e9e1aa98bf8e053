#pragma once
// Reading a column of a query: where it stands, and a nullable one. Private to lib/storage.

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace cfund::storage {

// The position of the column `name` in the select of `q`, found once before its rows are
// read. SQLiteCpp's own lookup by name lets a later column of the same name hide an
// earlier one; here a select without the column, or with two, is a mistake in cfund.
inline int column_at(const SQLite::Statement& q, const char* name) {
  int found = -1;
  for (int i = 0; i < q.getColumnCount(); ++i) {
    if (std::string_view(q.getColumnName(i)) != name) continue;
    if (found >= 0) throw std::logic_error(std::string("two columns named ") + name);
    found = i;
  }
  if (found < 0) throw std::logic_error(std::string("no column named ") + name);
  return found;
}

inline std::string text_or_empty(const SQLite::Column& column) {
  return column.isNull() ? std::string() : column.getString();
}

inline std::optional<std::int64_t> optional_id(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return column.getInt64();
}

// The values of a statement's current row, for readers of long lists. SQLiteCpp's Column
// object for each value read costs two atomic counts on the statement's pointer, and a
// month of a large fund lists 20,000 rows of 20 columns: here they are made once, at the
// first row read, and read again at each row after.
class RowValues {
 public:
  void attach(SQLite::Statement& q) {  // with a row stepped to
    if (!columns_.empty()) return;
    for (int i = 0; i < q.getColumnCount(); ++i) columns_.push_back(q.getColumn(i));
  }
  bool is_null(int column) const { return columns_.at(column).isNull(); }
  std::int64_t integer(int column) const { return columns_.at(column).getInt64(); }
  std::string text(int column) const { return text_or_empty(columns_.at(column)); }
  std::optional<std::int64_t> optional_integer(int column) const { return optional_id(columns_.at(column)); }

 private:
  std::vector<SQLite::Column> columns_;
};

}  // namespace cfund::storage
