#include <catch2/catch.hpp>

#include "util/hours.hpp"

using namespace cfund;

TEST_CASE("hours are positive decimals with at most two places, kept in hundredths", "[util]") {
  CHECK(*util::parse_hours("3") == 300);
  CHECK(*util::parse_hours("1.5") == 150);
  CHECK(*util::parse_hours("0.25") == 25);
  CHECK(*util::parse_hours(" 2小时 ") == 200);
  CHECK(*util::parse_hours("2h") == 200);
  CHECK(*util::parse_hours("２.５") == 250);
  CHECK(*util::parse_hours("24") == 2400);
  for (const char* bad : {"", "0", "0.00", "-1", "1.234", "abc", "1.", ".", "1,5", "2 days", "99999999"}) {
    INFO(bad);
    CHECK_FALSE(util::parse_hours(bad));
  }
  CHECK(util::parse_hours("1.234").error().zh.find("两位小数") != std::string::npos);
}

TEST_CASE("hours print without trailing zeros", "[util]") {
  CHECK(util::format_hours(300) == "3");
  CHECK(util::format_hours(150) == "1.5");
  CHECK(util::format_hours(25) == "0.25");
  CHECK(util::format_hours(0) == "0");
  CHECK(util::format_hours(-150) == "-1.5");
}
