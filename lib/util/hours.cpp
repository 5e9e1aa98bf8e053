#include "util/hours.hpp"

#include "util/text.hpp"

namespace cfund::util {

namespace {

constexpr Hundredths kMaxHours = 1000000LL * 100;

Message not_hours(std::string_view text) {
  return bilingual("“{0}”不是时长：应为大于零的小时数，最多两位小数（如 2、1.5）",
                   "'{0}' is not a number of hours: a number above zero with at most two decimals (e.g. 2, 1.5)", text);
}

// "2小时", "2 h", "2hours": the unit people write after the number.
std::string without_unit(std::string text) {
  for (const std::string unit : {"小时", "hours", "hour", "hrs", "hr", "h", "H"}) {
    if (text.size() > unit.size() && text.compare(text.size() - unit.size(), unit.size(), unit) == 0) {
      return trim(text.substr(0, text.size() - unit.size()));
    }
  }
  return text;
}

}  // namespace

Expected<Hundredths> parse_hours(std::string_view text) {
  const std::string folded = without_unit(trim(fold_full_width(text)));
  Hundredths whole = 0;
  Hundredths fraction = 0;
  int decimals = -1;  // -1: no point seen
  bool digits = false;
  for (const char c : folded) {
    if (c == '.' && decimals < 0) {
      decimals = 0;
      continue;
    }
    if (c < '0' || c > '9') return not_hours(text);
    digits = true;
    if (decimals >= 0) {
      if (++decimals > 2) return not_hours(text);
      fraction = fraction * 10 + (c - '0');
    } else {
      whole = whole * 10 + (c - '0');
      if (whole > kMaxHours / 100) return not_hours(text);
    }
  }
  if (!digits || decimals == 0) return not_hours(text);
  for (int d = decimals < 0 ? 0 : decimals; d < 2; ++d) fraction *= 10;
  const Hundredths hours = whole * 100 + fraction;
  if (hours <= 0) return not_hours(text);
  return hours;
}

std::string format_hours(Hundredths hours) {
  const bool negative = hours < 0;
  const Hundredths magnitude = negative ? -hours : hours;
  std::string text = (negative ? "-" : "") + std::to_string(magnitude / 100);
  const Hundredths fraction = magnitude % 100;
  if (fraction == 0) return text;
  std::string places = std::to_string(100 + fraction).substr(1);
  if (places.back() == '0') places.pop_back();
  return text + "." + places;
}

}  // namespace cfund::util
