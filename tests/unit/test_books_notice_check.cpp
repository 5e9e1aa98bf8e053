#include <catch2/catch.hpp>

#include "books/donations.hpp"
#include "books/notice_check.hpp"
#include "books/verification.hpp"
#include "error.hpp"
#include "fund_fixture.hpp"
#include "storage/rows.hpp"

using namespace cfund;
using cfund::testing::TempFund;

namespace {

std::string give(const TempFund& fund, const char* date) {
  auto file = fund.open();
  books::DonationInput in;
  in.donor = "张伟";
  in.amount = 10000;
  in.account = "cash";
  in.date = *util::parse_date(date);
  books::record_donation(file, TempFund::recorder(), in);
  return books::recorded_chain_head(file).hash;
}

}  // namespace

TEST_CASE("a notice's code names the entries it covered", "[verify]") {
  TempFund fund;
  const std::string empty_code = books::verification_code(books::kGenesisHash);
  give(fund, "2025-03-05");
  const std::string head2 = give(fund, "2025-03-01");
  const std::string head4 = give(fund, "2025-03-09");
  auto file = fund.open();

  const auto check = books::check_notice(file, books::verification_code(head2));
  CHECK(check.ok());
  CHECK(check.matched);
  CHECK(check.covered_through == 3);
  CHECK(check.first_date == "2025-01-01");  // the setup entry
  CHECK(check.last_date == "2025-03-05");
  CHECK(check.later_entries == 1);

  // The code is searched from both ends in turn: the newest entry's, the first entry's.
  const auto newest = books::check_notice(file, books::verification_code(head4));
  CHECK(newest.covered_through == 4);
  CHECK(newest.first_date == "2025-01-01");
  CHECK(newest.last_date == "2025-03-09");
  CHECK(newest.later_entries == 0);
  const auto setup = books::check_notice(file, books::verification_code(*storage::stored_hash(file, 1)));
  CHECK(setup.covered_through == 1);
  CHECK(setup.first_date == "2025-01-01");
  CHECK(setup.last_date == "2025-01-01");
  CHECK(setup.later_entries == 3);
  const auto second = books::check_notice(file, books::verification_code(*storage::stored_hash(file, 2)));
  CHECK(second.covered_through == 2);
  CHECK(second.first_date == "2025-01-01");
  CHECK(second.last_date == "2025-03-05");
  CHECK(second.later_entries == 2);

  // Typed back by a person: lower case, no prefix, O for 0.
  std::string typed = books::verification_code(head2).substr(3);
  for (char& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  CHECK(books::check_notice(file, typed).covered_through == 3);

  const auto genesis = books::check_notice(file, empty_code);
  CHECK(genesis.matched);
  CHECK(genesis.covered_through == 0);
  CHECK(genesis.later_entries == 4);  // the setup entry and three gifts

  const auto unknown = books::check_notice(file, "CF-0000-0000-0000");
  CHECK_FALSE(unknown.matched);
  CHECK_FALSE(unknown.ok());
  CHECK_THROWS_AS(books::check_notice(file, "not a code"), InputError);
  CHECK(books::check_notice(file, "").ok());
}

TEST_CASE("a notice whose entries were changed afterwards no longer verifies", "[verify]") {
  TempFund fund;
  give(fund, "2025-03-01");
  const std::string head2 = give(fund, "2025-03-02");
  give(fund, "2025-03-03");
  SECTION("changed inside the range") {
    fund.raw_sql("UPDATE donations SET amount = 1 WHERE entry_id = 2");
    auto file = fund.open();
    const auto check = books::check_notice(file, books::verification_code(head2));
    CHECK(check.matched);
    CHECK(check.altered_within());
    CHECK_FALSE(check.ok());
  }
  SECTION("changed after it") {
    fund.raw_sql("UPDATE donations SET amount = 1 WHERE entry_id = 4");
    auto file = fund.open();
    const auto check = books::check_notice(file, books::verification_code(head2));
    CHECK(check.matched);
    CHECK_FALSE(check.altered_within());
    CHECK_FALSE(check.ok());  // the chain itself is broken
  }
}
