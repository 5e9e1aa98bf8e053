// Fuzz target: the date and period parsers (util::parse_date, parse_statement_date,
// parse_period). A date they accept is a real calendar date that prints back to
// itself; a period they accept runs forwards.

#include <string_view>

#include "fuzz_target.hpp"
#include "util/date.hpp"

namespace {

void check_date(const cfund::util::Date& date) {
  FUZZ_CHECK(date.month >= 1 && date.month <= 12);
  FUZZ_CHECK(date.day >= 1 && date.day <= cfund::util::days_in_month(date.year, date.month));
  const auto again = cfund::util::parse_date(date.iso());
  FUZZ_CHECK(again && *again == date);
  FUZZ_CHECK(cfund::util::Date::from_days_since_epoch(date.days_since_epoch()) == date);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (const auto date = cfund::util::parse_date(text)) check_date(*date);
  if (const auto date = cfund::util::parse_statement_date(text)) check_date(*date);
  if (const auto period = cfund::util::parse_period(text)) {
    check_date(period->first);
    check_date(period->last);
    FUZZ_CHECK(period->first <= period->last);
    const auto again = cfund::util::parse_period(period->label);
    FUZZ_CHECK(again && again->first == period->first && again->last == period->last);
  }
  return 0;
}
