#include "storage/row_readers.hpp"
#include "storage/columns.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

namespace cfund::storage::detail {

namespace {

// The columns every select below ends with: the row's void, if any.
const char* const kVoidColumns = "v.id AS void_id, v.date AS void_date, v.reason AS void_reason ";

}  // namespace

VoidColumnsAt::VoidColumnsAt(const SQLite::Statement& q)
    : id(column_at(q, "void_id")), date(column_at(q, "void_date")), reason(column_at(q, "void_reason")) {}

DonationColumnsAt::DonationColumnsAt(const SQLite::Statement& q)
    : entry_id(column_at(q, "entry_id")),
      date(column_at(q, "date")),
      receipt_year(column_at(q, "receipt_year")),
      receipt_seq(column_at(q, "receipt_seq")),
      donor_name(column_at(q, "donor_name")),
      anonymous(column_at(q, "anonymous")),
      form(column_at(q, "form")),
      amount(column_at(q, "amount")),
      item(column_at(q, "item")),
      quantity(column_at(q, "quantity")),
      unit(column_at(q, "unit")),
      account_code(column_at(q, "account_code")),
      account_name(column_at(q, "account_name")),
      designation_code(column_at(q, "designation_code")),
      designation_name(column_at(q, "designation_name")),
      external_ref(column_at(q, "external_ref")),
      memo(column_at(q, "memo")),
      host_receipt(column_at(q, "host_receipt")),
      operator_name(column_at(q, "operator")),
      recorded_at(column_at(q, "recorded_at")),
      void_of(q) {}

DisbursementColumnsAt::DisbursementColumnsAt(const SQLite::Statement& q)
    : entry_id(column_at(q, "entry_id")),
      date(column_at(q, "date")),
      category(column_at(q, "category")),
      amount(column_at(q, "amount")),
      account_code(column_at(q, "account_code")),
      account_name(column_at(q, "account_name")),
      designation_code(column_at(q, "designation_code")),
      designation_name(column_at(q, "designation_name")),
      payee(column_at(q, "payee")),
      purpose(column_at(q, "purpose")),
      beneficiary(column_at(q, "beneficiary")),
      beneficiary_name(column_at(q, "beneficiary_name")),
      beneficiary_category(column_at(q, "beneficiary_category")),
      approval_ref(column_at(q, "approval_ref")),
      voucher(column_at(q, "voucher")),
      external_ref(column_at(q, "external_ref")),
      memo(column_at(q, "memo")),
      repeat_reason(column_at(q, "repeat_reason")),
      operator_name(column_at(q, "operator")),
      recorded_at(column_at(q, "recorded_at")),
      void_of(q) {}

std::string donation_select(const std::string& void_join, RowColumns columns) {
  const std::string common =
      "SELECT d.entry_id AS entry_id, e.date AS date, d.receipt_year AS receipt_year, d.receipt_seq AS receipt_seq, "
      "d.donor_name AS donor_name, d.anonymous AS anonymous, d.form AS form, d.amount AS amount, d.item AS item, "
      "d.quantity AS quantity, d.unit AS unit, g.code AS designation_code, g.name AS designation_name, ";
  if (columns == RowColumns::notice) {
    return common +
           "NULL AS account_code, NULL AS account_name, NULL AS external_ref, NULL AS memo, NULL AS host_receipt, "
           "NULL AS operator, NULL AS recorded_at, " +
           kVoidColumns +
           "FROM donations d JOIN entries e ON e.id = d.entry_id JOIN designations g ON g.id = d.designation_id " +
           void_join;
  }
  if (columns == RowColumns::listed) {
    return common +
           "a.code AS account_code, NULL AS account_name, NULL AS external_ref, e.memo AS memo, NULL AS host_receipt, "
           "NULL AS operator, NULL AS recorded_at, " +
           kVoidColumns +
           "FROM donations d JOIN entries e ON e.id = d.entry_id "
           "LEFT JOIN accounts a ON a.id = d.account_id JOIN designations g ON g.id = d.designation_id " +
           void_join;
  }
  return common +
         "a.code AS account_code, a.name AS account_name, d.external_ref AS external_ref, e.memo AS memo, "
         "(SELECT h.number FROM host_receipts h WHERE h.donation_entry_id = d.entry_id ORDER BY h.entry_id DESC LIMIT "
         "1) AS host_receipt, e.operator AS operator, e.recorded_at AS recorded_at, " +
         kVoidColumns +
         "FROM donations d JOIN entries e ON e.id = d.entry_id "
         "LEFT JOIN accounts a ON a.id = d.account_id JOIN designations g ON g.id = d.designation_id " +
         void_join;
}

model::DonationRow read_donation(SQLite::Statement& q, DonationColumnsAt& at) {
  at.values.attach(q);
  const RowValues& value = at.values;
  model::DonationRow row;
  row.entry_id = value.integer(at.entry_id);
  row.date = value.text(at.date);
  row.receipt_no =
      model::receipt_number(static_cast<int>(value.integer(at.receipt_year)), value.integer(at.receipt_seq));
  row.donor_name = value.text(at.donor_name);
  row.anonymous = value.integer(at.anonymous) != 0;
  row.form = value.text(at.form);
  row.amount = value.integer(at.amount);
  row.item = value.text(at.item);
  row.quantity = value.text(at.quantity);
  row.unit = value.text(at.unit);
  row.account_code = value.text(at.account_code);
  row.account_name = value.text(at.account_name);
  row.designation_code = value.text(at.designation_code);
  row.designation_name = value.text(at.designation_name);
  row.external_ref = value.text(at.external_ref);
  row.memo = value.text(at.memo);
  row.host_receipt = value.text(at.host_receipt);
  row.operator_name = value.text(at.operator_name);
  row.recorded_at = value.text(at.recorded_at);
  if (auto mark = read_void(q, at.void_of)) {
    row.voided_by = mark->id;
    row.void_reason = mark->reason;
  }
  return row;
}

std::string disbursement_select(const std::string& void_join, RowColumns columns) {
  const std::string common =
      "SELECT d.entry_id AS entry_id, e.date AS date, d.category AS category, d.amount AS amount, "
      "g.code AS designation_code, g.name AS designation_name, d.payee AS payee, d.purpose AS purpose, "
      "d.beneficiary AS beneficiary, b.name AS beneficiary_name, b.category AS beneficiary_category, "
      "e.approval_ref AS approval_ref, d.voucher AS voucher, ";
  if (columns == RowColumns::notice) {
    return common +
           "NULL AS account_code, NULL AS account_name, NULL AS external_ref, NULL AS memo, NULL AS repeat_reason, "
           "NULL AS operator, NULL AS recorded_at, " +
           kVoidColumns +
           "FROM disbursements d JOIN entries e ON e.id = d.entry_id JOIN designations g ON g.id = d.designation_id "
           "LEFT JOIN beneficiaries b ON b.number = d.beneficiary " +
           void_join;
  }
  return common +
         "a.code AS account_code, a.name AS account_name, d.external_ref AS external_ref, e.memo AS memo, "
         "d.repeat_reason AS repeat_reason, e.operator AS operator, e.recorded_at AS recorded_at, " +
         kVoidColumns +
         "FROM disbursements d JOIN entries e ON e.id = d.entry_id "
         "JOIN accounts a ON a.id = d.account_id JOIN designations g ON g.id = d.designation_id "
         "LEFT JOIN beneficiaries b ON b.number = d.beneficiary " +
         void_join;
}

model::DisbursementRow read_disbursement(SQLite::Statement& q, DisbursementColumnsAt& at) {
  at.values.attach(q);
  const RowValues& value = at.values;
  model::DisbursementRow row;
  row.entry_id = value.integer(at.entry_id);
  row.date = value.text(at.date);
  row.category = value.text(at.category);
  row.amount = value.integer(at.amount);
  row.account_code = value.text(at.account_code);
  row.account_name = value.text(at.account_name);
  row.designation_code = value.text(at.designation_code);
  row.designation_name = value.text(at.designation_name);
  row.payee = value.text(at.payee);
  row.purpose = value.text(at.purpose);
  row.beneficiary = value.optional_integer(at.beneficiary);
  row.beneficiary_name = value.text(at.beneficiary_name);
  row.beneficiary_category = value.text(at.beneficiary_category);
  row.approval_ref = value.text(at.approval_ref);
  row.voucher = value.text(at.voucher);
  row.external_ref = value.text(at.external_ref);
  row.memo = value.text(at.memo);
  row.repeat_reason = value.text(at.repeat_reason);
  row.operator_name = value.text(at.operator_name);
  row.recorded_at = value.text(at.recorded_at);
  if (auto mark = read_void(q, at.void_of)) {
    row.voided_by = mark->id;
    row.void_reason = mark->reason;
  }
  return row;
}

std::optional<VoidMark> read_void(SQLite::Statement& q, VoidColumnsAt& at) {
  at.values.attach(q);
  const RowValues& value = at.values;
  if (value.is_null(at.id)) return std::nullopt;
  return VoidMark{value.integer(at.id), value.text(at.date), value.text(at.reason)};
}

}  // namespace cfund::storage::detail
