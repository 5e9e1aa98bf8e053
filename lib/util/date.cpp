#include "util/date.hpp"

#include <fmt/format.h>

#include "util/text.hpp"

namespace cfund::util {

namespace {

constexpr int kMinYear = 1900;
constexpr int kMaxYear = 9999;

const char* const kMonthNames[12] = {"January", "February", "March",     "April",   "May",      "June",
                                     "July",    "August",   "September", "October", "November", "December"};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The value of text[pos, pos + n) if those are all ASCII digits, else -1.
// n is small (at most 8) so the value fits an int.
int digits_at(std::string_view text, std::size_t pos, std::size_t n) {
  if (pos > text.size() || text.size() - pos < n) return -1;
  int value = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (!is_digit(text[i])) return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

// How many ASCII digits start at pos.
std::size_t digit_run(std::string_view text, std::size_t pos) {
  std::size_t n = 0;
  while (pos + n < text.size() && is_digit(text[pos + n])) ++n;
  return n;
}

// The text as an error message shows it: on one line, without outer spaces.
std::string shown(std::string_view text) { return trim(single_line(text)); }

Message bad_date_format(std::string_view text) {
  return bilingual("日期“{0}”无效：应为 YYYY-MM-DD", "date '{0}' is not valid: expected YYYY-MM-DD", shown(text));
}

Message bad_statement_format(std::string_view text) {
  return bilingual("日期“{0}”无效：应为 2025-03-05、2025/3/5、2025.3.5、2025年3月5日或 20250305 这样的形式",
                   "date '{0}' is not valid: expected a form such as 2025-03-05, 2025/3/5, "
                   "2025.3.5, 2025年3月5日 or 20250305",
                   shown(text));
}

// Checks the numbers against the calendar; `text` is only for the message.
Expected<Date> make_date(std::string_view text, int year, int month, int day) {
  if (year < kMinYear || year > kMaxYear) {
    return bilingual("日期“{0}”无效：年份应在 1900 到 9999 之间",
                     "date '{0}' is not valid: the year must be from 1900 to 9999", shown(text));
  }
  if (month < 1 || month > 12) {
    return bilingual("日期“{0}”无效：没有{1}月", "date '{0}' is not valid: there is no month {1}", shown(text), month);
  }
  if (day < 1 || day > days_in_month(year, month)) {
    return bilingual("日期“{0}”无效：{1}年{2}月没有{3}日", "date '{0}' is not valid: {4} {1} has no day {3}",
                     shown(text), year, month, day, kMonthNames[month - 1]);
  }
  return Date{year, month, day};
}

// "H:MM", "HH:MM" or "HH:MM:SS", each part in range.
Expected<bool> check_time(std::string_view whole, std::string_view time) {
  const std::size_t hour_digits = digit_run(time, 0);
  bool well_formed = (hour_digits == 1 || hour_digits == 2) && time.size() > hour_digits && time[hour_digits] == ':';
  int hour = -1, minute = -1, second = 0;
  if (well_formed) {
    hour = digits_at(time, 0, hour_digits);
    const std::size_t m = hour_digits + 1;
    minute = digits_at(time, m, 2);
    if (minute < 0) {
      well_formed = false;
    } else if (time.size() == m + 2) {
      // no seconds
    } else if (time.size() == m + 5 && time[m + 2] == ':') {
      second = digits_at(time, m + 3, 2);
      well_formed = second >= 0;
    } else {
      well_formed = false;
    }
  }
  if (!well_formed) {
    return bilingual("日期“{0}”无效：时间“{1}”应为 HH:MM 或 HH:MM:SS",
                     "date '{0}' is not valid: the time '{1}' should be HH:MM or HH:MM:SS", shown(whole), shown(time));
  }
  if (hour > 23 || minute > 59 || second > 59) {
    return bilingual("日期“{0}”无效：时间“{1}”超出范围", "date '{0}' is not valid: the time '{1}' is out of range",
                     shown(whole), shown(time));
  }
  return true;
}

Message bad_period_format(std::string_view text) {
  return bilingual("期间“{0}”无效：应为 YYYY、YYYY-MM、YYYY-Qn 或 FROM..TO（两端各为 YYYY-MM 或 YYYY-MM-DD）",
                   "period '{0}' is not valid: expected YYYY, YYYY-MM, YYYY-Qn or FROM..TO "
                   "(each end YYYY-MM or YYYY-MM-DD)",
                   shown(text));
}

Expected<int> period_year(std::string_view text, int year) {
  if (year < kMinYear || year > kMaxYear) {
    return bilingual("期间“{0}”无效：年份应在 1900 到 9999 之间",
                     "period '{0}' is not valid: the year must be from 1900 to 9999", shown(text));
  }
  return year;
}

}  // namespace

std::string Date::iso() const { return fmt::format("{:04d}-{:02d}-{:02d}", year, month, day); }

// Howard Hinnant's days_from_civil: counts in 400-year eras starting on March 1 so
// that the leap day falls at the end of each year.
long Date::days_since_epoch() const {
  const long y = static_cast<long>(year) - (month <= 2 ? 1 : 0);
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;                                    // [0, 399]
  const long mp = (static_cast<long>(month) + 9) % 12;               // March = 0
  const long doy = (153 * mp + 2) / 5 + static_cast<long>(day) - 1;  // [0, 365]
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;            // [0, 146096]
  return era * 146097 + doe - 719468;                                // 719468: days from 0000-03-01 to 1970-01-01
}

// Howard Hinnant's civil_from_days, the inverse of the above.
Date Date::from_days_since_epoch(long days) {
  const long z = days + 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;                                       // [0, 146096]
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                // [0, 365]
  const long mp = (5 * doy + 2) / 153;                                     // [0, 11]
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);          // [1, 31]
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);           // [1, 12]
  const long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return Date{static_cast<int>(year), month, day};
}

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

