#pragma once
// Money is an integer number of fen (分) in 64 bits; never a floating-point number.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "util/expected.hpp"

namespace cfund::util {

using Fen = std::int64_t;

// Parses an amount as a person types it or a statement prints it:
// "1234.56", "1,234.56", "¥1,234.56", "￥1234", "100元", full-width digits and
// punctuation ("１２３４．５６"), surrounding spaces. A minus sign is accepted only
// when allow_negative is true. Refuses empty text, non-numeric text, more than two
// decimals, misplaced thousands separators and values that overflow 64-bit fen; the
// error says why in both languages (without naming the field: the caller adds that).
Expected<Fen> parse_amount(std::string_view text, bool allow_negative = false);

// The most one entry may move: ¥1,000,000,000.00. A fund may set a lower limit
// (max_amount); nothing may set a higher one. Far below the 64-bit range, so that sums of
// many entries stay exact.
constexpr Fen kMaxEntryAmount = 100000000000;

// a + b, or nothing when the sum would not fit in 64 bits: every total of amounts that
// come from input is added this way (a total that would overflow is refused, never wrapped).
std::optional<Fen> checked_add(Fen a, Fen b);

// "¥1,234.56"; negative amounts as "-¥1,234.56".
std::string format_amount(Fen amount);

// "1234.56" with no symbol or separators: for CSV and machine-readable output.
std::string format_plain(Fen amount);

// The capital form (大写金额) used on receipts, following the PBoC rules for
// zeros: 壹仟肆佰零玖元伍角, 陆仟零柒元壹角肆分, 壹拾万柒仟元零伍角叁分,
// 叁佰贰拾伍元零肆分, 壹佰元整, 零元整. Negative amounts get a leading 负.
std::string capital_amount(Fen amount);

}  // namespace cfund::util
