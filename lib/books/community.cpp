#include "books/community.hpp"

#include "books/fund.hpp"
#include "books/points.hpp"
#include "books/wishes.hpp"
#include "storage/community_queries.hpp"

namespace cfund::books {

CommunityOverview community_overview(storage::FundFile& file, const std::string& date_iso) {
  storage::FundFile::ReadSnapshot snapshot(file);
  CommunityOverview view;
  view.points_rules = load_settings(file).points;
  view.volunteers = static_cast<int>(storage::volunteers(file).size());
  for (const auto& service : storage::services(file, "0000-01-01", "9999-12-31")) {
    if (service.voided_by) continue;
    ++view.sessions;
    view.service_hours += service.hours;
  }
  for (const auto& wish : wishes_as_of(file, "9999-12-31")) ++view.wishes[wish.status];
  view.households = static_cast<int>(storage::households(file).size());
  for (const auto& [holder, account] : points_accounts(file, date_iso)) {
    if (account.balance <= 0) continue;
    ++view.points_holders;
    view.points_outstanding += account.balance;
  }
  return view;
}

}  // namespace cfund::books
