#pragma once
// Quantities of goods (大米 50 袋, 食用油 2.5 升): positive decimals with at most three
// places, kept as an integer number of thousandths so that stock adds up exactly.

#include <cstdint>
#include <string>
#include <string_view>

#include "util/expected.hpp"

namespace cfund::util {

using Milli = std::int64_t;  // thousandths of a unit

// Parses "50", "2.5", "1,000", "１２" (full-width), surrounding spaces. Refuses empty
// text, zero, negative numbers, more than three decimals, anything that is not a
// number, and more than a thousand billion units.
Expected<Milli> parse_quantity(std::string_view text);

// "50", "2.5", "0.125": no trailing zeros, no separators (what the journal stores).
std::string format_quantity(Milli quantity);

// The share of `value` that `part` of `whole` carries, rounded half up: the value of
// goods that leave a stock of `whole` units worth `value`. part == whole gives value.
std::int64_t share_of(std::int64_t value, Milli part, Milli whole);

}  // namespace cfund::util
