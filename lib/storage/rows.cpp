#include "storage/rows.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <map>
#include <memory>

#include "storage/fund_file.hpp"

namespace cfund::storage {

namespace {

Value column_value(const SQLite::Column& column) {
  if (column.isNull()) return Value{};
  if (column.isInteger()) return Value{static_cast<std::int64_t>(column.getInt64())};
  // Text, and anything a raw edit may have put there (REAL, BLOB), read as text so
  // that the hash check sees the change.
  return Value{column.getString()};
}

Row read_row(SQLite::Statement& statement) {
  Row row;
  for (int i = 0; i < statement.getColumnCount(); ++i) {
    row.set(statement.getColumnName(i), column_value(statement.getColumn(i)));
  }
  return row;
}

}  // namespace

const Value* Row::find(const std::string& column) const {
  for (const auto& [name, value] : columns) {
    if (name == column) return &value;
  }
  return nullptr;
}

void insert_row(FundFile& file, const std::string& table, const Row& row) { RowInserter(file, table).insert(row); }

RowInserter::RowInserter(FundFile& file, std::string table) : file_(file), table_(std::move(table)) {}

bool RowInserter::prepared_for(const Row& row) const {
  if (statement_ == nullptr || row.columns.size() != columns_.size()) return false;
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    if (row.columns[i].first != columns_[i]) return false;
  }
  return true;
}

void RowInserter::insert(const Row& row) {
  if (!prepared_for(row)) {
    std::string names;
    std::string marks;
    columns_.clear();
    for (const auto& [name, value] : row.columns) {
      names += (names.empty() ? "" : ", ") + name;
      marks += marks.empty() ? "?" : ", ?";
      columns_.push_back(name);
    }
    statement_ = &file_.prepared("INSERT INTO " + table_ + " (" + names + ") VALUES (" + marks + ")");
  }
  SQLite::Statement& insert = *statement_;
  int index = 1;
  for (const auto& [name, value] : row.columns) {
    if (const auto* number = std::get_if<std::int64_t>(&value)) {
      insert.bind(index++, static_cast<std::int64_t>(*number));
    } else if (const auto* text = std::get_if<std::string>(&value)) {
      insert.bindNoCopy(index++, *text);  // row outlives the step below; the bindings are cleared after it
    } else {
      insert.bind(index++);  // NULL
    }
  }
  // Reset and cleared whatever happens: a statement left stepped would hold the
  // connection's snapshot (statement_cache.hpp), and the bindings point into row.
  struct Release {
    SQLite::Statement& statement;
    ~Release() {
      statement.tryReset();  // reports the step's error again, which exec() has thrown already
      try {
        statement.clearBindings();
      } catch (...) {  // NOLINT(bugprone-empty-catch): sqlite3_clear_bindings cannot fail
      }
    }
  } release{insert};
  insert.exec();
}

void for_each_entry(FundFile& file,
                    const std::function<std::string(const std::string& kind)>& kind_to_table,
                    const std::function<void(const EntryRows&)>& visit) {
  SQLite::Statement entries(file.db(), "SELECT * FROM entries ORDER BY id");
  SQLite::Statement postings(file.db(), "SELECT * FROM postings WHERE entry_id = ? ORDER BY seq");
  std::map<std::string, std::unique_ptr<SQLite::Statement>> detail_queries;
  EntryRows rows;
  while (entries.executeStep()) {
    rows.entry = read_row(entries);
    const std::int64_t id = entries.getColumn("id").getInt64();
    const std::string kind = entries.getColumn("kind").getString();

    rows.postings.clear();
    postings.reset();
    postings.bind(1, static_cast<std::int64_t>(id));
    while (postings.executeStep()) rows.postings.push_back(read_row(postings));

    rows.detail_table = kind_to_table(kind);
    rows.detail.clear();
    if (!rows.detail_table.empty()) {
      auto& query = detail_queries[rows.detail_table];
      if (!query) {
        query = std::make_unique<SQLite::Statement>(
            file.db(), "SELECT * FROM " + rows.detail_table + " WHERE entry_id = ?");
      }
      query->reset();
      query->bind(1, static_cast<std::int64_t>(id));
      while (query->executeStep()) rows.detail.push_back(read_row(*query));
    }
    visit(rows);
  }
}

std::vector<std::int64_t> rows_without_entry(FundFile& file, const std::string& table,
                                             const std::vector<std::string>& kinds) {
  std::string sql = "SELECT DISTINCT t.entry_id FROM " + table +
                    " t LEFT JOIN entries e ON e.id = t.entry_id WHERE e.id IS NULL";
  if (!kinds.empty()) {
    sql += " OR e.kind NOT IN (";
    for (std::size_t i = 0; i < kinds.size(); ++i) sql += i == 0 ? "?" : ", ?";
    sql += ")";
  }
  sql += " ORDER BY t.entry_id";
  SQLite::Statement query(file.db(), sql);
  for (std::size_t i = 0; i < kinds.size(); ++i) query.bind(static_cast<int>(i + 1), kinds[i]);
  std::vector<std::int64_t> ids;
  while (query.executeStep()) ids.push_back(query.getColumn(0).getInt64());
  return ids;
}

std::int64_t last_entry_id(FundFile& file) {
  return file.db().execAndGet("SELECT COALESCE(MAX(id), 0) FROM entries").getInt64();
}

}  // namespace cfund::storage
