#include <catch2/catch.hpp>

#include "books/beneficiaries.hpp"
#include "books/disbursements.hpp"
#include "books/donations.hpp"
#include "books/movements.hpp"
#include "error.hpp"
#include "fund_fixture.hpp"
#include "storage/queries.hpp"

using namespace cfund;
using cfund::testing::TempFund;

namespace {

util::Date day(const char* iso) { return *util::parse_date(iso); }

void donate(storage::FundFile& file, util::Fen amount, const char* account, const char* designation, const char* date) {
  books::DonationInput input;
  input.donor = "张伟";
  input.amount = amount;
  input.account = account;
  input.designation = designation;
  input.date = day(date);
  books::record_donation(file, TempFund::recorder(), input);
}

books::DisbursementInput payment(util::Fen amount, const char* designation, const char* date) {
  books::DisbursementInput input;
  input.amount = amount;
  input.account = "bank";
  input.designation = designation;
  input.category = "project";
  input.payee = "服务社";
  input.purpose = "助餐";
  input.date = day(date);
  return input;
}

std::int64_t entries(storage::FundFile& file) { return books::recorded_chain_head(file).length; }

}  // namespace

TEST_CASE("a designation cannot be overdrawn, and the refusal says what is available", "[rules]") {
  TempFund fund;
  auto file = fund.open();
  donate(file, 50000, "bank", "general", "2025-03-01");
  donate(file, 20000, "bank", "elderly", "2025-03-01");
  try {
    books::record_disbursement(file, TempFund::recorder(), payment(20001, "elderly", "2025-03-05"));
    FAIL("overdraft accepted");
  } catch (const Refused& e) {
    CHECK(e.message().zh.find("¥200.00") != std::string::npos);
    CHECK(e.message().en.find("restricted") != std::string::npos);
  }
  CHECK(entries(file) == 3);
  books::record_disbursement(file, TempFund::recorder(), payment(20000, "elderly", "2025-03-05"));
  CHECK(storage::balance(file, storage::Side::designation, books::find_designation(file, "elderly").id) == 0);
}

TEST_CASE("a back-dated payment cannot spend money that arrived later", "[rules]") {
  TempFund fund;
  auto file = fund.open();
  donate(file, 10000, "bank", "general", "2025-03-10");
  CHECK_THROWS_AS(books::record_disbursement(file, TempFund::recorder(), payment(5000, "general", "2025-03-09")),
                  Refused);
  // the same day is fine: the day's balance counts every entry of that day
  books::record_disbursement(file, TempFund::recorder(), payment(5000, "general", "2025-03-10"));
  // a later payment already took money: a back-dated one may only take what stays free on every later day
  donate(file, 10000, "bank", "general", "2025-03-01");
  books::record_disbursement(file, TempFund::recorder(), payment(8000, "general", "2025-03-20"));
  // balance: 03-01 100, 03-10 150, 03-20 70 -> from 03-05 at most 70 may go
  CHECK_THROWS_AS(books::record_disbursement(file, TempFund::recorder(), payment(7001, "general", "2025-03-05")),
                  Refused);
  books::record_disbursement(file, TempFund::recorder(), payment(7000, "general", "2025-03-05"));
}

TEST_CASE("lowest_balance_from looks at every later day", "[rules]") {
  TempFund fund;
  auto file = fund.open();
  donate(file, 10000, "bank", "general", "2025-03-01");
  books::record_disbursement(file, TempFund::recorder(), payment(9000, "general", "2025-03-03"));
  donate(file, 50000, "bank", "general", "2025-03-04");
  const auto bank = books::find_account(file, "bank").id;
  CHECK(storage::lowest_balance_from(file, storage::Side::account, bank, "2025-03-01") == 1000);
  CHECK(storage::lowest_balance_from(file, storage::Side::account, bank, "2025-03-02") == 1000);
  CHECK(storage::lowest_balance_from(file, storage::Side::account, bank, "2025-03-04") == 51000);
  CHECK(storage::lowest_balance_from(file, storage::Side::account, bank, "2025-02-01") == 0);
  CHECK(storage::lowest_balance_from(file, storage::Side::account, bank, "2025-04-01") == 51000);
}

