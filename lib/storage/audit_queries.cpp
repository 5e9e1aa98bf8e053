#include "storage/audit_queries.hpp"
#include "storage/columns.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include "storage/fund_file.hpp"

namespace cfund::storage {

namespace {

// "NOT voided": no void entry points at the row's entry.
const char* kLive = " NOT EXISTS (SELECT 1 FROM entries v WHERE v.voids_entry = %s) ";

std::string live(const std::string& entry_column) {
  std::string clause = kLive;
  clause.replace(clause.find("%s"), 2, entry_column);
  return clause;
}

std::vector<std::int64_t> split_ids(const std::string& text) {
  std::vector<std::int64_t> ids;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    ids.push_back(std::stoll(text.substr(start, end - start)));
    start = end + 1;
  }
  return ids;
}

std::vector<std::string> split_texts(const std::string& text) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    parts.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

std::vector<MovementGroup> read_groups(SQLite::Statement& q) {
  std::vector<MovementGroup> groups;
  while (q.executeStep()) {
    MovementGroup group;
    group.kind = q.getColumn(0).getString();
    group.account_code = text_or_empty(q.getColumn(1));
    group.key = text_or_empty(q.getColumn(2));
    group.amount = q.getColumn(3).getInt64();
    group.entry_ids = split_ids(q.getColumn(4).getString());
    group.dates = split_texts(q.getColumn(5).getString());
    group.date = group.dates.empty() ? std::string() : group.dates.front();
    groups.push_back(std::move(group));
  }
  return groups;
}

}  // namespace

std::vector<std::string> integrity_problems(FundFile& file) {
  SQLite::Statement q(file.db(), "PRAGMA integrity_check");
  std::vector<std::string> problems;
  while (q.executeStep()) {
    const std::string line = q.getColumn(0).getString();
    if (line != "ok") problems.push_back(line);
  }
  return problems;
}

std::int64_t entry_count(FundFile& file) { return file.db().execAndGet("SELECT COUNT(*) FROM entries").getInt64(); }

std::vector<UnbalancedEntry> unbalanced_entries(FundFile& file) {
  SQLite::Statement q(file.db(),
                      "SELECT e.id, e.date, SUM(p.amount) FROM entries e JOIN postings p ON p.entry_id = e.id "
                      "GROUP BY e.id HAVING SUM(p.amount) <> 0 ORDER BY e.id");
  std::vector<UnbalancedEntry> found;
  while (q.executeStep()) found.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getInt64()});
  return found;
}

PostingTotals posting_totals(FundFile& file) {
  SQLite::Statement q(file.db(),
                      "SELECT COALESCE(SUM(CASE WHEN account_id IS NOT NULL THEN amount END), 0), "
                      "COALESCE(-SUM(CASE WHEN designation_id IS NOT NULL THEN amount END), 0), "
                      "COALESCE(SUM(CASE WHEN NOT EXISTS (SELECT 1 FROM entries e WHERE e.id = p.entry_id) "
                      "THEN amount END), 0), "
                      "COUNT(CASE WHEN NOT EXISTS (SELECT 1 FROM entries e WHERE e.id = p.entry_id) THEN 1 END) "
                      "FROM postings p");
  q.executeStep();
  return {q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getInt64(), q.getColumn(3).getInt64()};
}

std::vector<DetailMismatch> detail_mismatches(FundFile& file) {
  // A money donation debits its account and credits its designation by its amount;
  // a disbursement does the opposite. Goods donations have no postings.
  SQLite::Statement q(file.db(),
                      "SELECT entry_id, date, kind, amount, acc, des FROM ("
                      " SELECT d.entry_id, e.date, 'donation' AS kind, d.amount, "
                      "  (SELECT COALESCE(SUM(p.amount), 0) FROM postings p WHERE p.entry_id = d.entry_id "
                      "   AND p.account_id = d.account_id) AS acc, "
                      "  (SELECT COALESCE(-SUM(p.amount), 0) FROM postings p WHERE p.entry_id = d.entry_id "
                      "   AND p.designation_id = d.designation_id) AS des "
                      " FROM donations d JOIN entries e ON e.id = d.entry_id WHERE d.form = 'money' "
                      " UNION ALL "
                      " SELECT d.entry_id, e.date, 'disbursement', d.amount, "
                      "  (SELECT COALESCE(-SUM(p.amount), 0) FROM postings p WHERE p.entry_id = d.entry_id "
                      "   AND p.account_id = d.account_id), "
                      "  (SELECT COALESCE(SUM(p.amount), 0) FROM postings p WHERE p.entry_id = d.entry_id "
                      "   AND p.designation_id = d.designation_id) "
                      " FROM disbursements d JOIN entries e ON e.id = d.entry_id"
                      ") WHERE acc <> amount OR des <> amount ORDER BY entry_id");
  std::vector<DetailMismatch> found;
  while (q.executeStep()) {
    found.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                     q.getColumn(3).getInt64(), q.getColumn(4).getInt64(), q.getColumn(5).getInt64()});
  }
  return found;
}

