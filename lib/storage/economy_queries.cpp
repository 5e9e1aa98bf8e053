#include "storage/economy_queries.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include "error.hpp"
#include "storage/columns.hpp"
#include "storage/fund_file.hpp"
#include "storage/statement_cache.hpp"

namespace cfund::storage {

namespace {

std::string text(SQLite::Statement& q, const char* column) { return text_or_empty(q.getColumn(column)); }

void read_void_mark(SQLite::Statement& q, std::optional<std::int64_t>& voided_by, std::string& reason) {
  voided_by = optional_id(q.getColumn("void_id"));
  reason = text(q, "void_reason");
}

const char* const kIncomeSelect =
    "SELECT i.entry_id AS entry_id, e.date AS date, i.income_kind AS income_kind, i.source AS source, "
    "i.amount AS amount, a.code AS account_code, a.name AS account_name, g.code AS designation_code, "
    "g.name AS designation_name, i.external_ref AS external_ref, i.matches_entry AS matches_entry, "
    "i.matches_campaign AS matches_campaign, e.memo AS memo, e.operator AS operator, e.recorded_at AS recorded_at, "
    "v.id AS void_id, v.reason AS void_reason "
    "FROM incomes i JOIN entries e ON e.id = i.entry_id JOIN accounts a ON a.id = i.account_id "
    "JOIN designations g ON g.id = i.designation_id LEFT JOIN entries v ON v.voids_entry = i.entry_id ";

model::IncomeRow read_income(SQLite::Statement& q) {
  model::IncomeRow row;
  row.entry_id = q.getColumn("entry_id").getInt64();
  row.date = text(q, "date");
  row.income_kind = text(q, "income_kind");
  row.source = text(q, "source");
  row.amount = q.getColumn("amount").getInt64();
  row.account_code = text(q, "account_code");
  row.account_name = text(q, "account_name");
  row.designation_code = text(q, "designation_code");
  row.designation_name = text(q, "designation_name");
  row.external_ref = text(q, "external_ref");
  row.matches_entry = optional_id(q.getColumn("matches_entry"));
  row.matches_campaign = text(q, "matches_campaign");
  row.memo = text(q, "memo");
  row.operator_name = text(q, "operator");
  row.recorded_at = text(q, "recorded_at");
  read_void_mark(q, row.voided_by, row.void_reason);
  return row;
}

// Openings first (CROSS JOIN): they are a handful, and without it SQLite walks every
// entry by date to find them.
const char* const kOpeningSelect =
    "SELECT o.entry_id AS entry_id, e.date AS date, o.amount AS amount, a.code AS account_code, "
    "a.name AS account_name, g.code AS designation_code, g.name AS designation_name, o.item AS item, "
    "o.unit AS unit, o.quantity AS quantity, e.memo AS memo, e.approval_ref AS approval_ref, v.id AS void_id, "
    "v.date AS void_date, v.reason AS void_reason "
    "FROM openings o CROSS JOIN entries e ON e.id = o.entry_id JOIN accounts a ON a.id = o.account_id "
    "JOIN designations g ON g.id = o.designation_id LEFT JOIN entries v ON v.voids_entry = o.entry_id ";

model::OpeningRow read_opening(SQLite::Statement& q) {
  model::OpeningRow row;
  row.entry_id = q.getColumn("entry_id").getInt64();
  row.date = text(q, "date");
  row.amount = q.getColumn("amount").getInt64();
  row.account_code = text(q, "account_code");
  row.account_name = text(q, "account_name");
  row.designation_code = text(q, "designation_code");
  row.designation_name = text(q, "designation_name");
  row.item = text(q, "item");
  row.unit = text(q, "unit");
  row.quantity = text(q, "quantity");
  row.memo = text(q, "memo");
  row.approval_ref = text(q, "approval_ref");
  read_void_mark(q, row.voided_by, row.void_reason);
  row.void_date = text(q, "void_date");
  return row;
}

// Every goods movement as one row shape: the four sources unioned, each with its
// entry and whatever void it has (the caller filters by cut-off).
const char* const kGoodsMovements =
    "SELECT m.*, e.date AS date, e.memo AS memo, e.approval_ref AS approval_ref, v.id AS void_id, "
    "v.date AS void_date, v.reason AS void_reason, b.name AS beneficiary_name, b.category AS beneficiary_category, "
    "p.code AS project_code, p.name AS project_name, a.code AS account_code, g.code AS designation_code, "
    "g.name AS designation_name "
    "FROM ("
    " SELECT d.entry_id, 'donation' AS kind, d.item, d.unit, d.quantity, d.amount AS value, 1 AS goes_in, "
    "  NULL AS beneficiary, NULL AS project_id, NULL AS recipient, NULL AS purpose, 0 AS price, "
    "  NULL AS account_id, d.designation_id, NULL AS buyer, d.receipt_year, d.receipt_seq, d.donor_name, d.anonymous "
    " FROM donations d WHERE d.form = 'goods' AND EXISTS (SELECT 1 FROM postings x WHERE x.entry_id = d.entry_id) "
    " UNION ALL "
    " SELECT o.entry_id, 'opening', o.item, o.unit, o.quantity, o.amount, 1, NULL, NULL, NULL, NULL, 0, NULL, NULL, "
    "  NULL, NULL, NULL, NULL, 0 FROM openings o WHERE o.item IS NOT NULL "
    " UNION ALL "
    " SELECT gg.entry_id, 'goods_given', gg.item, gg.unit, gg.quantity, gg.value, 0, gg.beneficiary, gg.project_id, "
    "  gg.recipient, gg.purpose, 0, NULL, NULL, NULL, NULL, NULL, NULL, 0 FROM goods_given gg "
    " UNION ALL "
    " SELECT s.entry_id, 'goods_sale', s.item, s.unit, s.quantity, s.value, 0, NULL, NULL, NULL, NULL, s.amount, "
    "  s.account_id, s.designation_id, s.buyer, NULL, NULL, NULL, 0 FROM goods_sales s"
    ") m JOIN entries e ON e.id = m.entry_id "
    "LEFT JOIN entries v ON v.voids_entry = m.entry_id "
    "LEFT JOIN beneficiaries b ON b.number = m.beneficiary "
    "LEFT JOIN designations p ON p.id = m.project_id "
    "LEFT JOIN accounts a ON a.id = m.account_id "
    "LEFT JOIN designations g ON g.id = m.designation_id ";

model::GoodsMovement read_goods_movement(SQLite::Statement& q, std::int64_t cutoff) {
  model::GoodsMovement row;
  row.entry_id = q.getColumn("entry_id").getInt64();
  row.kind = text(q, "kind");
  row.date = text(q, "date");
  row.item = text(q, "item");
  row.unit = text(q, "unit");
  row.quantity = text(q, "quantity");
  row.value = q.getColumn("value").getInt64();
  row.in = q.getColumn("goes_in").getInt() != 0;
  row.beneficiary = optional_id(q.getColumn("beneficiary"));
  row.beneficiary_name = text(q, "beneficiary_name");
  row.beneficiary_category = text(q, "beneficiary_category");
  row.project_code = text(q, "project_code");
  row.project_name = text(q, "project_name");
  row.recipient = text(q, "recipient");
  row.purpose = text(q, "purpose");
  row.price = q.getColumn("price").getInt64();
  row.account_code = text(q, "account_code");
  row.designation_code = text(q, "designation_code");
  row.designation_name = text(q, "designation_name");
  row.buyer = text(q, "buyer");
  if (!q.getColumn("receipt_year").isNull()) {
    row.receipt_no = model::receipt_number(q.getColumn("receipt_year").getInt(), q.getColumn("receipt_seq").getInt64());
  }
  row.donor_name = text(q, "donor_name");
  row.anonymous = q.getColumn("anonymous").getInt() != 0;
  row.approval_ref = text(q, "approval_ref");
  row.memo = text(q, "memo");
  const auto void_id = optional_id(q.getColumn("void_id"));
  if (void_id && *void_id <= cutoff) {
    row.voided_by = void_id;
    row.void_date = text(q, "void_date");
    row.void_reason = text(q, "void_reason");
  }
  return row;
}

}  // namespace

GoodsTargets goods_targets(FundFile& file) {
  CachedStatement account(file, "SELECT id FROM accounts WHERE kind = 'goods' ORDER BY id LIMIT 1");
  CachedStatement designation(file, "SELECT id FROM designations WHERE kind = 'goods' ORDER BY id LIMIT 1");
  if (!account->executeStep() || !designation->executeStep()) {
    throw FundFileError(
        bilingual("账套“{0}”缺少库存物资账户或捐赠物资用途（kind goods）：文件被直接改动过，请用备份恢复",
                  "fund file '{0}' has no goods account or goods designation (kind goods): the file "
                  "was edited directly; restore it from a backup",
                  file.path()));
  }
  return {account->getColumn("id").getInt64(), designation->getColumn("id").getInt64()};
}

std::vector<model::IncomeRow> income_rows(FundFile& file, const std::string& from, const std::string& to) {
  SQLite::Statement q(file.db(), std::string(kIncomeSelect) + "WHERE e.date BETWEEN ? AND ? ORDER BY e.date, e.id");
  q.bind(1, from);
  q.bind(2, to);
  std::vector<model::IncomeRow> rows;
  while (q.executeStep()) rows.push_back(read_income(q));
  return rows;
}

std::optional<model::IncomeRow> income_row(FundFile& file, std::int64_t entry_id) {
  SQLite::Statement q(file.db(), std::string(kIncomeSelect) + "WHERE i.entry_id = ?");
  q.bind(1, static_cast<std::int64_t>(entry_id));
  if (!q.executeStep()) return std::nullopt;
  return read_income(q);
}

std::optional<std::int64_t> live_income_with_ref(FundFile& file, std::int64_t account_id, const std::string& ref) {
  CachedStatement q(file,
                    "SELECT i.entry_id FROM incomes i WHERE i.account_id = ? AND i.external_ref = ? "
                    "AND NOT EXISTS (SELECT 1 FROM entries v WHERE v.voids_entry = i.entry_id) LIMIT 1");
  q->bind(1, static_cast<std::int64_t>(account_id));
  q->bind(2, ref);
  if (!q->executeStep()) return std::nullopt;
  return q->getColumn("entry_id").getInt64();
}

std::vector<model::OpeningRow> opening_rows(FundFile& file) {
  SQLite::Statement q(file.db(), std::string(kOpeningSelect) + "ORDER BY e.date, o.entry_id");
  std::vector<model::OpeningRow> rows;
  while (q.executeStep()) rows.push_back(read_opening(q));
  return rows;
}

std::optional<model::OpeningRow> opening_row(FundFile& file, std::int64_t entry_id) {
  SQLite::Statement q(file.db(), std::string(kOpeningSelect) + "WHERE o.entry_id = ?");
  q.bind(1, static_cast<std::int64_t>(entry_id));
  if (!q.executeStep()) return std::nullopt;
  return read_opening(q);
}

std::optional<DatedEntry> earliest_entry_besides_openings(FundFile& file) {
  SQLite::Statement q(file.db(),
                      "SELECT e.id AS id, e.date AS date, e.kind AS kind FROM entries e "
                      "LEFT JOIN entries o ON o.id = e.voids_entry "
                      "WHERE e.kind <> 'opening' AND (o.kind IS NULL OR o.kind <> 'opening') "
                      "AND EXISTS (SELECT 1 FROM postings p WHERE p.entry_id = e.id) "
                      "ORDER BY e.date, e.id LIMIT 1");
  if (!q.executeStep()) return std::nullopt;
  return DatedEntry{q.getColumn("id").getInt64(), text(q, "date"), text(q, "kind")};
}

std::vector<model::GoodsMovement> goods_movements(FundFile& file, const std::string& from, const std::string& to,
                                                  std::int64_t cutoff) {
  // The unary + keeps SQLite from pushing the cut-off into the union as a range of
  // donation ids, which read every donation to find the few goods: without it, goods
  // donations are found through their partial index (donations_goods).
  SQLite::Statement q(file.db(), std::string(kGoodsMovements) +
                                     "WHERE e.date BETWEEN ? AND ? AND +m.entry_id <= ? ORDER BY e.date, m.entry_id");
  q.bind(1, from);
  q.bind(2, to);
  q.bind(3, static_cast<std::int64_t>(cutoff));
  std::vector<model::GoodsMovement> rows;
  while (q.executeStep()) rows.push_back(read_goods_movement(q, cutoff));
  return rows;
}

std::optional<model::GoodsMovement> goods_movement(FundFile& file, std::int64_t entry_id) {
  SQLite::Statement q(file.db(), std::string(kGoodsMovements) + "WHERE m.entry_id = ?");
  q.bind(1, static_cast<std::int64_t>(entry_id));
  if (!q.executeStep()) return std::nullopt;
  return read_goods_movement(q, kNoCutoff);
}

std::int64_t goods_donations_outside_stock(FundFile& file) {
  return file.db()
      .execAndGet(
          "SELECT COUNT(*) FROM donations d WHERE d.form = 'goods' AND NOT EXISTS "
          "(SELECT 1 FROM postings p WHERE p.entry_id = d.entry_id)")
      .getInt64();
}

}  // namespace cfund::storage
