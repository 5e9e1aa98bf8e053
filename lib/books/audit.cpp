#include "books/audit.hpp"

#include <algorithm>
#include <atomic>
#include <map>
#include <set>
#include <tuple>

#include "books/fund.hpp"
#include "books/journal.hpp"
#include "books/projects.hpp"
#include "books/ratios.hpp"
#include "books/registry.hpp"
#include "model/categories.hpp"
#include "storage/audit_queries.hpp"
#include "storage/economy_queries.hpp"
#include "storage/fund_file.hpp"
#include "storage/project_queries.hpp"
#include "storage/queries.hpp"
#include "storage/rows.hpp"
#include "util/quantity.hpp"

namespace cfund::books {

namespace {

using util::format_amount;

// "1、2、5" / "1, 2, 5": entry numbers in a message.
std::string ids_zh(const std::vector<std::int64_t>& ids) {
  std::string text;
  for (auto id : ids) text += (text.empty() ? "" : "、") + std::to_string(id);
  return text;
}
std::string ids_en(const std::vector<std::int64_t>& ids) {
  std::string text;
  for (auto id : ids) text += (text.empty() ? "" : ", ") + std::to_string(id);
  return text;
}

Finding make(const std::string& code, Severity severity, Message message, std::vector<std::int64_t> entries = {},
             std::optional<Fen> amount = std::nullopt, std::string from = {}, std::string to = {}) {
  std::sort(entries.begin(), entries.end());
  entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
  if (to.empty()) to = from;
  return Finding{code, severity, std::move(message), std::move(entries), amount, std::move(from), std::move(to)};
}

// "12.3%" from a ratio of two amounts, without floating point.
std::string percent_text(Fen part, Fen whole) {
  if (whole <= 0) return "-";
  const Fen permille = (part < 0 ? -part : part) * 1000 / whole;
  return fmt::format("{}{}.{}%", part < 0 ? "-" : "", permille / 10, permille % 10);
}

// --- file and chain ----------------------------------------------------------

void check_integrity(AuditScope& scope, std::vector<Finding>& findings) {
  const auto problems = storage::integrity_problems(scope.file, scope.options.deep);
  if (problems.empty()) return;
  std::string shown;
  for (std::size_t i = 0; i < problems.size() && i < 3; ++i) shown += (shown.empty() ? "" : "; ") + problems[i];
  if (problems.size() > 3) shown += "; …";
  findings.push_back(
      make(finding_code::integrity, Severity::error,
           bilingual("SQLite 完整性检查发现 {0} 处问题：{1}。请用备份恢复账套",
                     "SQLite integrity check found {0} problem(s): {1}. Restore the fund file from a backup",
                     problems.size(), shown)));
}

void check_chain(AuditScope& scope, std::vector<Finding>& findings) {
  const ChainReport report = scope.chain_beside != nullptr ? scope.chain_beside->get() : verify_chain(scope.file);
  if (report.ok()) return;
  const Message& problem = *report.problem;
  findings.push_back(
      make(finding_code::chain_broken, Severity::error,
           bilingual("哈希链断裂：{0}。第 {1} 号分录及以后的记录不能再作为可信账目",
                     "the hash chain is broken: {2}. Entry {1} and everything after it can no longer be trusted",
                     problem.zh, *report.first_bad_entry, problem.en),
           {*report.first_bad_entry}));
}

// --- trial balance -------------------------------------------------------------

void report_trial_balance(AuditScope& scope, const storage::PostingFacts& facts, std::vector<Finding>& findings) {
  for (const auto& entry : facts.unbalanced) {
    findings.push_back(make(finding_code::trial_balance, Severity::error,
                            bilingual("第 {0} 号分录（{1}）借贷不平：过账合计差 {2}",
                                      "entry {0} ({1}) does not balance: its postings are off by {2}", entry.entry_id,
                                      entry.date, format_amount(entry.sum)),
                            {entry.entry_id}, entry.sum, entry.date));
  }
  const auto& totals = facts.totals;
  if (totals.orphaned_rows > 0) {
    const auto pointing_at = storage::rows_without_entry(scope.file, "postings", {});
    findings.push_back(
        make(finding_code::trial_balance, Severity::error,
             bilingual("有 {0} 行过账不属于任何分录（合计 {1}），指向第 {2} 号分录",
                       "{0} posting row(s) belong to no entry (totalling {1}), pointing at entry {3}",
                       totals.orphaned_rows, format_amount(totals.orphaned), ids_zh(pointing_at), ids_en(pointing_at)),
             pointing_at, totals.orphaned));
  }
  if (totals.accounts != totals.designations) {
    findings.push_back(
        make(finding_code::trial_balance, Severity::error,
             bilingual("试算不平：各资金账户余额合计 {0}，各资金用途余额合计 {1}，相差 {2}",
                       "the trial balance fails: accounts hold {0} in all, designations {1}, a difference of {2}",
                       format_amount(totals.accounts), format_amount(totals.designations),
                       format_amount(totals.accounts - totals.designations)),
             {}, totals.accounts - totals.designations));
  }
}

void report_posting_mismatches(const storage::PostingFacts& facts, std::vector<Finding>& findings) {
  for (const auto& m : facts.mismatches) {
    const Message kind{model::entry_kind_name(m.kind, Lang::zh), model::entry_kind_name(m.kind, Lang::en)};
    findings.push_back(
        make(finding_code::posting_mismatch, Severity::error,
             bilingual("第 {0} 号{1}（{2}）记载金额 {3}，但记入其账户的是 {4}、记入其资金用途的是 {5}",
                       "{6} entry {0} ({2}) states {3}, but {4} was posted to its account and {5} to its designation",
                       m.entry_id, kind.zh, m.date, format_amount(m.detail_amount), format_amount(m.account_posted),
                       format_amount(m.designation_posted), kind.en),
             {m.entry_id}, m.detail_amount, m.date));
  }
}

// --- no balance below zero on any day -------------------------------------------

void walk_balances(AuditScope& scope, storage::Side side, const std::vector<storage::PostingDay>& days,
                   std::vector<Finding>& findings) {
  std::map<std::int64_t, std::pair<std::string, bool>> names;  // id -> (name, restricted)
  if (side == storage::Side::account) {
    for (const auto& a : storage::accounts(scope.file)) names[a.id] = {a.name, false};
  } else {
    for (const auto& d : storage::designations(scope.file)) names[d.id] = {d.name, d.restricted};
  }
  std::size_t i = 0;
  while (i < days.size()) {
    const std::int64_t target = days[i].target_id;
    const auto found = names.find(target);
    const std::string name = found == names.end() ? "#" + std::to_string(target) : found->second.first;
    const bool restricted = found != names.end() && found->second.second;
    Fen balance = 0;
    // The stretch of days on which the balance stays below zero.
    bool negative = false;
    std::string first_day;
    std::string last_negative_day;
    Fen lowest = 0;
    std::string lowest_day;
    std::vector<std::int64_t> takers;
    auto emit = [&](const std::string& recovered_on) {
      const Message where =
          side == storage::Side::account
              ? bilingual("资金账户“{0}”", "account '{0}'", name)
              : bilingual(restricted ? "资金用途“{0}”（专款专用）" : "资金用途“{0}”", "designation '{0}'", name);
      const Message until = recovered_on.empty()
                                ? Message{"，至今仍为负", ", and is still below zero"}
                                : bilingual("，{0} 起恢复", ", back to zero or above on {0}", recovered_on);
      findings.push_back(make(
          finding_code::overdrawn, Severity::error,
          bilingual("{0}自 {1} 起余额为负（最低 {2}，{3}）{4}；当天使其透支的是第 {5} 号分录",
                    "{6} is below zero from {1} (lowest {2} on {3}){7}; the entries that overdrew it that day: {8}",
                    where.zh, first_day, format_amount(lowest), lowest_day, until.zh, ids_zh(takers), where.en,
                    until.en, ids_en(takers)),
          takers, lowest, first_day, recovered_on.empty() ? "9999-12-31" : last_negative_day));
    };
    for (; i < days.size() && days[i].target_id == target; ++i) {
      const std::string& day = days[i].date;
      balance += days[i].total;
      if (balance < 0) {
        if (!negative) {
          negative = true;
          first_day = day;
          lowest = balance;
          lowest_day = day;
          takers = days[i].outflows;
        } else if (balance < lowest) {
          lowest = balance;
          lowest_day = day;
        }
        last_negative_day = day;
      } else if (negative) {
        emit(day);
        negative = false;
      }
    }
    if (negative) emit("");
  }
}

// The per-day totals that balances and the overdraft rule read (day_totals) must be
// the postings summed by day: one finding per target whose totals differ.
void compare_day_totals(AuditScope& scope, storage::Side side, const std::vector<storage::PostingDay>& days,
                        std::vector<Finding>& findings) {
  const auto recorded = storage::recorded_day_totals(scope.file, side);
  struct Difference {
    int days = 0;
    std::string first_day;
    Fen recorded = 0;
    Fen posted = 0;
  };
  std::map<std::int64_t, Difference> differences;
  auto differ = [&differences](std::int64_t target, const std::string& day, Fen recorded_total, Fen posted_total) {
    if (recorded_total == posted_total) return;
    auto& difference = differences[target];
    if (difference.days++ == 0) {
      difference.first_day = day;
      difference.recorded = recorded_total;
      difference.posted = posted_total;
    }
  };
  // Both lists are in target and date order: walk them side by side.
  std::size_t r = 0;
  std::size_t d = 0;
  while (r < recorded.size() || d < days.size()) {
    const bool take_recorded =
        d == days.size() || (r < recorded.size() && std::tie(recorded[r].target_id, recorded[r].date) <=
                                                        std::tie(days[d].target_id, days[d].date));
    const bool take_posted =
        r == recorded.size() || (d < days.size() && std::tie(days[d].target_id, days[d].date) <=
                                                        std::tie(recorded[r].target_id, recorded[r].date));
    const std::int64_t target = take_recorded ? recorded[r].target_id : days[d].target_id;
    const std::string& day = take_recorded ? recorded[r].date : days[d].date;
    differ(target, day, take_recorded ? recorded[r].total : 0, take_posted ? days[d].total : 0);
    if (take_recorded) ++r;
    if (take_posted) ++d;
  }
  std::map<std::int64_t, std::string> names;
  if (side == storage::Side::account) {
    for (const auto& a : storage::accounts(scope.file)) names[a.id] = a.name;
  } else {
    for (const auto& g : storage::designations(scope.file)) names[g.id] = g.name;
  }
  for (const auto& [target, difference] : differences) {
    const auto found = names.find(target);
    const std::string name = found == names.end() ? "#" + std::to_string(target) : found->second;
    const Message where = side == storage::Side::account ? bilingual("资金账户“{0}”", "account '{0}'", name)
                                                         : bilingual("资金用途“{0}”", "designation '{0}'", name);
    findings.push_back(make(finding_code::day_totals, Severity::error,
                            bilingual("{0}的按日合计（day_totals）有 {1} 天与过账不符，最早是 {2}：记为 {3}，过账合计 "
                                      "{4}。余额与透支检查读的是按日合计：文件被直接改动过，请用备份恢复",
                                      "{5}: {1} day(s) of its per-day totals (day_totals) differ from its postings, "
                                      "the first on {2}: {3} recorded, {4} posted. Balances and the overdraft rule "
                                      "read these totals: the file was edited directly; restore it from a backup",
                                      where.zh, difference.days, difference.first_day,
                                      format_amount(difference.recorded), format_amount(difference.posted), where.en),
                            {}, difference.recorded - difference.posted, difference.first_day));
  }
}

void report_balances_by_day(AuditScope& scope, const storage::PostingDays& daily, std::vector<Finding>& findings) {
  // Restricted money first, as when recording: that tells the supervisor more.
  walk_balances(scope, storage::Side::designation, daily.designations, findings);
  walk_balances(scope, storage::Side::account, daily.accounts, findings);
  compare_day_totals(scope, storage::Side::designation, daily.designations, findings);
  compare_day_totals(scope, storage::Side::account, daily.accounts, findings);
}

// The trial balance, postings against details and the balances by day read the same
// rows: one read of them (storage::posting_facts) for the three, reported in that order.
// The same read sums the yearly ratios' flows, handed on to check_ratios.
void check_postings(AuditScope& scope, std::vector<Finding>& findings) {
  storage::PostingFacts facts;
  try {
    facts = storage::posting_facts(scope.file);
  } catch (...) {
    if (scope.shared != nullptr) scope.shared->year_flows.set_exception(std::current_exception());
    throw;
  }
  if (scope.shared != nullptr) scope.shared->year_flows.set_value(std::move(facts.flows_by_year));
  report_trial_balance(scope, facts, findings);
  report_posting_mismatches(facts, findings);
  report_balances_by_day(scope, facts.days, findings);
}

// --- approvals -----------------------------------------------------------------

void check_approval(AuditScope& scope, std::vector<Finding>& findings) {
  // Each payment meets the threshold in force when it was recorded (the chain's
  // settings); the lowest there ever was is the query's floor.
  const SettingsHistory history(scope.file);
  for (const auto& p : storage::unapproved_payments(scope.file, history.lowest_threshold())) {
    const model::PaymentCategory* category = model::find_payment_category(p.category);
    if (category != nullptr && !category->approval) continue;  // bank fees need no decision
    const Fen threshold = history.at(p.entry_id).approval_threshold_for(p.category);
    if (p.amount <= threshold) continue;
    const Message voided = p.voided ? Message{"（已红冲）", " (since voided)"} : Message{};
    findings.push_back(make(
        finding_code::approval_missing, Severity::error,
        bilingual("第 {0} 号支出（{1}，{2}）超过审批限额 {3}，却没有议事会决议编号{4}",
                  "payment {0} ({1}, {2}) is above the approval threshold {3} but has no council decision number{5}",
                  p.entry_id, p.date, format_amount(p.amount), format_amount(threshold), voided.zh, voided.en),
        {p.entry_id}, p.amount, p.date));
  }
}

// --- receipts --------------------------------------------------------------------

// The donations holding one receipt number, read in order of year and number.
struct ReceiptHolders {
  storage::ReceiptNumber first, last;
  std::vector<std::int64_t> entries;
  std::string last_date;  // the latest of their dates
};

// Receipt numbers of each year run from 1 without gaps, each held by one donation. Read
// as a stream: the previous holder and the current number's holders are all it keeps.
class ReceiptCheck {
 public:
  explicit ReceiptCheck(std::vector<Finding>& findings) : findings_(findings) {}
  void take(const storage::ReceiptNumber& number) {
    if (!holders_.entries.empty() && (number.year != holders_.first.year || number.seq != holders_.first.seq)) {
      finish();
    }
    if (holders_.entries.empty()) {
      if (!previous_ || previous_->year != number.year) {
        expected_ = 1;
        previous_.reset();
      }
      holders_.first = number;
      holders_.last_date = number.date;
    }
    holders_.entries.push_back(number.entry_id);
    holders_.last_date = std::max(holders_.last_date, number.date);
    holders_.last = number;
  }
  void finish();

