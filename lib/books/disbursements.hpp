#pragma once
// Disbursements (支出/拨付): money paid out of an account and charged to one
// designation, with a category. Relief (救助) names a beneficiary.

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "books/journal.hpp"
#include "books/projects.hpp"
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

// Records payments one after another inside the caller's write transaction, every
// rule checked for each as record_disbursement checks it (record_disbursement is one
// DisbursementWriter with one payment), with what the rules read kept in memory: the
// fund's settings, accounts, designations, beneficiaries and projects read once, the
// balances from the journal (JournalAppender::lowest_balance_from), each project's
// spending and each beneficiary's relief dates read once and added to as payments are
// recorded. A refused payment changes none of it.
class DisbursementWriter {
 public:
  DisbursementWriter(storage::FundFile& file, JournalAppender& journal);
  std::int64_t record(const DisbursementInput& input);

 private:
  const model::Account& account(const std::string& code_or_name);
  const model::Designation& designation(const std::string& code_or_name);
  ProjectSpending& project(const model::Designation& designation);
  const model::Beneficiary& beneficiary(std::int64_t number);
  void require_no_repeated_relief(const DisbursementInput& input, const model::Beneficiary& beneficiary);

  storage::FundFile& file_;
  JournalAppender& journal_;
  model::FundSettings settings_;
  std::map<std::string, model::Account> accounts_;
  std::map<std::string, model::Designation> designations_;
  std::map<std::int64_t, ProjectSpending> projects_;               // by designation id
  std::map<std::int64_t, model::Beneficiary> beneficiaries_;       // by number
  std::map<std::int64_t, std::vector<std::string>> relief_dates_;  // unvoided relief by beneficiary, sorted
};

std::vector<model::DisbursementRow> list_disbursements(storage::FundFile& file, const util::Period& period);
// The same payments given to `visit` one at a time, none held.
void for_each_disbursement(storage::FundFile& file, const util::Period& period,
                           const std::function<void(model::DisbursementRow&)>& visit);
model::DisbursementRow find_disbursement(storage::FundFile& file, std::int64_t entry_id);

}  // namespace cfund::books
