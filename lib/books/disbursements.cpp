#include "books/disbursements.hpp"

#include <algorithm>

#include "books/fund.hpp"
#include "books/projects.hpp"
#include "books/rules.hpp"
#include "error.hpp"
#include "model/categories.hpp"
#include "storage/queries.hpp"
#include "util/text.hpp"

namespace cfund::books {

namespace {

// What a payment needs before anything is looked up.
void check_disbursement_input(const DisbursementInput& input) {
  if (input.amount <= 0) {
    throw InputError(bilingual("--amount：支出金额必须大于零", "--amount: the payment must be above zero"));
  }
  const model::PaymentCategory* category = model::find_payment_category(input.category);
  if (category == nullptr) {
    const Message choices = model::payment_category_choices();
    throw InputError(bilingual("--category：“{0}”无效，应为 {1}", "--category: '{0}' is not valid: expected {2}",
                               input.category, choices.zh, choices.en));
  }
  if (util::trim(input.purpose).empty()) {
    throw InputError(bilingual("--purpose：请写明用途", "--purpose: say what the money is for"));
  }
  const bool relief = category->needs_beneficiary;
  if (relief && !input.beneficiary) {
    throw InputError(
        bilingual("--beneficiary：救助支出须指明受助对象编号（cfund beneficiary list）",
                  "--beneficiary: a relief payment names the beneficiary's number (cfund beneficiary list)"));
  }
  if (!relief && input.beneficiary) {
    throw InputError(bilingual("--beneficiary：只有救助（relief）支出才指明受助对象",
                               "--beneficiary: only relief payments name a beneficiary"));
  }
  if (!relief && util::trim(input.payee).empty()) {
    throw InputError(bilingual("--payee：请写收款方", "--payee: name who is paid"));
  }
}

bool is_relief(const DisbursementInput& input) {
  return model::find_payment_category(input.category)->needs_beneficiary;
}

}  // namespace

std::int64_t record_disbursement(storage::FundFile& file, const Recorder& recorder, const DisbursementInput& input) {
  check_disbursement_input(input);
  storage::FundFile::WriteTransaction tx(file);
  JournalAppender journal(file, recorder);
  const std::int64_t id = DisbursementWriter(file, journal).record(input);
  journal.finish();
  tx.commit();
  return id;
}

DisbursementWriter::DisbursementWriter(storage::FundFile& file, JournalAppender& journal)
    : file_(file), journal_(journal), settings_(load_settings(file)) {}

const model::Account& DisbursementWriter::account(const std::string& code_or_name) {
  auto found = accounts_.find(code_or_name);
  if (found == accounts_.end()) found = accounts_.emplace(code_or_name, find_account(file_, code_or_name)).first;
  return found->second;
}

const model::Designation& DisbursementWriter::designation(const std::string& code_or_name) {
  auto found = designations_.find(code_or_name);
  if (found == designations_.end()) {
    found = designations_.emplace(code_or_name, find_designation(file_, code_or_name)).first;
  }
  return found->second;
}

ProjectSpending& DisbursementWriter::project(const model::Designation& designation) {
  auto found = projects_.find(designation.id);
  if (found == projects_.end()) found = projects_.emplace(designation.id, project_spending(file_, designation)).first;
  return found->second;
}

const model::Beneficiary& DisbursementWriter::beneficiary(std::int64_t number) {
  auto found = beneficiaries_.find(number);
  if (found == beneficiaries_.end()) {
    auto beneficiary = storage::beneficiary_by_number(file_, number);
    if (!beneficiary) {
      throw InputError(bilingual("--beneficiary：没有编号为 B{0:04d} 的受助对象",
                                 "--beneficiary: there is no beneficiary B{0:04d}", number));
    }
    found = beneficiaries_.emplace(number, std::move(*beneficiary)).first;
  }
  return found->second;
}

// A second relief to the same beneficiary inside the window needs a reason. The
// beneficiary's relief dates are read once; the refusal names the earliest payment
// in the window as the books hold it.
void DisbursementWriter::require_no_repeated_relief(const DisbursementInput& input,
                                                    const model::Beneficiary& beneficiary) {
  const int window = settings_.relief_window_for(beneficiary.category);
  if (window == 0 || !input.repeat_reason.empty()) return;
  const std::string from = input.date.plus_days(-(window - 1)).iso();
  const std::string to = input.date.plus_days(window - 1).iso();
  auto dates = relief_dates_.find(*input.beneficiary);
  if (dates == relief_dates_.end()) {
    std::vector<std::string> all;
    for (auto& [entry, date] : storage::relief_payments(file_, *input.beneficiary, "0000-01-01", "9999-12-31")) {
      all.push_back(std::move(date));
    }
    std::sort(all.begin(), all.end());
    dates = relief_dates_.emplace(*input.beneficiary, std::move(all)).first;
  }
  const auto first = std::lower_bound(dates->second.begin(), dates->second.end(), from);
  if (first == dates->second.end() || *first > to) return;
  const auto earlier = storage::relief_payments(file_, *input.beneficiary, from, to);
  if (earlier.empty()) return;
  throw Refused(
      bilingual("受助对象 B{0:04d} 已于 {1} 获得救助（第 {2} 号分录），{3} 天内再次救助须用 --allow-repeat 写明理由",
                "beneficiary B{0:04d} already received relief on {1} (entry {2}); another relief within {3} days needs "
                "--allow-repeat with a reason",
                *input.beneficiary, earlier.front().second, earlier.front().first, window));
}

std::int64_t DisbursementWriter::record(const DisbursementInput& input) {
  check_disbursement_input(input);
  const bool relief = is_relief(input);
  const model::Account& from = account(input.account);
  const model::Designation& charged = designation(input.designation);
  ProjectSpending& spending = project(charged);
  require_project_spending_allowed(spending, input.amount, input.date);
  std::string payee = util::trim(input.payee);
  if (relief) require_no_repeated_relief(input, beneficiary(*input.beneficiary));
  require_approval(settings_, input.category, input.amount, util::trim(input.approval_ref));

  EntryDraft draft;
  draft.kind = model::entry_kind::disbursement;
  draft.date = input.date;
  draft.memo = input.memo;
  draft.approval_ref = util::trim(input.approval_ref);
  draft.postings = {{PostingDraft::Side::designation, charged.id, input.amount},
                    {PostingDraft::Side::account, from.id, -input.amount}};
  draft.detail.set("category", input.category)
      .set("amount", input.amount)
      .set("account_id", from.id)
      .set("designation_id", charged.id)
      .set_text("payee", payee)
      .set("purpose", util::trim(input.purpose))
      .set("beneficiary", input.beneficiary ? storage::Value{*input.beneficiary} : storage::Value{})
      .set_text("voucher", util::trim(input.voucher))
      .set_text("external_ref", input.external_ref)
      .set_text("repeat_reason", util::trim(input.repeat_reason));
  if (input.source) {
    draft.detail.set("source_line", std::int64_t{input.source->line})
        .set_text("content_key", input.source->content_key);
  }
  require_no_overdraft(file_, journal_, draft);
  const std::int64_t id = journal_.append(draft);
  spending.spent += input.amount;
  if (auto dates = relief_dates_.find(relief ? *input.beneficiary : 0); relief && dates != relief_dates_.end()) {
    const std::string day = input.date.iso();
    dates->second.insert(std::upper_bound(dates->second.begin(), dates->second.end(), day), day);
  }
  return id;
}

std::vector<model::DisbursementRow> list_disbursements(storage::FundFile& file, const util::Period& period) {
  return storage::disbursement_rows(file, period.first.iso(), period.last.iso());
}

void for_each_disbursement(storage::FundFile& file, const util::Period& period,
                           const std::function<void(model::DisbursementRow&)>& visit) {
  storage::for_each_disbursement_row(file, period.first.iso(), period.last.iso(), visit);
}

model::DisbursementRow find_disbursement(storage::FundFile& file, std::int64_t entry_id) {
  auto row = storage::disbursement_row(file, entry_id);
  if (!row) {
    throw InputError(bilingual("没有编号为 {0} 的支出（用 cfund disburse list 查看编号）",
                               "there is no payment with entry number {0} (see cfund disburse list)", entry_id));
  }
  return *row;
}

}  // namespace cfund::books
