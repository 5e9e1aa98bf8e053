#include <catch2/catch.hpp>

#include <string>

#include "error.hpp"
#include "privacy/resident_id.hpp"

using cfund::privacy::resident_id_check_char;
using cfund::privacy::validate_resident_id;

// The valid numbers below were computed independently (ISO 7064 MOD 11-2).

TEST_CASE("resident_id_check_char", "[privacy][resident_id]") {
  CHECK(resident_id_check_char("11010519491231002") == 'X');  // the well-known example
  CHECK(resident_id_check_char("44030419900301041") == '0');
  CHECK(resident_id_check_char("44030419900301011") == '1');
  CHECK(resident_id_check_char("44030419900301091") == '2');
  CHECK(resident_id_check_char("31011520000229456") == '7');
  CHECK(resident_id_check_char("33010619850615008") == '9');
  CHECK(resident_id_check_char("11010520240229001") == '1');
  CHECK(resident_id_check_char("00000000000000000") == '1');
  CHECK_THROWS_AS(resident_id_check_char("1101051949123100"), cfund::Error);
  CHECK_THROWS_AS(resident_id_check_char("1101051949123100X"), cfund::Error);
}

TEST_CASE("validate_resident_id accepts valid numbers", "[privacy][resident_id]") {
  for (const char* id : {"11010519491231002X", "440304199003010410", "440304199003010111", "440304199003010912",
                         "310115200002294567", "330106198506150089", "11010519000101001X", "320102199912319991"}) {
    CAPTURE(id);
    auto r = validate_resident_id(id);
    REQUIRE(r.ok());
    CHECK(*r == id);
  }
}

TEST_CASE("validate_resident_id normalises", "[privacy][resident_id]") {
  auto r = validate_resident_id("11010519491231002x");
  REQUIRE(r.ok());
  CHECK(*r == "11010519491231002X");

  r = validate_resident_id("  11010519491231002X \t");
  REQUIRE(r.ok());
  CHECK(*r == "11010519491231002X");

  r = validate_resident_id("１１０１０５１９４９１２３１００２Ｘ");  // full width
  REQUIRE(r.ok());
  CHECK(*r == "11010519491231002X");

  r = validate_resident_id(
      "\xE3\x80\x80"
      "11010519491231002ｘ"
      "\xE3\x80\x80");
  REQUIRE(r.ok());
  CHECK(*r == "11010519491231002X");
}

TEST_CASE("validate_resident_id: wrong length", "[privacy][resident_id]") {
  auto r = validate_resident_id("1101051949123100");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().en == "resident ID '1101051949123100' is not valid: it has 16 characters, expected 18");
  CHECK(r.error().zh == "身份证号码“1101051949123100”无效：应为18位，这里是16位");

  r = validate_resident_id("11010519491231002X1");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().en.find("it has 19 characters") != std::string::npos);

  r = validate_resident_id("");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().en.find("it has 0 characters") != std::string::npos);

  // 15-digit numbers of the old format are not accepted.
  r = validate_resident_id("110105491231002");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().en.find("it has 15 characters") != std::string::npos);

  // Characters, not bytes: 17 digits and one Chinese character are 18.
  r = validate_resident_id("11010519491231002号");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().en.find("the last character ('号') must be a digit or X") != std::string::npos);
}

TEST_CASE("validate_resident_id: not digits", "[privacy][resident_id]") {
  auto r = validate_resident_id("1101051949A231002X");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().en == "resident ID '1101051949A231002X' is not valid: character 11 ('A') is not a digit");
  CHECK(r.error().zh == "身份证号码“1101051949A231002X”无效：第11位“A”不是数字");

  r = validate_resident_id("X10105194912310021");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().en.find("character 1 ('X') is not a digit") != std::string::npos);

  r = validate_resident_id("110105 94912310021");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().en.find("character 7 (' ') is not a digit") != std::string::npos);

  r = validate_resident_id("1101051949中231002X");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().en.find("character 11 ('中') is not a digit") != std::string::npos);

  r = validate_resident_id("11010519491231002Y");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().en == "resident ID '11010519491231002Y' is not valid: the last character ('Y') must be a digit or X");
}

TEST_CASE("validate_resident_id: birth date", "[privacy][resident_id]") {
  // Check characters are right in all of these, so only the date is at fault.
  auto r = validate_resident_id("110105189912310023");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().en == "resident ID '110105189912310023' is not valid: the birth year 1899 is before 1900");
  CHECK(r.error().zh == "身份证号码“110105189912310023”无效：出生年份1899早于1900年");

  r = validate_resident_id("110105202502290019");  // 2025 is not a leap year
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().en == "resident ID '110105202502290019' is not valid: the birth date 20250229 does not exist");
  CHECK(r.error().zh == "身份证号码“110105202502290019”无效：出生日期 20250229 不存在");

  CHECK_FALSE(validate_resident_id("110105199013010018").ok());  // month 13
  CHECK_FALSE(validate_resident_id("110105199000010019").ok());  // month 0
  CHECK_FALSE(validate_resident_id("110105199004310019").ok());  // April 31
  CHECK_FALSE(validate_resident_id("110105199001000015").ok());  // day 0
  CHECK(validate_resident_id("110105202402290011").ok());        // 2024-02-29 exists
}

TEST_CASE("validate_resident_id: check character", "[privacy][resident_id]") {
  auto r = validate_resident_id("110105194912310021");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().en == "resident ID '110105194912310021' is not valid: the check character should be X, not 1");
  CHECK(r.error().zh == "身份证号码“110105194912310021”无效：校验位应为 X，而不是 1");

  r = validate_resident_id("44030419900301041X");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().en.find("should be 0, not X") != std::string::npos);

  // Any single changed digit is caught.
  const std::string valid = "11010519491231002X";
  for (std::size_t i = 0; i < 17; ++i) {
    for (char c = '0'; c <= '9'; ++c) {
      if (c == valid[i]) continue;
      std::string id = valid;
      id[i] = c;
      CAPTURE(id);
      CHECK_FALSE(validate_resident_id(id).ok());
    }
  }
}
