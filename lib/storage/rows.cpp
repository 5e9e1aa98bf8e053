#include "storage/rows.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <map>
#include <memory>

#include "storage/columns.hpp"
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

RawRow::Type RawRow::type(std::size_t column) const {
  switch (sqlite3_column_type(statement_, static_cast<int>(column))) {
    case SQLITE_NULL:
      return Type::null;
    case SQLITE_INTEGER:
      return Type::integer;
    default:
      return Type::text;
  }
}

std::int64_t RawRow::integer(std::size_t column) const {
  if (!is_integer(column)) return 0;
  return sqlite3_column_int64(statement_, static_cast<int>(column));
}

std::int64_t RawRow::integer_value(std::size_t column) const {
  return sqlite3_column_int64(statement_, static_cast<int>(column));
}

std::string_view RawRow::text(std::size_t column) const {
  // As Column::getString(): the bytes of the value as text (REAL, BLOB included).
  const auto* bytes = static_cast<const char*>(sqlite3_column_blob(statement_, static_cast<int>(column)));
  const auto size = static_cast<std::size_t>(sqlite3_column_bytes(statement_, static_cast<int>(column)));
  return bytes == nullptr ? std::string_view() : std::string_view(bytes, size);
}

namespace {

// Copies a raw row into `row`, reusing its strings: anything a raw edit may have put
// in a column (REAL, BLOB) is read as text, so that the hash check sees the change.
void fill_row(const RawRow& raw, Row& row) {
  const auto& names = raw.names();
  row.columns.resize(names.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    auto& [name, value] = row.columns[i];
    if (name != names[i]) name = names[i];
    const RawRow::Type type = raw.type(i);
    if (type == RawRow::Type::null) {
      value = std::monostate{};
    } else if (type == RawRow::Type::integer) {
      value = raw.integer_value(i);
    } else if (auto* text = std::get_if<std::string>(&value)) {
      text->assign(raw.text(i));
    } else {
      value = std::string(raw.text(i));
    }
  }
}

// A statement prepared on the connection's own handle, for reading rows without the
// per-column objects of SQLiteCpp. Errors are SQLite::Exception, as from SQLiteCpp.
class RawStatement {
 public:
  RawStatement(SQLite::Database& db, const std::string& sql) : db_(db.getHandle()) {
    const int status = sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement_, nullptr);
    if (status != SQLITE_OK) throw SQLite::Exception(db_, status);
    for (int i = 0; i < sqlite3_column_count(statement_); ++i) names_.emplace_back(sqlite3_column_name(statement_, i));
  }
  ~RawStatement() { sqlite3_finalize(statement_); }
  RawStatement(const RawStatement&) = delete;
  RawStatement& operator=(const RawStatement&) = delete;

  bool step() {
    const int status = sqlite3_step(statement_);
    if (status == SQLITE_ROW) return true;
    if (status == SQLITE_DONE) return false;
    throw SQLite::Exception(db_, status);
  }
  RawRow row() const { return RawRow(statement_, names_); }
  const std::vector<std::string>& names() const { return names_; }
  // Runs the statement again from the start with its two parameters bound to these.
  void rebind(std::int64_t first, std::int64_t second) {
    sqlite3_reset(statement_);
    sqlite3_bind_int64(statement_, 1, first);
    sqlite3_bind_int64(statement_, 2, second);
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* statement_ = nullptr;
  std::vector<std::string> names_;
};

// A table read once in entry_id order, handed out entry by entry as the entries
// are read in id order. A row whose entry_id is not an integer (only a raw edit
// writes one) never matches an entry, as `WHERE entry_id = ?` would not; rows of
// entries that do not exist, or of another kind, are passed over, and the smallest
// entry_id among them is kept (as rows_without_entry reads it: SQLite's integer of
// the value).
class EntryCursor {
 public:
  // `sql` selects the rows of the entries between its two parameters (kRowsOfRange).
  EntryCursor(SQLite::Database& db, const std::string& sql) : statement_(db, sql) {
    const auto& names = statement_.names();
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (names[i] == "entry_id") key_ = i;
    }
  }
  // Reads the rows of entries from_id..to_id from the start.
  void restart(std::int64_t from_id, std::int64_t to_id) {
    statement_.rebind(from_id, to_id);
    passed_over_.reset();
    step();
  }

  // Calls visit for each row of entry `id`, in order.
  template <typename Visit>
  void each(std::int64_t id, Visit&& visit) {
    const RawRow raw = statement_.row();
    while (has_row_) {
      if (raw.is_integer(key_)) {
        const std::int64_t entry = raw.integer(key_);
        if (entry > id) break;
        if (entry == id) {
          visit(raw);
        } else {
          pass_over(raw);
        }
      } else {
        pass_over(raw);
      }
      step();
    }
  }

  // Passes over the rows left since restart (no entry of the scan claims them) and
  // returns the smallest entry_id of all the rows passed over.
  std::optional<std::int64_t> finish() {
    const RawRow raw = statement_.row();
    for (; has_row_; step()) pass_over(raw);
    return passed_over_;
  }

