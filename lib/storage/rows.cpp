#include "storage/rows.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <map>
#include <memory>

#include "storage/fund_file.hpp"

namespace cfund::storage {

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

namespace {

// Reads the current row of `statement` into `row`, reusing its strings (`names` are
// the statement's column names, read once). A value is NULL, an integer, or else its
// bytes as text: anything a raw edit may have put there (REAL, BLOB) is read as text,
// so that the hash check sees the change.
void fill_row(SQLite::Statement& statement, const std::vector<std::string>& names, Row& row) {
  row.columns.resize(names.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    auto& [name, value] = row.columns[i];
    name = names[i];
    const SQLite::Column column = statement.getColumn(static_cast<int>(i));
    if (column.isNull()) {
      value = std::monostate{};
    } else if (column.isInteger()) {
      value = static_cast<std::int64_t>(column.getInt64());
    } else {
      // As Column::getString(): the bytes of the value as text (REAL, BLOB included).
      const char* bytes = static_cast<const char*>(column.getBlob());
      const auto size = static_cast<std::size_t>(column.getBytes());
      if (auto* text = std::get_if<std::string>(&value)) {
        text->assign(bytes == nullptr ? "" : bytes, size);
      } else {
        value = std::string(bytes == nullptr ? "" : bytes, size);
      }
    }
  }
}

std::vector<std::string> column_names(SQLite::Statement& statement) {
  std::vector<std::string> names;
  for (int i = 0; i < statement.getColumnCount(); ++i) names.emplace_back(statement.getColumnName(i));
  return names;
}

// A table read once in entry_id order, handed out entry by entry as the entries
// are read in id order. A row whose entry_id is not an integer (only a raw edit
// writes one) never matches an entry, as `WHERE entry_id = ?` would not; rows of
// entries that do not exist, or of another kind, are passed over here and found
// by rows_without_entry.
class EntryCursor {
 public:
  EntryCursor(SQLite::Database& db, const std::string& sql) : statement_(db, sql) {
    names_ = column_names(statement_);
    for (std::size_t i = 0; i < names_.size(); ++i) {
      if (names_[i] == "entry_id") key_ = static_cast<int>(i);
    }
    step();
  }

  // The rows of entry `id`, into `out` (resized to their number).
  void take(std::int64_t id, std::vector<Row>& out) {
    std::size_t count = 0;
    while (has_row_) {
      const SQLite::Column key = statement_.getColumn(key_);
      if (key.isInteger()) {
        const std::int64_t entry = key.getInt64();
        if (entry > id) break;
        if (entry == id) {
          if (out.size() <= count) out.resize(count + 1);
          fill_row(statement_, names_, out[count++]);
        }
      }
      step();
    }
    out.resize(count);
  }

 private:
  void step() { has_row_ = statement_.executeStep(); }

  SQLite::Statement statement_;
  std::vector<std::string> names_;
  int key_ = 0;
  bool has_row_ = false;
};

}  // namespace

void for_each_entry(FundFile& file, const std::function<std::string(const std::string& kind)>& kind_to_table,
                    const std::function<void(const EntryRows&)>& visit, std::int64_t from_id) {
  // One sequential scan of each table, merged by entry id, instead of a lookup of
  // the postings and of the detail row for every entry.
  auto where = [from_id](const char* key) {
    return from_id > 1 ? fmt::format(" WHERE {} >= {}", key, from_id) : std::string();
  };
  SQLite::Statement entries(file.db(), "SELECT * FROM entries" + where("id") + " ORDER BY id");
  const std::vector<std::string> entry_names = column_names(entries);
  int id_column = 0;
  int kind_column = 0;
  for (std::size_t i = 0; i < entry_names.size(); ++i) {
    if (entry_names[i] == "id") id_column = static_cast<int>(i);
    if (entry_names[i] == "kind") kind_column = static_cast<int>(i);
  }
  EntryCursor postings(file.db(), "SELECT * FROM postings" + where("entry_id") + " ORDER BY entry_id, seq");
  std::map<std::string, std::unique_ptr<EntryCursor>> detail_cursors;  // by table
  std::map<std::string, std::string> tables;                           // kind -> table
  EntryRows rows;
  while (entries.executeStep()) {
    fill_row(entries, entry_names, rows.entry);
    const std::int64_t id = entries.getColumn(id_column).getInt64();
    const auto* kind_value =
        std::get_if<std::string>(&rows.entry.columns[static_cast<std::size_t>(kind_column)].second);
    const std::string kind = kind_value ? *kind_value : entries.getColumn(kind_column).getString();

    postings.take(id, rows.postings);

    auto table = tables.find(kind);
    if (table == tables.end()) table = tables.emplace(kind, kind_to_table(kind)).first;
    rows.detail_table = table->second;
    if (rows.detail_table.empty()) {
      rows.detail.clear();
    } else {
      auto& cursor = detail_cursors[rows.detail_table];
      if (!cursor)
        cursor = std::make_unique<EntryCursor>(
            file.db(), "SELECT * FROM " + rows.detail_table + where("entry_id") + " ORDER BY entry_id");
      cursor->take(id, rows.detail);
    }
    visit(rows);
  }
}

std::optional<std::int64_t> first_entry_dated_from(FundFile& file, const std::string& date) {
  SQLite::Statement query(file.db(), "SELECT MIN(id) AS first FROM entries WHERE date >= ?");
  query.bind(1, date);
  if (!query.executeStep() || query.getColumn("first").isNull()) return std::nullopt;
  return query.getColumn("first").getInt64();
}

std::optional<std::string> stored_hash(FundFile& file, std::int64_t id) {
  SQLite::Statement query(file.db(), "SELECT hash FROM entries WHERE id = ?");
  query.bind(1, id);
  if (!query.executeStep()) return std::nullopt;
  return query.getColumn("hash").getString();
}

std::vector<std::int64_t> rows_without_entry(FundFile& file, const std::string& table,
                                             const std::vector<std::string>& kinds) {
  std::string sql =
      "SELECT DISTINCT t.entry_id FROM " + table + " t LEFT JOIN entries e ON e.id = t.entry_id WHERE e.id IS NULL";
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
