#include "storage/export_queries.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <memory>

#include "model/entry_kinds.hpp"
#include "storage/columns.hpp"
#include "storage/fund_file.hpp"

namespace cfund::storage {

namespace {

// The current row of a statement as a Row: NULL, an integer, or text, by column name.
Row read_row(SQLite::Statement& statement) {
  Row row;
  for (int i = 0; i < statement.getColumnCount(); ++i) {
    const SQLite::Column column = statement.getColumn(i);
    if (column.isNull()) {
      row.set(statement.getColumnName(i), Value{});
    } else if (column.isInteger()) {
      row.set(statement.getColumnName(i), Value{static_cast<std::int64_t>(column.getInt64())});
    } else {
      row.set(statement.getColumnName(i), Value{column.getString()});
    }
  }
  return row;
}

// Reads entries, their postings and their detail rows one entry at a time, with the
// statements prepared once.
class EntryReader {
 public:
  explicit EntryReader(FundFile& file)
      : file_(file),
        postings_(file.db(),
                  "SELECT entry_id, seq, account_id, designation_id, amount FROM postings WHERE entry_id = ? "
                  "ORDER BY seq") {}

  void complete(EntryRows& rows, std::int64_t id, const std::string& kind) {
    rows.postings.clear();
    postings_.reset();
    postings_.bind(1, static_cast<std::int64_t>(id));
    while (postings_.executeStep()) rows.postings.push_back(read_row(postings_));
    rows.detail.clear();
    rows.detail_table = model::detail_table_for(kind);
    if (rows.detail_table.empty()) return;
    SQLite::Statement& detail = detail_statement(kind);
    detail.reset();
    detail.bind(1, static_cast<std::int64_t>(id));
    while (detail.executeStep()) rows.detail.push_back(read_row(detail));
  }

 private:
  SQLite::Statement& detail_statement(const std::string& kind) {
    auto& statement = details_[kind];
    if (!statement) {
      const model::EntryKind* registered = model::find_entry_kind(kind);
      std::string columns = "entry_id";
      for (const auto& column : registered->columns) {
        if (!column.is_private) columns += ", " + column.name;
      }
      statement = std::make_unique<SQLite::Statement>(
          file_.db(), fmt::format("SELECT {} FROM {} WHERE entry_id = ?", columns, registered->detail_table));
    }
    return *statement;
  }

  FundFile& file_;
  SQLite::Statement postings_;
  std::map<std::string, std::unique_ptr<SQLite::Statement>> details_;
};

const char* const kEntryColumns =
    "SELECT id, kind, date, recorded_at, operator, memo, approval_ref, reason, voids_entry FROM entries ";

}  // namespace

void for_each_entry_dated(FundFile& file, const std::string& from, const std::string& to,
                          const std::function<void(const EntryRows&)>& visit) {
  SQLite::Statement entries(file.db(), std::string(kEntryColumns) + "WHERE date BETWEEN ? AND ? ORDER BY date, id");
  entries.bind(1, from);
  entries.bind(2, to);
  EntryReader reader(file);
  EntryRows rows;
  while (entries.executeStep()) {
    rows.entry = read_row(entries);
    reader.complete(rows, entries.getColumn("id").getInt64(), entries.getColumn("kind").getString());
    visit(rows);
  }
}

std::optional<EntryRows> entry_rows(FundFile& file, std::int64_t id) {
  SQLite::Statement entry(file.db(), std::string(kEntryColumns) + "WHERE id = ?");
  entry.bind(1, static_cast<std::int64_t>(id));
  if (!entry.executeStep()) return std::nullopt;
  EntryRows rows;
  rows.entry = read_row(entry);
  EntryReader(file).complete(rows, id, entry.getColumn("kind").getString());
  return rows;
}

std::map<std::int64_t, std::int64_t> void_links(FundFile& file) {
  SQLite::Statement q(file.db(),
                      "SELECT voids_entry AS original, id AS void_id FROM entries WHERE voids_entry IS NOT NULL");
  std::map<std::int64_t, std::int64_t> links;
  while (q.executeStep()) links[q.getColumn("original").getInt64()] = q.getColumn("void_id").getInt64();
  return links;
}

std::map<std::int64_t, std::string> host_receipt_numbers(FundFile& file) {
  SQLite::Statement q(file.db(), "SELECT donation_entry_id AS donation, number FROM host_receipts ORDER BY entry_id");
  std::map<std::int64_t, std::string> numbers;
  while (q.executeStep()) numbers[q.getColumn("donation").getInt64()] = q.getColumn("number").getString();
  return numbers;
}

std::map<std::int64_t, std::pair<std::string, std::string>> project_names(FundFile& file) {
  SQLite::Statement q(file.db(), "SELECT designation_id, code, name FROM projects");
  std::map<std::int64_t, std::pair<std::string, std::string>> names;
  while (q.executeStep()) {
    names[q.getColumn("designation_id").getInt64()] = {q.getColumn("code").getString(),
                                                       q.getColumn("name").getString()};
  }
  return names;
}

BalancesAt balances_at(FundFile& file, const std::string& date_iso) {
  SQLite::Statement q(file.db(),
                      "SELECT p.account_id AS account_id, p.designation_id AS designation_id, SUM(p.amount) AS total "
                      "FROM postings p JOIN entries e ON e.id = p.entry_id WHERE e.date <= ? "
                      "GROUP BY p.account_id, p.designation_id");
  q.bind(1, date_iso);
  BalancesAt balances;
  while (q.executeStep()) {
    const util::Fen sum = q.getColumn("total").getInt64();
    if (!q.getColumn("account_id").isNull()) {
      balances.accounts[q.getColumn("account_id").getInt64()] = sum;
    } else {
      balances.designations[q.getColumn("designation_id").getInt64()] = -sum;
    }
  }
  return balances;
}

std::optional<std::pair<std::string, std::string>> entry_date_range(FundFile& file, const std::string& from,
                                                                    const std::string& to) {
  SQLite::Statement q(file.db(),
                      "SELECT MIN(date) AS first, MAX(date) AS last FROM entries WHERE date BETWEEN ? AND ?");
  q.bind(1, from);
  q.bind(2, to);
  q.executeStep();
  if (q.getColumn("first").isNull()) return std::nullopt;
  return std::make_pair(q.getColumn("first").getString(), q.getColumn("last").getString());
}

}  // namespace cfund::storage
