#pragma once
// The privacy rules of SPEC §6, in one place: every output a notice can be made of
// shows beneficiaries only through these functions.

#include <string>
#include <string_view>

namespace cfund::privacy {

// Names keep the first and, for three or more characters, the last character:
// 张三明 → 张*明, 王英 → 王*, 欧阳娜娜 → 欧**娜, "Li Hua" → "L****a" (each hidden
// character becomes one *; a one-character name becomes "*").
std::string mask_name(std::string_view name);

// ID numbers keep at most the first 3 and last 4 characters: 110105194912310021 →
// 110***********0021. Shorter values are masked harder so that at least half is hidden.
std::string mask_id_number(std::string_view id_number);

// Phones keep the first 3 and last 4 digits: 13812345678 → 138****5678. Separators
// (spaces, dashes) are dropped first; short numbers show at most their last 2 digits.
std::string mask_phone(std::string_view phone);

}  // namespace cfund::privacy
