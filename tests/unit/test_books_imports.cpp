// Importing statements: all or nothing, idempotent, the same rules as one entry.
#include <catch2/catch.hpp>

#include <fstream>

#include "books/disbursements.hpp"
#include "books/donations.hpp"
#include "books/imports.hpp"
#include "books/movements.hpp"
#include "books/periods.hpp"
#include "config/fund_config.hpp"
#include "error.hpp"
#include "fund_fixture.hpp"
#include "import/profile.hpp"
#include "storage/rows.hpp"

using namespace cfund;

namespace {

std::string write_file(const testing::TempFund& fund, const std::string& name, const std::string& text) {
  const std::string path = fund.dir() + "/" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

books::ImportReport run_import(const testing::TempFund& fund, const std::string& path, books::ImportTarget target,
                               books::ImportOptions options = {}, const std::string& profile = "cfund") {
  auto file = fund.open();
  import::StatementReader reader(path, config::load_import_profile(profile));
  return books::import_statement(file, testing::TempFund::recorder(), reader, target, options);
}

const books::ImportTarget kDonations = books::ImportTarget::donations;
const books::ImportTarget kPayments = books::ImportTarget::disbursements;

const char* kMarch =
    "date,amount,donor,reference,account,designation,memo\n"
    "2025-03-01,200.00,张伟,WX001,bank,,\n"
    "2025-03-02,50.00,,,bank,elderly,扫码捐赠\n"
    "2025-03-02,50.00,,,bank,elderly,扫码捐赠\n"
    "2025-03-03,\"1,000.00\",青溪印务有限公司,WX002,bank,,\n";

}  // namespace

TEST_CASE("an import records every new row, numbers receipts and records the file") {
  testing::TempFund fund;
  const auto report = run_import(fund, write_file(fund, "march.csv", kMarch), kDonations);
  CHECK(report.rows_read == 4);
  CHECK(report.rows_added == 4);
  CHECK(report.rows_present == 0);
  CHECK(report.amount_added == 130000);
  CHECK(report.first_entry == 2);
  CHECK(report.last_entry == 5);
  CHECK(report.import_entry == 6);
  CHECK(report.first_receipt == "2025-000001");
  CHECK(report.last_receipt == "2025-000004");

  auto file = fund.open();
  const auto rows = books::list_donations(file, *util::parse_period("2025-03"));
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].donor_name == "张伟");
  CHECK(rows[0].external_ref == "WX001");
  CHECK_FALSE(rows[0].anonymous);
  CHECK(rows[1].anonymous);  // no name on the statement
  CHECK(rows[1].designation_code == "elderly");
  CHECK(rows[1].memo == "扫码捐赠");
  CHECK(rows[3].amount == 100000);
  CHECK(books::verify_chain(file).ok());
}

TEST_CASE("importing the same file again adds nothing and leaves the file as it was") {
  testing::TempFund fund;
  const std::string path = write_file(fund, "march.csv", kMarch);
  run_import(fund, path, kDonations);
  const std::string before = file_bytes(fund.path());
  const auto again = run_import(fund, path, kDonations);
  CHECK(again.rows_read == 4);
  CHECK(again.rows_added == 0);
  CHECK(again.rows_present == 4);
  CHECK(again.import_entry == 0);
  REQUIRE(again.same_file_before);
  CHECK(again.same_file_before->entry_id == 6);
  CHECK(file_bytes(fund.path()) == before);
}

TEST_CASE("an overlapping statement adds only what is new; identical gifts are counted, not merged") {
  testing::TempFund fund;
  run_import(fund, write_file(fund, "march.csv", kMarch), kDonations);
  // The same two anonymous 50s, a third identical one, WX002 again and one new gift.
  const auto report = run_import(fund,
                                 write_file(fund, "overlap.csv",
                                            "date,amount,donor,reference,account,designation,memo\n"
                                            "2025-03-02,50.00,,,bank,elderly,扫码捐赠\n"
                                            "2025-03-02,50.00,,,bank,elderly,扫码捐赠\n"
                                            "2025-03-02,50.00,,,bank,elderly,扫码捐赠\n"
                                            "2025-03-03,1000.00,青溪印务有限公司,WX002,bank,,\n"
                                            "2025-03-04,80.00,李娜,WX003,bank,,\n"),
                                 kDonations);
  CHECK(report.rows_present == 3);
  CHECK(report.rows_added == 2);
  CHECK(report.amount_added == 13000);
  REQUIRE(report.first_rows.size() == 2);
  CHECK(report.first_rows[0].line == 4);  // the third 50
  CHECK(report.first_rows[1].reference == "WX003");
}

