#pragma once
// Calendar dates (no time zone: the day something happened) and reporting periods.

#include <string>
#include <string_view>

#include "util/expected.hpp"

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
  std::string label;  // as normalised: "2025-03", "2025-Q1", "2025", "2025-01-10..2025-02-20"

  bool contains(const Date& d) const { return first <= d && d <= last; }
};

// "2025-03" (a month), "2025-Q1" (a quarter), "2025" (a year), or
// "FROM..TO" with two ISO dates, FROM <= TO.
Expected<Period> parse_period(std::string_view text);

}  // namespace cfund::util
