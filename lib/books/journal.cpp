#include "books/journal.hpp"

#include "books/fund.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <memory>
#include <stdexcept>

#include "error.hpp"
#include "storage/audit_queries.hpp"
#include "storage/fund_file.hpp"
#include "util/sha256.hpp"
#include "util/text.hpp"

namespace cfund::books {

namespace {

// The last day of the latest closed period, if any: no entry may be dated on or
// before it (SPEC §4); corrections go into the open period.
std::optional<util::Date> closed_through(storage::FundFile& file) {
  const auto closed = storage::latest_closed_month(file);
  if (!closed) return std::nullopt;
  const auto month = util::parse_period(*closed);
  if (!month) return std::nullopt;
  return month->last;
}

// The longest text any field of an entry may hold, in characters.
constexpr std::size_t kMaxTextCharacters = 2000;

// Every text an entry records is read back into notices, lists and receipts: it must
// be UTF-8 (a GBK name pasted from elsewhere would turn into mojibake and a hash over
// replacement characters), hold no control characters but tab and line breaks (a
// terminal escape sequence is not a name) and stay a reasonable length.
void require_clean_text(const storage::Row& row) {
  for (const auto& [column, value] : row.columns) {
    const auto* text = std::get_if<std::string>(&value);
    if (text == nullptr) continue;
    const util::TextFacts facts = util::inspect_text(*text);
    if (!facts.valid_utf8) {
      throw InputError(bilingual(
          "字段 {0} 的文字不是有效的 UTF-8 编码（GBK 等其他编码的文字请先转换为 UTF-8）",
          "field {0}: the text is not valid UTF-8 (convert text in GBK or other encodings to UTF-8 first)", column));
    }
    if (facts.characters > kMaxTextCharacters) {
      throw InputError(bilingual("字段 {0} 太长：{1} 个字符，最多 {2} 个",
                                 "field {0} is too long: {1} characters, at most {2}", column, facts.characters,
                                 kMaxTextCharacters));
    }
    if (facts.first_forbidden >= 0) {
      throw InputError(bilingual("字段 {0} 含有控制字符或方向、零宽字符（U+{1:04X}）：请删去后重新输入",
                                 "field {0} contains a control, direction or zero-width character (U+{1:04X}): remove "
                                 "it and try again",
                                 column, facts.first_forbidden));
    }
  }
}

[[noreturn]] void throw_total_overflow() {
  throw Refused(
      bilingual("这笔分录会使账户或资金用途的合计超出 cfund 能准确记录的范围（约 ¥92,233,720,368,547,758.07）："
                "未记录，账目不变",
                "this entry would take the total of an account or designation beyond what cfund can hold "
                "exactly (about ¥92,233,720,368,547,758.07): nothing was recorded, the books are unchanged"));
}

const std::string kChainHeadKey = "chain_head";
const std::string kChainLengthKey = "chain_length";

}  // namespace

ChainHead recorded_chain_head(storage::FundFile& file) {
  ChainHead head;
  if (auto hash = file.setting(kChainHeadKey)) head.hash = *hash;
  if (auto length = file.setting(kChainLengthKey)) head.length = std::stoll(*length);
  return head;
}

std::int64_t append_entry(storage::FundFile& file, const Recorder& recorder, const EntryDraft& draft) {
  JournalAppender appender(file, recorder);
  const std::int64_t id = appender.append(draft);
  appender.finish();
  return id;
}

JournalAppender::JournalAppender(storage::FundFile& file, const Recorder& recorder)
    : file_(file),
      recorder_(recorder),
      head_(recorded_chain_head(file).hash),
      next_id_(storage::last_entry_id(file) + 1),
      closed_through_(closed_through(file)),
      entries_(file, "entries"),
      postings_(file, "postings") {
  for (const auto& account : storage::accounts(file)) {
    if (!account.closed_on.empty()) closed_accounts_.insert(account.id);
  }
  for (const auto& designation : storage::designations(file)) {
    if (!designation.closed_on.empty()) closed_designations_.insert(designation.id);
  }
  const model::FundSettings settings = load_settings(file);
  max_amount_ = settings.max_amount;
  latest_date_ = recorder.now.today.plus_days(settings.future_days);
}

namespace {

[[noreturn]] void refuse_closed(storage::FundFile& file, const PostingDraft& posting) {
  std::string code, closed_on;
  if (posting.side == PostingDraft::Side::account) {
    for (const auto& a : storage::accounts(file)) {
      if (a.id == posting.target_id) code = a.code, closed_on = a.closed_on;
    }
  } else {
    for (const auto& d : storage::designations(file)) {
      if (d.id == posting.target_id) code = d.code, closed_on = d.closed_on;
    }
  }
  throw Refused(
      bilingual("“{0}”已于 {1} 注销，不再收支", "'{0}' was closed on {1} and takes no more money", code, closed_on));
}

// The money columns of detail rows that input sets: a goods value, a budget, an amount.
bool is_money_column(const std::string& column) {
  return column == "amount" || column == "value" || column == "budget";
}

}  // namespace

void JournalAppender::check_limits(const EntryDraft& draft, const storage::Row& detail) const {
  if (draft.date > latest_date_) {
    throw InputError(
        bilingual("日期 {0} 晚于今天（{1}）：账目只记已经发生的事；若基金允许预记，请在基金定义中设置 "
                  "future_days（现为 {2} 天）",
                  "the date {0} is after today ({1}): the books record what has happened; a fund that "
                  "records ahead sets future_days in its definition (now {2} days)",
                  draft.date.iso(), recorder_.now.today.iso(),
                  latest_date_.days_since_epoch() - recorder_.now.today.days_since_epoch()));
  }
  if (draft.voids_entry) return;  // a void reverses what was recorded, however large
  auto check = [this](util::Fen amount) {
    if (amount >= -max_amount_ && amount <= max_amount_) return;
    throw InputError(bilingual("金额 {0} 超过每笔分录的上限 {1}（基金设置 max_amount，最高 ¥1,000,000,000.00）",
                               "the amount {0} is above the limit of one entry, {1} (the fund's max_amount, at most "
                               "¥1,000,000,000.00)",
                               util::format_amount(amount), util::format_amount(max_amount_)));
  };
  for (const auto& posting : draft.postings) check(posting.amount);
  for (const auto& [column, value] : detail.columns) {
    if (const auto* number = std::get_if<std::int64_t>(&value); number != nullptr && is_money_column(column)) {
      check(*number);
    }
  }
}

void JournalAppender::add_to_day_totals(const EntryDraft& draft) {
  for (const auto& posting : draft.postings) {
    const auto side = posting.side == PostingDraft::Side::account ? storage::Side::account : storage::Side::designation;
    auto& total = day_totals_[storage::DayKey{side, posting.target_id, draft.date.iso()}];
    const auto sum = util::checked_add(total, posting.amount);
    if (!sum) throw_total_overflow();
    total = *sum;
  }
}

namespace {

// Adds an amount to a day of per-day totals kept in date order (dates and totals side by side).
void add_to_day(std::vector<std::string>& dates, std::vector<util::Fen>& totals, const std::string& day,
                util::Fen amount) {
  const auto at = std::lower_bound(dates.begin(), dates.end(), day);
  const auto index = at - dates.begin();
  if (at != dates.end() && *at == day) {
    totals[static_cast<std::size_t>(index)] += amount;
  } else {
    dates.insert(at, day);
    totals.insert(totals.begin() + index, amount);
  }
}

}  // namespace

util::Fen JournalAppender::lowest_balance_from(storage::Side side, std::int64_t id, const util::Date& date) {
  auto found = balances_.find({side, id});
  if (found == balances_.end()) {
    Days days;
    for (auto& day : storage::day_totals_of(file_, side, id)) {
      days.dates.push_back(std::move(day.date));
      days.totals.push_back(day.total);
    }
    found = balances_.emplace(std::make_pair(side, id), std::move(days)).first;
    // What was appended and not yet written to day_totals.
    for (const auto& [key, amount] : day_totals_) {
      if (key.side != side || key.target_id != id) continue;
      add_to_day(found->second.dates, found->second.totals, key.date,
                 side == storage::Side::account ? amount : -amount);
    }
  }
  // As storage::lowest_balance_from: the balance before the day, then after each day
  // with postings from it on; the opening balance counts when nothing is dated that day.
  const auto& [dates, totals] = found->second;
  const std::string day = date.iso();
  const auto first = static_cast<std::size_t>(std::lower_bound(dates.begin(), dates.end(), day) - dates.begin());
  util::Fen running = 0;
  for (std::size_t i = 0; i < first; ++i) running += totals[i];
  if (first == dates.size()) return running;
  util::Fen lowest = dates[first] == day ? std::numeric_limits<util::Fen>::max() : running;
  for (std::size_t i = first; i < totals.size(); ++i) {
    running += totals[i];
    lowest = std::min(lowest, running);
  }
  return lowest;
}

void JournalAppender::add_to_balances(const EntryDraft& draft) {
  if (balances_.empty()) return;
  std::string day;
  for (const auto& posting : draft.postings) {
    const bool to_account = posting.side == PostingDraft::Side::account;
    const auto side = to_account ? storage::Side::account : storage::Side::designation;
    const auto found = balances_.find({side, posting.target_id});
    if (found == balances_.end()) continue;  // read from day_totals and day_totals_ when first asked
    if (day.empty()) day = draft.date.iso();
    add_to_day(found->second.dates, found->second.totals, day, to_account ? posting.amount : -posting.amount);
  }
}

std::int64_t JournalAppender::append(const EntryDraft& draft) {
  util::Fen sum = 0;
  for (const auto& posting : draft.postings) {
    const auto added = util::checked_add(sum, posting.amount);
    if (!added) throw_total_overflow();
    sum = *added;
  }
  if (sum != 0) throw std::logic_error("postings of a " + draft.kind + " entry do not sum to zero");
  check_limits(draft, draft.detail);
  if (closed_through_ && draft.date <= *closed_through_) {
    throw Refused(
        bilingual("日期 {0} 落在已结账的期间内（已结账至 "
                  "{1}）：已结账的月份不能再记账；更正请记入未结账的期间（例如以今天的日期红冲）",
                  "the date {0} is inside a closed period (closed through {1}): closed months cannot be written; put "
                  "corrections in the open period (for example a void dated today)",
                  draft.date.iso(), closed_through_->iso().substr(0, 7)));
  }

  for (const auto& posting : draft.postings) {
    const auto& closed = posting.side == PostingDraft::Side::account ? closed_accounts_ : closed_designations_;
    if (closed.count(posting.target_id) != 0) refuse_closed(file_, posting);
  }

  const std::int64_t id = next_id_;
  storage::EntryRows rows;
  rows.entry.set("id", id)
      .set("kind", draft.kind)
      .set("date", draft.date.iso())
      .set("recorded_at", recorder_.now.iso)
      .set("operator", recorder_.operator_name)
      .set_text("memo", draft.memo)
      .set_text("approval_ref", draft.approval_ref)
      .set_text("reason", draft.reason)
      .set("voids_entry", draft.voids_entry ? storage::Value{*draft.voids_entry} : storage::Value{})
      .set("prev_hash", head_);
  std::int64_t seq = 1;
  for (const auto& posting : draft.postings) {
    const bool to_account = posting.side == PostingDraft::Side::account;
    storage::Row row;
    row.set("entry_id", id)
        .set("seq", seq++)
        .set("account_id", to_account ? storage::Value{posting.target_id} : storage::Value{})
        .set("designation_id", to_account ? storage::Value{} : storage::Value{posting.target_id})
        .set("amount", posting.amount);
    rows.postings.push_back(std::move(row));
  }
  rows.detail_table = model::detail_table_for(draft.kind);
  if (!rows.detail_table.empty()) {
    const std::vector<storage::Row> one = {draft.detail};
    for (const auto& given : draft.details.empty() ? one : draft.details) {
      storage::Row detail;
      detail.set("entry_id", id);
      for (const auto& column : given.columns) detail.columns.push_back(column);
      rows.detail.push_back(std::move(detail));
    }
  }

  require_clean_text(rows.entry);
  for (const auto& detail : rows.detail) require_clean_text(detail);

  std::string hash = chain_hash(head_, canonical_encoding(rows));
  rows.entry.set("hash", hash);  // after the encoding, which leaves it out anyway
  entries_.insert(rows.entry);
  for (const auto& posting : rows.postings) postings_.insert(posting);
  if (!rows.detail.empty()) {
    auto details = details_.find(rows.detail_table);
    if (details == details_.end()) {
      details = details_.emplace(rows.detail_table, storage::RowInserter(file_, rows.detail_table)).first;
    }
    for (const auto& detail : rows.detail) details->second.insert(detail);
  }
  add_to_day_totals(draft);
  add_to_balances(draft);
  head_ = std::move(hash);
  ++next_id_;
  return id;
}

void JournalAppender::finish() {
  // Every balance the appended postings touch must still add up in 64 bits, or every
  // later read (balances, notices, the audit) would fail on the file.
  std::map<std::pair<storage::Side, std::int64_t>, util::Fen> added;
  for (const auto& [key, amount] : day_totals_) {
    auto& total = added[{key.side, key.target_id}];
    const auto sum = util::checked_add(total, amount);
    if (!sum) throw_total_overflow();
    total = *sum;
  }
  for (const auto& [target, amount] : added) {
    const util::Fen before = storage::balance(file_, target.first, target.second);
    const util::Fen signed_amount = target.first == storage::Side::account ? amount : -amount;
    if (!util::checked_add(before, signed_amount)) throw_total_overflow();
  }
  storage::add_day_totals(file_, day_totals_);
  day_totals_.clear();
  file_.set_setting(kChainHeadKey, head_);
  file_.set_setting(kChainLengthKey, std::to_string(next_id_ - 1));
}

}  // namespace cfund::books
