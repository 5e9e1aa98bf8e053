#pragma once
// Credit points (积分): residents and firms earn them by donating and by volunteer
// service, by the fund's [points] rules (points per yuan, per hour, expiry), and redeem
// them for services or goods. Points are whole numbers and never money: they touch no
// money total, no balance and no ratio.
//
// The ledger is derived, never stored: earnings follow from the donations (money, and
// goods at their value, that name their donor; voided ones earn nothing) and the
// service hours in the journal; redemptions are entries (kind points_redemption). Points
// are kept by the person's name, a donor's or a volunteer's (a volunteer who also gives
// under the same name has one account). Redemption takes the oldest points first;
// points not redeemed expire `expiry_months` after the day they were earned.
//
// The rule: a redemption never goes beyond the balance on its day, and never leaves a
// later redemption uncovered (a backdated one included).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "books/journal.hpp"
#include "model/community.hpp"
#include "model/types.hpp"
#include "storage/economy_queries.hpp"
#include "storage/fund_file.hpp"
#include "util/date.hpp"

namespace cfund::books {

// One line of a person's points history.
struct PointsEvent {
  enum class Kind { donation, service, redemption, expiry };
  Kind kind = Kind::donation;
  std::string date;
  std::int64_t entry_id = 0;  // 0 for an expiry
  std::int64_t points = 0;    // signed: earned positive, redeemed and expired negative
  Fen amount = 0;             // donation: the gift's value
  std::int64_t hours = 0;     // service: hundredths of an hour
  std::string text;           // service: the activity; redemption: what for
  bool in_the_open = true;    // donation: not anonymous (what a public list may count)
};

struct PointsAccount {
  std::string holder;
  std::optional<std::int64_t> volunteer;  // V number, when the holder is a volunteer
  std::int64_t earned = 0;
  std::int64_t redeemed = 0;
  std::int64_t expired = 0;
  std::int64_t balance = 0;  // earned − redeemed − expired (below zero only after a void took back what was spent)
  std::int64_t from_donations = 0;
  std::int64_t from_service = 0;
  bool consent = false;             // agreed to be named among the year's top contributors
  std::vector<PointsEvent> events;  // in date order, expiries on the day they fall
};

// Every account as of the end of `date_iso`, counting entries with id <= cutoff, by
// holder name. Only holders with any points event or consent are there.
std::map<std::string, PointsAccount> points_accounts(storage::FundFile& file, const std::string& date_iso,
                                                     std::int64_t cutoff = storage::kNoCutoff);

// The holder a person means: V0001 or a volunteer's name, or a donor's name. InputError
// naming `option` when no donor or volunteer has that name.
std::string find_points_holder(storage::FundFile& file, const std::string& number_or_name, const char* option);
PointsAccount points_account(storage::FundFile& file, const std::string& holder, const std::string& date_iso);

struct RedeemInput {
  util::Date date;
  std::string holder;  // as typed: V0001 or a name
  std::int64_t points = 0;
  std::string purpose;  // 理发服务, 大米一袋 ...
  std::string memo;
};
// One transaction; refuses (Refused) points beyond the balance.
std::int64_t redeem_points(storage::FundFile& file, const Recorder& recorder, const RedeemInput& input);

// Records that the person agrees (or no longer agrees) to be named among the year's top
// contributors in notices.
std::int64_t record_consent(storage::FundFile& file, const Recorder& recorder, const std::string& holder, bool agreed,
                            const util::Date& date);

// The year's top contributors a notice may name: those who agreed, by the points they
// earned in the open (service and donations that are not anonymous) from the first day
// of `last`'s year to `last`, most first, at most `limit`.
struct TopContributor {
  std::string name;
  std::int64_t points = 0;
  std::int64_t hours = 0;  // hundredths of service hours in those days
};
std::vector<TopContributor> top_contributors(storage::FundFile& file, const util::Date& last, std::int64_t cutoff,
                                             int limit);

// Points in a period: earned, redeemed (by what for), expired.
struct PointsPeriod {
  std::int64_t from_donations = 0;
  std::int64_t from_service = 0;
  std::int64_t redeemed = 0;
  std::int64_t redemptions = 0;
  std::int64_t expired = 0;
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> by_purpose;  // purpose -> (times, points)
  std::int64_t holders = 0;      // accounts with a balance above zero at the period's end
  std::int64_t outstanding = 0;  // their balances, summed
  bool any() const { return from_donations + from_service + redeemed + expired + outstanding != 0; }
};
PointsPeriod points_in_period(storage::FundFile& file, const util::Period& period, std::int64_t cutoff);

// The day points earned on `earned` expire (they can be redeemed up to the day before),
// or "" when they never do.
std::string points_expiry(const std::string& earned, int expiry_months);

}  // namespace cfund::books