 private:
  void report_gap() const;
  std::vector<Finding>& findings_;
  ReceiptHolders holders_;
  std::optional<storage::ReceiptNumber> previous_;  // the last holder of the number before
  std::int64_t expected_ = 1;
};

void ReceiptCheck::report_gap() const {
  const auto& first = holders_.first;
  const int year = first.year;
  const std::string from = previous_ ? previous_->date : std::to_string(year) + "-01-01";
  std::vector<std::int64_t> around = {first.entry_id};
  if (previous_) around.insert(around.begin(), previous_->entry_id);
  const std::string missing = first.seq - 1 == expected_ ? model::receipt_number(year, expected_)
                                                         : model::receipt_number(year, expected_) + " … " +
                                                               model::receipt_number(year, first.seq - 1);
  const Message where = previous_ ? bilingual("第 {0} 号与第 {1} 号分录之间", "between entries {0} and {1}",
                                              previous_->entry_id, first.entry_id)
                                  : bilingual("第 {0} 号分录之前", "before entry {0}", first.entry_id);
  findings_.push_back(make(finding_code::receipt_gap, Severity::error,
                           bilingual("{0} 年的收据编号缺号：{1}（共 {2} 个，{3}）",
                                     "receipt numbers of {0} have a gap: {1} ({2} missing, {4})", year, missing,
                                     first.seq - expected_, where.zh, where.en),
                           around, std::nullopt, std::min(from, first.date), std::max(from, first.date)));
}

void ReceiptCheck::finish() {
  if (holders_.entries.empty()) return;
  const auto& first = holders_.first;
  if (first.seq > expected_) report_gap();
  const auto& holders = holders_.entries;
  if (holders.size() > 1) {
    findings_.push_back(
        make(finding_code::receipt_duplicate, Severity::error,
             bilingual("收据编号 {0} 被 {1} 笔捐赠重复使用（第 {2} 号分录）",
                       "receipt number {0} is used by {1} donations (entries {3})",
                       model::receipt_number(first.year, first.seq), holders.size(), ids_zh(holders), ids_en(holders)),
             holders, std::nullopt, first.date, holders_.last_date));
  }
  expected_ = std::max(expected_, first.seq + 1);
  previous_ = holders_.last;
  holders_.entries.clear();
}

void check_receipts(AuditScope& scope, std::vector<Finding>& findings) {
  ReceiptCheck check(findings);
  storage::for_each_receipt_number(scope.file, [&check](const storage::ReceiptNumber& number) { check.take(number); });
  check.finish();
}

// --- duplicates --------------------------------------------------------------------

std::pair<std::string, std::string> date_span(const storage::MovementGroup& group) {
  const auto [low, high] = std::minmax_element(group.dates.begin(), group.dates.end());
  return {*low, *high};
}

void report_duplicate_refs(const std::vector<storage::MovementGroup>& groups, std::vector<Finding>& findings) {
  for (const auto& g : groups) {
    const Message kind = g.kind == "donation" ? Message{"捐赠", "donations"} : Message{"支出", "payments"};
    const auto [from, to] = date_span(g);
    findings.push_back(make(
        finding_code::ref_duplicate, Severity::error,
        bilingual(
            "交易流水号“{0}”在账户 {1} 上记了 {2} 次{3}（第 {4} 号分录）：同一笔银行流水只能入账一次，请红冲多余的",
            "reference '{0}' on account {1} is recorded {2} times as {5} (entries {6}): one bank line is booked once; "
            "void the extra ones",
            g.key, g.account_code, g.entry_ids.size(), kind.zh, ids_zh(g.entry_ids), kind.en, ids_en(g.entry_ids)),
        g.entry_ids, g.amount, from, to));
  }
}

void report_likely_duplicates(const std::vector<storage::MovementGroup>& groups, std::vector<Finding>& findings) {
  for (const auto& g : groups) {
    const auto [from, to] = date_span(g);
    const std::string who = g.key.empty() ? std::string("（匿名）") : g.key;
    const Message message =
        g.kind == "donation"
            ? bilingual(
                  "可能重复记录：{0} 于 {1} 向账户 {2} 捐赠 {3}，共记了 {4} 笔（第 {5} "
                  "号分录）；如确为多笔可不理会，否则请红冲多余的",
                  "possibly recorded twice: {0} gave {3} into account {2} on {1}, recorded {4} times (entries {6}); if "
                  "they really are separate gifts ignore this, otherwise void the extra ones",
                  who, g.date, g.account_code, format_amount(g.amount), g.entry_ids.size(), ids_zh(g.entry_ids),
                  ids_en(g.entry_ids))
            : bilingual(
                  "可能重复支出：{1} 从账户 {2} 付给 {0} {3}，共记了 {4} 笔（第 {5} "
                  "号分录）；如确为多笔可不理会，否则请红冲多余的",
                  "possibly paid twice: {3} paid to {0} from account {2} on {1}, recorded {4} times (entries {6}); if "
                  "they really are separate payments ignore this, otherwise void the extra ones",
                  who, g.date, g.account_code, format_amount(g.amount), g.entry_ids.size(), ids_zh(g.entry_ids),
                  ids_en(g.entry_ids));
    findings.push_back(
        make(finding_code::likely_duplicate, Severity::warning, message, g.entry_ids, g.amount, from, to));
  }
}

// Both from one read of the movements; the two queries where a raw edit left odd values.
void check_duplicates(AuditScope& scope, std::vector<Finding>& findings) {
  if (const auto groups = storage::duplicate_groups(scope.file)) {
    report_duplicate_refs(groups->references, findings);
    report_likely_duplicates(groups->likely, findings);
  } else {
    report_duplicate_refs(storage::duplicate_references(scope.file), findings);
    report_likely_duplicates(storage::likely_duplicates(scope.file), findings);
  }
}

// --- repeated relief -----------------------------------------------------------------

void check_relief_repeated(AuditScope& scope, std::vector<Finding>& findings) {
  const auto payments = storage::relief_payments_all(scope.file);
  const SettingsHistory history(scope.file);  // the window in force when the second was recorded
  for (std::size_t i = 1; i < payments.size(); ++i) {
    const auto& earlier = payments[i - 1];
    const auto& later = payments[i];
    if (earlier.beneficiary != later.beneficiary) continue;
    const int window =
        history.at(std::max(earlier.entry_id, later.entry_id)).relief_window_for(later.beneficiary_category);
    if (window <= 0) continue;
    const auto later_day = util::parse_date(later.date);
    const auto earlier_day = util::parse_date(earlier.date);
    if (!later_day || !earlier_day) continue;  // only a raw edit writes such a date: CHAIN_BROKEN says so
    const long gap = later_day->days_since_epoch() - earlier_day->days_since_epoch();
    if (gap >= window) continue;
    // The reason belongs on the one recorded second (a back-dated payment may be earlier).
    const auto& second = earlier.entry_id > later.entry_id ? earlier : later;
    if (!second.repeat_reason.empty()) continue;
    findings.push_back(
        make(finding_code::relief_repeated, Severity::error,
             bilingual("受助对象 B{0:04d} 在 {1} 天内两次获得救助：{2}（第 {3} 号分录，{4}）与 {5}（第 {6} "
                       "号分录，{7}），第 {8} 号未写明重复救助的理由",
                       "beneficiary B{0:04d} received relief twice within {1} days: {2} (entry {3}, {4}) and {5} "
                       "(entry {6}, {7}); entry {8} gives no reason for the repeat",
                       earlier.beneficiary, window, earlier.date, earlier.entry_id, format_amount(earlier.amount),
                       later.date, later.entry_id, format_amount(later.amount), second.entry_id),
             {earlier.entry_id, later.entry_id}, later.amount, earlier.date, later.date));
  }
}

// --- yearly ratios ---------------------------------------------------------------------

// The ratios of each year that has ended, with the bases the rules name: charitable
// spending against last year's total income (opening balances are never income), and
// management cost against the year's spending (books/ratios.hpp).
void check_ratios(AuditScope& scope, std::vector<Finding>& findings) {
  const model::AuditSettings& rules = scope.settings.audit;
  // The flows check_postings read with the postings, when it could; else each year's query.
  const std::optional<storage::YearFlows> none;
  const auto& flows = scope.shared != nullptr ? scope.shared->year_flows_read.get() : none;
  std::map<int, YearFigures> years;  // each year read once, though two years use it
  auto figures_of = [&](int year) -> const YearFigures& {
    auto found = years.find(year);
    if (found != years.end()) return found->second;
    if (!flows) return years.emplace(year, year_figures(scope.file, year)).first->second;
    const auto goods_designation = storage::goods_targets(scope.file).designation_id;  // throws as year_figures does
    const auto of_year = flows->find(year);
    return years
        .emplace(year, of_year == flows->end() ? YearFigures{} : year_figures_of(of_year->second, goods_designation))
        .first->second;
  };
  for (const int year : storage::entry_years(scope.file)) {
    if (year >= scope.options.today.year) continue;  // only years that have ended
    const std::string from = std::to_string(year) + "-01-01";
    const std::string to = std::to_string(year) + "-12-31";
    const YearRatios ratios = judge_ratios(rules, year, figures_of(year), figures_of(year - 1));
    if (const auto& c = ratios.charitable; c.applies) {
      const Message figures_text = bilingual(
          "{0} 年公益支出 {1}（救助、项目支出和发放的物资），为上年（{2} 年）总收入 {3} 的 {4}",
          "charitable spending of {0} was {1} (relief, projects and goods given out), {4} of the previous year's "
          "({2}) total income {3}",
          year, format_amount(c.part), year - 1, format_amount(c.whole), percent_text(c.part, c.whole));
      const Message verdict =
          c.ok ? bilingual("，达到 {0}% 的要求", ", meeting the {0}% rule", rules.charitable_ratio_min)
               : bilingual("，低于 {0}% 的要求（提示性指标）", ", below the {0}% rule (advisory)",
                           rules.charitable_ratio_min);
      findings.push_back(make(finding_code::ratio_charitable, c.ok ? Severity::info : Severity::warning,
                              {figures_text.zh + verdict.zh, figures_text.en + verdict.en}, {}, c.part, from, to));
    }
    if (const auto& m = ratios.management; m.applies) {
      const Message figures_text =
          bilingual("{0} 年管理费用 {1}（含手续费），占当年支出 {2} 的 {3}",
                    "management cost of {0} was {1} (bank fees included), {3} of the year's "
                    "spending {2}",
                    year, format_amount(m.part), format_amount(m.whole), percent_text(m.part, m.whole));
      Message verdict;
      if (m.below_floor) {
        verdict = bilingual("；管理费用低于 {0}，不适用 {1}% 的上限",
                            "; below {0} of management cost the {1}% limit does not apply",
                            format_amount(rules.management_ratio_floor), rules.management_ratio_max);
      } else {
        verdict = m.ok ? bilingual("，未超过 {0}% 的上限", ", within the {0}% limit", rules.management_ratio_max)
                       : bilingual("，超过 {0}% 的上限（提示性指标）", ", above the {0}% limit (advisory)",
                                   rules.management_ratio_max);
      }
      findings.push_back(make(finding_code::ratio_management, m.ok ? Severity::info : Severity::warning,
                              {figures_text.zh + verdict.zh, figures_text.en + verdict.en}, {}, m.part, from, to));
    }
  }
}

// --- goods in stock -------------------------------------------------------------------

// Every item's stock stays at or above zero with a value that fits it, and the goods
// stock account holds exactly the stock's value.
void check_goods_stock(AuditScope& scope, std::vector<Finding>& findings) {
  std::map<std::pair<std::string, std::string>, std::pair<std::int64_t, Fen>> running;
  std::vector<std::tuple<std::string, std::int64_t, std::int64_t, Fen, std::string, std::string>> events;
  for (const auto& movement : storage::goods_movements(scope.file, "0000-01-01", "9999-12-31")) {
    auto quantity = util::parse_quantity(movement.quantity);
    const std::int64_t sign = movement.in ? 1 : -1;
    const std::int64_t q = quantity ? *quantity : 0;
    events.emplace_back(movement.date, movement.entry_id, sign * q, sign * movement.value, movement.item,
                        movement.unit);
    if (movement.voided_by) {
      events.emplace_back(movement.void_date, *movement.voided_by, -sign * q, -sign * movement.value, movement.item,
                          movement.unit);
    }
  }
  std::sort(events.begin(), events.end());
  std::set<std::pair<std::string, std::string>> reported;
  Fen stock_value = 0;
  for (const auto& [date, entry, quantity, value, item, unit] : events) {
    auto& [on_hand, worth] = running[{item, unit}];
    on_hand += quantity;
    worth += value;
    stock_value += value;
    if ((on_hand >= 0 && worth >= 0 && (on_hand != 0 || worth == 0)) || !reported.insert({item, unit}).second) continue;
    findings.push_back(
        make(finding_code::goods_stock, Severity::error,
             bilingual("物资“{0}”在 {1}（第 {2} 号分录后）的库存为 {3}{4}、估价 {5}：发出的物资多于收到的，或估价不符",
                       "goods '{0}' stood at {3} {4} valued {5} on {1} (after entry {2}): more left the "
                       "stock than came in, or the value does not fit",
                       item, date, entry,
                       on_hand < 0 ? "-" + util::format_quantity(-on_hand) : util::format_quantity(on_hand), unit,
                       format_amount(worth)),
             {entry}, worth, date));
  }
  const auto goods = storage::goods_targets(scope.file);
  const Fen booked = storage::balance(scope.file, storage::Side::account, goods.account_id);
  if (booked != stock_value) {
    findings.push_back(make(finding_code::goods_stock, Severity::error,
                            bilingual("库存物资账户余额 {0}，而各项物资的库存估价合计 {1}",
                                      "the goods stock account holds {0}, but the items in stock are valued at {1}",
                                      format_amount(booked), format_amount(stock_value)),
                            {}, booked - stock_value));
  }
}

// --- opening balances ------------------------------------------------------------------

void check_opening_order(AuditScope& scope, std::vector<Finding>& findings) {
  const auto earliest = storage::earliest_entry_besides_openings(scope.file);
  if (!earliest) return;
  for (const auto& opening : storage::opening_rows(scope.file)) {
    if (opening.date < earliest->date) continue;
    findings.push_back(
        make(finding_code::opening_order, Severity::error,
             bilingual("第 {0} 号分录是期初余额，日期 {1} 却不早于第 {2} 号分录（{3}）：期初余额须早于其他所有分录",
                       "entry {0} is an opening balance dated {1}, not before entry {2} ({3}): opening "
                       "balances come before every other entry",
                       opening.entry_id, opening.date, earliest->id, earliest->date),
             {opening.entry_id, earliest->id}, opening.amount, opening.date));
  }
}

// --- closed periods ------------------------------------------------------------------

void check_closed_periods(AuditScope& scope, std::vector<Finding>& findings) {
  for (const auto& close : storage::period_closes(scope.file)) {
    const auto month = util::parse_period(close.through);
    if (!month) continue;  // the CHECK constraint and the chain guard the text
    for (const auto& entry : storage::entries_after_dated_until(scope.file, close.entry_id, month->last.iso())) {
      findings.push_back(
          make(finding_code::closed_period_entry, Severity::error,
               bilingual("第 {0} 号分录（{1}）记在第 {2} 号分录结账（至 {3}）之后，日期却落在已结账的期间内",
                         "entry {0} ({1}) was recorded after entry {2} closed the books through {3}, yet it is dated "
                         "inside the closed period",
                         entry.id, entry.date, close.entry_id, close.through),
               {entry.id, close.entry_id}, std::nullopt, entry.date));
    }
  }
}

bool concerns(const Finding& finding, const std::optional<util::Period>& period) {
  if (!period || finding.from.empty()) return true;
  return finding.from <= period->last.iso() && finding.to >= period->first.iso();
}

}  // namespace

std::string severity_name(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::info:
      return "info";
  }
  return "error";
}

