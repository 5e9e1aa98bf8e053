#include "books/points.hpp"

#include <algorithm>
#include <deque>
#include <limits>
#include <set>
#include <tuple>

#include "books/fund.hpp"
#include "error.hpp"
#include "storage/community_queries.hpp"
#include "util/text.hpp"

namespace cfund::books {

namespace {

using Kind = PointsEvent::Kind;

bool earns(const PointsEvent& event) { return event.kind == Kind::donation || event.kind == Kind::service; }

bool by_date_and_entry(const PointsEvent& a, const PointsEvent& b) {
  return std::tie(a.date, a.entry_id) < std::tie(b.date, b.entry_id);
}

// Every points event of every holder up to `date_iso` (entries with id <= cutoff), by
// holder, in date and entry order; expiries are added by the simulation.
struct Journal {
  std::map<std::string, std::vector<PointsEvent>> events;
  std::map<std::string, bool> consent;
  std::map<std::string, std::int64_t> volunteers;  // name -> number
};

void add_earnings(storage::FundFile& file, const model::PointsSettings& rules, const std::string& date_iso,
                  std::int64_t cutoff, Journal& journal) {
  if (rules.per_yuan > 0) {
    for (const auto& gift : storage::points_donations(file, cutoff)) {
      if (gift.voided_by || gift.date > date_iso) continue;
      const std::int64_t points = gift.amount / 100 * rules.per_yuan;
      if (points <= 0) continue;
      PointsEvent event{Kind::donation, gift.date, gift.entry_id, points, gift.amount, 0, "", !gift.anonymous};
      journal.events[gift.donor_name].push_back(std::move(event));
    }
  }
  if (rules.per_hour > 0) {
    for (const auto& service : storage::services(file, "0000-01-01", date_iso, cutoff)) {
      if (service.voided_by) continue;
      const std::int64_t points = service.hours * rules.per_hour / 100;
      if (points <= 0) continue;
      PointsEvent event{Kind::service, service.date, service.entry_id, points, 0, service.hours, service.activity};
      journal.events[service.volunteer_name].push_back(std::move(event));
    }
  }
}

Journal read_journal(storage::FundFile& file, const model::PointsSettings& rules, const std::string& date_iso,
                     std::int64_t cutoff) {
  Journal journal;
  for (const auto& volunteer : storage::volunteers(file)) {
    if (volunteer.entry_id <= cutoff) journal.volunteers[volunteer.name] = volunteer.number;
  }
  add_earnings(file, rules, date_iso, cutoff, journal);
  for (const auto& redemption : storage::redemptions(file, cutoff)) {
    if (redemption.voided_by || redemption.date > date_iso) continue;
    journal.events[redemption.holder].push_back(
        {Kind::redemption, redemption.date, redemption.entry_id, -redemption.points, 0, 0, redemption.purpose});
  }
  for (const auto& consent : storage::consents(file, cutoff)) {
    if (consent.date <= date_iso) journal.consent[consent.holder] = consent.agreed;
  }
  for (auto& [holder, events] : journal.events) std::stable_sort(events.begin(), events.end(), by_date_and_entry);
  return journal;
}

// One holder's points run through in order: the oldest points are redeemed first, and
// what is left of them expires on its day.
class Simulation {
 public:
  Simulation(int expiry_months, PointsAccount& account) : months_(expiry_months), account_(account) {}

  void run(const std::vector<PointsEvent>& events, const std::string& date_iso) {
    for (const auto& event : events) {
      expire_until(event.date);
      if (earns(event)) {
        earn(event);
      } else {
        redeem(event);
      }
    }
    expire_until(date_iso);
    std::int64_t left = -deficit_;
    for (const auto& lot : lots_) left += lot.left;
    account_.balance = left;
  }
  const std::set<std::int64_t>& uncovered() const { return uncovered_; }

 private:
  struct Lot {
    std::string expires;  // "" never
    std::int64_t left = 0;
  };

  void expire_until(const std::string& date) {
    while (!lots_.empty() && !lots_.front().expires.empty() && lots_.front().expires <= date) {
      const Lot lot = lots_.front();
      lots_.pop_front();
      if (lot.left == 0) continue;
      account_.expired += lot.left;
      account_.events.push_back({Kind::expiry, lot.expires, 0, -lot.left, 0, 0, ""});
    }
  }

  void earn(const PointsEvent& event) {
    account_.earned += event.points;
    (event.kind == Kind::donation ? account_.from_donations : account_.from_service) += event.points;
    account_.events.push_back(event);
    const std::int64_t repaid = std::min(deficit_, event.points);
    deficit_ -= repaid;
    if (event.points > repaid) lots_.push_back({points_expiry(event.date, months_), event.points - repaid});
  }

