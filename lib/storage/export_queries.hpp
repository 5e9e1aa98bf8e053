#pragma once
// What an export of the journal (cfund export) reads: every entry dated in a range,
// with its postings and the detail of its kind, streamed in date and entry order so
// that a journal of a million entries is read in small memory; and the balances of
// every account and designation at a date (the opening and closing of the export).

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/types.hpp"
#include "storage/queries.hpp"

namespace cfund::storage {

class FundFile;

// One entry as an export needs it. The detail fields are filled for the kinds that
// have them and left empty otherwise. Private data (beneficiaries' names, ID numbers)
// is not read at all: an export never needs it.
struct ExportEntryRow {
  std::int64_t id = 0;
  std::string kind;
  std::string date;
  std::string memo;
  std::string approval_ref;
  std::string reason;
  std::optional<std::int64_t> voids_entry;
  std::optional<std::int64_t> voided_by;
  std::string voided_kind;  // the kind of the entry a void reverses
  std::vector<PostingRow> postings;

  // donation
  std::string receipt_no;
  std::string donor_name;  // as recorded: the caller must hide it when anonymous
  bool anonymous = false;
  std::string form;      // money, goods
  util::Fen amount = 0;  // donation or disbursement amount (goods: estimated value)
  std::string item;
  std::string quantity;
  std::string unit;
  std::string host_receipt;
  // donation and disbursement
  std::string external_ref;
  std::optional<std::int64_t> designation_id;  // donation, disbursement, project events
  // disbursement
  std::string category;
  std::string payee;
  std::string purpose;
  std::optional<std::int64_t> beneficiary;  // number; also the number a registration gives
  std::string voucher;
  // beneficiary registration: only the (public) category
  std::string beneficiary_category;
  // host receipt
  std::optional<std::int64_t> receipt_for;  // the donation's entry id
  std::string receipt_number;
  // project, project_stage, project_budget
  std::string project_code;
  std::string project_name;
  std::string project_category;
  std::string from_stage;
  std::string to_stage;
  util::Fen budget = 0;
  util::Fen previous_budget = 0;
  // period_close
  std::string closed_through;
  // publication
  std::string publication_period;
  std::string publication_code;
  // import (a statement import: the entries it added)
  std::string import_target;  // donations, disbursements
  std::string import_file;
  std::string import_profile;
  std::int64_t import_first = 0;
  std::int64_t import_last = 0;
  std::int64_t import_rows = 0;
};

// Calls back for each entry dated within [from, to] (ISO dates, inclusive), in date
// and entry order.
void for_each_export_entry(FundFile& file, const std::string& from, const std::string& to,
                           const std::function<void(const ExportEntryRow&)>& visit);

// Balances (accounts debit positive, designations credit positive) of the postings
// dated on or before `date_iso`, by id; targets without postings are left out.
struct BalancesAt {
  std::map<std::int64_t, util::Fen> accounts;
  std::map<std::int64_t, util::Fen> designations;
};
BalancesAt balances_at(FundFile& file, const std::string& date_iso);

// The first and last entry dates within [from, to], if any entry is dated there.
std::optional<std::pair<std::string, std::string>> entry_date_range(FundFile& file, const std::string& from,
                                                                    const std::string& to);

}  // namespace cfund::storage
