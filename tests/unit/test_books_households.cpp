// Households and the people served (books/households.hpp): relief and goods given are
// counted by person and by household, a beneficiary in no household counting as one.

#include <catch2/catch.hpp>

#include "books/beneficiaries.hpp"
#include "books/disbursements.hpp"
#include "books/donations.hpp"
#include "books/goods.hpp"
#include "books/households.hpp"
#include "books/movements.hpp"
#include "books/projects.hpp"
#include "error.hpp"
#include "fund_fixture.hpp"

using namespace cfund;
using cfund::testing::TempFund;

namespace {

util::Date day(const char* iso) { return *util::parse_date(iso); }

std::int64_t person(storage::FundFile& file, const char* name, std::optional<std::int64_t> household = {}) {
  books::BeneficiaryInput input;
  input.name = name;
  input.category = "独居老人";
  input.household = household;
  return books::register_beneficiary(file, TempFund::recorder(), input);
}

std::int64_t relief(storage::FundFile& file, std::int64_t beneficiary, util::Fen amount, const char* date) {
  books::DisbursementInput input;
  input.amount = amount;
  input.account = "bank";
  input.category = "relief";
  input.beneficiary = beneficiary;
  input.purpose = "慰问金";
  input.repeat_reason = "测试";
  input.date = day(date);
  return books::record_disbursement(file, TempFund::recorder(), input);
}

}  // namespace

TEST_CASE("help is counted by person and by household; no household counts as one", "[books][households]") {
  TempFund fund;
  auto file = fund.open();
  books::DonationInput gift;
  gift.donor = "惠民超市";
  gift.amount = 500000;
  gift.account = "bank";
  gift.date = day("2025-03-01");
  books::record_donation(file, TempFund::recorder(), gift);
  gift.goods = true;
  gift.item = "大米";
  gift.quantity = "10";
  gift.unit = "袋";
  gift.amount = 1000;
  gift.account.clear();
  books::record_donation(file, TempFund::recorder(), gift);

  const auto wang = books::register_household(file, TempFund::recorder(), {"王家", "桂花里3栋", ""});
  const auto a = person(file, "王秀英", wang);
  const auto b = person(file, "王建国", wang);
  const auto c = person(file, "李桂兰");
  CHECK(books::household_of(file, "9999-12-31").size() == 2);
  relief(file, a, 60000, "2025-03-05");
  relief(file, b, 40000, "2025-03-06");
  relief(file, c, 30000, "2025-03-07");
  relief(file, c, 10000, "2025-03-08");
  const auto voided = relief(file, c, 99900, "2025-03-09");
  books::void_entry(file, TempFund::recorder(), voided, "disbursement", "录错", day("2025-03-09"));
  books::GiveInput give;
  give.item = "大米";
  give.quantity = "2";
  give.beneficiary = c;
  give.date = day("2025-03-10");
  books::give_goods(file, TempFund::recorder(), give);

  const auto served = books::people_served(file, *util::parse_period("2025-03"));
  CHECK(served.relief.persons == 3);
  CHECK(served.relief.households == 2);
  CHECK(served.relief.times == 4);
  CHECK(served.relief.amount == 140000);
  CHECK(served.goods.persons == 1);
  CHECK(served.goods.households == 1);
  CHECK(served.goods.amount == 200);
  CHECK(served.persons == 3);
  CHECK(served.households == 2);
  // A void dated after the period does not change what the period counted.
  const auto april = relief(file, a, 1000, "2025-04-01");
  books::void_entry(file, TempFund::recorder(), april, "disbursement", "录错", day("2025-05-01"));
  CHECK(books::people_served(file, *util::parse_period("2025-04")).relief.times == 1);
  CHECK(books::people_served(file, *util::parse_period("2025-05")).relief.times == 0);
  // Moving 李桂兰 into the 王 household: one household in all.
  books::join_household(file, TempFund::recorder(), wang, c);
  CHECK(books::people_served(file, *util::parse_period("2025-03")).households == 1);
  CHECK_THROWS_AS(books::join_household(file, TempFund::recorder(), wang, c), Refused);
  CHECK_THROWS_AS(books::join_household(file, TempFund::recorder(), 9, c), InputError);
  CHECK_THROWS_AS(books::join_household(file, TempFund::recorder(), wang, 9), InputError);
  CHECK_THROWS_AS(person(file, "赵六", 7), InputError);
  const auto listed = books::list_households(file);
  REQUIRE(listed.size() == 1);
  CHECK(listed.front().members == std::vector<std::int64_t>{a, b, c});
}