std::vector<DatedPosting> dated_postings(FundFile& file, Side side) {
  const bool account = side == Side::account;
  const std::string target = account ? "p.account_id" : "p.designation_id";
  SQLite::Statement q(file.db(), "SELECT " + target + ", e.date, e.id, " + (account ? "p.amount" : "-p.amount") +
                                     " FROM postings p JOIN entries e ON e.id = p.entry_id WHERE " + target +
                                     " IS NOT NULL ORDER BY " + target + ", e.date, e.id, p.seq");
  std::vector<DatedPosting> rows;
  while (q.executeStep()) {
    rows.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getInt64(),
                    q.getColumn(3).getInt64()});
  }
  return rows;
}

std::vector<UnapprovedPayment> unapproved_payments(FundFile& file, books::Fen threshold) {
  SQLite::Statement q(file.db(),
                      "SELECT d.entry_id, e.date, d.amount, d.category, NOT" + live("d.entry_id") +
                          "FROM disbursements d JOIN entries e ON e.id = d.entry_id "
                          "WHERE d.amount > ? AND TRIM(COALESCE(e.approval_ref, '')) = '' ORDER BY e.date, d.entry_id");
  q.bind(1, static_cast<std::int64_t>(threshold));
  std::vector<UnapprovedPayment> found;
  while (q.executeStep()) {
    found.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getInt64(),
                     q.getColumn(3).getString(), q.getColumn(4).getInt() != 0});
  }
  return found;
}

std::vector<ReceiptNumber> receipt_numbers(FundFile& file) {
  SQLite::Statement q(file.db(),
                      "SELECT d.receipt_year, d.receipt_seq, d.entry_id, COALESCE(e.date, '') FROM donations d "
                      "LEFT JOIN entries e ON e.id = d.entry_id ORDER BY d.receipt_year, d.receipt_seq, d.entry_id");
  std::vector<ReceiptNumber> found;
  while (q.executeStep()) {
    found.push_back({q.getColumn(0).getInt(), q.getColumn(1).getInt64(), q.getColumn(2).getInt64(),
                     q.getColumn(3).getString()});
  }
  return found;
}

std::vector<MovementGroup> duplicate_references(FundFile& file) {
  SQLite::Statement q(file.db(),
                      "SELECT kind, code, ref, MIN(amount), GROUP_CONCAT(entry_id), GROUP_CONCAT(date) FROM ("
                      " SELECT 'donation' AS kind, a.code, d.external_ref AS ref, d.amount, d.entry_id, e.date "
                      " FROM donations d JOIN entries e ON e.id = d.entry_id JOIN accounts a ON a.id = d.account_id "
                      " WHERE d.external_ref IS NOT NULL AND d.external_ref <> '' AND" + live("d.entry_id") +
                          " UNION ALL "
                          " SELECT 'disbursement', a.code, d.external_ref, d.amount, d.entry_id, e.date "
                          " FROM disbursements d JOIN entries e ON e.id = d.entry_id JOIN accounts a ON a.id = d.account_id "
                          " WHERE d.external_ref IS NOT NULL AND d.external_ref <> '' AND" +
                          live("d.entry_id") +
                          " ORDER BY entry_id) GROUP BY kind, code, ref HAVING COUNT(*) > 1 ORDER BY MIN(entry_id)");
  return read_groups(q);
}

