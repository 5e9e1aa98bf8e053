#pragma once
// The 18-character PRC resident identity number (GB 11643-1999).

#include <string>
#include <string_view>

#include "util/expected.hpp"

namespace cfund::privacy {

// Checks length, digits, a real birth date (YYYYMMDD at positions 7-14, year from
// 1900) and the ISO 7064 MOD 11-2 check character (X in upper or lower case).
// Returns the number normalised (upper-case X). The reason names the number as
// given, or as `shown` when that is not empty (masked, where the number is private).
Expected<std::string> validate_resident_id(std::string_view text, std::string_view shown = {});

// The check character for the first 17 digits ('0'-'9' or 'X').
char resident_id_check_char(std::string_view first17);

}  // namespace cfund::privacy