// --- projects --------------------------------------------------------------------

// Whether a project step or budget amendment was in force when a payment was made:
// dated before it, or the same day and recorded before it.
bool in_force_at(const std::string& date, std::int64_t entry, const model::DisbursementRow& paid) {
  return date < paid.date || (date == paid.date && entry < paid.entry_id);
}

// Spending on a project only while approved or in progress, and within its budget
// as amended at the time. Voided payments do not count.
void check_projects(AuditScope& scope, std::vector<Finding>& findings) {
  const auto payments = storage::project_payment_rows(scope.file);
  for (const auto& project : storage::project_rows(scope.file)) {
    const auto steps = storage::project_stage_rows(scope.file, project.designation_id);
    const auto amendments = storage::project_budget_rows(scope.file, project.designation_id);
    Fen spent = 0;
    for (const auto& paid : payments) {
      if (paid.designation_code != project.code || paid.voided_by) continue;
      std::string stage = project_stage::proposed;
      for (const auto& step : steps) {
        if (in_force_at(step.date, step.entry_id, paid)) stage = step.to_stage;
      }
      if (stage != project_stage::approved && stage != project_stage::in_progress) {
        const Message name = project_stage_name(stage);
        findings.push_back(make(
            finding_code::project_stage, Severity::error,
            bilingual(
                "第 {0} 号支出（{1}，{2}）列支项目 {3}“{4}”时，项目处于“{5}”阶段：只有已批准或实施中的项目可以支出",
                "payment {0} ({1}, {2}) was charged to project {3} '{4}' while it was {6}: only approved or "
                "in-progress projects may spend",
                paid.entry_id, paid.date, format_amount(paid.amount), project.code, project.name, name.zh, name.en),
            {paid.entry_id}, paid.amount, paid.date));
      }
      Fen budget = project.budget;
      for (const auto& amendment : amendments) {
        if (in_force_at(amendment.date, amendment.entry_id, paid)) budget = amendment.budget;
      }
      spent += paid.amount;
      if (spent > budget) {
        findings.push_back(make(
            finding_code::project_budget, Severity::error,
            bilingual(
                "第 {0} 号支出（{1}）后，项目 {2}“{3}”累计支出 {4}，超出当时预算 {5}（超出 {6}）",
                "after payment {0} ({1}), project {2} '{3}' had spent {4}, over its budget of {5} at the time (by {6})",
                paid.entry_id, paid.date, project.code, project.name, format_amount(spent), format_amount(budget),
                format_amount(spent - budget)),
            {paid.entry_id}, spent - budget, paid.date));
      }
    }
  }
}

