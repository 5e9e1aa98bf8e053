// Credit points (books/points.hpp): earned by donating and by volunteer service under
// the fund's [points] rules, redeemed oldest first, expiring, never beyond the balance,
// and never money.

#include <catch2/catch.hpp>

#include "books/donations.hpp"
#include "books/fund.hpp"
#include "books/movements.hpp"
#include "books/points.hpp"
#include "books/volunteers.hpp"
#include "error.hpp"
#include "fund_fixture.hpp"
#include "storage/queries.hpp"

using namespace cfund;
using cfund::testing::TempFund;

namespace {

util::Date day(const char* iso) { return *util::parse_date(iso); }

std::int64_t entries(storage::FundFile& file) { return books::recorded_chain_head(file).length; }

void rules(storage::FundFile& file, int per_yuan, int per_hour, int expiry_months) {
  TempFund::set_setting(file, "points.per_yuan", std::to_string(per_yuan));
  TempFund::set_setting(file, "points.per_hour", std::to_string(per_hour));
  TempFund::set_setting(file, "points.expiry_months", std::to_string(expiry_months));
}

std::int64_t donate(storage::FundFile& file, const char* donor, util::Fen amount, const char* date,
                    bool anonymous = false) {
  books::DonationInput input;
  input.donor = donor;
  input.anonymous = anonymous;
  input.amount = amount;
  input.account = "bank";
  input.date = day(date);
  return books::record_donation(file, TempFund::recorder(), input).entry_id;
}

std::int64_t serve(storage::FundFile& file, const char* volunteer, util::Hundredths hours, const char* date) {
  books::ServiceInput input;
  input.volunteer = volunteer;
  input.hours = hours;
  input.activity = "社区清扫";
  input.date = day(date);
  return books::record_service(file, TempFund::recorder(), input);
}

std::int64_t redeem(storage::FundFile& file, const char* holder, std::int64_t points, const char* date) {
  books::RedeemInput input;
  input.holder = holder;
  input.points = points;
  input.purpose = "理发服务";
  input.date = day(date);
  return books::redeem_points(file, TempFund::recorder(), input);
}

std::int64_t balance(storage::FundFile& file, const char* holder, const char* date) {
  return books::points_account(file, holder, date).balance;
}

}  // namespace

TEST_CASE("points are earned per whole yuan donated and per hour served, one account per name", "[books][points]") {
  TempFund fund;
  auto file = fund.open();
  rules(file, 1, 10, 0);
  donate(file, "张伟", 50050, "2025-03-01");  // ¥500.50: 500 points
  books::register_volunteer(file, TempFund::recorder(), {"张伟", "13800001111", ""});
  serve(file, "张伟", 250, "2025-03-02");  // 2.5 hours: 25 points
  serve(file, "V0001", 5, "2025-03-03");   // 0.05 hours: no whole point
  const auto account = books::points_account(file, "张伟", "2025-03-31");
  CHECK(account.from_donations == 500);
  CHECK(account.from_service == 25);
  CHECK(account.balance == 525);
  REQUIRE(account.volunteer);
  CHECK(*account.volunteer == 1);
  CHECK(balance(file, "张伟", "2025-03-01") == 500);
  CHECK(books::find_points_holder(file, "V0001", "PERSON") == "张伟");
  CHECK_THROWS_AS(books::find_points_holder(file, "李四", "PERSON"), InputError);
}

TEST_CASE("a redemption beyond the balance is refused and writes nothing", "[books][points]") {
  TempFund fund;
  auto file = fund.open();
  rules(file, 1, 0, 0);
  donate(file, "张伟", 30000, "2025-03-01");
  redeem(file, "张伟", 100, "2025-03-05");
  const auto before = entries(file);
  try {
    redeem(file, "张伟", 201, "2025-03-06");
    FAIL("a redemption beyond the balance was accepted");
  } catch (const Refused& e) {
    CHECK(e.message().zh.find("有 200 积分") != std::string::npos);
  }
  // Backdated before the points were earned.
  CHECK_THROWS_AS(redeem(file, "张伟", 1, "2025-02-28"), Refused);
  // Backdated so that the later redemption of 100 would be uncovered.
  CHECK_THROWS_AS(redeem(file, "张伟", 250, "2025-03-02"), Refused);
  CHECK_THROWS_AS(redeem(file, "张伟", 0, "2025-03-06"), InputError);
  CHECK(entries(file) == before);
  redeem(file, "张伟", 200, "2025-03-06");
  CHECK(balance(file, "张伟", "2025-03-31") == 0);
}