std::vector<MovementGroup> likely_duplicates(FundFile& file) {
  // Two lines with different bank references are two real transfers, not a duplicate.
  SQLite::Statement q(file.db(),
                      "SELECT kind, code, who, amount, GROUP_CONCAT(entry_id), GROUP_CONCAT(date) FROM ("
                      " SELECT 'donation' AS kind, a.code, d.donor_name AS who, d.amount, d.entry_id, e.date, "
                      "  d.external_ref AS ref "
                      " FROM donations d JOIN entries e ON e.id = d.entry_id JOIN accounts a ON a.id = d.account_id "
                      " WHERE d.form = 'money' AND" + live("d.entry_id") +
                          " UNION ALL "
                          " SELECT 'disbursement', a.code, COALESCE(CASE WHEN d.beneficiary IS NOT NULL THEN printf('B%04d', d.beneficiary) END, d.payee, ''), d.amount, "
                          "  d.entry_id, e.date, d.external_ref "
                          " FROM disbursements d JOIN entries e ON e.id = d.entry_id JOIN accounts a ON a.id = d.account_id "
                          " WHERE" + live("d.entry_id") +
                          " ORDER BY entry_id) GROUP BY kind, code, who, amount, date "
                          "HAVING COUNT(*) > 1 AND COUNT(DISTINCT ref) < COUNT(*) ORDER BY MIN(entry_id)");
  return read_groups(q);
}

std::vector<ReliefPayment> relief_payments_all(FundFile& file) {
  SQLite::Statement q(file.db(),
                      "SELECT d.beneficiary, d.entry_id, e.date, d.amount, d.repeat_reason FROM disbursements d "
                      "JOIN entries e ON e.id = d.entry_id WHERE d.category = 'relief' AND d.beneficiary IS NOT NULL AND" +
                          live("d.entry_id") + "ORDER BY d.beneficiary, e.date, d.entry_id");
  std::vector<ReliefPayment> found;
  while (q.executeStep()) {
    found.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getString(),
                     q.getColumn(3).getInt64(), text_or_empty(q.getColumn(4))});
  }
  return found;
}

YearTotals year_totals(FundFile& file, int year) {
  const std::string from = std::to_string(year) + "-01-01";
  const std::string to = std::to_string(year) + "-12-31";
  YearTotals totals;
  SQLite::Statement income(file.db(),
                           "SELECT COALESCE(SUM(d.amount), 0) FROM donations d JOIN entries e ON e.id = d.entry_id "
                           "WHERE d.form = 'money' AND e.date BETWEEN ? AND ? AND" + live("d.entry_id"));
  income.bind(1, from);
  income.bind(2, to);
  income.executeStep();
  totals.money_donations = income.getColumn(0).getInt64();
  SQLite::Statement spending(file.db(),
                             "SELECT d.category, COALESCE(SUM(d.amount), 0) FROM disbursements d "
                             "JOIN entries e ON e.id = d.entry_id WHERE e.date BETWEEN ? AND ? AND" +
                                 live("d.entry_id") + "GROUP BY d.category");
  spending.bind(1, from);
  spending.bind(2, to);
  while (spending.executeStep()) {
    const std::string category = spending.getColumn(0).getString();
    const books::Fen amount = spending.getColumn(1).getInt64();
    if (category == "relief") totals.relief = amount;
    if (category == "project") totals.project = amount;
    if (category == "management") totals.management = amount;
    if (category == "fundraising") totals.fundraising = amount;
  }
  return totals;
}

std::vector<int> entry_years(FundFile& file) {
  SQLite::Statement q(file.db(), "SELECT DISTINCT CAST(SUBSTR(date, 1, 4) AS INTEGER) AS y FROM entries ORDER BY y");
  std::vector<int> years;
  while (q.executeStep()) years.push_back(q.getColumn(0).getInt());
  return years;
}

std::vector<PeriodClose> period_closes(FundFile& file) {
  SQLite::Statement q(file.db(),
                      "SELECT c.entry_id, COALESCE(e.date, ''), c.through FROM period_closes c "
                      "LEFT JOIN entries e ON e.id = c.entry_id ORDER BY c.entry_id");
  std::vector<PeriodClose> found;
  while (q.executeStep()) {
    found.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString()});
  }
  return found;
}