 private:
  void step() { has_row_ = statement_.step(); }
  void pass_over(const RawRow& raw) {
    const std::int64_t entry = raw.integer_value(key_);
    if (!passed_over_ || entry < *passed_over_) passed_over_ = entry;
  }

  RawStatement statement_;
  std::size_t key_ = 0;
  bool has_row_ = false;
  std::optional<std::int64_t> passed_over_;
};

// The rows of each entry gathered into EntryRows, for for_each_entry.
class RowCollector : public EntryScanVisitor {
 public:
  explicit RowCollector(const std::function<void(const EntryRows&)>& visit) : visit_(visit) {}
  void entry(std::int64_t, const RawRow& row) override {
    fill_row(row, rows_.entry);
    postings_ = 0;
    details_ = 0;
  }
  void posting(const RawRow& row) override { fill_row(row, next(rows_.postings, postings_)); }
  void detail(const RawRow& row) override { fill_row(row, next(rows_.detail, details_)); }
  void end_entry(const std::string& detail_table) override {
    rows_.postings.resize(postings_);
    rows_.detail.resize(details_);
    rows_.detail_table = detail_table;
    visit_(rows_);
  }

 private:
  static Row& next(std::vector<Row>& rows, std::size_t& count) {
    if (rows.size() <= count) rows.resize(count + 1);
    return rows[count++];
  }
  const std::function<void(const EntryRows&)>& visit_;
  EntryRows rows_;
  std::size_t postings_ = 0, details_ = 0;
};

}  // namespace

// The rows of the entries ?1..?2 in the postings and the detail tables: entry_id from ?1
// up to ?2 + 1, not included, so that scans of ranges one after the other read every
// number between (a REAL that a raw edit wrote, such as 2.5, is read by the scan of 2).
constexpr const char* kRowsOfRange = "entry_id >= ?1 AND entry_id < ?2 + 1";

// The statements of an EntryScanner: one sequential read of each table, merged by
// entry id, instead of a lookup of the postings and of the detail row for every entry.
struct EntryScanner::Statements {
  Statements(FundFile& file, std::function<std::string(const std::string& kind)> kind_to_table)
      : db(file.db()),
        kind_to_table(std::move(kind_to_table)),
        entries(db, "SELECT * FROM entries WHERE id BETWEEN ?1 AND ?2 ORDER BY id"),
        postings(db, "SELECT * FROM postings WHERE " + std::string(kRowsOfRange) + " ORDER BY entry_id, seq") {
    const std::vector<std::string>& names = entries.names();
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (names[i] == "id") id_column = i;
      if (names[i] == "kind") kind_column = i;
    }
  }
  // The cursor of a detail table, reading this scan's from_id..to_id (prepared when
  // first needed, started when first needed in a scan).
  EntryCursor& detail(const std::string& table, std::int64_t from_id, std::int64_t to_id) {
    auto& [cursor, started_in] = details[table];
    if (!cursor) {
      cursor =
          std::make_unique<EntryCursor>(db, "SELECT * FROM " + table + " WHERE " + kRowsOfRange + " ORDER BY entry_id");
    }
    if (started_in != scans) {
      cursor->restart(from_id, to_id);
      started_in = scans;
    }
    return *cursor;
  }

  SQLite::Database& db;
  std::int64_t from_id = 1;  // the range of the last scan
  std::int64_t to_id = INT64_MAX;
  std::function<std::string(const std::string& kind)> kind_to_table;
  RawStatement entries;
  EntryCursor postings;
  std::map<std::string, std::pair<std::unique_ptr<EntryCursor>, std::int64_t>> details;  // by table: the scan it reads
  std::map<std::string, std::string, std::less<>> tables;                                // kind -> table
  std::int64_t scans = 0;
  std::size_t id_column = 0;
  std::size_t kind_column = 0;
};

EntryScanner::EntryScanner(FundFile& file, std::function<std::string(const std::string& kind)> kind_to_table)
    : statements_(std::make_unique<Statements>(file, std::move(kind_to_table))) {}

EntryScanner::~EntryScanner() = default;

void EntryScanner::scan(EntryScanVisitor& visitor, std::int64_t from_id, std::int64_t to_id) {
  auto& s = *statements_;
  ++s.scans;
  s.from_id = from_id;
  s.to_id = to_id;
  s.entries.rebind(from_id, to_id);
  s.postings.restart(from_id, to_id);
  const RawRow raw = s.entries.row();
  while (s.entries.step()) {
    const std::int64_t id = raw.integer(s.id_column);
    visitor.entry(id, raw);
    s.postings.each(id, [&visitor](const RawRow& row) { visitor.posting(row); });

    const std::string_view kind = raw.text(s.kind_column);
    auto table = s.tables.find(kind);
    if (table == s.tables.end()) table = s.tables.emplace(std::string(kind), s.kind_to_table(std::string(kind))).first;
    if (!table->second.empty()) {
      s.detail(table->second, from_id, to_id).each(id, [&visitor](const RawRow& row) { visitor.detail(row); });
    }
    visitor.end_entry(table->second);
  }
}

