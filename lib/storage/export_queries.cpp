#include "storage/export_queries.hpp"
#include "storage/columns.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "storage/fund_file.hpp"

namespace cfund::storage {

namespace {

// One row per entry: the entry, its void, and the detail row of whichever kind it is
// (each detail table is keyed by entry_id, so at most one of the joins matches).
// Beneficiaries contribute their number and category only.
const char* kExportSelect =
    "SELECT e.id, e.kind, e.date, e.memo, e.approval_ref, e.reason, e.voids_entry, v.id, o.kind, "
    // 9: donation
    "dn.receipt_year, dn.receipt_seq, dn.donor_name, dn.anonymous, dn.form, dn.amount, dn.item, dn.quantity, "
    "dn.unit, dn.external_ref, dn.designation_id, "
    "(SELECT h.number FROM host_receipts h WHERE h.donation_entry_id = dn.entry_id ORDER BY h.entry_id DESC LIMIT 1), "
    // 21: disbursement
    "ds.category, ds.amount, ds.payee, ds.purpose, ds.beneficiary, ds.voucher, ds.external_ref, ds.designation_id, "
    // 29: beneficiary registration
    "b.number, b.category, "
    // 31: host receipt
    "hr.donation_entry_id, hr.number, "
    // 33: project events
    "COALESCE(pj.designation_id, st.designation_id, pb.designation_id), pg.code, pg.name, pj.category, pj.budget, "
    "st.from_stage, st.to_stage, pb.previous_budget, pb.budget, "
    // 42: period close, publication
    "pc.through, pu.period_label, pu.code, "
    // 45: statement import
    "im.target, im.file_name, im.profile, im.first_entry, im.last_entry, im.rows_added "
    "FROM entries e "
    "LEFT JOIN entries v ON v.voids_entry = e.id "
    "LEFT JOIN entries o ON o.id = e.voids_entry "
    "LEFT JOIN donations dn ON dn.entry_id = e.id "
    "LEFT JOIN disbursements ds ON ds.entry_id = e.id "
    "LEFT JOIN beneficiaries b ON b.entry_id = e.id "
    "LEFT JOIN host_receipts hr ON hr.entry_id = e.id "
    "LEFT JOIN projects pj ON pj.entry_id = e.id "
    "LEFT JOIN project_stages st ON st.entry_id = e.id "
    "LEFT JOIN project_budgets pb ON pb.entry_id = e.id "
    "LEFT JOIN projects pg ON pg.designation_id = COALESCE(pj.designation_id, st.designation_id, pb.designation_id) "
    "LEFT JOIN period_closes pc ON pc.entry_id = e.id "
    "LEFT JOIN publications pu ON pu.entry_id = e.id "
    "LEFT JOIN imports im ON im.entry_id = e.id "
    "WHERE e.date BETWEEN ? AND ? ORDER BY e.date, e.id";

ExportEntryRow read_export_row(SQLite::Statement& q) {
  ExportEntryRow row;
  row.id = q.getColumn(0).getInt64();
  row.kind = q.getColumn(1).getString();
  row.date = q.getColumn(2).getString();
  row.memo = text_or_empty(q.getColumn(3));
  row.approval_ref = text_or_empty(q.getColumn(4));
  row.reason = text_or_empty(q.getColumn(5));
  row.voids_entry = optional_id(q.getColumn(6));
  row.voided_by = optional_id(q.getColumn(7));
  row.voided_kind = text_or_empty(q.getColumn(8));
  if (!q.getColumn(9).isNull()) {
    row.receipt_no = model::receipt_number(q.getColumn(9).getInt(), q.getColumn(10).getInt64());
    row.donor_name = q.getColumn(11).getString();
    row.anonymous = q.getColumn(12).getInt() != 0;
    row.form = q.getColumn(13).getString();
    row.amount = q.getColumn(14).getInt64();
    row.item = text_or_empty(q.getColumn(15));
    row.quantity = text_or_empty(q.getColumn(16));
    row.unit = text_or_empty(q.getColumn(17));
    row.external_ref = text_or_empty(q.getColumn(18));
    row.designation_id = optional_id(q.getColumn(19));
    row.host_receipt = text_or_empty(q.getColumn(20));
  }
  if (!q.getColumn(21).isNull()) {
    row.category = q.getColumn(21).getString();
    row.amount = q.getColumn(22).getInt64();
    row.payee = text_or_empty(q.getColumn(23));
    row.purpose = text_or_empty(q.getColumn(24));
    row.beneficiary = optional_id(q.getColumn(25));
    row.voucher = text_or_empty(q.getColumn(26));
    row.external_ref = text_or_empty(q.getColumn(27));
    row.designation_id = optional_id(q.getColumn(28));
  }
  if (!q.getColumn(29).isNull()) {
    row.beneficiary = q.getColumn(29).getInt64();
    row.beneficiary_category = text_or_empty(q.getColumn(30));
  }
  row.receipt_for = optional_id(q.getColumn(31));
  row.receipt_number = text_or_empty(q.getColumn(32));
  if (!q.getColumn(33).isNull()) row.designation_id = q.getColumn(33).getInt64();
  row.project_code = text_or_empty(q.getColumn(34));
  row.project_name = text_or_empty(q.getColumn(35));
  row.project_category = text_or_empty(q.getColumn(36));
  if (!q.getColumn(37).isNull()) row.budget = q.getColumn(37).getInt64();
  row.from_stage = text_or_empty(q.getColumn(38));
  row.to_stage = text_or_empty(q.getColumn(39));
  if (!q.getColumn(40).isNull()) row.previous_budget = q.getColumn(40).getInt64();
  if (!q.getColumn(41).isNull()) row.budget = q.getColumn(41).getInt64();
  row.closed_through = text_or_empty(q.getColumn(42));
  row.publication_period = text_or_empty(q.getColumn(43));
  row.publication_code = text_or_empty(q.getColumn(44));
  if (!q.getColumn(45).isNull()) {
    row.import_target = q.getColumn(45).getString();
    row.import_file = text_or_empty(q.getColumn(46));
    row.import_profile = text_or_empty(q.getColumn(47));
    row.import_first = q.getColumn(48).getInt64();
    row.import_last = q.getColumn(49).getInt64();
    row.import_rows = q.getColumn(50).getInt64();
  }
  return row;
}

}  // namespace

void for_each_export_entry(FundFile& file, const std::string& from, const std::string& to,
                           const std::function<void(const ExportEntryRow&)>& visit) {
  SQLite::Statement entries(file.db(), kExportSelect);
  entries.bind(1, from);
  entries.bind(2, to);
  SQLite::Statement postings(file.db(),
                             "SELECT account_id, designation_id, amount FROM postings WHERE entry_id = ? ORDER BY seq");
  while (entries.executeStep()) {
    ExportEntryRow row = read_export_row(entries);
    postings.reset();
    postings.bind(1, static_cast<std::int64_t>(row.id));
    while (postings.executeStep()) {
      const bool account = !postings.getColumn(0).isNull();
      row.postings.push_back({account ? Side::account : Side::designation,
                              account ? postings.getColumn(0).getInt64() : postings.getColumn(1).getInt64(),
                              postings.getColumn(2).getInt64()});
    }
    visit(row);
  }
}

BalancesAt balances_at(FundFile& file, const std::string& date_iso) {
  SQLite::Statement q(file.db(),
                      "SELECT p.account_id, p.designation_id, SUM(p.amount) FROM postings p "
                      "JOIN entries e ON e.id = p.entry_id WHERE e.date <= ? "
                      "GROUP BY p.account_id, p.designation_id");
  q.bind(1, date_iso);
  BalancesAt balances;
  while (q.executeStep()) {
    const util::Fen sum = q.getColumn(2).getInt64();
    if (!q.getColumn(0).isNull()) {
      balances.accounts[q.getColumn(0).getInt64()] = sum;
    } else {
      balances.designations[q.getColumn(1).getInt64()] = -sum;
    }
  }
  return balances;
}

std::optional<std::pair<std::string, std::string>> entry_date_range(FundFile& file, const std::string& from,
                                                                    const std::string& to) {
  SQLite::Statement q(file.db(), "SELECT MIN(date), MAX(date) FROM entries WHERE date BETWEEN ? AND ?");
  q.bind(1, from);
  q.bind(2, to);
  q.executeStep();
  if (q.getColumn(0).isNull()) return std::nullopt;
  return std::make_pair(q.getColumn(0).getString(), q.getColumn(1).getString());
}

}  // namespace cfund::storage
