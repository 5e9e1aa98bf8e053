#include "storage/queries.hpp"
#include "storage/columns.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>

#include "storage/fund_file.hpp"
#include "storage/row_readers.hpp"
#include "storage/statement_cache.hpp"

namespace cfund::storage {

namespace {

const char* side_name(Side side) { return side == Side::account ? "account" : "designation"; }

// Accounts are debit-normal, designations credit-normal.
util::Fen signed_for(Side side, util::Fen posting_sum) { return side == Side::account ? posting_sum : -posting_sum; }

}  // namespace

std::vector<model::Account> accounts(FundFile& file) {
  SQLite::Statement query(file.db(), "SELECT id, code, name, kind, closed_on FROM accounts ORDER BY id");
  std::vector<model::Account> all;
  while (query.executeStep()) {
    all.push_back({query.getColumn("id").getInt64(), query.getColumn("code").getString(),
                   query.getColumn("name").getString(), query.getColumn("kind").getString(),
                   text_or_empty(query.getColumn("closed_on"))});
  }
  return all;
}

std::vector<model::Designation> designations(FundFile& file) {
  SQLite::Statement query(file.db(),
                          "SELECT id, code, name, kind, restricted, closed_on FROM designations ORDER BY id");
  std::vector<model::Designation> all;
  while (query.executeStep()) {
    all.push_back({query.getColumn("id").getInt64(), query.getColumn("code").getString(),
                   query.getColumn("name").getString(), query.getColumn("kind").getString(),
                   query.getColumn("restricted").getInt() != 0, text_or_empty(query.getColumn("closed_on"))});
  }
  return all;
}

std::int64_t insert_account(FundFile& file, const model::Account& account) {
  SQLite::Statement insert(file.db(), "INSERT INTO accounts(code, name, kind) VALUES (?, ?, ?)");
  insert.bind(1, account.code);
  insert.bind(2, account.name);
  insert.bind(3, account.kind);
  insert.exec();
  return file.db().getLastInsertRowid();
}

std::int64_t insert_designation(FundFile& file, const model::Designation& designation) {
  SQLite::Statement insert(file.db(), "INSERT INTO designations(code, name, kind, restricted) VALUES (?, ?, ?, ?)");
  insert.bind(1, designation.code);
  insert.bind(2, designation.name);
  insert.bind(3, designation.kind);
  insert.bind(4, designation.restricted ? 1 : 0);
  insert.exec();
  return file.db().getLastInsertRowid();
}

util::Fen balance(FundFile& file, Side side, std::int64_t id) {
  CachedStatement query(file,
                        "SELECT COALESCE(SUM(amount), 0) AS balance FROM day_totals WHERE side = ? AND target_id = ?");
  query->bind(1, side_name(side));
  query->bind(2, static_cast<std::int64_t>(id));
  query->executeStep();
  return signed_for(side, query->getColumn("balance").getInt64());
}

util::Fen lowest_balance_from(FundFile& file, Side side, std::int64_t id, const std::string& date_iso) {
  util::Fen running = 0;
  {
    CachedStatement before(
        file,
        "SELECT COALESCE(SUM(amount), 0) AS opening FROM day_totals WHERE side = ? AND target_id = ? AND date < ?");
    before->bind(1, side_name(side));
    before->bind(2, static_cast<std::int64_t>(id));
    before->bind(3, date_iso);
    before->executeStep();
    running = signed_for(side, before->getColumn("opening").getInt64());
  }
  CachedStatement days(
      file, "SELECT date, amount FROM day_totals WHERE side = ? AND target_id = ? AND date >= ? ORDER BY date");
  days->bind(1, side_name(side));
  days->bind(2, static_cast<std::int64_t>(id));
  days->bind(3, date_iso);
  // The balance on the day itself is the opening balance when nothing else is dated
  // that day; otherwise the first row below gives it.
  const int date_at = column_at(*days, "date");
  const int amount_at = column_at(*days, "amount");
  std::optional<util::Fen> lowest;
  bool first = true;
  while (days->executeStep()) {
    if (first && days->getColumn(date_at).getString() != date_iso) lowest = running;
    first = false;
    running += signed_for(side, days->getColumn(amount_at).getInt64());
    lowest = lowest ? std::min(*lowest, running) : running;
  }
  return lowest ? *lowest : running;
}

void add_day_totals(FundFile& file, const DayTotals& totals) {
  CachedStatement upsert(file,
                         "INSERT INTO day_totals (side, target_id, date, amount) VALUES (?, ?, ?, ?) "
                         "ON CONFLICT (side, target_id, date) DO UPDATE SET amount = amount + excluded.amount");
  for (const auto& [key, amount] : totals) {
    upsert->reset();
    upsert->bind(1, side_name(key.side));
    upsert->bind(2, static_cast<std::int64_t>(key.target_id));
    upsert->bind(3, key.date);
    upsert->bind(4, static_cast<std::int64_t>(amount));
    upsert->exec();
  }
}

std::vector<RecordedDay> recorded_day_totals(FundFile& file, Side side) {
  SQLite::Statement query(file.db(),
                          "SELECT target_id, date, amount FROM day_totals WHERE side = ? ORDER BY target_id, date");
  query.bind(1, side_name(side));
  const int target_at = column_at(query, "target_id");
  const int date_at = column_at(query, "date");
  const int amount_at = column_at(query, "amount");
  std::vector<RecordedDay> days;
  while (query.executeStep()) {
    days.push_back({query.getColumn(target_at).getInt64(), query.getColumn(date_at).getString(),
                    signed_for(side, query.getColumn(amount_at).getInt64())});
  }
  return days;
}

std::vector<RecordedDay> day_totals_of(FundFile& file, Side side, std::int64_t id) {
  CachedStatement query(file, "SELECT date, amount FROM day_totals WHERE side = ? AND target_id = ? ORDER BY date");
  query->bind(1, side_name(side));
  query->bind(2, static_cast<std::int64_t>(id));
  const int date_at = column_at(*query, "date");
  const int amount_at = column_at(*query, "amount");
  std::vector<RecordedDay> days;
  while (query->executeStep()) {
    days.push_back(
        {id, query->getColumn(date_at).getString(), signed_for(side, query->getColumn(amount_at).getInt64())});
  }
  return days;
}

std::int64_t donor_id(FundFile& file, const std::string& name, const std::string& kind) {
  {
    CachedStatement find(file, "SELECT id FROM donors WHERE name = ?");
    find->bind(1, name);
    if (find->executeStep()) return find->getColumn("id").getInt64();
  }
  CachedStatement insert(file, "INSERT INTO donors(name, kind) VALUES (?, ?)");
  insert->bind(1, name);
  insert->bind(2, kind);
  insert->exec();
  return file.db().getLastInsertRowid();
}

std::int64_t next_receipt_seq(FundFile& file, int year) {
  SQLite::Statement query(file.db(),
                          "SELECT COALESCE(MAX(receipt_seq), 0) + 1 AS next FROM donations WHERE receipt_year = ?");
  query.bind(1, year);
  query.executeStep();
  return query.getColumn("next").getInt64();
}

std::int64_t next_beneficiary_number(FundFile& file) {
  return file.db().execAndGet("SELECT COALESCE(MAX(number), 0) + 1 FROM beneficiaries").getInt64();
}

std::optional<EntrySummary> entry_summary(FundFile& file, std::int64_t id) {
  SQLite::Statement query(
      file.db(),
      "SELECT e.id AS id, e.kind AS kind, e.date AS date, e.voids_entry AS voids_entry, v.id AS void_id "
      "FROM entries e "
      "LEFT JOIN entries v ON v.voids_entry = e.id WHERE e.id = ?");
  query.bind(1, static_cast<std::int64_t>(id));
  if (!query.executeStep()) return std::nullopt;
  return EntrySummary{query.getColumn("id").getInt64(), query.getColumn("kind").getString(),
                      query.getColumn("date").getString(), optional_id(query.getColumn("voids_entry")),
                      optional_id(query.getColumn("void_id"))};
}

std::vector<PostingRow> postings_of(FundFile& file, std::int64_t entry_id) {
  SQLite::Statement query(file.db(),
                          "SELECT account_id, designation_id, amount FROM postings WHERE entry_id = ? ORDER BY seq");
  query.bind(1, static_cast<std::int64_t>(entry_id));
  const int account_at = column_at(query, "account_id");
  const int designation_at = column_at(query, "designation_id");
  const int amount_at = column_at(query, "amount");
  std::vector<PostingRow> rows;
  while (query.executeStep()) {
    const bool account = !query.getColumn(account_at).isNull();
    rows.push_back({account ? Side::account : Side::designation,
                    query.getColumn(account ? account_at : designation_at).getInt64(),
                    query.getColumn(amount_at).getInt64()});
  }
  return rows;
}

}  // namespace cfund::storage