  void redeem(const PointsEvent& event) {
    std::int64_t wanted = -event.points;
    account_.redeemed += wanted;
    account_.events.push_back(event);
    while (wanted > 0 && !lots_.empty()) {
      const std::int64_t taken = std::min(wanted, lots_.front().left);
      lots_.front().left -= taken;
      wanted -= taken;
      if (lots_.front().left == 0) lots_.pop_front();
    }
    if (wanted > 0) {
      deficit_ += wanted;
      uncovered_.insert(event.entry_id);
    }
  }

  int months_;
  PointsAccount& account_;
  std::deque<Lot> lots_;
  std::int64_t deficit_ = 0;
  std::set<std::int64_t> uncovered_;
};

PointsAccount simulate(const std::string& holder, const Journal& journal, const std::vector<PointsEvent>& events,
                       int expiry_months, const std::string& date_iso, std::set<std::int64_t>* uncovered = nullptr) {
  PointsAccount account;
  account.holder = holder;
  if (auto found = journal.volunteers.find(holder); found != journal.volunteers.end())
    account.volunteer = found->second;
  if (auto found = journal.consent.find(holder); found != journal.consent.end()) account.consent = found->second;
  Simulation simulation(expiry_months, account);
  simulation.run(events, date_iso);
  if (uncovered != nullptr) *uncovered = simulation.uncovered();
  return account;
}

std::map<std::string, PointsAccount> accounts_of(const Journal& journal, int expiry_months,
                                                 const std::string& date_iso) {
  std::map<std::string, PointsAccount> accounts;
  for (const auto& [holder, events] : journal.events) {
    accounts[holder] = simulate(holder, journal, events, expiry_months, date_iso);
  }
  for (const auto& [holder, agreed] : journal.consent) {
    if (accounts.count(holder) == 0) accounts[holder] = simulate(holder, journal, {}, expiry_months, date_iso);
  }
  return accounts;
}

}  // namespace

std::string points_expiry(const std::string& earned, int expiry_months) {
  if (expiry_months <= 0) return "";
  const auto date = util::parse_date(earned);
  if (!date) return "";
  const int months = date->month - 1 + expiry_months;
  const int year = date->year + months / 12;
  const int month = months % 12 + 1;
  if (year > 9999) return "";
  return util::Date{year, month, std::min(date->day, util::days_in_month(year, month))}.iso();
}

std::map<std::string, PointsAccount> points_accounts(storage::FundFile& file, const std::string& date_iso,
                                                     std::int64_t cutoff) {
  const auto rules = load_settings(file).points;
  return accounts_of(read_journal(file, rules, date_iso, cutoff), rules.expiry_months, date_iso);
}

std::string find_points_holder(storage::FundFile& file, const std::string& number_or_name, const char* option) {
  const std::string wanted = util::trim(number_or_name);
  for (const auto& volunteer : storage::volunteers(file)) {
    if (volunteer.name == wanted) return wanted;
  }
  if (!wanted.empty() && storage::known_donor(file, wanted)) return wanted;
  const bool looks_like_number = !wanted.empty() && (wanted[0] == 'V' || wanted[0] == 'v') &&
                                 wanted.find_first_not_of("0123456789", 1) == std::string::npos && wanted.size() > 1;
  if (looks_like_number) {
    for (const auto& volunteer : storage::volunteers(file)) {
      if (volunteer.number == std::stoll(wanted.substr(1))) return volunteer.name;
    }
  }
  throw InputError(bilingual("{0}：“{1}”不是已登记的志愿者，也不是捐赠人（积分按姓名记在捐赠人或志愿者名下）",
                             "{0}: '{1}' is neither a registered volunteer nor a donor (points are kept by the name "
                             "of a donor or a volunteer)",
                             option, wanted));
}

PointsAccount points_account(storage::FundFile& file, const std::string& holder, const std::string& date_iso) {
  auto accounts = points_accounts(file, date_iso);
  if (auto found = accounts.find(holder); found != accounts.end()) return found->second;
  PointsAccount empty;
  empty.holder = holder;
  for (const auto& volunteer : storage::volunteers(file)) {
    if (volunteer.name == holder) empty.volunteer = volunteer.number;
  }
  return empty;
}

std::int64_t redeem_points(storage::FundFile& file, const Recorder& recorder, const RedeemInput& input) {
  if (input.points <= 0) {
    throw InputError(bilingual("--points：兑换的积分必须是大于零的整数", "--points: redeem a whole number above zero"));
  }
  const std::string purpose = util::trim(input.purpose);
  if (purpose.empty()) {
    throw InputError(bilingual("--for：请写兑换了什么，如 理发服务、大米一袋", "--for: say what the points are for"));
  }
  storage::FundFile::WriteTransaction tx(file);
  const std::string holder = find_points_holder(file, input.holder, "PERSON");
  const auto rules = load_settings(file).points;
  const Journal journal = read_journal(file, rules, "9999-12-31", storage::kNoCutoff);
  std::vector<PointsEvent> events;
  if (auto found = journal.events.find(holder); found != journal.events.end()) events = found->second;
  std::set<std::int64_t> uncovered_before;
  simulate(holder, journal, events, rules.expiry_months, "9999-12-31", &uncovered_before);
  const std::int64_t mark = std::numeric_limits<std::int64_t>::max();
  events.push_back({Kind::redemption, input.date.iso(), mark, -input.points, 0, 0, purpose});
  std::stable_sort(events.begin(), events.end(), by_date_and_entry);
  std::set<std::int64_t> uncovered_after;
  simulate(holder, journal, events, rules.expiry_months, "9999-12-31", &uncovered_after);
  if (uncovered_after.count(mark) != 0) {
    const std::int64_t balance = points_account(file, holder, input.date.iso()).balance;
    throw Refused(bilingual("积分不足：{0} 在 {1} 有 {2} 积分，本次要兑换 {3}",
                            "not enough points: {0} holds {2} on {1}, this redeems {3}", holder, input.date.iso(),
                            std::max<std::int64_t>(balance, 0), input.points));
  }
  for (const std::int64_t entry : uncovered_after) {
    if (uncovered_before.count(entry) != 0) continue;
    throw Refused(bilingual("积分不足：这样兑换后，{0} 之后第 {1} 号分录的兑换将超出积分余额",
                            "not enough points: this would leave the later redemption of entry {1} by {0} beyond the "
                            "balance",
                            holder, entry));
  }
  EntryDraft draft;
  draft.kind = model::entry_kind::points_redemption;
  draft.date = input.date;
  draft.memo = input.memo;
  draft.detail.set("holder", holder).set("points", input.points).set("purpose", purpose);
  const std::int64_t id = append_entry(file, recorder, draft);
  tx.commit();
  return id;
}

std::int64_t record_consent(storage::FundFile& file, const Recorder& recorder, const std::string& typed_holder,
                            bool agreed, const util::Date& date) {
  storage::FundFile::WriteTransaction tx(file);
  const std::string holder = find_points_holder(file, typed_holder, "PERSON");
  bool current = false;
  for (const auto& consent : storage::consents(file)) {
    if (consent.holder == holder) current = consent.agreed;
  }
  if (current == agreed) {
    throw Refused(agreed ? bilingual("{0} 已同意在公示中列名", "{0} has already agreed to be named", holder)
                         : bilingual("{0} 没有同意过在公示中列名", "{0} has not agreed to be named", holder));
  }
  EntryDraft draft;
  draft.kind = model::entry_kind::consent;
  draft.date = date;
  draft.detail.set("holder", holder).set("public", std::int64_t{agreed ? 1 : 0});
  const std::int64_t id = append_entry(file, recorder, draft);
  tx.commit();
  return id;
}

std::vector<TopContributor> top_contributors(storage::FundFile& file, const util::Date& last, std::int64_t cutoff,
                                             int limit) {
  std::vector<TopContributor> top;
  if (limit <= 0) return top;
  const std::string first = util::Date{last.year, 1, 1}.iso();
  for (const auto& [holder, account] : points_accounts(file, last.iso(), cutoff)) {
    if (!account.consent) continue;
    TopContributor line{holder, 0, 0};
    for (const auto& event : account.events) {
      if (!earns(event) || !event.in_the_open || event.date < first) continue;
      line.points += event.points;
      line.hours += event.hours;
    }
    if (line.points > 0) top.push_back(line);
  }
  std::stable_sort(top.begin(), top.end(), [](const TopContributor& a, const TopContributor& b) {
    return std::tie(b.points, a.name) < std::tie(a.points, b.name);
  });
  if (top.size() > static_cast<std::size_t>(limit)) top.resize(static_cast<std::size_t>(limit));
  return top;
}

PointsPeriod points_in_period(storage::FundFile& file, const util::Period& period, std::int64_t cutoff) {
  PointsPeriod summary;
  const std::string first = period.first.iso();
  for (const auto& [holder, account] : points_accounts(file, period.last.iso(), cutoff)) {
    if (account.balance > 0) {
      ++summary.holders;
      summary.outstanding += account.balance;
    }
    for (const auto& event : account.events) {
      if (event.date < first) continue;
      switch (event.kind) {
        case Kind::donation:
          summary.from_donations += event.points;
          break;
        case Kind::service:
          summary.from_service += event.points;
          break;
        case Kind::redemption: {
          summary.redeemed -= event.points;
          ++summary.redemptions;
          auto& line = summary.by_purpose[event.text];
          ++line.first;
          line.second -= event.points;
          break;
        }
        case Kind::expiry:
          summary.expired -= event.points;
          break;
      }
    }
  }
  return summary;
}

}  // namespace cfund::books