std::optional<std::int64_t> EntryScanner::unclaimed_rows(const std::vector<std::string>& detail_tables) {
  auto& s = *statements_;
  std::optional<std::int64_t> first = s.postings.finish();
  for (const auto& table : detail_tables) {
    const auto passed_over = s.detail(table, s.from_id, s.to_id).finish();
    if (passed_over && (!first || *passed_over < *first)) first = passed_over;
  }
  return first;
}

void scan_entries(FundFile& file, const std::function<std::string(const std::string& kind)>& kind_to_table,
                  EntryScanVisitor& visitor, std::int64_t from_id, std::int64_t to_id) {
  EntryScanner(file, kind_to_table).scan(visitor, from_id, to_id);
}

void for_each_entry(FundFile& file, const std::function<std::string(const std::string& kind)>& kind_to_table,
                    const std::function<void(const EntryRows&)>& visit, std::int64_t from_id, std::int64_t to_id) {
  RowCollector collector(visit);
  scan_entries(file, kind_to_table, collector, from_id, to_id);
}

std::optional<std::int64_t> entry_id_from(FundFile& file, std::int64_t id) {
  SQLite::Statement query(file.db(), "SELECT MIN(id) AS first FROM entries WHERE id >= ?");
  query.bind(1, static_cast<std::int64_t>(id));
  if (!query.executeStep() || query.getColumn("first").isNull()) return std::nullopt;
  return query.getColumn("first").getInt64();
}

std::vector<IdRun> entry_runs_dated(FundFile& file, const std::string& from, const std::string& to,
                                    std::int64_t join_gap) {
  SQLite::Statement query(file.db(), "SELECT id FROM entries WHERE date BETWEEN ? AND ? ORDER BY id");
  query.bind(1, from);
  query.bind(2, to);
  const int id_at = column_at(query, "id");
  std::vector<IdRun> runs;
  while (query.executeStep()) {
    const std::int64_t id = query.getColumn(id_at).getInt64();
    if (!runs.empty() && id - runs.back().last <= join_gap) {
      runs.back().last = id;
    } else {
      runs.push_back({id, id});
    }
  }
  return runs;
}

std::optional<std::string> stored_hash(FundFile& file, std::int64_t id) {
  SQLite::Statement query(file.db(), "SELECT hash FROM entries WHERE id = ?");
  query.bind(1, id);
  if (!query.executeStep()) return std::nullopt;
  return query.getColumn("hash").getString();
}

namespace {

// The distinct entry_ids of `table`'s rows (all, or those below and above `outside`)
// whose entry is missing or, when kinds is not empty, of another kind.
std::vector<std::int64_t> ids_without_entry(FundFile& file, const std::string& table,
                                            const std::vector<std::string>& kinds,
                                            const std::optional<std::pair<std::int64_t, std::int64_t>>& outside) {
  // Outside a range: two searches of the table's key, not one scan. Text and BLOB sort
  // above every number, so `> ?2` finds them too; an entry_id is never NULL (a rowid, or
  // a column of a WITHOUT ROWID table's primary key).
  const std::string rows = outside ? "(SELECT entry_id FROM " + table + " WHERE entry_id < ?1 UNION ALL " +
                                         "SELECT entry_id FROM " + table + " WHERE entry_id > ?2)"
                                   : table;
  std::string sql = "SELECT DISTINCT t.entry_id AS entry_id FROM " + rows +
                    " t LEFT JOIN entries e ON e.id = t.entry_id WHERE e.id IS NULL";
  if (!kinds.empty()) {
    sql += " OR e.kind NOT IN (";
    for (std::size_t i = 0; i < kinds.size(); ++i) sql += fmt::format("{}?{}", i == 0 ? "" : ", ", i + 3);
    sql += ")";
  }
  sql += " ORDER BY t.entry_id";
  SQLite::Statement query(file.db(), sql);
  if (outside) {
    query.bind(1, outside->first);
    query.bind(2, outside->second);
  }
  for (std::size_t i = 0; i < kinds.size(); ++i) query.bind(static_cast<int>(i + 3), kinds[i]);
  const int entry_at = column_at(query, "entry_id");
  std::vector<std::int64_t> ids;
  while (query.executeStep()) ids.push_back(query.getColumn(entry_at).getInt64());
  return ids;
}

}  // namespace

std::vector<std::int64_t> rows_without_entry(FundFile& file, const std::string& table,
                                             const std::vector<std::string>& kinds) {
  return ids_without_entry(file, table, kinds, std::nullopt);
}

std::vector<std::int64_t> rows_without_entry_outside(FundFile& file, const std::string& table,
                                                     const std::vector<std::string>& kinds, std::int64_t first_id,
                                                     std::int64_t last_id) {
  return ids_without_entry(file, table, kinds, std::pair(first_id, last_id));
}

std::int64_t last_entry_id(FundFile& file) {
  return file.db().execAndGet("SELECT COALESCE(MAX(id), 0) FROM entries").getInt64();
}

}  // namespace cfund::storage