namespace cfund::storage {

namespace {

model::Beneficiary read_beneficiary(SQLite::Statement& q) {
  return {q.getColumn("number").getInt64(),    q.getColumn("entry_id").getInt64(),
          q.getColumn("name").getString(),     text_or_empty(q.getColumn("id_number")),
          text_or_empty(q.getColumn("phone")), text_or_empty(q.getColumn("address")),
          q.getColumn("category").getString()};
}

// The registration with the latest phone and address its updates recorded.
const char* kBeneficiarySelect =
    "SELECT b.number AS number, b.entry_id AS entry_id, b.name AS name, "
    "COALESCE(b.id_number, (SELECT u.id_number FROM beneficiary_updates u WHERE u.number = b.number "
    "AND u.id_number IS NOT NULL)) AS id_number, "
    "COALESCE((SELECT u.phone FROM beneficiary_updates u WHERE u.number = b.number AND u.phone IS NOT NULL "
    "ORDER BY u.entry_id DESC LIMIT 1), b.phone) AS phone, "
    "COALESCE((SELECT u.address FROM beneficiary_updates u WHERE u.number = b.number AND u.address IS NOT NULL "
    "ORDER BY u.entry_id DESC LIMIT 1), b.address) AS address, "
    "b.category AS category FROM beneficiaries b ";

}  // namespace

void for_each_donation_row(FundFile& file, const std::string& from, const std::string& to, DonationColumns columns,
                           const std::function<void(model::DonationRow&)>& visit) {
  const auto read = columns == DonationColumns::shown ? detail::RowColumns::listed : detail::RowColumns::all;
  SQLite::Statement q(file.db(), detail::donation_select(detail::kAnyVoid, read) +
                                     "WHERE e.date BETWEEN ? AND ? ORDER BY e.date, e.id");
  q.bind(1, from);
  q.bind(2, to);
  detail::DonationColumnsAt at(q);
  model::DonationRow row;
  while (q.executeStep()) {
    row = detail::read_donation(q, at);
    visit(row);
  }
}

std::vector<model::DonationRow> donation_rows(FundFile& file, const std::string& from, const std::string& to,
                                              DonationColumns columns) {
  std::vector<model::DonationRow> rows;
  for_each_donation_row(file, from, to, columns, [&rows](model::DonationRow& row) { rows.push_back(std::move(row)); });
  return rows;
}

std::optional<model::DonationRow> donation_row(FundFile& file, std::int64_t entry_id) {
  SQLite::Statement q(file.db(), detail::donation_select(detail::kAnyVoid) + "WHERE d.entry_id = ?");
  q.bind(1, static_cast<std::int64_t>(entry_id));
  if (!q.executeStep()) return std::nullopt;
  detail::DonationColumnsAt at(q);
  return detail::read_donation(q, at);
}

void for_each_disbursement_row(FundFile& file, const std::string& from, const std::string& to,
                               const std::function<void(model::DisbursementRow&)>& visit) {
  SQLite::Statement q(
      file.db(), detail::disbursement_select(detail::kAnyVoid) + "WHERE e.date BETWEEN ? AND ? ORDER BY e.date, e.id");
  q.bind(1, from);
  q.bind(2, to);
  detail::DisbursementColumnsAt at(q);
  model::DisbursementRow row;
  while (q.executeStep()) {
    row = detail::read_disbursement(q, at);
    visit(row);
  }
}

std::vector<model::DisbursementRow> disbursement_rows(FundFile& file, const std::string& from, const std::string& to) {
  std::vector<model::DisbursementRow> rows;
  for_each_disbursement_row(file, from, to, [&rows](model::DisbursementRow& row) { rows.push_back(std::move(row)); });
  return rows;
}

std::vector<model::DisbursementRow> project_payment_rows(FundFile& file) {
  SQLite::Statement q(file.db(), detail::disbursement_select(detail::kAnyVoid) +
                                     "WHERE d.designation_id IN (SELECT designation_id FROM projects) "
                                     "ORDER BY e.date, d.entry_id");
  detail::DisbursementColumnsAt at(q);
  std::vector<model::DisbursementRow> rows;
  while (q.executeStep()) rows.push_back(detail::read_disbursement(q, at));
  return rows;
}

std::optional<model::DisbursementRow> disbursement_row(FundFile& file, std::int64_t entry_id) {
  SQLite::Statement q(file.db(), detail::disbursement_select(detail::kAnyVoid) + "WHERE d.entry_id = ?");
  q.bind(1, static_cast<std::int64_t>(entry_id));
  if (!q.executeStep()) return std::nullopt;
  detail::DisbursementColumnsAt at(q);
  return detail::read_disbursement(q, at);
}

std::optional<std::int64_t> live_donation_with_ref(FundFile& file, std::int64_t account_id, const std::string& ref) {
  CachedStatement q(file,
                    "SELECT d.entry_id FROM donations d WHERE d.account_id = ? AND d.external_ref = ? "
                    "AND NOT EXISTS (SELECT 1 FROM entries v WHERE v.voids_entry = d.entry_id) LIMIT 1");
  q->bind(1, static_cast<std::int64_t>(account_id));
  q->bind(2, ref);
  if (!q->executeStep()) return std::nullopt;
  return q->getColumn("entry_id").getInt64();
}

std::optional<std::string> host_receipt_of(FundFile& file, std::int64_t donation_entry_id) {
  SQLite::Statement q(file.db(), "SELECT number FROM host_receipts WHERE donation_entry_id = ? LIMIT 1");
  q.bind(1, static_cast<std::int64_t>(donation_entry_id));
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn("number").getString();
}

std::vector<model::Beneficiary> beneficiaries(FundFile& file) {
  SQLite::Statement q(file.db(), std::string(kBeneficiarySelect) + "ORDER BY b.number");
  std::vector<model::Beneficiary> all;
  while (q.executeStep()) all.push_back(read_beneficiary(q));
  return all;
}

std::optional<model::Beneficiary> beneficiary_by_number(FundFile& file, std::int64_t number) {
  SQLite::Statement q(file.db(), std::string(kBeneficiarySelect) + "WHERE b.number = ?");
  q.bind(1, static_cast<std::int64_t>(number));
  if (!q.executeStep()) return std::nullopt;
  return read_beneficiary(q);
}

std::optional<model::Beneficiary> beneficiary_by_id_number(FundFile& file, const std::string& id_number) {
  SQLite::Statement q(file.db(), std::string(kBeneficiarySelect) +
                                     "WHERE b.id_number = ?1 OR b.number = "
                                     "(SELECT u.number FROM beneficiary_updates u WHERE u.id_number = ?1)");
  q.bind(1, id_number);
  if (!q.executeStep()) return std::nullopt;
  return read_beneficiary(q);
}

std::vector<model::Beneficiary> beneficiaries_named(FundFile& file, const std::string& name) {
  SQLite::Statement q(file.db(), std::string(kBeneficiarySelect) + "WHERE b.name = ? ORDER BY b.number");
  q.bind(1, name);
  std::vector<model::Beneficiary> found;
  while (q.executeStep()) found.push_back(read_beneficiary(q));
  return found;
}

std::vector<std::string> all_beneficiary_contacts(FundFile& file) {
  SQLite::Statement q(file.db(),
                      "SELECT phone AS value FROM beneficiaries WHERE phone IS NOT NULL "
                      "UNION SELECT address FROM beneficiaries WHERE address IS NOT NULL "
                      "UNION SELECT phone FROM beneficiary_updates WHERE phone IS NOT NULL "
                      "UNION SELECT address FROM beneficiary_updates WHERE address IS NOT NULL ORDER BY 1");
  std::vector<std::string> values;
  while (q.executeStep()) values.push_back(q.getColumn("value").getString());
  return values;
}

std::vector<std::pair<std::int64_t, std::string>> relief_payments(FundFile& file, std::int64_t beneficiary,
                                                                  const std::string& from, const std::string& to) {
  SQLite::Statement q(
      file.db(),
      "SELECT d.entry_id AS entry_id, e.date AS date FROM disbursements d JOIN entries e ON e.id = d.entry_id "
      "WHERE d.beneficiary = ? AND d.category = 'relief' AND e.date BETWEEN ? AND ? "
      "AND NOT EXISTS (SELECT 1 FROM entries v WHERE v.voids_entry = d.entry_id) ORDER BY e.date");
  q.bind(1, static_cast<std::int64_t>(beneficiary));
  q.bind(2, from);
  q.bind(3, to);
  std::vector<std::pair<std::int64_t, std::string>> found;
  while (q.executeStep()) found.emplace_back(q.getColumn("entry_id").getInt64(), q.getColumn("date").getString());
  return found;
}

}  // namespace cfund::storage
