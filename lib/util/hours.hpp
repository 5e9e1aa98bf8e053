#pragma once
// Hours of volunteer service (志愿服务时长): positive decimals with at most two places
// (1.5, 0.25), kept as an integer number of hundredths so that hours add up exactly.

#include <cstdint>
#include <string>
#include <string_view>

#include "util/expected.hpp"

namespace cfund::util {

using Hundredths = std::int64_t;  // hundredths of an hour

// Parses "3", "1.5", "0.25", "２" (full-width), "2小时"/"2h" (a trailing unit), with
// surrounding spaces. Refuses empty text, zero, negative numbers, more than two
// decimals, anything that is not a number, and more than a million hours.
Expected<Hundredths> parse_hours(std::string_view text);

// "3", "1.5", "0.25": no trailing zeros (what lists show and files hold).
std::string format_hours(Hundredths hours);

// Hundredths of an hour in a day: no one serves more than 24 hours in one day.
inline constexpr Hundredths kHoursInDay = 2400;

}  // namespace cfund::util
