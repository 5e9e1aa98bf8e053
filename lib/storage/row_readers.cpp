#include "storage/row_readers.hpp"
#include "storage/columns.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

namespace cfund::storage::detail {

std::string donation_select(const std::string& void_join, RowColumns columns) {
  if (columns == RowColumns::notice) {
    return "SELECT d.entry_id, e.date, d.receipt_year, d.receipt_seq, d.donor_name, d.anonymous, d.form, d.amount, "
           "d.item, d.quantity, d.unit, NULL, NULL, g.code, g.name, NULL, NULL, NULL, NULL, NULL, v.id, v.date, "
           "v.reason "
           "FROM donations d JOIN entries e ON e.id = d.entry_id JOIN designations g ON g.id = d.designation_id " +
           void_join;
  }
  if (columns == RowColumns::listed) {
    return "SELECT d.entry_id, e.date, d.receipt_year, d.receipt_seq, d.donor_name, d.anonymous, d.form, d.amount, "
           "d.item, d.quantity, d.unit, a.code, NULL, g.code, g.name, NULL, e.memo, NULL, NULL, NULL, v.id, v.date, "
           "v.reason "
           "FROM donations d JOIN entries e ON e.id = d.entry_id "
           "LEFT JOIN accounts a ON a.id = d.account_id JOIN designations g ON g.id = d.designation_id " +
           void_join;
  }
  return "SELECT d.entry_id, e.date, d.receipt_year, d.receipt_seq, d.donor_name, d.anonymous, d.form, d.amount, "
         "d.item, d.quantity, d.unit, a.code, a.name, g.code, g.name, d.external_ref, e.memo, "
         "(SELECT h.number FROM host_receipts h WHERE h.donation_entry_id = d.entry_id ORDER BY h.entry_id DESC LIMIT "
         "1), "
         "e.operator, e.recorded_at, v.id, v.date, v.reason "
         "FROM donations d JOIN entries e ON e.id = d.entry_id "
         "LEFT JOIN accounts a ON a.id = d.account_id JOIN designations g ON g.id = d.designation_id " +
         void_join;
}

model::DonationRow read_donation(SQLite::Statement& q) {
  model::DonationRow row;
  row.entry_id = q.getColumn(0).getInt64();
  row.date = q.getColumn(1).getString();
  row.receipt_no = model::receipt_number(q.getColumn(2).getInt(), q.getColumn(3).getInt64());
  row.donor_name = q.getColumn(4).getString();
  row.anonymous = q.getColumn(5).getInt() != 0;
  row.form = q.getColumn(6).getString();
  row.amount = q.getColumn(7).getInt64();
  row.item = text_or_empty(q.getColumn(8));
  row.quantity = text_or_empty(q.getColumn(9));
  row.unit = text_or_empty(q.getColumn(10));
  row.account_code = text_or_empty(q.getColumn(11));
  row.account_name = text_or_empty(q.getColumn(12));
  row.designation_code = q.getColumn(13).getString();
  row.designation_name = q.getColumn(14).getString();
  row.external_ref = text_or_empty(q.getColumn(15));
  row.memo = text_or_empty(q.getColumn(16));
  row.host_receipt = text_or_empty(q.getColumn(17));
  row.operator_name = q.getColumn(18).getString();
  row.recorded_at = q.getColumn(19).getString();
  if (auto mark = read_void(q)) {
    row.voided_by = mark->id;
    row.void_reason = mark->reason;
  }
  return row;
}

std::string disbursement_select(const std::string& void_join, RowColumns columns) {
  if (columns == RowColumns::notice) {
    return "SELECT d.entry_id, e.date, d.category, d.amount, NULL, NULL, g.code, g.name, d.payee, d.purpose, "
           "d.beneficiary, b.name, b.category, e.approval_ref, d.voucher, NULL, NULL, NULL, NULL, NULL, "
           "v.id, v.date, v.reason "
           "FROM disbursements d JOIN entries e ON e.id = d.entry_id JOIN designations g ON g.id = d.designation_id "
           "LEFT JOIN beneficiaries b ON b.number = d.beneficiary " +
           void_join;
  }
  return "SELECT d.entry_id, e.date, d.category, d.amount, a.code, a.name, g.code, g.name, d.payee, d.purpose, "
         "d.beneficiary, b.name, b.category, e.approval_ref, d.voucher, d.external_ref, e.memo, d.repeat_reason, "
         "e.operator, e.recorded_at, v.id, v.date, v.reason "
         "FROM disbursements d JOIN entries e ON e.id = d.entry_id "
         "JOIN accounts a ON a.id = d.account_id JOIN designations g ON g.id = d.designation_id "
         "LEFT JOIN beneficiaries b ON b.number = d.beneficiary " +
         void_join;
}

model::DisbursementRow read_disbursement(SQLite::Statement& q) {
  model::DisbursementRow row;
  row.entry_id = q.getColumn(0).getInt64();
  row.date = q.getColumn(1).getString();
  row.category = q.getColumn(2).getString();
  row.amount = q.getColumn(3).getInt64();
  row.account_code = q.getColumn(4).getString();
  row.account_name = q.getColumn(5).getString();
  row.designation_code = q.getColumn(6).getString();
  row.designation_name = q.getColumn(7).getString();
  row.payee = text_or_empty(q.getColumn(8));
  row.purpose = q.getColumn(9).getString();
  row.beneficiary = optional_id(q.getColumn(10));
  row.beneficiary_name = text_or_empty(q.getColumn(11));
  row.beneficiary_category = text_or_empty(q.getColumn(12));
  row.approval_ref = text_or_empty(q.getColumn(13));
  row.voucher = text_or_empty(q.getColumn(14));
  row.external_ref = text_or_empty(q.getColumn(15));
  row.memo = text_or_empty(q.getColumn(16));
  row.repeat_reason = text_or_empty(q.getColumn(17));
  row.operator_name = q.getColumn(18).getString();
  row.recorded_at = q.getColumn(19).getString();
  if (auto mark = read_void(q)) {
    row.voided_by = mark->id;
    row.void_reason = mark->reason;
  }
  return row;
}

std::optional<VoidMark> read_void(SQLite::Statement& q) {
  const int first = q.getColumnCount() - 3;  // v.id, v.date, v.reason close every select above
  if (q.getColumn(first).isNull()) return std::nullopt;
  return VoidMark{q.getColumn(first).getInt64(), q.getColumn(first + 1).getString(),
                  text_or_empty(q.getColumn(first + 2))};
}

}  // namespace cfund::storage::detail
