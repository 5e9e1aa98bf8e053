#include "books/rules.hpp"

#include <map>

#include "books/fund.hpp"
#include "error.hpp"
#include "model/categories.hpp"
#include "storage/queries.hpp"

namespace cfund::books {

namespace {

// Refuses the entry when a target it takes money from has less than that available
// on some day from the entry's date on; `lowest` gives what is available.
template <typename Lowest>
void refuse_overdraft(storage::FundFile& file, const EntryDraft& draft, Lowest lowest) {
  // Net effect of the entry on each target, in the target's own sign.
  std::map<std::pair<storage::Side, std::int64_t>, Fen> outflow;
  for (const auto& posting : draft.postings) {
    if (posting.side == PostingDraft::Side::account) {
      outflow[{storage::Side::account, posting.target_id}] -= posting.amount;
    } else {
      outflow[{storage::Side::designation, posting.target_id}] += posting.amount;
    }
  }
  // Restricted money first: that refusal tells the worker more than the account's.
  for (const auto side : {storage::Side::designation, storage::Side::account}) {
    for (const auto& [target, amount] : outflow) {
      if (target.first != side || amount <= 0) continue;
      const Fen available = lowest(side, target.second);
      if (available >= amount) continue;
      const std::string shown = util::format_amount(std::max<Fen>(available, 0));
      if (side == storage::Side::account) {
        std::string name;
        for (const auto& account : storage::accounts(file)) {
          if (account.id == target.second) name = account.name;
        }
        throw Refused(bilingual("余额不足：资金账户“{0}”自 {1} 起可用 {2}，本次需要 {3}",
                                "insufficient funds: account '{0}' has {2} available from {1} on, this needs {3}", name,
                                draft.date.iso(), shown, util::format_amount(amount)));
      }
      model::Designation charged;
      for (const auto& designation : storage::designations(file)) {
        if (designation.id == target.second) charged = designation;
      }
      const Message why =
          bilingual("余额不足：资金用途“{0}”自 {1} 起可用 {2}，本次需要 {3}",
                    "insufficient funds: designation '{0}' has {2} available from {1} on, this needs {3}", charged.name,
                    draft.date.iso(), shown, util::format_amount(amount));
      if (!charged.restricted) throw Refused(why);
      throw Refused({why.zh + "（专款专用，不能透支）", why.en + " (restricted money cannot be overdrawn)"});
    }
  }
}

}  // namespace

void require_no_overdraft(storage::FundFile& file, const EntryDraft& draft) {
  const std::string date = draft.date.iso();
  refuse_overdraft(file, draft, [&](storage::Side side, std::int64_t id) {
    return storage::lowest_balance_from(file, side, id, date);
  });
}

void require_no_overdraft(storage::FundFile& file, JournalAppender& journal, const EntryDraft& draft) {
  refuse_overdraft(file, draft, [&](storage::Side side, std::int64_t id) {
    return journal.lowest_balance_from(side, id, draft.date);
  });
}

void require_approval(storage::FundFile& file, const std::string& category, Fen amount,
                      const std::string& approval_ref) {
  require_approval(load_settings(file), category, amount, approval_ref);
}

void require_approval(const model::FundSettings& settings, const std::string& category, Fen amount,
                      const std::string& approval_ref) {
  if (!approval_ref.empty() || !needs_approval(settings, category, amount)) return;
  const model::PaymentCategory* sort = model::find_payment_category(category);
  const Fen threshold = settings.approval_threshold_for(category);
  throw Refused(bilingual("金额 {0} 超过本基金{2}的审批限额 {1}：请用 --approval 写明议事会决议编号",
                          "amount {0} is above the fund's approval threshold {1} for {3}: give the council decision "
                          "number with --approval",
                          util::format_amount(amount), util::format_amount(threshold), sort->name.zh, sort->name.en));
}

bool needs_approval(const model::FundSettings& settings, const std::string& category, Fen amount) {
  const model::PaymentCategory* sort = model::find_payment_category(category);
  return sort != nullptr && sort->approval && amount > settings.approval_threshold_for(category);
}

}  // namespace cfund::books
