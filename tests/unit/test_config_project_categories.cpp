#include <catch2/catch.hpp>

#include <fstream>

#include "config/fund_config.hpp"
#include "error.hpp"
#include "fund_fixture.hpp"

using namespace cfund;
using cfund::testing::TempFund;

namespace {

std::string write_definition(const TempFund& fund, const std::string& categories_line) {
  const std::string path = fund.dir() + "/fund.toml";
  std::ofstream out(path);
  out << "[fund]\nname = \"测试社区基金\"\n"
      << categories_line << "\n\n[[accounts]]\ncode = \"bank\"\nkind = \"bank\"\n";
  return path;
}

}  // namespace

TEST_CASE("project_categories in the fund TOML adds categories", "[config][projects]") {
  TempFund fund;
  const auto definition =
      config::load_fund_definition(write_definition(fund, "project_categories = [\"邻里互助\", \" 养老服务 \"]"));
  REQUIRE(definition.settings.project_categories.size() == 2);
  CHECK(definition.settings.project_categories[1] == "养老服务");
  CHECK(config::load_fund_definition(write_definition(fund, "")).settings.project_categories.empty());
}

TEST_CASE("a bad project_categories names the file, line and field", "[config][projects]") {
  TempFund fund;
  for (const char* line :
       {"project_categories = \"邻里互助\"", "project_categories = [\"邻里互助\", 3]", "project_categories = [\"\"]",
        "project_categories = [\"环境保护\"]", "project_categories = [\"邻里互助\", \"邻里互助\"]"}) {
    try {
      config::load_fund_definition(write_definition(fund, line));
      FAIL("accepted: " << line);
    } catch (const InputError& e) {
      CHECK(e.message().en.find("line 3") != std::string::npos);
      CHECK(e.message().en.find("fund.project_categories") != std::string::npos);
    }
  }
}
