// The micro-wish state machine (books/wishes.hpp): open → claimed → fulfilled, or
// cancelled before that; every refused step leaves the journal as it was.

#include <catch2/catch.hpp>

#include "books/beneficiaries.hpp"
#include "books/disbursements.hpp"
#include "books/donations.hpp"
#include "books/movements.hpp"
#include "books/wishes.hpp"
#include "error.hpp"
#include "fund_fixture.hpp"

using namespace cfund;
using cfund::testing::TempFund;

namespace {

namespace status = model::wish_status;

util::Date day(const char* iso) { return *util::parse_date(iso); }

std::int64_t entries(storage::FundFile& file) { return books::recorded_chain_head(file).length; }

std::int64_t post(storage::FundFile& file, const char* title = "新书包") {
  books::WishInput input;
  input.date = day("2025-03-01");
  input.title = title;
  input.category = "学习用品";
  input.estimate = 12000;
  input.recipient = "桂花里5栋的小学生";
  return books::post_wish(file, TempFund::recorder(), input);
}

std::int64_t claim(storage::FundFile& file, std::int64_t wish, const char* date = "2025-03-02") {
  books::ClaimInput input;
  input.wish = wish;
  input.donor = "惠民超市";
  input.donor_kind = "organisation";
  input.date = day(date);
  return books::claim_wish(file, TempFund::recorder(), input);
}

std::int64_t donation(storage::FundFile& file, const char* date = "2025-03-03") {
  books::DonationInput input;
  input.donor = "惠民超市";
  input.amount = 12000;
  input.account = "bank";
  input.date = day(date);
  return books::record_donation(file, TempFund::recorder(), input).entry_id;
}

std::string status_of(storage::FundFile& file, std::int64_t wish) {
  for (const auto& found : books::list_wishes(file)) {
    if (found.posting.number == wish) return found.status;
  }
  return "";
}

}  // namespace

TEST_CASE("the wish state machine allows claim, fulfil and cancel in order only", "[books][wishes]") {
  CHECK(books::wish_step_allowed(status::open, status::claimed));
  CHECK(books::wish_step_allowed(status::open, status::cancelled));
  CHECK(books::wish_step_allowed(status::claimed, status::fulfilled));
  CHECK(books::wish_step_allowed(status::claimed, status::cancelled));
  CHECK_FALSE(books::wish_step_allowed(status::open, status::fulfilled));
  CHECK_FALSE(books::wish_step_allowed(status::claimed, status::claimed));
  for (const auto& final : {status::fulfilled, status::cancelled}) {
    for (const auto& next : {status::open, status::claimed, status::fulfilled, status::cancelled}) {
      CHECK_FALSE(books::wish_step_allowed(final, next));
    }
  }
}

TEST_CASE("a wish is posted, claimed by a donor and fulfilled by a donation", "[books][wishes]") {
  TempFund fund;
  auto file = fund.open();
  const auto wish = post(file);
  CHECK(wish == 1);
  CHECK(status_of(file, wish) == status::open);
  claim(file, wish);
  CHECK(status_of(file, wish) == status::claimed);
  const auto gift = donation(file);
  books::fulfil_wish(file, TempFund::recorder(), wish, gift, day("2025-03-04"));
  const auto all = books::list_wishes(file, status::fulfilled);
  REQUIRE(all.size() == 1);
  CHECK(all.front().donor_name == "惠民超市");
  CHECK(all.front().fulfilled_by == gift);
  CHECK(all.front().fulfilled_kind == "donation");
  CHECK(all.front().fulfilled_on == "2025-03-04");
  // As of an earlier day the wish was still claimed, and before its posting it did not exist.
  CHECK(books::wishes_as_of(file, "2025-03-02").front().status == status::claimed);
  CHECK(books::wishes_as_of(file, "2025-02-28").empty());
  CHECK(books::list_wishes(file, status::open).empty());
}