// --- registries --------------------------------------------------------------------

Message registry_subject(const RegistryDifference& d) {
  if (d.subject == "setting") return bilingual("设置 {0} ", "setting {0}", d.field);
  if (d.subject == "account") return bilingual("资金账户 #{0}", "money account #{0}", d.id);
  if (d.subject == "designation") return bilingual("资金用途 #{0}", "designation #{0}", d.id);
  return bilingual("捐赠人 #{0}", "donor #{0}", d.id);
}

// The tables that hold the current settings, accounts, designations and donors say
// what the chain states (books/registry.hpp); a raw edit of any of them is found.
void check_registry(AuditScope& scope, std::vector<Finding>& findings) {
  if (!registries_stated(scope.file)) {
    findings.push_back(make(finding_code::registry, Severity::warning,
                            bilingual("本账套的设置和登记事项尚未记入哈希链（较早版本的 cfund 建立，且只读打开）："
                                      "用可写的方式运行任一命令一次即可记入",
                                      "this fund's settings and registries are not on the hash chain yet (made by an "
                                      "older cfund, opened read-only): run any command on it once with write access")));
    return;
  }
  const auto shown = [](const std::string& value) {
    return value.empty() ? Message{"（无）", "(none)"} : Message{"“" + value + "”", "'" + value + "'"};
  };
  for (const auto& d : registry_differences(scope.file)) {
    Message what = registry_subject(d);
    if (d.subject != "setting") {
      what.zh += d.field == "row" ? "（整行）" : "（" + d.field + "）";
      what.en += d.field == "row" ? " (the whole row)" : " (" + d.field + ")";
    }
    const Message chain = shown(d.on_chain);
    const Message table = shown(d.in_table);
    findings.push_back(make(finding_code::registry, Severity::error,
                            bilingual("{0}与哈希链记载不符：链上为{1}，表中为{2}（数据库被直接改动过）",
                                      "{3} differs from what the hash chain states: {4} on the chain, {5} in the table "
                                      "(the database was edited directly)",
                                      what.zh, chain.zh, table.zh, what.en, chain.en, table.en)));
  }
}

