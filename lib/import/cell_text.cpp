#include "import/cell_text.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>

#include "util/date.hpp"

namespace cfund::import {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The format's tokens: quoted text, escaped characters and [..] sections removed,
// the first section only (a format may have "positive;negative;zero;text").
std::string format_tokens(std::string_view code) {
  std::string out;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == ';') break;
    if (c == '"') {
      const auto close = code.find('"', i + 1);
      if (close == std::string_view::npos) break;
      i = close;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // an escaped character, a padding width or a fill character
    } else if (c == '[') {
      const auto close = code.find(']', i + 1);
      if (close == std::string_view::npos) break;
      // [h], [mm], [ss]: elapsed time, still a time.
      const std::string_view inside = code.substr(i + 1, close - i - 1);
      if (!inside.empty() && (inside[0] == 'h' || inside[0] == 'H' || inside[0] == 's' || inside[0] == 'S')) {
        out += 'h';
      }
      i = close;
    } else {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
  }
  return out;
}

}  // namespace

DateKind number_format_kind(int id, std::string_view code) {
  if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || (id >= 34 && id <= 36) || (id >= 50 && id <= 58)) {
    return DateKind::date;
  }
  if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47) || id == 32 || id == 33) return DateKind::time;
  if (id == 22) return DateKind::date_time;
  if (code.empty()) return DateKind::none;
  const std::string tokens = format_tokens(code);
  const bool time = tokens.find_first_of("hs") != std::string::npos;
  const bool date = tokens.find_first_of("yd") != std::string::npos || (!time && tokens.find('m') != std::string::npos);
  if (date && time) return DateKind::date_time;
  if (date) return DateKind::date;
  return time ? DateKind::time : DateKind::none;
}

std::string decimal_text(std::string_view number) {
  std::size_t i = 0;
  const bool negative = !number.empty() && number[0] == '-';
  if (!number.empty() && (number[0] == '-' || number[0] == '+')) ++i;
  std::string digits;  // every digit of the mantissa
  long point = -1;     // digits before the decimal point
  for (; i < number.size() && (is_digit(number[i]) || number[i] == '.'); ++i) {
    if (number[i] == '.') {
      if (point >= 0) return std::string(number);
      point = static_cast<long>(digits.size());
    } else {
      digits += number[i];
    }
  }
  if (digits.empty()) return std::string(number);
  if (point < 0) point = static_cast<long>(digits.size());
  if (i < number.size()) {
    if (number[i] != 'e' && number[i] != 'E') return std::string(number);
    char* end = nullptr;
    const std::string exponent(number.substr(i + 1));
    const long shift = std::strtol(exponent.c_str(), &end, 10);
    if (exponent.empty() || *end != '\0' || shift > 40 || shift < -40) return std::string(number);
    point += shift;
  }
  // value = 0.digits × 10^point; no leading zeros, at most 15 significant digits.
  std::size_t lead = 0;
  while (lead < digits.size() && digits[lead] == '0') ++lead;
  digits.erase(0, lead);
  point -= static_cast<long>(lead);
  if (digits.empty()) return "0";
  if (digits.size() > 15) {
    const bool up = digits[15] >= '5';
    digits.resize(15);
    for (std::size_t k = digits.size(); up && k-- > 0;) {
      if (digits[k] == '9') {
        digits[k] = '0';
        if (k == 0) {
          digits.insert(digits.begin(), '1');
          ++point;
        }
      } else {
        ++digits[k];
        break;
      }
    }
  }
  while (!digits.empty() && digits.back() == '0') digits.pop_back();
  const long size = static_cast<long>(digits.size());
  std::string out = negative ? "-" : "";
  if (point <= 0) {
    out += "0." + std::string(static_cast<std::size_t>(-point), '0') + digits;
  } else if (point >= size) {
    out += digits + std::string(static_cast<std::size_t>(point - size), '0');
  } else {
    out += digits.substr(0, static_cast<std::size_t>(point)) + "." + digits.substr(static_cast<std::size_t>(point));
  }
  return out;
}

std::optional<std::string> serial_date_text(std::string_view serial, DateKind kind, bool date1904) {
  const std::string text = decimal_text(serial);
  if (text.empty() || !(is_digit(text[0]) || text[0] == '.')) return std::nullopt;  // no negative serials
  // A date and a time of day, not money: a long double holds the 15 digits exactly enough.
  const long double value = std::strtold(text.c_str(), nullptr);
  if (!(value < 2958466.0L)) return std::nullopt;  // after 9999-12-31
  long days = static_cast<long>(std::floor(value));
  long long seconds = std::llround((value - static_cast<long double>(days)) * 86400.0L);
  if (seconds >= 86400) {
    ++days;
    seconds -= 86400;
  }
  std::string date;
  if (kind != DateKind::time) {
    util::Date day;
    if (date1904) {
      day = util::Date{1904, 1, 1}.plus_days(days);
    } else if (days >= 61) {
      day = util::Date{1899, 12, 30}.plus_days(days);
    } else if (days >= 1 && days <= 59) {
      day = util::Date{1899, 12, 31}.plus_days(days);
    } else {
      return std::nullopt;  // 0 (no day) or Excel's 1900-02-29, which never was
    }
    date = day.iso();
  }
  const std::string time = fmt::format("{:02d}:{:02d}:{:02d}", seconds / 3600, seconds / 60 % 60, seconds % 60);
  if (kind == DateKind::time) return time;
  if (kind == DateKind::date) return date;
  return date + " " + time;
}

}  // namespace cfund::import
