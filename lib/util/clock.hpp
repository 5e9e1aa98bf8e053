#pragma once
// The moment a command runs. Taken once per command and passed down, so that tests
// (and reproducible notices) can fix it with the CFUND_NOW environment variable.

#include <string>

#include "util/date.hpp"

namespace cfund::util {

struct Moment {
  Date today;
  std::string iso;  // "2026-11-23T09:30:00+08:00"
};

// Local time now, or CFUND_NOW when set ("2026-11-23T09:30:00+08:00",
// "2026-11-23 09:30:00" or "2026-11-23"). A malformed CFUND_NOW is an InputError.
Moment now();

// Parses a moment in one of the forms above (exposed for tests).
Expected<Moment> parse_moment(std::string_view text);

}  // namespace cfund::util
