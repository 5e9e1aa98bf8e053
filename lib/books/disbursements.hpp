#pragma once
// Disbursements (支出/拨付): money paid out of an account and charged to one
// designation, with a category. Relief (救助) names a beneficiary.

#include <optional>
#include <string>
#include <vector>

#include "books/journal.hpp"
#include "model/types.hpp"
#include "storage/fund_file.hpp"
#include "util/date.hpp"
#include "util/message.hpp"

namespace cfund::books {

struct DisbursementInput {
  util::Date date;
  Fen amount = 0;
  std::string account;      // code or name
  std::string designation;  // code or name; empty for the general fund
  std::string category;     // a payment category (model/categories.hpp): relief, project, management, ...
  std::string payee;
  std::string purpose;
  std::optional<std::int64_t> beneficiary;  // number; required for relief
  std::string approval_ref;
  std::string voucher;
  std::string external_ref;
  std::string memo;
  std::string repeat_reason;                  // allows a second relief inside the fund's window
  std::optional<model::ImportSource> source;  // set by an import
};

// One transaction: checks every rule, records, returns the entry id.
std::int64_t record_disbursement(storage::FundFile& file, const Recorder& recorder, const DisbursementInput& input);

std::vector<model::DisbursementRow> list_disbursements(storage::FundFile& file, const util::Period& period);
model::DisbursementRow find_disbursement(storage::FundFile& file, std::int64_t entry_id);

}  // namespace cfund::books
