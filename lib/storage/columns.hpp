#pragma once
// Reading a column of a query: where it stands, and a nullable one. Private to lib/storage.

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

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

}  // namespace cfund::storage
