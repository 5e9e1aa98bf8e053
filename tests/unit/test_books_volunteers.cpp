// Volunteers and their hours (books/volunteers.hpp): hours above zero, never more than
// 24 a day for one person, and sign-in sheets imported all or nothing, once.

#include <catch2/catch.hpp>

#include <fstream>

#include "books/movements.hpp"
#include "books/volunteers.hpp"
#include "error.hpp"
#include "fund_fixture.hpp"

using namespace cfund;
using cfund::testing::TempFund;

namespace {

util::Date day(const char* iso) { return *util::parse_date(iso); }

std::int64_t entries(storage::FundFile& file) { return books::recorded_chain_head(file).length; }

std::int64_t serve(storage::FundFile& file, const char* volunteer, util::Hundredths hours, const char* date) {
  books::ServiceInput input;
  input.volunteer = volunteer;
  input.hours = hours;
  input.activity = "助老陪伴";
  input.date = day(date);
  return books::record_service(file, TempFund::recorder(), input);
}

std::string sheet(const TempFund& fund, const char* name, const std::string& text) {
  const std::string path = fund.dir() + "/" + name;
  std::ofstream(path) << text;
  return path;
}

}  // namespace

TEST_CASE("no volunteer serves more than 24 hours a day; hours must be above zero", "[books][volunteers]") {
  TempFund fund;
  auto file = fund.open();
  books::register_volunteer(file, TempFund::recorder(), {"刘洋", "139 0000 1111", ""});
  serve(file, "刘洋", 1600, "2025-03-08");
  serve(file, "V0001", 800, "2025-03-08");  // exactly 24
  const auto before = entries(file);
  try {
    serve(file, "刘洋", 1, "2025-03-08");
    FAIL("a 25th hour was accepted");
  } catch (const Refused& e) {
    CHECK(e.message().zh.find("24 小时") != std::string::npos);
  }
  CHECK_THROWS_AS(serve(file, "刘洋", 2401, "2025-03-09"), Refused);
  CHECK_THROWS_AS(serve(file, "刘洋", 0, "2025-03-09"), InputError);
  CHECK_THROWS_AS(serve(file, "刘洋", -100, "2025-03-09"), InputError);
  CHECK_THROWS_AS(serve(file, "没登记", 100, "2025-03-09"), InputError);
  CHECK_THROWS_AS(serve(file, "V0009", 100, "2025-03-09"), InputError);
  CHECK(entries(file) == before);
  // A voided session frees its hours; another day is another 24.
  books::void_entry(file, TempFund::recorder(), before, "service", "录重了", day("2025-03-08"));
  serve(file, "刘洋", 800, "2025-03-08");
  serve(file, "刘洋", 2400, "2025-03-09");
}

TEST_CASE("a volunteer's name is registered once and their phone is checked", "[books][volunteers]") {
  TempFund fund;
  auto file = fund.open();
  books::register_volunteer(file, TempFund::recorder(), {"刘洋", "", ""});
  CHECK_THROWS_AS(books::register_volunteer(file, TempFund::recorder(), {"刘洋", "", ""}), Refused);
  CHECK_THROWS_AS(books::register_volunteer(file, TempFund::recorder(), {"", "", ""}), InputError);
  CHECK_THROWS_AS(books::register_volunteer(file, TempFund::recorder(), {"周敏", "电话", ""}), InputError);
  CHECK_THROWS_AS(books::register_volunteer(file, TempFund::recorder(), {"V0002", "", ""}), InputError);
  CHECK(books::register_volunteer(file, TempFund::recorder(), {"刘洋（5栋）", "", ""}) == 2);
}

TEST_CASE("a sign-in sheet is imported all or nothing, naming the line and the field", "[books][volunteers]") {
  TempFund fund;
  auto file = fund.open();
  books::register_volunteer(file, TempFund::recorder(), {"刘洋", "", ""});
  const auto path = sheet(fund, "bad.csv",
                          "姓名,电话,时长（小时）\n"
                          "刘洋,,2\n"
                          "周敏,13900002222,abc\n"
                          "陈晨,13900003333,1.5\n");
  books::ServiceImportOptions options;
  options.date = day("2025-03-08");
  options.activity = "社区清扫";
  const auto before = entries(file);
  try {
    books::import_services(file, TempFund::recorder(), path, options);
    FAIL("a bad sheet was imported");
  } catch (const InputError& e) {
    CHECK(e.message().zh.find("bad.csv 第 3 行") != std::string::npos);
    CHECK(e.message().zh.find("时长（小时）") != std::string::npos);
    CHECK(e.message().zh.find("bad.csv 第 4 行") != std::string::npos);  // 陈晨 is no volunteer yet
  }
  CHECK(entries(file) == before);
  // The header must have the columns that no option stands in for.
  options.activity.clear();
  CHECK_THROWS_AS(books::import_services(file, TempFund::recorder(), path, options), InputError);
}

TEST_CASE("a sign-in sheet imported twice adds its rows once; new names may be registered", "[books][volunteers]") {
  TempFund fund;
  auto file = fund.open();
  books::register_volunteer(file, TempFund::recorder(), {"刘洋", "", ""});
  const auto path = sheet(fund, "signin.csv",
                          "日期,姓名,电话,活动,时长\n"
                          "2025-03-08,刘洋,,社区清扫,2\n"
                          "2025/3/8,周敏,13900002222,社区清扫,2\n"
                          "2025-03-08,周敏,13900002222,社区清扫,2\n"
                          "2025-03-09,V0001,,助老陪伴,1.5\n");
  books::ServiceImportOptions options;
  options.add_volunteers = true;
  options.dry_run = true;
  const auto before = entries(file);
  auto report = books::import_services(file, TempFund::recorder(), path, options);
  CHECK(report.rows_added == 4);
  CHECK(entries(file) == before);  // a dry run writes nothing
  options.dry_run = false;
  report = books::import_services(file, TempFund::recorder(), path, options);
  CHECK(report.rows_read == 4);
  CHECK(report.rows_added == 4);
  CHECK(report.volunteers_added == 1);
  CHECK(report.hours_added == 750);
  const auto after = entries(file);
  report = books::import_services(file, TempFund::recorder(), path, options);
  CHECK(report.rows_added == 0);
  CHECK(report.rows_present == 4);
  CHECK(entries(file) == after);
  // 周敏 served 4 hours on the 8th: a sheet with 21 more is refused.
  const auto long_day = sheet(fund, "long.csv", "姓名,时长\n周敏,21\n");
  options.date = day("2025-03-08");
  options.activity = "夜间巡逻";
  CHECK_THROWS_AS(books::import_services(file, TempFund::recorder(), long_day, options), Refused);
  CHECK(entries(file) == after);
  const auto all = books::list_services(file, *util::parse_period("2025-03"));
  CHECK(all.size() == 4);
  CHECK(all.back().volunteer_name == "刘洋");
}