std::optional<std::string> latest_closed_month(FundFile& file) {
  SQLite::Statement q(file.db(), "SELECT MAX(through) FROM period_closes");
  if (!q.executeStep() || q.getColumn(0).isNull()) return std::nullopt;
  return q.getColumn(0).getString();
}

std::vector<EntrySummary> entries_after_dated_until(FundFile& file, std::int64_t after_id, const std::string& date_iso) {
  SQLite::Statement q(file.db(), "SELECT id, kind, date, voids_entry FROM entries WHERE id > ? AND date <= ? ORDER BY id");
  q.bind(1, static_cast<std::int64_t>(after_id));
  q.bind(2, date_iso);
  std::vector<EntrySummary> found;
  while (q.executeStep()) {
    EntrySummary entry;
    entry.id = q.getColumn(0).getInt64();
    entry.kind = q.getColumn(1).getString();
    entry.date = q.getColumn(2).getString();
    if (!q.getColumn(3).isNull()) entry.voids_entry = q.getColumn(3).getInt64();
    found.push_back(entry);
  }
  return found;
}

std::vector<AccountMovement> account_movements(FundFile& file, std::int64_t account_id, const std::string& from,
                                               const std::string& to) {
  SQLite::Statement q(file.db(),
                      "SELECT e.id, e.date, e.kind, SUM(p.amount), "
                      " COALESCE(don.external_ref, dis.external_ref, ''), "
                      " COALESCE(CASE WHEN don.anonymous = 1 THEN '' ELSE don.donor_name END, dis.payee, "
                      "  CASE WHEN dis.beneficiary IS NOT NULL THEN printf('B%04d', dis.beneficiary) END, ''), "
                      " (e.voids_entry IS NOT NULL OR EXISTS (SELECT 1 FROM entries v WHERE v.voids_entry = e.id)) "
                      "FROM postings p JOIN entries e ON e.id = p.entry_id "
                      "LEFT JOIN donations don ON don.entry_id = e.id AND e.kind = 'donation' "
                      "LEFT JOIN disbursements dis ON dis.entry_id = e.id AND e.kind = 'disbursement' "
                      "WHERE p.account_id = ? AND e.date BETWEEN ? AND ? GROUP BY e.id ORDER BY e.date, e.id");
  q.bind(1, static_cast<std::int64_t>(account_id));
  q.bind(2, from);
  q.bind(3, to);
  std::vector<AccountMovement> found;
  while (q.executeStep()) {
    found.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                     q.getColumn(3).getInt64(), q.getColumn(4).getString(), q.getColumn(5).getString(),
                     q.getColumn(6).getInt() != 0});
  }
  return found;
}

books::Fen balance_through(FundFile& file, Side side, std::int64_t id, const std::string& date_iso) {
  const bool account = side == Side::account;
  SQLite::Statement q(file.db(), std::string("SELECT COALESCE(SUM(p.amount), 0) FROM postings p JOIN entries e ON "
                                             "e.id = p.entry_id WHERE p.") +
                                     (account ? "account_id" : "designation_id") + " = ? AND e.date <= ?");
  q.bind(1, static_cast<std::int64_t>(id));
  q.bind(2, date_iso);
  q.executeStep();
  const books::Fen sum = q.getColumn(0).getInt64();
  return account ? sum : -sum;
}

books::Fen corrected_account_balance_through(FundFile& file, std::int64_t account_id, const std::string& date_iso) {
  SQLite::Statement q(file.db(),
                      "SELECT COALESCE(SUM(p.amount), 0) FROM postings p JOIN entries e ON e.id = p.entry_id "
                      "WHERE p.account_id = ? AND e.date <= ? AND e.voids_entry IS NULL AND" + live("e.id"));
  q.bind(1, static_cast<std::int64_t>(account_id));
  q.bind(2, date_iso);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

std::vector<StoredHash> stored_hashes(FundFile& file) {
  SQLite::Statement q(file.db(), "SELECT id, date, hash FROM entries ORDER BY id");
  std::vector<StoredHash> found;
  while (q.executeStep()) found.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString()});
  return found;
}

}  // namespace cfund::storage
