#pragma once
// The community side of a fund at a glance (`cfund fund show`): volunteers and their
// hours, micro-wishes by status, households, credit points held. None of it is money.

#include <cstdint>
#include <map>
#include <string>

#include "model/types.hpp"
#include "storage/fund_file.hpp"

namespace cfund::books {

struct CommunityOverview {
  model::PointsSettings points_rules;
  int volunteers = 0;
  std::int64_t sessions = 0;          // service recorded, voided ones left out
  std::int64_t service_hours = 0;     // hundredths
  std::map<std::string, int> wishes;  // by status (model::wish_status)
  int households = 0;
  std::int64_t points_holders = 0;      // people holding points above zero
  std::int64_t points_outstanding = 0;  // the points they hold
};

// As of the end of `date_iso` (points expire by then).
CommunityOverview community_overview(storage::FundFile& file, const std::string& date_iso);

}  // namespace cfund::books