std::string first_day_of_year(int year) { return fmt::format("{:04d}-01-01", year); }
std::string last_day_of_year(int year) { return fmt::format("{:04d}-12-31", year); }

int days_in_month(int year, int month) {
  static const int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2 && is_leap_year(year)) return 29;
  return kDays[month - 1];
}

Expected<Date> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return bad_date_format(text);
  const int year = digits_at(text, 0, 4);
  const int month = digits_at(text, 5, 2);
  const int day = digits_at(text, 8, 2);
  if (year < 0 || month < 0 || day < 0) return bad_date_format(text);
  return make_date(text, year, month, day);
}

Expected<Date> parse_statement_date(std::string_view original) {
  // Fold first so that full-width digits, punctuation and spaces act as ASCII ones.
  const std::string folded = trim(fold_full_width(original));
  const std::string_view text = folded;

  int year = -1, month = -1, day = -1;
  std::size_t pos = 0;
  const std::size_t lead = digit_run(text, 0);
  if (lead == 8) {
    // "20250305"
    year = digits_at(text, 0, 4);
    month = digits_at(text, 4, 2);
    day = digits_at(text, 6, 2);
    pos = 8;
  } else if (lead == 4) {
    year = digits_at(text, 0, 4);
    pos = 4;
    // The separator after the year decides the rest of the form.
    std::string_view after_month, after_day;
    bool one_digit_ok = true;
    constexpr std::string_view kNian = "年", kYue = "月", kRi = "日";
    if (text.substr(pos, kNian.size()) == kNian) {
      pos += kNian.size();
      after_month = kYue;
      after_day = kRi;
    } else if (pos < text.size() && (text[pos] == '/' || text[pos] == '.' || text[pos] == '-')) {
      one_digit_ok = text[pos] != '-';  // the dashed form is ISO: always two digits
      after_month = text.substr(pos, 1);
      ++pos;
    } else {
      return bad_statement_format(original);
    }
    auto number = [&](int& out) {
      const std::size_t n = digit_run(text, pos);
      if (n == 2 || (n == 1 && one_digit_ok)) {
        out = digits_at(text, pos, n);
        pos += n;
        return true;
      }
      return false;
    };
    if (!number(month) || text.substr(pos, after_month.size()) != after_month) {
      return bad_statement_format(original);
    }
    pos += after_month.size();
    if (!number(day) || text.substr(pos, after_day.size()) != after_day) {
      return bad_statement_format(original);
    }
    pos += after_day.size();
  } else {
    return bad_statement_format(original);
  }

  // An optional time after one 'T' or some spaces; it is checked, then dropped.
  if (pos < text.size()) {
    if (text[pos] == 'T') {
      ++pos;
    } else if (text[pos] == ' ') {
      while (pos < text.size() && text[pos] == ' ') ++pos;
    } else {
      return bad_statement_format(original);
    }
    auto time_ok = check_time(original, text.substr(pos));
    if (!time_ok) return time_ok.error();
  }
  return make_date(original, year, month, day);
}

