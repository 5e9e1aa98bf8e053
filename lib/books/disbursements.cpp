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

// A second relief to the same beneficiary inside the window needs a reason.
void require_no_repeated_relief(storage::FundFile& file, const DisbursementInput& input,
                                const model::Beneficiary& beneficiary) {
  const int window = load_settings(file).relief_window_for(beneficiary.category);
  if (window == 0 || !input.repeat_reason.empty()) return;
  const auto earlier = storage::relief_payments(file, *input.beneficiary, input.date.plus_days(-(window - 1)).iso(),
                                                input.date.plus_days(window - 1).iso());
  if (earlier.empty()) return;
  throw Refused(
      bilingual("受助对象 B{0:04d} 已于 {1} 获得救助（第 {2} 号分录），{3} 天内再次救助须用 --allow-repeat 写明理由",
                "beneficiary B{0:04d} already received relief on {1} (entry {2}); another relief within {3} days needs "
                "--allow-repeat with a reason",
                *input.beneficiary, earlier.front().second, earlier.front().first, window));
}

}  // namespace

std::int64_t record_disbursement(storage::FundFile& file, const Recorder& recorder, const DisbursementInput& input) {
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

  storage::FundFile::WriteTransaction tx(file);
  const model::Account account = find_account(file, input.account);
  const model::Designation designation = find_designation(file, input.designation);
  require_project_spending_allowed(file, designation, input.amount, input.date);
  std::string payee = util::trim(input.payee);
  if (relief) {
    auto beneficiary = storage::beneficiary_by_number(file, *input.beneficiary);
    if (!beneficiary) {
      throw InputError(bilingual("--beneficiary：没有编号为 B{0:04d} 的受助对象",
                                 "--beneficiary: there is no beneficiary B{0:04d}", *input.beneficiary));
    }
    require_no_repeated_relief(file, input, *beneficiary);
  }
  require_approval(file, input.category, input.amount, util::trim(input.approval_ref));

  EntryDraft draft;
  draft.kind = model::entry_kind::disbursement;
  draft.date = input.date;
  draft.memo = input.memo;
  draft.approval_ref = util::trim(input.approval_ref);
  draft.postings = {{PostingDraft::Side::designation, designation.id, input.amount},
                    {PostingDraft::Side::account, account.id, -input.amount}};
  draft.detail.set("category", input.category)
      .set("amount", input.amount)
      .set("account_id", account.id)
      .set("designation_id", designation.id)
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
  require_no_overdraft(file, draft);
  const std::int64_t id = append_entry(file, recorder, draft);
  tx.commit();
  return id;
}

std::vector<model::DisbursementRow> list_disbursements(storage::FundFile& file, const util::Period& period) {
  return storage::disbursement_rows(file, period.first.iso(), period.last.iso());
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