// The registry. To add a check: write `void check_x(AuditScope&, std::vector<Finding>&)`
// above and add one line here with the codes it reports.
const std::vector<AuditCheck>& audit_checks() {
  static const std::vector<AuditCheck> checks = {
      {{finding_code::integrity}, check_integrity},
      {{finding_code::chain_broken}, check_chain},
      {{finding_code::registry}, check_registry},
      {{finding_code::trial_balance, finding_code::posting_mismatch, finding_code::overdrawn, finding_code::day_totals},
       check_postings},
      {{finding_code::approval_missing}, check_approval},
      {{finding_code::receipt_gap, finding_code::receipt_duplicate}, check_receipts},
      {{finding_code::ref_duplicate, finding_code::likely_duplicate}, check_duplicates},
      {{finding_code::relief_repeated}, check_relief_repeated},
      {{finding_code::ratio_charitable, finding_code::ratio_management}, check_ratios},
      {{finding_code::closed_period_entry}, check_closed_periods},
      {{finding_code::project_stage, finding_code::project_budget}, check_projects},
      {{finding_code::goods_stock}, check_goods_stock},
      {{finding_code::opening_order}, check_opening_order},
  };
  return checks;
}

int AuditReport::count(Severity severity) const {
  return static_cast<int>(
      std::count_if(findings.begin(), findings.end(), [severity](const Finding& f) { return f.severity == severity; }));
}

