#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "books/donations.hpp"
#include "books/journal.hpp"
#include "error.hpp"
#include "fund_fixture.hpp"
#include "report/notice.hpp"
#include "report/rollup.hpp"

using namespace cfund;
using cfund::testing::TempFund;

namespace {

util::Period period(const char* label) { return *util::parse_period(label); }

void donate(storage::FundFile& file, util::Fen amount, const char* date) {
  books::DonationInput input;
  input.donor = "张伟";
  input.amount = amount;
  input.account = "bank";
  input.date = *util::parse_date(date);
  books::record_donation(file, TempFund::recorder("2025-12-31"), input);
}

}  // namespace

TEST_CASE("a fund's roll-up row is its own notice: totals and verification code", "[report][rollup]") {
  TempFund fund;
  {
    auto file = fund.open();
    donate(file, 12345, "2025-01-05");
    donate(file, 500, "2025-02-10");
  }
  report::RollupOptions options;
  options.period = period("2025-02");
  const auto row = report::roll_up_fund(fund.path(), options, 2024);
  auto file = fund.open();
  report::NoticeOptions notice_options;
  notice_options.period = options.period;
  const auto notice = report::build_notice(file, notice_options);
  CHECK(row.status == report::FundStatus::ok);
  CHECK(row.included);
  CHECK(row.opening == notice.total.opening);
  CHECK(row.donations == notice.total.income);
  CHECK(row.closing == notice.total.closing);
  CHECK(row.verification_code == notice.verification_code);
  CHECK(row.check.entries_checked == 1);  // the quick check rehashed February's entry only
}

TEST_CASE("a chain broken inside the period leaves the fund out; before it, only the full check sees it",
          "[report][rollup]") {
  TempFund fund;
  {
    auto file = fund.open();
    donate(file, 1000, "2025-02-01");
    donate(file, 2000, "2025-03-01");
  }
  report::RollupOptions options;
  options.period = period("2025-03");
  fund.raw_sql("UPDATE donations SET amount = 9999 WHERE entry_id = 2");  // February's
  CHECK(report::roll_up_fund(fund.path(), options, 2025).included);
  options.check = report::RollupCheck::full;
  options.today = *util::parse_date("2026-01-10");
  const auto full = report::roll_up_fund(fund.path(), options, 2025);
  CHECK(full.status == report::FundStatus::chain_broken);
  CHECK_FALSE(full.included);
  fund.raw_sql("UPDATE donations SET amount = 1 WHERE entry_id = 3");
  options.check = report::RollupCheck::quick;
  CHECK(report::roll_up_fund(fund.path(), options, 2025).status == report::FundStatus::chain_broken);
}

TEST_CASE("the quick check: the period's entries, the recorded head and the day totals in balance",
          "[report][rollup]") {
  TempFund fund;
  {
    auto file = fund.open();
    donate(file, 2000, "2025-04-01");
    donate(file, 1000, "2025-03-01");  // recorded after April's, dated in March
    donate(file, 3000, "2025-03-20");
  }
  report::RollupOptions options;
  options.period = period("2025-03");
  auto row = report::roll_up_fund(fund.path(), options, 2024);
  CHECK(row.status == report::FundStatus::ok);
  CHECK(row.check.entries_checked == 2);  // March's two: entries 3 and 4

  SECTION("an edit of the entry dated after the period is not seen by the quick check") {
    fund.raw_sql("UPDATE donations SET donor_name = '李四' WHERE entry_id = 2");
    CHECK(report::roll_up_fund(fund.path(), options, 2024).status == report::FundStatus::ok);
  }
  SECTION("an edit of the period's entry recorded last is") {
    fund.raw_sql("UPDATE donations SET donor_name = '李四' WHERE entry_id = 4");
    CHECK(report::roll_up_fund(fund.path(), options, 2024).status == report::FundStatus::chain_broken);
  }
  SECTION("the last entry removed") {
    fund.raw_sql(
        "DELETE FROM donations WHERE entry_id = 4; DELETE FROM postings WHERE entry_id = 4; "
        "DELETE FROM entries WHERE id = 4");
    CHECK(report::roll_up_fund(fund.path(), options, 2024).status == report::FundStatus::chain_broken);
  }
  SECTION("day totals out of balance") {
    fund.raw_sql("UPDATE day_totals SET amount = amount + 1 WHERE side = 'account' AND date = '2025-03-20'");
    row = report::roll_up_fund(fund.path(), options, 2024);
    CHECK(row.status == report::FundStatus::audit_errors);
    CHECK_FALSE(row.included);
  }
}

TEST_CASE("the ratios' year is the period's when it ends on 31 December, else the year before", "[report][rollup]") {
  CHECK(report::ratio_year_for(period("2025")) == 2025);
  CHECK(report::ratio_year_for(period("2025-Q4")) == 2025);
  CHECK(report::ratio_year_for(period("2025-06")) == 2024);
}

TEST_CASE("fund files are found in folders, sorted; a missing path or no fund is an input error", "[report][rollup]") {
  TempFund fund;
  std::filesystem::create_directories(fund.dir() + "/b");
  std::filesystem::copy_file(fund.path(), fund.dir() + "/b/a.cfund");
  const auto files = report::find_fund_files({fund.dir()});
  REQUIRE(files.size() == 2);
  CHECK(files[0] == fund.dir() + "/b/a.cfund");
  CHECK_THROWS_AS(report::find_fund_files({fund.dir() + "/nowhere"}), InputError);
  std::filesystem::create_directories(fund.dir() + "/empty");
  CHECK_THROWS_AS(report::find_fund_files({fund.dir() + "/empty"}), InputError);
}

TEST_CASE("the totals are the sum of the included funds' own figures; a file that is not a fund is named, not summed",
          "[report][rollup]") {
  TempFund first;
  TempFund second;
  {
    auto file = first.open();
    donate(file, 12345, "2025-01-05");
    donate(file, 500, "2025-02-10");
  }
  {
    auto file = second.open();
    donate(file, 700, "2025-02-20");
  }
  const std::string junk = second.dir() + "/junk.cfund";
  std::ofstream(junk) << "not a fund\n";
  report::RollupOptions options;
  options.period = period("2025-02");
  options.files = {first.path(), junk, second.path()};
  const auto model = report::build_rollup(options);
  REQUIRE(model.rows.size() == 3);
  CHECK(model.rows[0].included);
  CHECK(model.rows[2].included);
  CHECK_FALSE(model.rows[1].included);
  CHECK(model.rows[1].status == report::FundStatus::unreadable);
  CHECK(model.rows[1].problem.en.find(junk) != std::string::npos);
  CHECK(model.excluded == 1);
  CHECK(model.overall.funds == 2);
  CHECK(model.overall.opening == 12345);
  CHECK(model.overall.donations == 500 + 700);
  CHECK(model.overall.closing == model.rows[0].closing + model.rows[2].closing);
  CHECK(model.overall.closing == 12345 + 500 + 700);
}
