#pragma once
// Calendar dates (no time zone: the day something happened) and reporting periods.

#include <string>
#include <string_view>

#include "util/expected.hpp"
#include "util/message.hpp"

namespace cfund::util {

struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;

  std::string iso() const;  // "2025-03-05"
  // Days since 1970-01-01 (may be negative): for date arithmetic and windows.
  long days_since_epoch() const;
  static Date from_days_since_epoch(long days);
  Date plus_days(long days) const { return from_days_since_epoch(days_since_epoch() + days); }

  friend bool operator==(const Date& a, const Date& b) {
    return a.year == b.year && a.month == b.month && a.day == b.day;
  }
  friend bool operator!=(const Date& a, const Date& b) { return !(a == b); }
  friend bool operator<(const Date& a, const Date& b) { return a.days_since_epoch() < b.days_since_epoch(); }
  friend bool operator<=(const Date& a, const Date& b) { return !(b < a); }
  friend bool operator>(const Date& a, const Date& b) { return b < a; }
  friend bool operator>=(const Date& a, const Date& b) { return !(a < b); }
};

bool is_leap_year(int year);
// The first and the last day of a year as ISO text ("2025-01-01", "2025-12-31"): a year's
// range as dates stored as text compare (BETWEEN).
std::string first_day_of_year(int year);
std::string last_day_of_year(int year);
int days_in_month(int year, int month);

// Strict ISO form only: "2025-03-05" (what the command line takes).
Expected<Date> parse_date(std::string_view text);

// What statements and spreadsheets write: "2025-03-05", "2025/3/5", "2025.3.5",
// "2025年3月5日", "20250305", each optionally followed by a time
// ("2025-03-05 14:22:01", "2025/3/5 9:05", "2025-03-05T14:22:01"); full-width
// digits accepted; surrounding spaces ignored. The time is checked and dropped.
Expected<Date> parse_statement_date(std::string_view text);

// A reporting period: an inclusive range of dates with the label it was given.
struct Period {
  Date first;
  Date last;
  std::string label;  // as normalised: "2025-03", "2025-Q1", "2025", "2025-01-10..2025-02-20", "2023-10..2024-09"

  bool contains(const Date& d) const { return first <= d && d <= last; }
};

// "2025-03" (a month), "2025-Q1" (a quarter), "2025" (a year), or "FROM..TO",
// FROM <= TO, each end a month (2023-10: from its first day, to its last) or an ISO
// date.
Expected<Period> parse_period(std::string_view text);

// 2025年3月5日 / 5 March 2025.
std::string date_in_words(const Date& date, Lang lang);

// The period as a notice's title says it: 2025年3月, 2025年第一季度, 2025年度,
// 2023年10月至2024年9月, 2025年3月5日至2025年4月20日 / March 2025, Q1 2025, the year
// 2025, October 2023 to September 2024, 5 March 2025 to 20 April 2025. A period made
// by parse_period; any other label is returned as it is.
std::string period_in_words(const Period& period, Lang lang);

}  // namespace cfund::util