TEST_CASE("points expire after the months the rules say; the oldest are redeemed first", "[books][points]") {
  CHECK(books::points_expiry("2025-01-31", 1) == "2025-02-28");
  CHECK(books::points_expiry("2024-03-10", 12) == "2025-03-10");
  CHECK(books::points_expiry("2024-03-10", 0).empty());
  TempFund fund;
  auto file = fund.open();
  rules(file, 1, 0, 12);
  donate(file, "张伟", 10000, "2024-03-10");  // 100, expiring 2025-03-10
  donate(file, "张伟", 5000, "2024-09-01");   // 50, expiring 2025-09-01
  redeem(file, "张伟", 60, "2024-10-01");     // takes the 2024-03 points first: 40 of them left
  CHECK(balance(file, "张伟", "2025-03-09") == 90);
  const auto account = books::points_account(file, "张伟", "2025-03-10");
  CHECK(account.balance == 50);
  CHECK(account.expired == 40);
  CHECK(account.events.back().kind == books::PointsEvent::Kind::expiry);
  CHECK(account.events.back().date == "2025-03-10");
  CHECK_THROWS_AS(redeem(file, "张伟", 51, "2025-03-10"), Refused);
  redeem(file, "张伟", 50, "2025-03-10");
  CHECK(balance(file, "张伟", "2026-01-01") == 0);
}

TEST_CASE("a voided donation or service earns nothing; a voided redemption gives the points back", "[books][points]") {
  TempFund fund;
  auto file = fund.open();
  rules(file, 1, 10, 0);
  const auto gift = donate(file, "张伟", 10000, "2025-03-01");
  books::register_volunteer(file, TempFund::recorder(), {"李娜", "", ""});
  const auto hours = serve(file, "李娜", 300, "2025-03-02");
  const auto spent = redeem(file, "李娜", 30, "2025-03-03");
  CHECK(balance(file, "李娜", "2025-03-31") == 0);
  books::void_entry(file, TempFund::recorder(), spent, "points_redemption", "未兑换", day("2025-03-04"));
  CHECK(balance(file, "李娜", "2025-03-31") == 30);
  books::void_entry(file, TempFund::recorder(), gift, "donation", "录错", day("2025-03-04"));
  books::void_entry(file, TempFund::recorder(), hours, "service", "未到场", day("2025-03-04"));
  CHECK(balance(file, "张伟", "2025-03-31") == 0);
  CHECK(balance(file, "李娜", "2025-03-31") == 0);
}

TEST_CASE("points never touch money: balances and totals are the same with or without them", "[books][points]") {
  TempFund fund;
  auto file = fund.open();
  rules(file, 5, 20, 6);
  donate(file, "张伟", 100000, "2025-03-01");
  const auto money_before = books::overview(file);
  books::register_volunteer(file, TempFund::recorder(), {"张伟", "", ""});
  serve(file, "张伟", 800, "2025-03-02");
  redeem(file, "张伟", 4000, "2025-03-03");
  books::record_consent(file, TempFund::recorder(), "张伟", true, day("2025-03-03"));
  const auto money_after = books::overview(file);
  CHECK(money_after.total == money_before.total);
  CHECK(money_after.restricted_total == money_before.restricted_total);
  for (std::size_t i = 0; i < money_after.designations.size(); ++i) {
    CHECK(money_after.designations[i].balance == money_before.designations[i].balance);
  }
  CHECK(storage::postings_of(file, books::recorded_chain_head(file).length).empty());
}

TEST_CASE("top contributors are those who agreed, by the points they earned in the open this year", "[books][points]") {
  TempFund fund;
  auto file = fund.open();
  rules(file, 1, 10, 0);
  donate(file, "张伟", 20000, "2025-03-01");
  donate(file, "张伟", 90000, "2025-03-02", true);  // anonymous: not counted in public
  donate(file, "李娜", 50000, "2025-03-01");
  donate(file, "王芳", 90000, "2025-03-01");  // did not agree
  donate(file, "李娜", 90000, "2024-12-31");  // last year
  books::record_consent(file, TempFund::recorder(), "张伟", true, day("2025-03-05"));
  books::record_consent(file, TempFund::recorder(), "李娜", true, day("2025-03-05"));
  CHECK_THROWS_AS(books::record_consent(file, TempFund::recorder(), "李娜", true, day("2025-03-05")), Refused);
  auto top = books::top_contributors(file, day("2025-03-31"), storage::kNoCutoff, 10);
  REQUIRE(top.size() == 2);
  CHECK(top[0].name == "李娜");
  CHECK(top[0].points == 500);
  CHECK(top[1].name == "张伟");
  CHECK(top[1].points == 200);
  CHECK(books::top_contributors(file, day("2025-03-04"), storage::kNoCutoff, 10).empty());  // before they agreed
  CHECK(books::top_contributors(file, day("2025-03-31"), storage::kNoCutoff, 1).size() == 1);
  books::record_consent(file, TempFund::recorder(), "李娜", false, day("2025-03-20"));
  top = books::top_contributors(file, day("2025-03-31"), storage::kNoCutoff, 10);
  REQUIRE(top.size() == 1);
  CHECK(top[0].name == "张伟");
}
