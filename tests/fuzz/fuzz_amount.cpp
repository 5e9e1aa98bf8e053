// Fuzz target: the amount parser (util::parse_amount) and what prints amounts.
// Whatever it accepts must print back to the same number of fen.

#include <string_view>

#include "fuzz_target.hpp"
#include "util/money.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (bool allow_negative : {false, true}) {
    const auto amount = cfund::util::parse_amount(text, allow_negative);
    if (!amount) {
      FUZZ_CHECK(!amount.error().zh.empty() && !amount.error().en.empty());
      continue;
    }
    FUZZ_CHECK(allow_negative || *amount >= 0);
    const auto plain = cfund::util::parse_amount(cfund::util::format_plain(*amount), true);
    FUZZ_CHECK(plain && *plain == *amount);
    const auto shown = cfund::util::parse_amount(cfund::util::format_amount(*amount), true);
    FUZZ_CHECK(shown && *shown == *amount);
    FUZZ_CHECK(!cfund::util::capital_amount(*amount).empty());
  }
  return 0;
}