namespace {

// Runs every check but the one in `skip` into its slot of `found`. In a fund of
// options.share_from entries or more, a second connection in a thread of its own
// (beside the chain's) shares the work: each of the two takes the next check in the
// registry's order when it is done with one. The slots keep the report in that order.
void run_checks(AuditScope& scope, std::vector<std::vector<Finding>>& found, std::optional<std::size_t> skip,
                std::int64_t entries) {
  const auto& checks = audit_checks();
  std::atomic<std::size_t> next{0};
  const auto take = [&checks, &found, &next, skip](AuditScope& on) {
    for (std::size_t i = next++; i < checks.size(); i = next++) {
      if (i != skip) checks[i].run(on, found[i]);
    }
  };
  std::future<void> second;
  if (scope.options.share_from > 0 && entries >= scope.options.share_from) {
    second = run_beside(scope.file, [&scope, &take](storage::FundFile& other) {
      AuditScope theirs{other, scope.settings, scope.options, nullptr, scope.shared};
      take(theirs);
    });
  }
  take(scope);
  if (second.valid()) second.get();
}

}  // namespace

AuditReport run_audit(storage::FundFile& file, const AuditOptions& options) {
  // One view of the books for every check, even while others write. The file is read
  // through SQLite's page cache, not mapped: mapped pages count in the peak RSS (about
  // 450 MB of a 1M fund's 700 MB) and saved no time once the chain had its own thread.
  storage::FundFile::ReadSnapshot snapshot(file);
  const model::FundSettings settings = load_settings(file);
  AuditReport report;
  report.fund_name = settings.name;
  report.period_label = options.period ? options.period->label : "";
  report.as_of = options.today.iso();
  report.entries = storage::entry_count(file);
  // The chain, the costliest check, is verified beside the others.
  std::future<ChainReport> chain = verify_chain_beside(file);
  SharedReads shared;
  AuditScope scope{file, settings, options, chain.valid() ? &chain : nullptr, &shared};
  // Each check's findings in its own slot, reported in the registry's order; the
  // chain's slot is filled last, when its thread is done.
  const auto& checks = audit_checks();
  std::vector<std::vector<Finding>> found(checks.size());
  std::optional<std::size_t> chain_slot;
  if (scope.chain_beside != nullptr) {
    for (std::size_t i = 0; i < checks.size(); ++i) {
      if (checks[i].run == check_chain) chain_slot = i;
    }
  }
  run_checks(scope, found, chain_slot, report.entries);
  if (chain_slot) check_chain(scope, found[*chain_slot]);
  for (std::size_t i = 0; i < checks.size(); ++i) {
    report.checked.insert(report.checked.end(), checks[i].codes.begin(), checks[i].codes.end());
    for (auto& finding : found[i]) {
      if (concerns(finding, options.period)) report.findings.push_back(std::move(finding));
    }
  }
  return report;
}

}  // namespace cfund::books
