// Importing statements: all or nothing, idempotent, the same rules as one entry.
#include <catch2/catch.hpp>

#include <fstream>

#include "books/disbursements.hpp"
#include "books/donations.hpp"
#include "books/fund.hpp"
#include "books/imports.hpp"
#include "books/income.hpp"
#include "books/movements.hpp"
#include "books/periods.hpp"
#include "config/fund_config.hpp"
#include "error.hpp"
#include "fund_fixture.hpp"
#include "import/profile.hpp"
#include "storage/queries.hpp"
#include "storage/rows.hpp"

using namespace cfund;
using testing::file_bytes;
using testing::write_file;

namespace {

books::ImportReport run_import(const testing::TempFund& fund, const std::string& path, books::ImportTarget target,
                               books::ImportOptions options = {}, const std::string& profile = "cfund") {
  auto file = fund.open();
  import::StatementReader reader(path, config::load_import_profile(profile));
  return books::import_statement(file, testing::TempFund::recorder(), reader, target, options);
}

books::ImportReport run_import(const testing::TempFund& fund, const std::string& path, books::ImportTarget target,
                               const import::Profile& profile, books::ImportOptions options = {}) {
  auto file = fund.open();
  import::StatementReader reader(path, profile);
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

TEST_CASE("a payment row naming a category there is not is a bad row; the file is refused") {
  testing::TempFund fund;
  const std::string before = file_bytes(fund.path());
  const std::string path = write_file(fund, "out.csv",
                                      "date,amount,payee,purpose,category,reference,account\n"
                                      "2025-03-02,6.00,青溪印务,复印,management,P1,bank\n"
                                      "2025-03-03,6.00,青溪印务,复印,travel,P3,bank\n");
  try {
    run_import(fund, path, kPayments);
    FAIL("bad rows should have been reported");
  } catch (const InputError& e) {
    CHECK_THAT(e.message().zh, Catch::Contains("第 3 行"));
    CHECK_THAT(e.message().zh, Catch::Contains("category"));
    CHECK_THAT(e.message().zh, Catch::Contains("travel"));
    CHECK_THAT(e.message().zh, Catch::Contains("fee（手续费）"));
  }
  CHECK(file_bytes(fund.path()) == before);
}

TEST_CASE(
    "payment rows lacking a category, a purpose or a decision number are listed as unrecorded; the rest "
    "is imported") {
  testing::TempFund fund;
  run_import(fund,
             write_file(fund, "in.csv", "date,amount,donor,reference,account\n2025-03-01,9000.00,张伟,WX1,bank\n"),
             kDonations);
  const std::string path = write_file(fund, "out.csv",
                                      "date,amount,payee,purpose,category,reference,account\n"
                                      "2025-03-02,6.00,青溪印务,,management,P1,bank\n"
                                      "2025-03-03,7.00,青溪印务,复印,,P2,bank\n"
                                      "2025-03-04,8.00,青溪印务,复印,management,P3,bank\n"
                                      "2025-03-05,3500.00,夕阳红服务社,助餐,project,P4,bank\n");
  const auto report = run_import(fund, path, kPayments);
  CHECK(report.rows_added == 1);
  CHECK(report.payments.amount == 800);
  CHECK(report.rows_unrecorded == 3);
  REQUIRE(report.unrecorded.size() == 3);
  CHECK(report.unrecorded[0].line == 2);
  CHECK_THAT(report.unrecorded[0].why.zh, Catch::Contains("没有用途"));
  CHECK(report.unrecorded[1].line == 3);
  CHECK_THAT(report.unrecorded[1].why.zh, Catch::Contains("没有支出类别"));
  CHECK(report.unrecorded[2].line == 5);
  CHECK(report.unrecorded[2].reference == "P4");
  CHECK_THAT(report.unrecorded[2].why.zh, Catch::Contains("需要决议编号"));
  // --approval gives the decision for the rows that name none: the project payment goes in.
  books::ImportOptions options;
  options.approval_ref = "议-2025-03";
  const auto again = run_import(fund, path, kPayments, options);
  CHECK(again.rows_added == 1);
  CHECK(again.rows_present == 1);
  CHECK(again.rows_unrecorded == 2);
  auto file = fund.open();
  const auto paid = books::list_disbursements(file, *util::parse_period("2025-03"));
  REQUIRE(paid.size() == 2);
  CHECK(paid[1].approval_ref == "议-2025-03");
  CHECK(paid[1].amount == 350000);
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

namespace {

const char* kBankHeader = "交易日期,交易时间,摘要,收入金额,支出金额,账户余额,对方户名,对方账号,交易流水号,备注\n";

// June at the bank: a gift, the fund's own cash paid in, a fee, interest, a payment.
const char* kBankJune =
    "20250602,091522,转账存入,5000.00,,,张伟,,B001,捐赠\n"
    "20250603,101500,现金存入,2000.00,,,测试社区基金,,B002,\n"
    "20250605,143005,网银转账,,320.00,,夕阳红服务社,,B003,助餐补贴\n"
    "20250609,143006,汇划手续费,,2.00,,,,B004,\n"
    "20250621,000000,结息,12.34,,,,,B005,\n";

std::string bank_file(const testing::TempFund& fund, const std::string& name, const std::string& rows) {
  return write_file(fund, name, std::string(kBankHeader) + rows);
}

void give_cash(const testing::TempFund& fund, util::Fen amount, const char* date) {
  auto file = fund.open();
  books::DonationInput input;
  input.anonymous = true;
  input.amount = amount;
  input.account = "cash";
  input.date = *util::parse_date(date);
  books::record_donation(file, testing::TempFund::recorder("2025-07-01"), input);
}

std::int64_t pay_by_hand(const testing::TempFund& fund, util::Fen amount, const char* payee, const char* date) {
  auto file = fund.open();
  books::DisbursementInput input;
  input.amount = amount;
  input.account = "bank";
  input.category = "project";
  input.payee = payee;
  input.purpose = "助餐补贴";
  input.date = *util::parse_date(date);
  return books::record_disbursement(file, testing::TempFund::recorder("2025-07-01"), input);
}

util::Fen balance_of(const testing::TempFund& fund, const char* account) {
  auto file = fund.open();
  return storage::balance(file, storage::Side::account, books::find_account(file, account).id);
}

}  // namespace

TEST_CASE(
    "a bank statement: interest is income, the bank's fee a fee, the fund's own cash a transfer; importing "
    "again adds nothing") {
  testing::TempFund fund;
  give_cash(fund, 200000, "2025-06-01");
  const std::string path = bank_file(fund, "june.csv", kBankJune);
  const auto in = run_import(fund, path, kDonations, {}, "bank");
  CHECK(in.donations.rows == 1);
  CHECK(in.donations.amount == 500000);
  CHECK(in.incomes.rows == 1);
  CHECK(in.transfers.rows == 1);
  CHECK(in.rows_added == 3);
  const auto out = run_import(fund, path, kPayments, {}, "bank");
  CHECK(out.payments.rows == 1);  // the fee; the payment to 夕阳红服务社 has no category
  CHECK(out.rows_unrecorded == 1);
  REQUIRE(out.unrecorded.size() == 1);
  CHECK(out.unrecorded[0].line == 4);

  auto file = fund.open();
  const auto income = books::list_income(file, *util::parse_period("2025-06"));
  REQUIRE(income.size() == 1);
  CHECK(income[0].income_kind == "interest");
  CHECK(income[0].amount == 1234);
  CHECK(income[0].source == "银行");  // no counterparty: the account's name
  const auto paid = books::list_disbursements(file, *util::parse_period("2025-06"));
  REQUIRE(paid.size() == 1);
  CHECK(paid[0].category == "fee");
  CHECK(paid[0].purpose == "汇划手续费");
  CHECK(books::list_donations(file, *util::parse_period("2025-06")).size() == 2);  // the cash gift, 张伟
  CHECK(balance_of(fund, "cash") == 0);
  CHECK(balance_of(fund, "bank") == 500000 + 200000 + 1234 - 200);
  CHECK(books::verify_chain(file).ok());

  const std::string before = file_bytes(fund.path());
  CHECK(run_import(fund, path, kDonations, {}, "bank").rows_added == 0);
  CHECK(run_import(fund, path, kPayments, {}, "bank").rows_added == 0);
  CHECK(file_bytes(fund.path()) == before);
}

TEST_CASE("a row booked as a donation before the profile had rules stays that donation") {
  testing::TempFund fund;
  give_cash(fund, 200000, "2025-06-01");
  const std::string path = bank_file(fund, "june.csv", kBankJune);
  auto plain = config::load_import_profile("bank");
  plain.classify.clear();
  CHECK(run_import(fund, path, kDonations, plain).donations.rows == 3);
  const std::string before = file_bytes(fund.path());
  const auto again = run_import(fund, path, kDonations, {}, "bank");
  CHECK(again.rows_added == 0);
  CHECK(again.rows_present == 3);
  CHECK(file_bytes(fund.path()) == before);
}

TEST_CASE("a transfer on both accounts' statements is booked once") {
  testing::TempFund fund;
  give_cash(fund, 200000, "2025-06-01");
  // The cash book, as a cfund CSV: the money taken to the bank, to the fund itself.
  const std::string profile = fund.dir() + "/cashbook.toml";
  std::ofstream(profile) << "account = \"cash\"\n[columns]\ndate = [\"date\"]\namount = [\"amount\"]\n"
                            "counterparty = [\"counterparty\"]\nnote = [\"memo\"]\n"
                            "[[classify]]\ncounterparty = \"own\"\nas = \"transfer\"\naccount = \"bank\"\n";
  const std::string cash =
      write_file(fund, "cash.csv", "date,amount,counterparty,memo\n2025-06-02,-2000,测试社区基金,存入银行\n");
  const auto cash_side = run_import(fund, cash, kPayments, {}, profile);
  CHECK(cash_side.transfers.rows == 1);
  // The bank's statement shows it a day later: the same transfer, not a second one.
  const auto bank_side = run_import(fund, bank_file(fund, "june.csv", kBankJune), kDonations, {}, "bank");
  CHECK(bank_side.transfers.rows == 0);
  CHECK(bank_side.rows_matched == 1);
  REQUIRE(bank_side.matched.size() == 1);
  CHECK(bank_side.matched[0].entry_id == cash_side.first_entry);
  CHECK(bank_side.matched[0].kind == "transfer");
  CHECK(balance_of(fund, "cash") == 0);
  CHECK(balance_of(fund, "bank") == 200000 + 500000 + 1234);
  // Both statements again: nothing.
  CHECK(run_import(fund, cash, kPayments, {}, profile).rows_added == 0);
  CHECK(run_import(fund, bank_file(fund, "june.csv", kBankJune), kDonations, {}, "bank").rows_added == 0);
}

TEST_CASE("a transfer recorded by hand is matched; without enough cash the import is refused") {
  testing::TempFund fund;
  const std::string path = bank_file(fund, "june.csv", kBankJune);
  const std::string before = file_bytes(fund.path());
  try {
    run_import(fund, path, kDonations, {}, "bank");
    FAIL("the cash account cannot pay in what it never held");
  } catch (const Refused& e) {
    CHECK_THAT(e.message().zh, Catch::Contains("june.csv 第 3 行"));
    CHECK_THAT(e.message().zh, Catch::Contains("余额不足"));
  }
  CHECK(file_bytes(fund.path()) == before);
  give_cash(fund, 200000, "2025-06-01");
  {
    auto file = fund.open();
    books::TransferInput input;
    input.from_account = "cash";
    input.to_account = "bank";
    input.amount = 200000;
    input.date = *util::parse_date("2025-06-06");  // three days after the bank booked it
    books::record_transfer(file, testing::TempFund::recorder("2025-07-01"), input);
  }
  const auto report = run_import(fund, path, kDonations, {}, "bank");
  CHECK(report.transfers.rows == 0);
  CHECK(report.rows_matched == 1);
  CHECK(balance_of(fund, "cash") == 0);
}

TEST_CASE("a transfer with the fund itself to no known account is left unrecorded") {
  testing::TempFund fund;
  const auto report = run_import(
      fund,
      bank_file(fund, "own.csv",
                "20250602,091522,转账存入,800.00,,,测试社区基金,,B009,\n20250603,091000,转账存入,5.00,,,王芳,,B010,\n"),
      kDonations, {}, "bank");
  CHECK(report.rows_added == 1);
  CHECK(report.rows_unrecorded == 1);
  REQUIRE(report.unrecorded.size() == 1);
  CHECK_THAT(report.unrecorded[0].why.zh, Catch::Contains("看不出是哪个账户"));
  // Recorded by hand, from the account it came from: importing again matches it.
  give_cash(fund, 80000, "2025-06-01");
  {
    auto file = fund.open();
    books::TransferInput input;
    input.from_account = "cash";
    input.to_account = "bank";
    input.amount = 80000;
    input.date = *util::parse_date("2025-06-02");
    books::record_transfer(file, testing::TempFund::recorder("2025-07-01"), input);
  }
  const auto again = run_import(fund, fund.dir() + "/own.csv", kDonations, {}, "bank");
  CHECK(again.rows_unrecorded == 0);
  CHECK(again.rows_matched == 1);
  CHECK(again.rows_added == 0);
}

TEST_CASE("a debit matches a payment recorded by hand: same amount, dated at most three days apart, same payee") {
  testing::TempFund fund;
  run_import(fund,
             write_file(fund, "in.csv", "date,amount,donor,reference,account\n2025-06-01,9000.00,张伟,WX1,bank\n"),
             kDonations);
  const std::int64_t by_hand = pay_by_hand(fund, 32000, "夕阳红服务社", "2025-06-10");
  books::ImportOptions dry;
  dry.dry_run = true;
  const auto try_row = [&](const char* date, const char* payee, const char* amount) {
    const std::string rows = std::string(date) + ",120000,网银转账,," + amount + ",," + payee + ",,R1,助餐补贴\n";
    return run_import(fund, bank_file(fund, "one.csv", rows), kPayments, dry, "bank");
  };
  for (const char* date : {"20250607", "20250613", "20250610"}) {
    INFO(date);
    const auto report = try_row(date, "夕阳红服务社", "320.00");
    CHECK(report.rows_matched == 1);
    REQUIRE(report.matched.size() == 1);
    CHECK(report.matched[0].entry_id == by_hand);
    CHECK(report.rows_unrecorded == 0);
  }
  for (const char* date : {"20250606", "20250614"}) {
    INFO(date);
    CHECK(try_row(date, "夕阳红服务社", "320.00").rows_unrecorded == 1);
  }
  CHECK(try_row("20250610", "青溪印务", "320.00").rows_matched == 0);      // another payee
  CHECK(try_row("20250610", "", "320.00").rows_matched == 1);              // the statement names nobody
  CHECK(try_row("20250610", "夕阳红服务社", "320.01").rows_matched == 0);  // another amount
}

TEST_CASE("one payment by hand matches one statement row; the rows left are reported, the file still imports") {
  testing::TempFund fund;
  run_import(fund,
             write_file(fund, "in.csv", "date,amount,donor,reference,account\n2025-06-01,9000.00,张伟,WX1,bank\n"),
             kDonations);
  pay_by_hand(fund, 32000, "夕阳红服务社", "2025-06-10");
  const std::string path = bank_file(fund, "two.csv",
                                     "20250610,090000,网银转账,,320.00,,夕阳红服务社,,R1,助餐补贴\n"
                                     "20250611,090000,网银转账,,320.00,,夕阳红服务社,,R2,助餐补贴\n"
                                     "20250612,090000,短信费,,3.00,,,,R3,\n");
  const auto report = run_import(fund, path, kPayments, {}, "bank");
  CHECK(report.rows_matched == 1);
  CHECK(report.rows_unrecorded == 1);
  REQUIRE(report.unrecorded.size() == 1);
  CHECK(report.unrecorded[0].reference == "R2");
  CHECK(report.payments.rows == 1);  // the fee
  // The same statement again: the same answer, nothing written.
  const std::string before = file_bytes(fund.path());
  const auto again = run_import(fund, path, kPayments, {}, "bank");
  CHECK(again.rows_matched == 1);
  CHECK(again.rows_unrecorded == 1);
  CHECK(again.rows_added == 0);
  CHECK(file_bytes(fund.path()) == before);
}

TEST_CASE("a skip rule leaves rows out with its reason") {
  testing::TempFund fund;
  const std::string profile = fund.dir() + "/skip.toml";
  std::ofstream(profile) << "account = \"bank\"\n[columns]\ndate = [\"date\"]\namount = [\"amount\"]\n"
                            "counterparty = [\"counterparty\"]\nnote = [\"memo\"]\n"
                            "[[classify]]\nwords = [\"冲正\"]\nas = \"skip\"\nreason = \"银行冲正，另行处理\"\n";
  const auto report = run_import(fund,
                                 write_file(fund, "in.csv",
                                            "date,amount,counterparty,memo\n2025-06-01,10,张伟,\n"
                                            "2025-06-02,10,张伟,冲正\n2025-06-03,10,张伟,冲正\n"),
                                 kDonations, {}, profile);
  CHECK(report.rows_added == 1);
  CHECK(report.rows_skipped == 2);
  REQUIRE(report.skipped.size() == 1);
  CHECK(report.skipped[0] == std::make_pair(std::string("银行冲正，另行处理"), std::int64_t{2}));
}

TEST_CASE("the bank profile reads the category and decision number columns a worker adds to the export") {
  testing::TempFund fund;
  run_import(fund, bank_file(fund, "in.csv", "20250601,090000,转账存入,9000.00,,,张伟,,B001,捐赠\n"), kDonations, {},
             "bank");
  const std::string path =
      write_file(fund, "out.csv",
                 "交易日期,交易时间,摘要,收入金额,支出金额,账户余额,对方户名,对方账号,交易流水号,备注,支出类别,"
                 "决议编号\n"
                 "20250605,143005,网银转账,,3500.00,,夕阳红服务社,,B002,助餐补贴,project,议-2025-06\n"
                 "20250606,100000,网银转账,,120.00,,青溪印务,,B003,公示栏海报,management,\n"
                 "20250607,100000,网银转账,,80.00,,青溪印务,,B004,复印,,\n");
  const auto report = run_import(fund, path, kPayments, {}, "bank");
  CHECK(report.rows_added == 2);
  CHECK(report.payments.amount == 362000);
  REQUIRE(report.unrecorded.size() == 1);
  CHECK(report.unrecorded[0].line == 4);
  CHECK_THAT(report.unrecorded[0].why.zh, Catch::Contains("没有支出类别"));
  auto file = fund.open();
  const auto paid = books::list_disbursements(file, *util::parse_period("2025-06"));
  REQUIRE(paid.size() == 2);
  CHECK(paid[0].category == "project");
  CHECK(paid[0].approval_ref == "议-2025-06");
  CHECK(paid[1].category == "management");
  CHECK(paid[1].approval_ref.empty());
}