TEST_CASE("a donation voided after import is not brought back by importing again") {
  testing::TempFund fund;
  const std::string path = write_file(fund, "march.csv", kMarch);
  run_import(fund, path, kDonations);
  {
    auto file = fund.open();
    books::void_entry(file, testing::TempFund::recorder(), 2, model::entry_kind::donation, "重复录入",
                      *util::parse_date("2025-03-10"));
  }
  const auto again = run_import(fund, path, kDonations);
  CHECK(again.rows_added == 0);
  CHECK(again.rows_present == 4);
}

TEST_CASE("any bad row: nothing is written and every bad row is named") {
  testing::TempFund fund;
  const std::string before = file_bytes(fund.path());
  const std::string path = write_file(fund, "bad.csv",
                                      "date,amount,donor,reference,account\n"
                                      "2025-03-01,200.00,张伟,WX001,bank\n"
                                      "2025-03-02,12.345,王芳,WX002,bank\n"
                                      "2025-02-30,10.00,赵强,WX003,bank\n"
                                      "2025-03-04,10.00,孙丽,WX004,nosuchaccount\n");
  try {
    run_import(fund, path, kDonations);
    FAIL("the import should have been refused");
  } catch (const InputError& e) {
    const std::string& text = e.message().zh;
    CHECK_THAT(text, Catch::Contains("3 行有问题"));
    CHECK_THAT(text, Catch::Contains("bad.csv 第 3 行"));
    CHECK_THAT(text, Catch::Contains("amount"));
    CHECK_THAT(text, Catch::Contains("bad.csv 第 4 行"));
    CHECK_THAT(text, Catch::Contains("date"));
    CHECK_THAT(text, Catch::Contains("bad.csv 第 5 行"));
    CHECK_THAT(text, Catch::Contains("nosuchaccount"));
    CHECK_THAT(e.message().en, Catch::Contains("nothing was imported"));
  }
  CHECK(file_bytes(fund.path()) == before);
}

TEST_CASE("a dry run counts and shows, and writes nothing") {
  testing::TempFund fund;
  const std::string before = file_bytes(fund.path());
  books::ImportOptions options;
  options.dry_run = true;
  const auto report = run_import(fund, write_file(fund, "march.csv", kMarch), kDonations, options);
  CHECK(report.dry_run);
  CHECK(report.rows_added == 4);
  CHECK(report.first_rows.size() == 4);
  CHECK(report.import_entry == 0);
  CHECK(file_bytes(fund.path()) == before);
}

TEST_CASE("a donation import leaves out money paid out, a payment import money received") {
  testing::TempFund fund;
  const std::string path = write_file(fund, "both.csv",
                                      "date,amount,direction,counterparty,reference,memo,category\n"
                                      "2025-03-01,500.00,收入,张伟,B001,,\n"
                                      "2025-03-05,120.00,支出,青溪印务,B002,打印公示,management\n");
  books::ImportOptions options;
  options.account = "bank";
  const auto donations = run_import(fund, path, kDonations, options);
  CHECK(donations.rows_added == 1);
  CHECK(donations.rows_other_direction == 1);
  const auto payments = run_import(fund, path, kPayments, options);
  CHECK(payments.rows_added == 1);
  CHECK(payments.rows_other_direction == 1);
  auto file = fund.open();
  const auto paid = books::list_disbursements(file, *util::parse_period("2025-03"));
  REQUIRE(paid.size() == 1);
  CHECK(paid[0].amount == 12000);
  CHECK(paid[0].purpose == "打印公示");
  CHECK(paid[0].payee == "青溪印务");
  CHECK(paid[0].category == "management");
}

