#pragma once
// Closing a period (结账). A close is a journal entry of kind period_close naming the
// last closed month; from then on books::append_entry refuses any entry dated on or
// before that month's last day (corrections go into the open period).

#include <cstdint>
#include <optional>
#include <string>

#include "books/journal.hpp"
#include "storage/fund_file.hpp"

namespace cfund::books {

struct ClosedPeriod {
  std::int64_t entry_id = 0;
  std::string through;  // YYYY-MM
  util::Date last_day;  // of that month
};

// Closes every month up to and including `month` ("2025-02"). Refuses (Refused) when
// the month has not ended yet, when it is not later than the latest closed month,
// or when the audit of the books up to its end finds errors.
ClosedPeriod close_period(storage::FundFile& file, const Recorder& recorder, const std::string& month);

// The latest closed month, if any ("2025-02").
std::optional<std::string> latest_closed_month(storage::FundFile& file);

}  // namespace cfund::books