namespace {

// One end of a FROM..TO range: a month (its first or last day) or a date.
Expected<Date> range_end(std::string_view whole, std::string_view end, bool last) {
  if (end.size() == 7 && end[4] == '-') {
    const int year = digits_at(end, 0, 4);
    const int month = digits_at(end, 5, 2);
    if (year < 0 || month < 0) return bad_period_format(whole);
    auto y = period_year(whole, year);
    if (!y) return y.error();
    if (month < 1 || month > 12) {
      return bilingual("期间“{0}”无效：没有{1}月", "period '{0}' is not valid: there is no month {1}", shown(whole),
                       month);
    }
    return Date{year, month, last ? days_in_month(year, month) : 1};
  }
  if (end.size() != 10) return bad_period_format(whole);
  return parse_date(end);
}

}  // namespace

Expected<Period> parse_period(std::string_view text) {
  const std::size_t dots = text.find("..");
  if (dots != std::string_view::npos) {
    const std::string_view from_text = text.substr(0, dots);
    const std::string_view to_text = text.substr(dots + 2);
    if (from_text.empty() || to_text.empty()) return bad_period_format(text);
    auto from = range_end(text, from_text, false);
    if (!from) return from.error();
    auto to = range_end(text, to_text, true);
    if (!to) return to.error();
    if (*to < *from) {
      return bilingual("期间“{0}”无效：开始日期 {1} 晚于结束日期 {2}",
                       "period '{0}' is not valid: the start {1} is after the end {2}", shown(text), from->iso(),
                       to->iso());
    }
    return Period{*from, *to, std::string(from_text) + ".." + std::string(to_text)};
  }

  const int year = digits_at(text, 0, 4);
  if (year < 0) return bad_period_format(text);

  if (text.size() == 4) {
    auto y = period_year(text, year);
    if (!y) return y.error();
    return Period{Date{year, 1, 1}, Date{year, 12, 31}, fmt::format("{:04d}", year)};
  }

  if (text.size() == 7 && text[4] == '-' && (text[5] == 'Q' || text[5] == 'q')) {
    const int quarter = digits_at(text, 6, 1);
    if (quarter < 0) return bad_period_format(text);
    auto y = period_year(text, year);
    if (!y) return y.error();
    if (quarter < 1 || quarter > 4) {
      return bilingual("期间“{0}”无效：没有第{1}季度", "period '{0}' is not valid: there is no quarter {1}",
                       shown(text), quarter);
    }
    const int first_month = (quarter - 1) * 3 + 1;
    const int last_month = first_month + 2;
    return Period{Date{year, first_month, 1}, Date{year, last_month, days_in_month(year, last_month)},
                  fmt::format("{:04d}-Q{}", year, quarter)};
  }

  if (text.size() == 7 && text[4] == '-') {
    const int month = digits_at(text, 5, 2);
    if (month < 0) return bad_period_format(text);
    auto y = period_year(text, year);
    if (!y) return y.error();
    if (month < 1 || month > 12) {
      return bilingual("期间“{0}”无效：没有{1}月", "period '{0}' is not valid: there is no month {1}", shown(text),
                       month);
    }
    return Period{Date{year, month, 1}, Date{year, month, days_in_month(year, month)},
                  fmt::format("{:04d}-{:02d}", year, month)};
  }

  return bad_period_format(text);
}

std::string date_in_words(const Date& date, Lang lang) {
  return lang == Lang::en ? fmt::format("{} {} {}", date.day, kMonthNames[date.month - 1], date.year)
                          : fmt::format("{}年{}月{}日", date.year, date.month, date.day);
}

namespace {

std::string month_in_words(const Date& date, Lang lang) {
  return lang == Lang::en ? fmt::format("{} {}", kMonthNames[date.month - 1], date.year)
                          : fmt::format("{}年{}月", date.year, date.month);
}

}  // namespace

std::string period_in_words(const Period& period, Lang lang) {
  static const char* kQuarters[] = {"一", "二", "三", "四"};
  const std::string& label = period.label;
  const auto dots = label.find("..");
  if (dots != std::string::npos) {
    // Each end as it was given: a month, or a day.
    const auto end = [&](std::size_t length, const Date& date) {
      return length == 7 ? month_in_words(date, lang) : date_in_words(date, lang);
    };
    const std::string from = end(dots, period.first), to = end(label.size() - dots - 2, period.last);
    return lang == Lang::en ? fmt::format("{} to {}", from, to) : fmt::format("{}至{}", from, to);
  }
  if (label.size() == 7 && label[5] == 'Q') {
    const int quarter = (period.first.month - 1) / 3;
    return lang == Lang::en ? fmt::format("Q{} {}", quarter + 1, period.first.year)
                            : fmt::format("{}年第{}季度", period.first.year, kQuarters[quarter]);
  }
  if (label.size() == 7) return month_in_words(period.first, lang);
  if (label.size() == 4) return lang == Lang::en ? fmt::format("the year {}", label) : fmt::format("{}年度", label);
  return label;
}

}  // namespace cfund::util
