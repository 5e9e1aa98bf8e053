#pragma once
// Donation and payment rows, read one way wherever storage needs them: the books'
// lists (any void counts) and the notice (only voids within its cut-off count).
// Internal to lib/storage.

#include <optional>
#include <string>

#include "model/types.hpp"
#include "storage/columns.hpp"
#include "storage/queries.hpp"

namespace SQLite {
class Statement;
}

namespace cfund::storage::detail {

// Which columns a select reads: all of them, or only what a notice shows. For the
// notice the account, external reference, memo, host receipt, operator and time
// are not read (NULL in the select, empty in the row): a month of a large fund
// lists tens of thousands of rows. A text list (`listed`) reads the account and the
// memo besides, and still no external reference, host receipt, operator or time.
enum class RowColumns { all, notice, listed };

// "SELECT … FROM … <void_join>": the detail row is aliased d, its entry e and its
// void v; the caller appends WHERE and ORDER BY. Every column is named (no two alike).
std::string donation_select(const std::string& void_join, RowColumns columns = RowColumns::all);
std::string disbursement_select(const std::string& void_join, RowColumns columns = RowColumns::all);
// The void join of the books' lists: whatever void the entry has.
inline const char* const kAnyVoid = "LEFT JOIN entries v ON v.voids_entry = e.id ";

// Where a select's columns stand, found by name once for each statement (not once a
// row: a month of a large fund lists tens of thousands).
struct VoidColumnsAt {
  explicit VoidColumnsAt(const SQLite::Statement& q);
  int id, date, reason;
  RowValues values;  // the statement's columns, once a row is read
};

struct DonationColumnsAt {
  explicit DonationColumnsAt(const SQLite::Statement& q);
  int entry_id, date, receipt_year, receipt_seq, donor_name, anonymous, form, amount, item, quantity, unit,
      account_code, account_name, designation_code, designation_name, external_ref, memo, host_receipt, operator_name,
      recorded_at;
  VoidColumnsAt void_of;
  RowValues values;
};

struct DisbursementColumnsAt {
  explicit DisbursementColumnsAt(const SQLite::Statement& q);
  int entry_id, date, category, amount, account_code, account_name, designation_code, designation_name, payee, purpose,
      beneficiary, beneficiary_name, beneficiary_category, approval_ref, voucher, external_ref, memo, repeat_reason,
      operator_name, recorded_at;
  VoidColumnsAt void_of;
  RowValues values;
};

// Read a row of the selects above; voided_by and void_reason come from v.
model::DonationRow read_donation(SQLite::Statement& q, DonationColumnsAt& at);
model::DisbursementRow read_disbursement(SQLite::Statement& q, DisbursementColumnsAt& at);
// The void of the current row, if any: the columns void_id, void_date and void_reason.
std::optional<VoidMark> read_void(SQLite::Statement& q, VoidColumnsAt& at);

}  // namespace cfund::storage::detail
