#include "model/types.hpp"

namespace cfund::model {

Fen FundSettings::approval_threshold_for(const std::string& category) const {
  auto found = approval_thresholds.find(category);
  return found == approval_thresholds.end() ? approval_threshold : found->second;
}

int FundSettings::relief_window_for(const std::string& beneficiary_category) const {
  auto found = relief_windows.find(beneficiary_category);
  return found == relief_windows.end() ? relief_window_days : found->second;
}

}  // namespace cfund::model