TEST_CASE("a signed statement: donations take the positive rows; payments need the direction said") {
  testing::TempFund fund;
  const std::string path = write_file(fund, "signed.csv",
                                      "date,amount,counterparty,reference,memo\n"
                                      "2025-03-01,500.00,张伟,B001,\n"
                                      "2025-03-05,-120.00,青溪印务,B002,打印公示\n");
  books::ImportOptions options;
  options.account = "bank";
  options.category = "management";
  const auto donations = run_import(fund, path, kDonations, options);
  CHECK(donations.rows_added == 1);
  CHECK(donations.rows_other_direction == 1);
  const std::string before = file_bytes(fund.path());
  try {
    run_import(fund, path, kPayments, options);
    FAIL("a payment import of a signed statement should be refused");
  } catch (const InputError& e) {
    CHECK_THAT(e.message().zh, Catch::Contains("第 3 行是负数金额"));
    CHECK_THAT(e.message().zh, Catch::Contains("第 2 行是正数金额"));
  }
  CHECK(file_bytes(fund.path()) == before);
}

TEST_CASE("a payment import meets the rules of disburse add; one refused row refuses the file") {
  testing::TempFund fund;
  run_import(fund,
             write_file(fund, "in.csv", "date,amount,donor,reference,account\n2025-03-01,1000.00,张伟,WX1,bank\n"),
             kDonations);
  const std::string before = file_bytes(fund.path());
  const std::string path = write_file(fund, "out.csv",
                                      "date,amount,payee,purpose,category,reference,account\n"
                                      "2025-03-02,600.00,青溪印务,公示栏,management,P1,bank\n"
                                      "2025-03-03,600.00,青溪印务,公示栏,management,P2,bank\n");
  try {
    run_import(fund, path, kPayments);
    FAIL("the overdraft should have been refused");
  } catch (const Refused& e) {
    CHECK_THAT(e.message().zh, Catch::Contains("out.csv 第 3 行"));
    CHECK_THAT(e.message().zh, Catch::Contains("没有写入任何一行"));
  }
  CHECK(file_bytes(fund.path()) == before);
}

TEST_CASE("a payment row without a category or purpose is a bad row naming the field") {
  testing::TempFund fund;
  const std::string path = write_file(fund, "out.csv",
                                      "date,amount,payee,purpose,category,reference,account\n"
                                      "2025-03-02,6.00,青溪印务,,management,P1,bank\n"
                                      "2025-03-03,6.00,青溪印务,复印,,P2,bank\n"
                                      "2025-03-03,6.00,青溪印务,复印,travel,P3,bank\n");
  try {
    run_import(fund, path, kPayments);
    FAIL("bad rows should have been reported");
  } catch (const InputError& e) {
    CHECK_THAT(e.message().zh, Catch::Contains("第 2 行"));
    CHECK_THAT(e.message().zh, Catch::Contains("purpose"));
    CHECK_THAT(e.message().zh, Catch::Contains("第 3 行"));
    CHECK_THAT(e.message().zh, Catch::Contains("category"));
    CHECK_THAT(e.message().zh, Catch::Contains("travel"));
  }
}

TEST_CASE("an import into a closed month is refused, naming the line") {
  testing::TempFund fund;
  {
    auto file = fund.open();
    books::close_period(file, testing::TempFund::recorder(), "2025-02");
  }
  const std::string path = write_file(fund, "feb.csv",
                                      "date,amount,donor,reference,account\n"
                                      "2025-03-01,10.00,张伟,WX1,bank\n"
                                      "2025-02-27,10.00,王芳,WX2,bank\n");
  try {
    run_import(fund, path, kDonations);
    FAIL("a closed month should refuse the import");
  } catch (const Refused& e) {
    CHECK_THAT(e.message().zh, Catch::Contains("feb.csv 第 3 行"));
    CHECK_THAT(e.message().zh, Catch::Contains("已结账"));
  }
}

TEST_CASE("an import is one journal entry naming the file's checksum and the entries it added") {
  testing::TempFund fund;
  const auto report = run_import(fund, write_file(fund, "march.csv", kMarch), kDonations);
  auto file = fund.open();
  bool found = false;
  storage::for_each_entry(file, model::detail_table_for, [&](const storage::EntryRows& rows) {
    if (rows.detail_table != "imports") return;
    found = true;
    REQUIRE(rows.detail.size() == 1);
    const auto& detail = rows.detail[0];
    CHECK(std::get<std::string>(*detail.find("file_sha256")) == report.sha256);
    CHECK(std::get<std::int64_t>(*detail.find("first_entry")) == 2);
    CHECK(std::get<std::int64_t>(*detail.find("last_entry")) == 5);
    CHECK(std::get<std::string>(*detail.find("file_name")) == "march.csv");
  });
  CHECK(found);
}
