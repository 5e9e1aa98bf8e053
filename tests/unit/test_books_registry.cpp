#include <catch2/catch.hpp>

#include "books/donations.hpp"
#include "books/fund.hpp"
#include "books/registry.hpp"
#include "error.hpp"
#include "fund_fixture.hpp"
#include "storage/registry_queries.hpp"

using namespace cfund;
using cfund::testing::TempFund;

namespace {

util::Date day(const char* iso) { return *util::parse_date(iso); }

books::RegistryChange decided(const char* date = "2025-03-10") { return {day(date), "议-2025-09", ""}; }

std::int64_t give(storage::FundFile& file, util::Fen amount, const char* account, const char* designation = "") {
  books::DonationInput in;
  in.donor = "张伟";
  in.amount = amount;
  in.account = account;
  in.designation = designation;
  in.date = day("2025-03-05");
  return books::record_donation(file, TempFund::recorder(), in).entry_id;
}

}  // namespace

TEST_CASE("the fund is set up by a registry entry stating its settings, accounts and designations", "[registry]") {
  TempFund fund;
  auto file = fund.open();
  const auto state = books::registry_as_of(file, 1);
  CHECK(state.stated);
  CHECK(state.settings.at("name") == "测试社区基金");
  CHECK(state.settings.at("approval_threshold") == "300000");
  REQUIRE(state.accounts.size() == 3);  // bank, cash and the goods stock
  CHECK(state.accounts.begin()->second.code == "bank");
  CHECK(books::registry_differences(file).empty());
}

TEST_CASE("a setting changes only by an entry; the rules read the chain, not the table", "[registry]") {
  TempFund fund;
  auto file = fund.open();
  const auto changed = books::change_setting(file, TempFund::recorder(), "approval_threshold", "1,000", decided());
  CHECK(changed == 2);
  CHECK(books::load_settings(file).approval_threshold == 100000);
  CHECK_THROWS_AS(
      books::change_setting(file, TempFund::recorder(), "approval_threshold", "2000", {day("2025-03-10"), " ", ""}),
      InputError);
  CHECK_THROWS_AS(books::change_setting(file, TempFund::recorder(), "approval_treshold", "2000", decided()),
                  InputError);

  // A raw edit of the table changes nothing the books read, and is found.
  fund.raw_sql("UPDATE fund_settings SET value = '99999999' WHERE key = 'approval_threshold'");
  auto reopened = fund.open();
  CHECK(books::load_settings(reopened).approval_threshold == 100000);
  const auto found = books::registry_differences(reopened);
  REQUIRE(found.size() == 1);
  CHECK(found[0].subject == "setting");
  CHECK(found[0].field == "approval_threshold");
  CHECK(found[0].on_chain == "100000");
  CHECK(found[0].in_table == "99999999");
}

TEST_CASE("the settings in force at each entry", "[registry]") {
  TempFund fund;
  auto file = fund.open();
  const auto before = give(file, 1000, "bank");
  const auto changed = books::change_setting(file, TempFund::recorder(), "relief_window_days", "60", decided());
  const auto after = give(file, 1000, "bank");
  const books::SettingsHistory history(file);
  CHECK(history.at(before).relief_window_days == 30);
  CHECK(history.at(changed).relief_window_days == 60);
  CHECK(history.at(after).relief_window_days == 60);
  CHECK(books::settings_as_of(file, before).relief_window_days == 30);
  CHECK(books::setting_lines(file).size() >= 18);
}

TEST_CASE("accounts and special funds are opened, renamed and closed on the chain", "[registry]") {
  TempFund fund;
  auto file = fund.open();
  books::add_special_fund(file, TempFund::recorder(), {0, "study", "助学微基金", "", true, ""}, decided());
  const auto gift = give(file, 5000, "cash", "study");
  books::rename_special_fund(file, TempFund::recorder(), "study", "春蕾助学微基金", decided());
  // The name as of an entry before the rename is the old one.
  std::string then;
  for (const auto& [id, d] : books::registry_as_of(file, gift).designations) {
    if (d.code == "study") then = d.name;
  }
  CHECK(then == "助学微基金");
  CHECK(books::find_designation(file, "study").name == "春蕾助学微基金");

  // Not while it holds money.
  CHECK_THROWS_AS(books::close_special_fund(file, TempFund::recorder(), "study", decided()), Refused);
  CHECK_THROWS_AS(books::close_account(file, TempFund::recorder(), "cash", decided()), Refused);
  books::add_account(file, TempFund::recorder(), {0, "wx", "微信", "wechat", ""}, decided());
  books::close_account(file, TempFund::recorder(), "wx", decided());
  books::close_account(file, TempFund::recorder(), "bank", decided());  // it holds nothing
  CHECK_THROWS_AS(books::find_account(file, "bank"), Refused);
  CHECK_THROWS_AS(give(file, 100, "wx"), Refused);
  CHECK(books::registry_differences(file).empty());

  // A closed account reopened by hand is found.
  fund.raw_sql("UPDATE accounts SET closed_on = NULL WHERE code = 'wx'");
  auto reopened = fund.open();
  const auto found = books::registry_differences(reopened);
  REQUIRE(found.size() == 1);
  CHECK(found[0].subject == "account");
  CHECK(found[0].field == "closed_on");
}

TEST_CASE("donors as their gifts give them: the latest gift's name and kind, whatever the donors' ids", "[registry]") {
  TempFund fund;
  {
    auto file = fund.open();
    for (const char* donor : {"张伟", "李娜", "张伟", "王芳", "李娜"}) {
      books::DonationInput in;
      in.donor = donor;
      in.amount = 10000;
      in.account = "cash";
      in.date = day("2025-03-05");
      books::record_donation(file, TempFund::recorder(), in);
    }
    const auto state = books::registry_as_of(file, storage::kNoCutoff, true);
    REQUIRE(state.donors.size() == 3);
    CHECK(state.donors.begin()->second.first == "张伟");
    CHECK(books::registry_differences(file).empty());
  }
  // Ids far apart (only a raw edit makes them): each gift is matched to its donor all the same.
  fund.raw_sql(
      "UPDATE donors SET id = 900000 WHERE id = 2; UPDATE donations SET donor_id = 900000 WHERE donor_id = 2;"
      "UPDATE donors SET name = '李四' WHERE id = 3");
  auto file = fund.open();
  const auto state = books::registry_as_of(file, storage::kNoCutoff, true);
  REQUIRE(state.donors.size() == 3);
  CHECK(state.donors.at(900000).first == "李娜");
  const auto found = books::registry_differences(file);
  REQUIRE(found.size() == 1);
  CHECK(found[0].subject == "donor");
  CHECK(found[0].id == 3);
  CHECK(found[0].field == "name");
  CHECK(found[0].on_chain == "王芳");
  CHECK(found[0].in_table == "李四");
}
