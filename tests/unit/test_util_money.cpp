#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>

#include "util/money.hpp"

using cfund::util::capital_amount;
using cfund::util::checked_add;
using cfund::util::Fen;
using cfund::util::format_amount;
using cfund::util::format_plain;
using cfund::util::kMaxEntryAmount;
using cfund::util::parse_amount;

namespace {

constexpr Fen kMax = std::numeric_limits<Fen>::max();
constexpr Fen kMin = std::numeric_limits<Fen>::min();

// The parsed value; fails the test (with the message) if the text was refused.
Fen parsed(const std::string& text, bool allow_negative = false) {
  auto result = parse_amount(text, allow_negative);
  INFO("text: " << text);
  if (!result) FAIL("refused: " << result.error().en);
  return *result;
}

// The English and Chinese error for a refused text; fails if it was accepted.
cfund::Message refusal(const std::string& text, bool allow_negative = false) {
  auto result = parse_amount(text, allow_negative);
  INFO("text: " << text);
  if (result) FAIL("accepted as " << *result);
  return result.error();
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("parse_amount accepts the usual ASCII forms", "[money]") {
  CHECK(parsed("1234.56") == 123456);
  CHECK(parsed("1,234.56") == 123456);
  CHECK(parsed("1234.5") == 123450);
  CHECK(parsed("1234") == 123400);
  CHECK(parsed("0") == 0);
  CHECK(parsed("0.00") == 0);
  CHECK(parsed("0.05") == 5);
  CHECK(parsed("0.5") == 50);
  CHECK(parsed("007") == 700);  // leading zeros without separators are harmless
  CHECK(parsed("1,000") == 100000);
  CHECK(parsed("12,345,678.90") == 1234567890);
  CHECK(parsed("123,456") == 12345600);
}

TEST_CASE("parse_amount accepts yuan signs and the unit 元", "[money]") {
  CHECK(parsed("¥1,234.56") == 123456);  // U+00A5
  CHECK(parsed("￥1234") == 123400);     // U+FFE5 full-width
  CHECK(parsed("100元") == 10000);
  CHECK(parsed("1,234.50元") == 123450);
  CHECK(parsed("¥0.00") == 0);
}

TEST_CASE("parse_amount accepts full-width digits and punctuation", "[money]") {
  CHECK(parsed("１２３４．５６") == 123456);
  CHECK(parsed("１，２３４．５６") == 123456);
  CHECK(parsed("1，234.56") == 123456);
  CHECK(parsed("￥１２３４") == 123400);
  CHECK(parsed("１００元") == 10000);
}

TEST_CASE("parse_amount ignores surrounding spaces", "[money]") {
  CHECK(parsed("  1234.56  ") == 123456);
  CHECK(parsed("\t12\n") == 1200);
  CHECK(parsed("\u30001234.56\u3000") == 123456);  // ideographic space
  CHECK(parsed(" \u3000 ¥5 \u3000") == 500);
  CHECK(parsed("\u00A05\u00A0") == 500);  // no-break space
}

TEST_CASE("parse_amount handles negatives only when allowed", "[money]") {
  SECTION("allowed: every sign and position") {
    CHECK(parsed("-12.30", true) == -1230);
    CHECK(parsed("-¥12.30", true) == -1230);
    CHECK(parsed("¥-12.30", true) == -1230);
    CHECK(parsed("−12.30", true) == -1230);   // U+2212 minus sign
    CHECK(parsed("－12.30", true) == -1230);  // U+FF0D full-width hyphen-minus
    CHECK(parsed("－￥１２．３０", true) == -1230);
    CHECK(parsed("-1,234.56", true) == -123456);
    CHECK(parsed("-100元", true) == -10000);
    CHECK(parsed("12.30", true) == 1230);
  }
  SECTION("refused when not allowed, saying so") {
    for (const char* text : {"-12.30", "-¥12.30", "¥-12.30", "−5", "－5", "-1", "-99999999999999999999"}) {
      auto error = refusal(text);
      CHECK(contains(error.en, "negatives are not allowed here"));
      CHECK(contains(error.zh, "不允许负数"));
    }
  }
  SECTION("a sign on zero is not a negative amount") {
    CHECK(parsed("-0") == 0);
    CHECK(parsed("-0.00", true) == 0);
  }
  SECTION("misplaced or repeated signs") {
    for (const char* text : {"--5", "-¥-5", "5-", "¥5-", "- 5", "+5", "-", "¥-", "-¥"}) {
      auto error = refusal(text, true);
      CHECK(contains(error.en, "is not a valid amount"));
    }
  }
}

TEST_CASE("parse_amount refuses empty and non-numeric text", "[money]") {
  for (const char* text : {"", " ", "\u3000", " \t\u3000 "}) {
    auto error = refusal(text);
    CHECK(error.en == "amount is empty");
    CHECK(error.zh == "金额为空");
  }
  for (const char* text : {"abc", "12a", "1.2.3", "1e5", "0x10", "¥", "元", ".", "¥100元", "1 234", "12 元", "1.2,3",
                           "1.5元元", "NaN", "1_000", "12。5", "\xff\xfe"}) {
    auto error = refusal(text);
    CHECK(contains(error.en, "is not a valid amount"));
    CHECK(contains(error.zh, "不是有效的金额"));
  }
}

TEST_CASE("parse_amount errors quote the offending text", "[money]") {
  auto error = refusal("  12a ");
  CHECK(error.en == "'12a' is not a valid amount");
  CHECK(error.zh == "“12a”不是有效的金额");

  error = refusal("1.234");
  CHECK(error.en == "amount '1.234' has more than two decimal places");
  CHECK(error.zh == "金额“1.234”超过两位小数");

  // Bad UTF-8 and control characters are replaced, long text cut short.
  error = refusal("1\x01\xff");
  CHECK(error.en == "'1\uFFFD\uFFFD' is not a valid amount");
  error = refusal(std::string(100, 'x'));
  CHECK(error.en == "'" + std::string(40, 'x') + "…' is not a valid amount");
}

TEST_CASE("parse_amount refuses a missing integer part or a trailing point", "[money]") {
  for (const char* text : {".5", ".50", "¥.50", "-.5", "．５"}) {
    auto error = refusal(text, true);
    CHECK(contains(error.en, "missing its integer part"));
    CHECK(contains(error.zh, "缺少整数部分"));
  }
  for (const char* text : {"12.", "¥12.", "12.元", "1,234."}) {
    auto error = refusal(text);
    CHECK(contains(error.en, "no digits after the decimal point"));
  }
}

TEST_CASE("parse_amount refuses more than two decimals", "[money]") {
  for (const char* text : {"1.234", "0.001", "1.230", "１．２３４", "¥1,234.567"}) {
    auto error = refusal(text);
    CHECK(contains(error.en, "more than two decimal places"));
    CHECK(contains(error.zh, "超过两位小数"));
  }
}

TEST_CASE("parse_amount refuses misplaced thousands separators", "[money]") {
  for (const char* text : {"12,34", "1,2345", ",100", "100,", "1,,000", "1234,567", "1,000,00", "0,123", "1,000,0000",
                           ",", "1,23.45", "１，２３"}) {
    auto error = refusal(text);
    CHECK(contains(error.en, "misplaced thousands separators"));
    CHECK(contains(error.zh, "千位分隔符"));
  }
}

TEST_CASE("parse_amount overflow boundaries", "[money]") {
  SECTION("the largest amount parses") {
    CHECK(parsed("92233720368547758.07") == kMax);
    CHECK(parsed("92,233,720,368,547,758.07") == kMax);
    CHECK(parsed("0000092233720368547758.07") == kMax);
  }
  SECTION("one fen more is refused") {
    for (const char* text :
         {"92233720368547758.08", "92233720368547758.1", "92233720368547759", "100000000000000000",
          "99999999999999999999", "18446744073709551616", "999999999999999999999999999999999999999.99"}) {
      auto error = refusal(text);
      CHECK(contains(error.en, "out of range"));
      CHECK(contains(error.zh, "超出"));
    }
  }
  SECTION("the most negative amount parses; one fen less is refused") {
    CHECK(parsed("-92233720368547758.08", true) == kMin);
    CHECK(parsed("-92233720368547758.07", true) == kMin + 1);
    CHECK(contains(refusal("-92233720368547758.09", true).en, "out of range"));
    CHECK(contains(refusal("-99999999999999999999", true).en, "out of range"));
  }
}

TEST_CASE("format_amount", "[money]") {
  CHECK(format_amount(123456) == "¥1,234.56");
  CHECK(format_amount(0) == "¥0.00");
  CHECK(format_amount(5) == "¥0.05");
  CHECK(format_amount(50) == "¥0.50");
  CHECK(format_amount(100) == "¥1.00");
  CHECK(format_amount(99999) == "¥999.99");
  CHECK(format_amount(100000) == "¥1,000.00");
  CHECK(format_amount(12345678901) == "¥123,456,789.01");
  CHECK(format_amount(-123456) == "-¥1,234.56");
  CHECK(format_amount(-5) == "-¥0.05");
  CHECK(format_amount(kMax) == "¥92,233,720,368,547,758.07");
  CHECK(format_amount(kMin) == "-¥92,233,720,368,547,758.08");
}

TEST_CASE("format_plain", "[money]") {
  CHECK(format_plain(123456) == "1234.56");
  CHECK(format_plain(5) == "0.05");
  CHECK(format_plain(0) == "0.00");
  CHECK(format_plain(-123456) == "-1234.56");
  CHECK(format_plain(-5) == "-0.05");
  CHECK(format_plain(kMax) == "92233720368547758.07");
  CHECK(format_plain(kMin) == "-92233720368547758.08");
}

TEST_CASE("parse and format round trips", "[money]") {
  for (const char* text : {"0.00", "0.05", "0.50", "1.00", "1234.56", "100000000.00", "-1234.56", "-0.01",
                           "92233720368547758.07", "-92233720368547758.08"}) {
    CHECK(format_plain(parsed(text, true)) == text);
  }
  for (const char* text :
       {"¥0.00", "¥1,234.56", "-¥1,234.56", "¥92,233,720,368,547,758.07", "-¥92,233,720,368,547,758.08"}) {
    CHECK(format_amount(parsed(text, true)) == text);
  }
  CHECK(format_plain(parsed("１，２３４．５")) == "1234.50");
  CHECK(format_plain(parsed("100元")) == "100.00");
  for (Fen fen : {Fen{0}, Fen{1}, Fen{99}, Fen{100}, Fen{123456789}, kMax, kMin, kMin + 1, Fen{-1}}) {
    CHECK(parsed(format_plain(fen), true) == fen);
    CHECK(parsed(format_amount(fen), true) == fen);
  }
}

TEST_CASE("capital_amount: the PBoC examples", "[money]") {
  CHECK(capital_amount(140950) == "壹仟肆佰零玖元伍角");
  CHECK(capital_amount(600714) == "陆仟零柒元壹角肆分");
  CHECK(capital_amount(10700053) == "壹拾万柒仟元零伍角叁分");
  CHECK(capital_amount(32504) == "叁佰贰拾伍元零肆分");
  CHECK(capital_amount(168032) == "壹仟陆佰捌拾元零叁角贰分");
  CHECK(capital_amount(1640902) == "壹万陆仟肆佰零玖元零贰分");
  CHECK(capital_amount(10000) == "壹佰元整");
  CHECK(capital_amount(0) == "零元整");
}

TEST_CASE("capital_amount: zeros inside and between sections", "[money]") {
  CHECK(capital_amount(1000) == "壹拾元整");
  CHECK(capital_amount(100) == "壹元整");
  CHECK(capital_amount(1500) == "壹拾伍元整");
  CHECK(capital_amount(10000000) == "壹拾万元整");
  CHECK(capital_amount(100000100) == "壹佰万零壹元整");
  CHECK(capital_amount(1001000) == "壹万零壹拾元整");
  CHECK(capital_amount(1000100) == "壹万零壹元整");
  CHECK(capital_amount(2000500) == "贰万零伍元整");
  CHECK(capital_amount(123456789) == "壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分");
  CHECK(capital_amount(600704) == "陆仟零柒元零肆分");
  CHECK(capital_amount(1005) == "壹拾元零伍分");
}

TEST_CASE("capital_amount: 亿 and above", "[money]") {
  CHECK(capital_amount(10000000000) == "壹亿元整");
  CHECK(capital_amount(12000000000) == "壹亿贰仟万元整");
  CHECK(capital_amount(10001000000) == "壹亿零壹万元整");
  CHECK(capital_amount(10000100000) == "壹亿零壹仟元整");  // an all-zero 万 section
  CHECK(capital_amount(10000000100) == "壹亿零壹元整");
  CHECK(capital_amount(100000000000000) == "壹万亿元整");
  CHECK(capital_amount(100000000000050) == "壹万亿元零伍角");
  CHECK(capital_amount(100000000000000000) == "壹仟万亿元整");
  CHECK(capital_amount(1000000000000000000) == "壹亿亿元整");
}

TEST_CASE("capital_amount: amounts below one yuan", "[money]") {
  CHECK(capital_amount(50) == "伍角");
  CHECK(capital_amount(5) == "伍分");
  CHECK(capital_amount(57) == "伍角柒分");
  CHECK(capital_amount(1) == "壹分");
}

TEST_CASE("capital_amount: negatives and the int64 range", "[money]") {
  CHECK(capital_amount(-140950) == "负壹仟肆佰零玖元伍角");
  CHECK(capital_amount(-5) == "负伍分");
  CHECK(capital_amount(-10000) == "负壹佰元整");
  CHECK(capital_amount(kMax) == "玖亿贰仟贰佰叁拾叁万柒仟贰佰零叁亿陆仟捌佰伍拾肆万柒仟柒佰伍拾捌元零柒分");
  CHECK(capital_amount(kMin) == "负玖亿贰仟贰佰叁拾叁万柒仟贰佰零叁亿陆仟捌佰伍拾肆万柒仟柒佰伍拾捌元零捌分");
}

TEST_CASE("checked_add refuses a sum beyond 64 bits instead of wrapping", "[money]") {
  constexpr Fen kMax = std::numeric_limits<Fen>::max();
  constexpr Fen kMin = std::numeric_limits<Fen>::min();
  CHECK(checked_add(1, 2) == std::optional<Fen>(3));
  CHECK(checked_add(-5, 5) == std::optional<Fen>(0));
  CHECK(checked_add(kMax - 1, 1) == std::optional<Fen>(kMax));
  CHECK_FALSE(checked_add(kMax, 1).has_value());
  CHECK_FALSE(checked_add(kMin, -1).has_value());
  CHECK(checked_add(kMax, kMin) == std::optional<Fen>(-1));
  // The per-entry limit leaves room for about 92 million entries at the limit.
  CHECK(kMaxEntryAmount == 100000000000);
  CHECK(kMax / kMaxEntryAmount > 90000000);
}
