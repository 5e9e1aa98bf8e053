#include "storage/import_queries.hpp"

#include "storage/fund_file.hpp"
#include "storage/statement_cache.hpp"

namespace cfund::storage {

namespace {

const char* table_name(ImportTable table) { return table == ImportTable::donations ? "donations" : "disbursements"; }

}  // namespace

bool reference_recorded(FundFile& file, ImportTable table, std::int64_t account_id, const std::string& reference) {
  CachedStatement q(
      file, std::string("SELECT 1 FROM ") + table_name(table) + " WHERE account_id = ? AND external_ref = ? LIMIT 1");
  q->bind(1, static_cast<std::int64_t>(account_id));
  q->bind(2, reference);
  return q->executeStep();
}

std::int64_t content_key_count(FundFile& file, ImportTable table, const std::string& content_key) {
  CachedStatement q(file, std::string("SELECT COUNT(*) FROM ") + table_name(table) + " WHERE content_key = ?");
  q->bind(1, content_key);
  q->executeStep();
  return q->getColumn(0).getInt64();
}

std::optional<PreviousImport> previous_import(FundFile& file, ImportTable table, const std::string& sha256) {
  CachedStatement q(file,
                    "SELECT i.entry_id, e.recorded_at, i.rows_added FROM imports i JOIN entries e ON e.id = i.entry_id "
                    "WHERE i.file_sha256 = ? AND i.target = ? ORDER BY i.entry_id DESC LIMIT 1");
  q->bind(1, sha256);
  q->bind(2, table_name(table));
  if (!q->executeStep()) return std::nullopt;
  return PreviousImport{q->getColumn(0).getInt64(), q->getColumn(1).getString(), q->getColumn(2).getInt64()};
}

}  // namespace cfund::storage