TEST_CASE("payments above the approval threshold need a reference", "[rules]") {
  TempFund fund;
  auto file = fund.open();
  donate(file, 1000000, "bank", "general", "2025-03-01");
  books::record_disbursement(file, TempFund::recorder(), payment(300000, "general", "2025-03-02"));  // at the threshold
  CHECK_THROWS_AS(books::record_disbursement(file, TempFund::recorder(), payment(300001, "general", "2025-03-02")),
                  Refused);
  auto approved = payment(300001, "general", "2025-03-02");
  approved.approval_ref = "议-2025-01";
  books::record_disbursement(file, TempFund::recorder(), approved);
  CHECK(entries(file) == 4);
}

TEST_CASE("a second relief inside the window needs a reason", "[rules]") {
  TempFund fund;  // window: 30 days
  auto file = fund.open();
  donate(file, 100000, "bank", "general", "2025-01-01");
  books::BeneficiaryInput person;
  person.name = "王秀英";
  person.category = "独居老人";
  books::register_beneficiary(file, TempFund::recorder(), person);
  auto relief = payment(1000, "general", "2025-03-01");
  relief.category = "relief";
  relief.payee.clear();
  relief.beneficiary = 1;
  const auto first = books::record_disbursement(file, TempFund::recorder(), relief);
  relief.date = day("2025-03-30");
  CHECK_THROWS_AS(books::record_disbursement(file, TempFund::recorder(), relief), Refused);
  relief.date = day("2025-02-01");  // before the first one counts too
  CHECK_THROWS_AS(books::record_disbursement(file, TempFund::recorder(), relief), Refused);
  relief.date = day("2025-03-31");  // 30 days later: outside the window
  books::record_disbursement(file, TempFund::recorder(), relief);
  relief.date = day("2025-03-15");
  relief.repeat_reason = "住院";
  books::record_disbursement(file, TempFund::recorder(), relief);
  // a voided relief does not count
  books::void_entry(file, TempFund::recorder(), first, model::entry_kind::disbursement, "录错", day("2025-03-10"));
  relief.repeat_reason.clear();
  relief.date = day("2025-02-20");
  CHECK_THROWS_AS(books::record_disbursement(file, TempFund::recorder(), relief), Refused);  // 03-15 is within 30 days
}

TEST_CASE("voids reverse the postings and cannot be repeated", "[rules]") {
  TempFund fund;
  auto file = fund.open();
  donate(file, 10000, "cash", "general", "2025-03-01");
  const auto cash = books::find_account(file, "cash").id;
  const auto v =
      books::void_entry(file, TempFund::recorder(), 2, model::entry_kind::donation, "录错", day("2025-03-02"));
  CHECK(storage::balance(file, storage::Side::account, cash) == 0);
  auto postings = storage::postings_of(file, v);
  REQUIRE(postings.size() == 2);
  CHECK(postings[0].amount == -10000);
  CHECK_THROWS_AS(
      books::void_entry(file, TempFund::recorder(), 2, model::entry_kind::donation, "再冲", day("2025-03-02")),
      Refused);
  CHECK_THROWS_AS(
      books::void_entry(file, TempFund::recorder(), v, model::entry_kind::donation, "冲红冲", day("2025-03-02")),
      Refused);
  CHECK_THROWS_AS(
      books::void_entry(file, TempFund::recorder(), 1, model::entry_kind::disbursement, "种类不对", day("2025-03-02")),
      InputError);
  CHECK(entries(file) == 3);
}

TEST_CASE("receipt numbers run per year of the donation date", "[rules]") {
  TempFund fund;
  auto file = fund.open();
  books::DonationInput input;
  input.donor = "张伟";
  input.amount = 100;
  input.account = "cash";
  input.date = day("2025-12-31");
  CHECK(books::record_donation(file, TempFund::recorder(), input).receipt_no == "2025-000001");
  input.date = day("2026-01-01");
  CHECK(books::record_donation(file, TempFund::recorder(), input).receipt_no == "2026-000001");
  input.date = day("2025-06-01");
  CHECK(books::record_donation(file, TempFund::recorder(), input).receipt_no == "2025-000002");
}
