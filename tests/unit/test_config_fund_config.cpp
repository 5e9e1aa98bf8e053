#include <catch2/catch.hpp>

#include <fstream>

#include "books/fund.hpp"
#include "config/fund_config.hpp"
#include "error.hpp"
#include "fund_fixture.hpp"

using namespace cfund;
using cfund::testing::TempFund;

namespace {

std::string write_toml(const TempFund& fund, const std::string& audit_table) {
  const std::string path = fund.dir() + "/fund.toml";
  std::ofstream(path) << "[fund]\nname = \"测试\"\n\n[[accounts]]\ncode = \"cash\"\nkind = \"cash\"\n\n" << audit_table;
  return path;
}

}  // namespace

TEST_CASE("the [audit] table of a fund definition", "[config]") {
  TempFund fund;
  SECTION("defaults when absent") {
    const auto definition = config::load_fund_definition(write_toml(fund, ""));
    CHECK(definition.settings.audit.charitable_ratio_check);
    CHECK(definition.settings.audit.charitable_ratio_min == 70);
    CHECK(definition.settings.audit.management_ratio_max == 10);
    CHECK(definition.settings.audit.management_ratio_floor == 20000000);
  }
  SECTION("read, stored and loaded back") {
    auto definition = config::load_fund_definition(
        write_toml(fund,
                   "[audit]\ncharitable_ratio_check = false\ncharitable_ratio_min = 60\nmanagement_ratio_max = 12\n"
                   "management_ratio_floor = \"50,000.00\"\n"));
    CHECK_FALSE(definition.settings.audit.charitable_ratio_check);
    CHECK(definition.settings.audit.charitable_ratio_min == 60);
    CHECK(definition.settings.audit.management_ratio_floor == 5000000);
    const std::string path = fund.dir() + "/other.cfund";
    books::create_fund(path, definition);
    auto file = storage::FundFile::open(path);
    const auto loaded = books::load_settings(file).audit;
    CHECK_FALSE(loaded.charitable_ratio_check);
    CHECK(loaded.management_ratio_check);
    CHECK(loaded.charitable_ratio_min == 60);
    CHECK(loaded.management_ratio_max == 12);
    CHECK(loaded.management_ratio_floor == 5000000);
  }
  SECTION("bad values name the line and the field") {
    try {
      config::load_fund_definition(write_toml(fund, "[audit]\ncharitable_ratio_min = 170\n"));
      FAIL("accepted 170%");
    } catch (const InputError& e) {
      CHECK(e.message().en.find("line 9, field audit.charitable_ratio_min") != std::string::npos);
    }
    CHECK_THROWS_AS(config::load_fund_definition(write_toml(fund, "[audit]\nmanagement_ratio_check = \"yes\"\n")),
                    InputError);
  }
}
