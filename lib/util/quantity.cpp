#include "util/quantity.hpp"

#include "util/text.hpp"

namespace cfund::util {

namespace {

constexpr Milli kMaxQuantity = 1000000000000LL * 1000;  // a thousand billion units

Message not_a_quantity(std::string_view text) {
  return bilingual("“{0}”不是数量：应为大于零的数，最多三位小数（如 50、2.5）",
                   "'{0}' is not a quantity: a number above zero with at most three decimals (e.g. 50, 2.5)", text);
}

}  // namespace

Expected<Milli> parse_quantity(std::string_view text) {
  const std::string folded = trim(fold_full_width(text));
  Milli whole = 0;
  Milli fraction = 0;
  int decimals = -1;  // -1: no point seen
  bool digits = false;
  for (std::size_t i = 0; i < folded.size(); ++i) {
    const char c = folded[i];
    if (c == ',' && decimals < 0 && digits) continue;
    if (c == '.' && decimals < 0) {
      decimals = 0;
      continue;
    }
    if (c < '0' || c > '9') return not_a_quantity(text);
    digits = true;
    if (decimals >= 0) {
      if (++decimals > 3) return not_a_quantity(text);
      fraction = fraction * 10 + (c - '0');
    } else {
      whole = whole * 10 + (c - '0');
      if (whole > kMaxQuantity / 1000) return not_a_quantity(text);
    }
  }
  if (!digits || decimals == 0) return not_a_quantity(text);
  for (int d = decimals < 0 ? 0 : decimals; d < 3; ++d) fraction *= 10;
  const Milli quantity = whole * 1000 + fraction;
  if (quantity <= 0) return not_a_quantity(text);
  return quantity;
}

std::string format_quantity(Milli quantity) {
  std::string text = std::to_string(quantity / 1000);
  Milli fraction = quantity % 1000;
  if (fraction == 0) return text;
  std::string places = std::to_string(1000 + fraction).substr(1);
  while (!places.empty() && places.back() == '0') places.pop_back();
  return text + "." + places;
}

std::int64_t share_of(std::int64_t value, Milli part, Milli whole) {
  if (whole <= 0 || part >= whole) return value;
  // value * part may exceed 64 bits
  __extension__ using Wide = __int128;
  const Wide scaled = static_cast<Wide>(value) * part * 2 + whole;  // round half up
  return static_cast<std::int64_t>(scaled / (static_cast<Wide>(whole) * 2));
}

}  // namespace cfund::util
