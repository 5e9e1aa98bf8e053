#include "storage/import_queries.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include "storage/columns.hpp"
#include "storage/fund_file.hpp"
#include "storage/statement_cache.hpp"

namespace cfund::storage {

namespace {

const char* table_name(ImportTable table) {
  switch (table) {
    case ImportTable::donations:
      return "donations";
    case ImportTable::disbursements:
      return "disbursements";
    case ImportTable::incomes:
      return "incomes";
    case ImportTable::transfers:
      break;
  }
  return "transfers";
}

// The column that names the account a transaction number belongs to.
const char* reference_account_column(ImportTable table) {
  return table == ImportTable::transfers ? "statement_account_id" : "account_id";
}

}  // namespace

bool import_table_has_rows(FundFile& file, ImportTable table) {
  CachedStatement q(file, std::string("SELECT 1 FROM ") + table_name(table) + " LIMIT 1");
  return q->executeStep();
}

bool reference_recorded(FundFile& file, ImportTable table, std::int64_t account_id, const std::string& reference) {
  CachedStatement q(file, std::string("SELECT 1 FROM ") + table_name(table) + " WHERE " +
                              reference_account_column(table) + " = ? AND external_ref = ? LIMIT 1");
  q->bind(1, static_cast<std::int64_t>(account_id));
  q->bind(2, reference);
  return q->executeStep();
}

std::int64_t content_key_count(FundFile& file, ImportTable table, const std::string& content_key,
                               std::int64_t before_entry) {
  CachedStatement q(file, std::string("SELECT COUNT(*) AS rows FROM ") + table_name(table) +
                              " WHERE content_key = ? AND entry_id < ?");
  q->bind(1, content_key);
  q->bind(2, static_cast<std::int64_t>(before_entry));
  q->executeStep();
  return q->getColumn("rows").getInt64();
}

std::optional<PreviousImport> previous_import(FundFile& file, ImportTable table, const std::string& sha256) {
  CachedStatement q(file,
                    "SELECT i.entry_id AS entry_id, e.recorded_at AS recorded_at, i.rows_added AS rows_added "
                    "FROM imports i JOIN entries e ON e.id = i.entry_id "
                    "WHERE i.file_sha256 = ? AND i.target = ? ORDER BY i.entry_id DESC LIMIT 1");
  q->bind(1, sha256);
  q->bind(2, table_name(table));
  if (!q->executeStep()) return std::nullopt;
  return PreviousImport{q->getColumn("entry_id").getInt64(), q->getColumn("recorded_at").getString(),
                        q->getColumn("rows_added").getInt64()};
}

namespace {

const char* const kPaymentsToMatch =
    "SELECT d.entry_id AS entry_id, d.account_id AS account_id, d.amount AS amount, e.date AS date, "
    "d.category AS category, d.payee AS payee, d.beneficiary AS beneficiary, b.name AS beneficiary_name "
    "FROM disbursements d JOIN entries e ON e.id = d.entry_id "
    "LEFT JOIN beneficiaries b ON b.number = d.beneficiary "
    "WHERE d.entry_id < ?1 "
    "AND (d.external_ref IS NULL OR d.external_ref = '') "
    "AND NOT EXISTS (SELECT 1 FROM entries v WHERE v.voids_entry = d.entry_id) "
    "AND NOT EXISTS (SELECT 1 FROM imports i WHERE i.target = 'disbursements' AND i.profile = ?2 "
    "AND d.entry_id BETWEEN i.first_entry AND i.last_entry) "
    "ORDER BY e.date, d.entry_id";

std::vector<PaymentToMatch> read_payments_to_match(SQLite::Statement& q) {
  std::vector<PaymentToMatch> found;
  while (q.executeStep()) {
    PaymentToMatch payment;
    payment.entry_id = q.getColumn("entry_id").getInt64();
    payment.account_id = q.getColumn("account_id").getInt64();
    payment.amount = q.getColumn("amount").getInt64();
    payment.date = q.getColumn("date").getString();
    payment.category = q.getColumn("category").getString();
    payment.payee = text_or_empty(q.getColumn("payee"));
    if (!q.getColumn("beneficiary").isNull()) payment.beneficiary = q.getColumn("beneficiary").getInt64();
    payment.beneficiary_name = text_or_empty(q.getColumn("beneficiary_name"));
    found.push_back(std::move(payment));
  }
  return found;
}

}  // namespace

std::vector<PaymentToMatch> payments_to_match(FundFile& file, std::int64_t before_entry, const std::string& profile) {
  SQLite::Statement q(file.db(), kPaymentsToMatch);
  q.bind(1, static_cast<std::int64_t>(before_entry));
  q.bind(2, profile);
  return read_payments_to_match(q);
}

std::vector<TransferToMatch> transfers_to_match(FundFile& file, std::int64_t from_account, std::int64_t to_account,
                                                std::int64_t amount, const MatchWindow& window,
                                                std::int64_t statement_account) {
  // Read from the postings: transfers recorded before schema 9 have no detail row.
  CachedStatement q(file,
                    "SELECT e.id AS entry_id, e.date AS date FROM entries e "
                    "JOIN postings inflow ON inflow.entry_id = e.id AND inflow.account_id IS NOT NULL "
                    "AND (?1 = 0 OR inflow.account_id = ?1) AND inflow.amount = ?2 "
                    "JOIN postings outflow ON outflow.entry_id = e.id AND outflow.account_id IS NOT NULL "
                    "AND (?3 = 0 OR outflow.account_id = ?3) AND outflow.amount = -inflow.amount "
                    "LEFT JOIN transfers t ON t.entry_id = e.id "
                    "WHERE e.kind = 'transfer' AND e.date BETWEEN ?4 AND ?5 AND e.id < ?6 "
                    "AND (t.statement_account_id IS NULL OR t.statement_account_id <> ?7) "
                    "AND NOT EXISTS (SELECT 1 FROM entries v WHERE v.voids_entry = e.id) "
                    "ORDER BY e.date, e.id");
  q->bind(1, static_cast<std::int64_t>(to_account));
  q->bind(2, static_cast<std::int64_t>(amount));
  q->bind(3, static_cast<std::int64_t>(from_account));
  q->bind(4, window.from);
  q->bind(5, window.to);
  q->bind(6, static_cast<std::int64_t>(window.before_entry));
  q->bind(7, static_cast<std::int64_t>(statement_account));
  std::vector<TransferToMatch> found;
  while (q->executeStep()) {
    found.push_back(TransferToMatch{q->getColumn("entry_id").getInt64(), q->getColumn("date").getString()});
  }
  return found;
}

}  // namespace cfund::storage