TEST_CASE("a wish cannot be fulfilled before it is claimed, nor stepped out of order", "[books][wishes]") {
  TempFund fund;
  auto file = fund.open();
  const auto wish = post(file);
  const auto gift = donation(file);
  const auto before = entries(file);
  try {
    books::fulfil_wish(file, TempFund::recorder(), wish, gift, day("2025-03-04"));
    FAIL("an unclaimed wish was fulfilled");
  } catch (const Refused& e) {
    CHECK(e.message().zh.find("还没有人认领") != std::string::npos);
  }
  CHECK(entries(file) == before);
  claim(file, wish);
  CHECK_THROWS_AS(claim(file, wish), Refused);
  // A claim dated before the posting, a fulfilment dated before the donation.
  const auto other = post(file, "轮椅");
  CHECK_THROWS_AS(claim(file, other, "2025-02-01"), InputError);
  CHECK_THROWS_AS(books::fulfil_wish(file, TempFund::recorder(), wish, gift, day("2025-03-02")), InputError);
  books::fulfil_wish(file, TempFund::recorder(), wish, gift, day("2025-03-05"));
  const auto after = entries(file);
  CHECK_THROWS_AS(books::cancel_wish(file, TempFund::recorder(), wish, "重复", day("2025-03-06")), Refused);
  CHECK_THROWS_AS(books::fulfil_wish(file, TempFund::recorder(), wish, gift, day("2025-03-06")), Refused);
  CHECK(entries(file) == after);
  CHECK_THROWS_AS(books::cancel_wish(file, TempFund::recorder(), 99, "没有", day("2025-03-06")), InputError);
}

TEST_CASE("only a live donation, goods given or payment fulfils a wish", "[books][wishes]") {
  TempFund fund;
  auto file = fund.open();
  const auto wish = post(file);
  claim(file, wish);
  const auto gift = donation(file);
  books::void_entry(file, TempFund::recorder(), gift, "donation", "录错", day("2025-03-03"));
  const auto before = entries(file);
  CHECK_THROWS_AS(books::fulfil_wish(file, TempFund::recorder(), wish, gift, day("2025-03-04")), Refused);
  // The wish's own posting is no fulfilment; an entry that does not exist neither.
  CHECK_THROWS_AS(books::fulfil_wish(file, TempFund::recorder(), wish, 1, day("2025-03-04")), InputError);
  CHECK_THROWS_AS(books::fulfil_wish(file, TempFund::recorder(), wish, 999, day("2025-03-04")), InputError);
  CHECK(entries(file) == before);
  CHECK(status_of(file, wish) == status::claimed);
  books::cancel_wish(file, TempFund::recorder(), wish, "捐赠人改为直接送达", day("2025-03-05"));
  CHECK(status_of(file, wish) == status::cancelled);
  CHECK(books::list_wishes(file, status::cancelled).front().reason == "捐赠人改为直接送达");
}

TEST_CASE("a wish names a registered beneficiary or describes whom it is for, not both", "[books][wishes]") {
  TempFund fund;
  auto file = fund.open();
  books::WishInput input;
  input.date = day("2025-03-01");
  input.title = "修水管";
  input.category = "居家维修";
  input.estimate = 8000;
  input.beneficiary = 1;
  CHECK_THROWS_AS(books::post_wish(file, TempFund::recorder(), input), InputError);  // B0001 does not exist
  books::BeneficiaryInput person;
  person.name = "王秀英";
  person.category = "独居老人";
  books::register_beneficiary(file, TempFund::recorder(), person);
  input.recipient = "5栋";
  CHECK_THROWS_AS(books::post_wish(file, TempFund::recorder(), input), InputError);
  input.recipient.clear();
  input.estimate = -1;
  CHECK_THROWS_AS(books::post_wish(file, TempFund::recorder(), input), InputError);
  input.estimate = 8000;
  books::post_wish(file, TempFund::recorder(), input);
  const auto wish = books::list_wishes(file).front();
  CHECK(wish.posting.beneficiary == 1);
  CHECK(wish.posting.beneficiary_name == "王秀英");
}
