#include "books/wishes.hpp"

#include <algorithm>
#include <map>

#include "error.hpp"
#include "storage/community_queries.hpp"
#include "storage/queries.hpp"
#include "util/text.hpp"

namespace cfund::books {

namespace {

namespace status = model::wish_status;

// The state machine: from each status, the steps allowed.
const std::map<std::string, std::vector<std::string>>& wish_steps_allowed() {
  static const std::map<std::string, std::vector<std::string>> steps = {
      {status::open, {status::claimed, status::cancelled}},
      {status::claimed, {status::fulfilled, status::cancelled}},
      {status::fulfilled, {}},
      {status::cancelled, {}},
  };
  return steps;
}

// What the steps made of a wish (steps in entry order).
void apply_step(model::Wish& wish, const model::WishStep& step) {
  wish.status = step.to_status;
  if (step.to_status == status::claimed) {
    wish.claimed_on = step.date;
    wish.donor_name = step.donor_name;
    wish.anonymous = step.anonymous;
  } else if (step.to_status == status::fulfilled) {
    wish.fulfilled_on = step.date;
    wish.fulfilled_by = step.fulfilled_by;
    wish.fulfilled_kind = step.fulfilled_kind;
  } else if (step.to_status == status::cancelled) {
    wish.cancelled_on = step.date;
    wish.reason = step.reason;
  }
}

// The wish as it stands now, with the date of its last step (or posting).
struct Current {
  model::Wish wish;
  std::string last_date;
};

Current current_wish(storage::FundFile& file, std::int64_t number) {
  for (auto& wish : wishes_as_of(file, "9999-12-31")) {
    if (wish.posting.number != number) continue;
    std::string last = wish.posting.date;
    for (const std::string& date : {wish.claimed_on, wish.fulfilled_on, wish.cancelled_on}) last = std::max(last, date);
    return {std::move(wish), last};
  }
  throw InputError(bilingual("没有编号为 W{0:04d} 的微心愿（见 cfund wish list）",
                             "there is no micro-wish W{0:04d} (see cfund wish list)", number));
}

// Refuses a step the wish's status does not allow, or dated before its last step.
void require_step(const Current& current, const std::string& to_status, const util::Date& date) {
  const auto& wish = current.wish;
  if (!wish_step_allowed(wish.status, to_status)) {
    const Message from = wish_status_name(wish.status);
    const Message to = wish_status_name(to_status);
    if (to_status == status::fulfilled && wish.status == status::open) {
      throw Refused(bilingual("微心愿 W{0:04d} 还没有人认领：先用 cfund wish claim 记下认领人，再记实现",
                              "micro-wish W{0:04d} has not been claimed: record who claims it (cfund wish claim) "
                              "before it is fulfilled",
                              wish.posting.number));
    }
    throw Refused(bilingual("微心愿 W{0:04d} 当前状态为“{1}”，不能改为“{2}”",
                            "micro-wish W{0:04d} is {3} and cannot become {4}", wish.posting.number, from.zh, to.zh,
                            from.en, to.en));
  }
  if (date.iso() < current.last_date) {
    throw InputError(bilingual("--date：{0} 早于微心愿 W{1:04d} 上一步的日期 {2}",
                               "--date: {0} is before the last step of micro-wish W{1:04d} ({2})", date.iso(),
                               wish.posting.number, current.last_date));
  }
}

EntryDraft step_draft(const Current& current, const std::string& to_status, const util::Date& date) {
  EntryDraft draft;
  draft.kind = model::entry_kind::wish_step;
  draft.date = date;
  draft.detail.set("wish", current.wish.posting.number)
      .set("from_status", current.wish.status)
      .set("to_status", to_status);
  return draft;
}

// The entry that fulfilled a wish: a donation, goods given out or a payment, not voided.
void require_fulfilling_entry(storage::FundFile& file, std::int64_t entry, const util::Date& date) {
  namespace k = model::entry_kind;
  const auto found = storage::entry_summary(file, entry);
  if (!found) throw InputError(bilingual("--entry：没有第 {0} 号分录", "--entry: there is no entry {0}", entry));
  if (found->kind != k::donation && found->kind != k::goods_given && found->kind != k::disbursement) {
    const std::string zh = model::entry_kind_name(found->kind, Lang::zh);
    const std::string en = model::entry_kind_name(found->kind, Lang::en);
    throw InputError(bilingual("--entry：第 {0} 号分录是{1}；微心愿由捐赠、物资发放或支出实现",
                               "--entry: entry {0} is a {2}; a wish is fulfilled by a donation, goods given out or a "
                               "payment",
                               entry, zh, en));
  }
  if (found->voided_by) {
    throw Refused(bilingual("第 {0} 号分录已于第 {1} 号分录红冲，不能用来实现微心愿",
                            "entry {0} was voided by entry {1} and cannot fulfil a wish", entry, *found->voided_by));
  }
  if (date.iso() < found->date) {
    throw InputError(bilingual("--date：{0} 早于第 {1} 号分录的日期 {2}",
                               "--date: {0} is before the date of entry {1} ({2})", date.iso(), entry, found->date));
  }
}

}  // namespace

bool wish_step_allowed(const std::string& from_status, const std::string& to_status) {
  const auto& steps = wish_steps_allowed();
  auto found = steps.find(from_status);
  return found != steps.end() &&
         std::find(found->second.begin(), found->second.end(), to_status) != found->second.end();
}

Message wish_status_name(const std::string& name) {
  if (name == status::open) return {"待认领", "open"};
  if (name == status::claimed) return {"已认领", "claimed"};
  if (name == status::fulfilled) return {"已实现", "fulfilled"};
  if (name == status::cancelled) return {"已取消", "cancelled"};
  return {name, name};
}

std::int64_t post_wish(storage::FundFile& file, const Recorder& recorder, const WishInput& input) {
  const std::string title = util::trim(input.title);
  const std::string category = util::trim(input.category);
  if (title.empty()) {
    throw InputError(bilingual("--title：请写心愿内容，如 一个新书包", "--title: say what is wished for"));
  }
  if (category.empty()) {
    throw InputError(bilingual("--category：请写心愿类别，如 学习用品、助老助残、居家维修",
                               "--category: give the kind of wish, e.g. 学习用品, 助老助残, 居家维修"));
  }
  if (input.estimate < 0) {
    throw InputError(bilingual("--estimate：估价不能为负数", "--estimate: the estimate cannot be negative"));
  }
  if (input.beneficiary && !util::trim(input.recipient).empty()) {
    throw InputError(bilingual("--beneficiary 与 --for 只能写一个", "give --beneficiary or --for, not both"));
  }
  storage::FundFile::WriteTransaction tx(file);
  if (input.beneficiary && !storage::beneficiary_by_number(file, *input.beneficiary)) {
    throw InputError(bilingual("--beneficiary：没有编号为 B{0:04d} 的受助对象",
                               "--beneficiary: there is no beneficiary B{0:04d}", *input.beneficiary));
  }
  const std::int64_t number = storage::next_wish_number(file);
  EntryDraft draft;
  draft.kind = model::entry_kind::wish;
  draft.date = input.date;
  draft.memo = input.memo;
  draft.detail.set("number", number)
      .set("title", title)
      .set("category", category)
      .set("estimate", input.estimate)
      .set("beneficiary", input.beneficiary ? storage::Value{*input.beneficiary} : storage::Value{})
      .set_text("recipient", util::trim(input.recipient))
      .set_text("posted_by", util::trim(input.posted_by));
  append_entry(file, recorder, draft);
  tx.commit();
  return number;
}

std::int64_t claim_wish(storage::FundFile& file, const Recorder& recorder, const ClaimInput& input) {
  const std::string donor = util::trim(input.donor);
  if (donor.empty()) {
    throw InputError(bilingual("--donor：请写认领的捐赠人（姓名或单位名称）",
                               "--donor: name the donor who claims the wish (a person or an organisation)"));
  }
  if (input.donor_kind != "individual" && input.donor_kind != "organisation") {
    throw InputError(bilingual("--donor-type：应为 individual 或 organisation",
                               "--donor-type: expected individual or organisation"));
  }
  storage::FundFile::WriteTransaction tx(file);
  const Current current = current_wish(file, input.wish);
  require_step(current, status::claimed, input.date);
  EntryDraft draft = step_draft(current, status::claimed, input.date);
  draft.memo = input.memo;
  draft.detail.set("donor_id", storage::donor_id(file, donor, input.donor_kind))
      .set("donor_name", donor)
      .set("anonymous", std::int64_t{input.anonymous ? 1 : 0});
  const std::int64_t id = append_entry(file, recorder, draft);
  tx.commit();
  return id;
}

std::int64_t fulfil_wish(storage::FundFile& file, const Recorder& recorder, std::int64_t wish, std::int64_t entry,
                         const util::Date& date, const std::string& memo) {
  storage::FundFile::WriteTransaction tx(file);
  const Current current = current_wish(file, wish);
  require_step(current, status::fulfilled, date);
  require_fulfilling_entry(file, entry, date);
  EntryDraft draft = step_draft(current, status::fulfilled, date);
  draft.memo = memo;
  draft.detail.set("fulfilled_by", entry);
  const std::int64_t id = append_entry(file, recorder, draft);
  tx.commit();
  return id;
}

std::int64_t cancel_wish(storage::FundFile& file, const Recorder& recorder, std::int64_t wish,
                         const std::string& reason, const util::Date& date) {
  if (util::trim(reason).empty()) {
    throw InputError(bilingual("--reason：取消微心愿须写明理由", "--reason: cancelling a wish needs a reason"));
  }
  storage::FundFile::WriteTransaction tx(file);
  const Current current = current_wish(file, wish);
  require_step(current, status::cancelled, date);
  EntryDraft draft = step_draft(current, status::cancelled, date);
  draft.reason = util::trim(reason);
  const std::int64_t id = append_entry(file, recorder, draft);
  tx.commit();
  return id;
}

std::vector<model::Wish> wishes_as_of(storage::FundFile& file, const std::string& date_iso, std::int64_t cutoff) {
  std::vector<model::Wish> wishes;
  std::map<std::int64_t, std::size_t> by_number;
  for (auto& posting : storage::wish_postings(file, cutoff)) {
    if (posting.date > date_iso) continue;
    by_number[posting.number] = wishes.size();
    model::Wish wish;
    wish.posting = std::move(posting);
    wishes.push_back(std::move(wish));
  }
  for (const auto& step : storage::wish_steps(file, cutoff)) {
    auto found = by_number.find(step.wish);
    if (step.date <= date_iso && found != by_number.end()) apply_step(wishes[found->second], step);
  }
  return wishes;
}

std::vector<model::Wish> list_wishes(storage::FundFile& file, const std::string& wanted) {
  auto wishes = wishes_as_of(file, "9999-12-31");
  if (wanted.empty()) return wishes;
  if (!wish_steps_allowed().count(wanted)) {
    throw InputError(bilingual("--status：应为 open、claimed、fulfilled 或 cancelled",
                               "--status: expected open, claimed, fulfilled or cancelled"));
  }
  wishes.erase(std::remove_if(wishes.begin(), wishes.end(),
                              [&wanted](const model::Wish& wish) { return wish.status != wanted; }),
               wishes.end());
  return wishes;
}

}  // namespace cfund::books
