#include <catch2/catch.hpp>

#include <fstream>

#include "books/disbursements.hpp"
#include "books/donations.hpp"
#include "books/movements.hpp"
#include "books/reconcile.hpp"
#include "error.hpp"
#include "fund_fixture.hpp"

using namespace cfund;
using cfund::testing::TempFund;

namespace {

util::Date day(const char* iso) { return *util::parse_date(iso); }

// What `cfund audit reconcile` reads by default: the cfund profile.
import::Statement read_cfund(const std::string& path){
    return import::read_statement(path, config::load_import_profile("cfund"));
}  // namespace

std::string write(const TempFund& fund, const std::string& name, const std::string& text) {
  const std::string path = fund.dir() + "/" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

// Bank entries: 1 ¥5,000 ref B1 (03-01) · 2 ¥200 no ref (03-02) · 3 ¥300 ref B3 (03-04)
// · 4 payment -¥120 ref B4 (03-06) · 5 ¥80 (03-07, voided by 6) · 7 ¥50 (03-08)
void record_bank(const TempFund& fund) {
  auto file = fund.open();
  const auto rec = TempFund::recorder();
  auto give = [&](util::Fen amount, const char* date, const char* ref) {
    books::DonationInput in;
    in.donor = "张伟";
    in.amount = amount;
    in.account = "bank";
    in.date = day(date);
    in.external_ref = ref;
    return books::record_donation(file, rec, in).entry_id;
  };
  give(500000, "2025-03-01", "B1");
  give(20000, "2025-03-02", "");
  give(30000, "2025-03-04", "B3");
  books::DisbursementInput pay;
  pay.category = "management";
  pay.amount = 12000;
  pay.account = "bank";
  pay.payee = "青溪印务";
  pay.purpose = "海报";
  pay.date = day("2025-03-06");
  pay.external_ref = "B4";
  books::record_disbursement(file, rec, pay);
  const auto wrong = give(8000, "2025-03-07", "");
  books::void_entry(file, rec, wrong, model::entry_kind::donation, "录错", day("2025-03-07"));
  give(5000, "2025-03-08", "");
}

}  // namespace

TEST_CASE("reconcile: matched, missing, extra and amount-mismatched lines", "[reconcile]") {
  TempFund fund;
  record_bank(fund);
  const auto path = write(fund, "statement.csv",
                          "date,amount,reference,counterparty\n"
                          "2025-03-01,5000.00,B1,张伟\n"      // 2: by reference
                          "2025/3/4,200.00,,张伟\n"           // 3: by amount, two days later
                          "2025-03-04,310.00,B3,张伟\n"       // 4: same reference, other amount
                          "2025-03-06,-120.00,B4,青溪印务\n"  // 5: a payment by reference
                          "2025-03-07,99.00,B9,某人\n"        // 6: not in the books
                          "closing,5489.00,,\n");
  auto file = fund.open();
  books::ReconcileOptions options;
  options.account = "bank";
  const auto report = books::reconcile(file, read_cfund(path), options);

  REQUIRE(report.matched.size() == 3);
  CHECK(report.matched[0].book.entry_id == 2);
  CHECK(report.matched[0].by_reference);
  CHECK(report.matched[1].book.entry_id == 3);
  CHECK_FALSE(report.matched[1].by_reference);
  CHECK(report.matched[2].book.entry_id == 5);
  CHECK(report.matched[2].line.amount == -12000);

  REQUIRE(report.amount_mismatches.size() == 1);
  CHECK(report.amount_mismatches[0].book.entry_id == 4);
  CHECK(report.amount_mismatches[0].line.line == 4);

  REQUIRE(report.only_in_statement.size() == 1);
  CHECK(report.only_in_statement[0].line == 6);
  CHECK(report.only_in_statement[0].reference == "B9");

  // Entry 7 (03-08) is after the statement's last date; the voided pair never counts.
  CHECK(report.only_in_books.empty());
  CHECK(report.books_closing == 500000 + 20000 + 30000 - 12000);
  REQUIRE(report.statement_closing);
  CHECK(*report.statement_closing == 548900);
  CHECK_FALSE(report.balance_agrees());
  CHECK_FALSE(report.clean());
}

TEST_CASE("reconcile: entries missing from the statement; a clean statement", "[reconcile]") {
  TempFund fund;
  record_bank(fund);
  auto file = fund.open();
  books::ReconcileOptions options;
  options.account = "银行";  // by name

  SECTION("missing lines, and a date beyond the tolerance") {
    const auto path = write(fund, "s.csv", "日期,金额,流水号,对方\n2025-03-01,5000,B1,张伟\n2025-03-08,200,,张伟\n");
    options.tolerance_days = 3;
    const auto report = books::reconcile(file, read_cfund(path), options);
    CHECK(report.matched.size() == 1);
    REQUIRE(report.only_in_books.size() == 4);  // 2 (six days away), 3, 4 and 7
    CHECK(report.only_in_books[0].entry_id == 3);
    CHECK(report.only_in_books[3].entry_id == 8);
    REQUIRE(report.only_in_statement.size() == 1);
    CHECK(report.only_in_statement[0].line == 3);
  }
  SECTION("everything matches and the closing balance agrees") {
    const auto path = write(fund, "s.csv",
                            "\xEF\xBB\xBF"
                            "date,amount,reference,counterparty\r\n"
                            "2025-03-01,5000,B1,张伟\r\n2025-03-02,200,,\r\n2025-03-04,300,B3,\r\n"
                            "2025-03-06,-120,B4,\r\n2025-03-08,50,,\r\n");
    options.closing_balance = 543000;
    const auto report = books::reconcile(file, read_cfund(path), options);
    CHECK(report.matched.size() == 5);
    CHECK(report.clean());
  }
}

TEST_CASE("statement CSV errors name the file, the line and the field", "[reconcile][csv]") {
  TempFund fund;
  auto message_of = [&](const std::string& text) {
    const auto path = write(fund, "bad.csv", text);
    try {
      read_cfund(path);
    } catch (const InputError& e) {
      return e.message().en;
    }
    return std::string("no error");
  };
  CHECK(message_of("date,amount\n2025-03-01,12.345\n").find("bad.csv line 2, field amount (value '12.345')") !=
        std::string::npos);
  CHECK(message_of("date,amount\n2025-03-01,1\n2025-13-01,1\n").find("line 3, field date") != std::string::npos);
  CHECK(message_of("when,amount\n2025-03-01,1\n")
            .find("line 1 (the header row): there is no column for the field date") != std::string::npos);
  CHECK(message_of("").find("empty") != std::string::npos);
  CHECK(message_of("date,amount\n").find("no transaction lines") != std::string::npos);
  CHECK(message_of("date,amount\nclosing,1\n2025-03-01,1\n")
            .find("line 3 ('2025-03-01,1'): the closing balance line (line 2) must be the last") != std::string::npos);
  CHECK(message_of("date,amount,counterparty\n2025-03-01,1,\"open\n2025-03-02,1,x\n")
            .find("line 2: the file ends inside a quoted field") != std::string::npos);
  // Not UTF-8: read as GBK, where B2 E2 is 测, which is no amount.
  CHECK(message_of("date,amount\n2025-03-01,1\n2025-03-02,\xB2\xE2\n").find("line 3, field amount (value '测')") !=
        std::string::npos);
  CHECK(message_of("date,amount\n2025-03-01,1\n2025-03-02,\x80\n").find("line 3: the text is neither UTF-8 nor GBK") !=
        std::string::npos);
  // Every bad row is named, not only the first.
  const std::string two = message_of("date,amount\n2025-03-01,x\n2025-03-02,1,2\n");
  CHECK(two.find("2 rows cannot be read") != std::string::npos);
  CHECK(two.find("line 2, field amount (value 'x')") != std::string::npos);
  CHECK(two.find("line 3 ('2025-03-02,1,2'): expected 2 fields") != std::string::npos);
  CHECK_THROWS_AS(read_cfund(fund.dir() + "/missing.csv"), InputError);
}

TEST_CASE("statement CSV: Chinese headers, quoted amounts, a multi-line field", "[reconcile][csv]") {
  TempFund fund;
  const auto path = write(fund, "ok.csv",
                          "交易日期,交易金额,交易流水号,对方户名,备注\n"
                          "2025年3月1日,\"1,000.00\",W1,\"李\n娜\",x\n"
                          "2025-03-02 14:22:01,-５０,W2,王磊,\n"
                          "期末余额,950,,\n");
  const auto statement = read_cfund(path);
  REQUIRE(statement.lines.size() == 2);
  CHECK(statement.lines[0].line == 2);
  CHECK(statement.lines[0].amount == 100000);
  CHECK(statement.lines[0].counterparty == "李 娜");
  CHECK(statement.lines[1].line == 4);
  CHECK(statement.lines[1].amount == -5000);
  CHECK(statement.lines[1].date == day("2025-03-02"));
  CHECK(statement.closing_balance == 95000);
}

TEST_CASE("reconcile: a statement's own balances, newest first, a line without one, a break", "[reconcile]") {
  TempFund fund;
  record_bank(fund);
  auto file = fund.open();
  const auto bank = config::load_import_profile("bank");
  const std::string header = "交易日期,收入金额,支出金额,余额,交易流水号\n";
  // Newest first (as WeChat writes): read backwards; 03-04 states no balance.
  const std::string good = header +
                           "2025-03-08,50.00,,\"5,430.00\",\n"
                           "2025-03-06,,120.00,\"5,380.00\",B4\n"
                           "2025-03-04,300.00,,,B3\n"
                           "2025-03-02,200.00,,\"5,200.00\",\n"
                           "2025-03-01,\"5,000.00\",,\"5,000.00\",B1\n";
  books::ReconcileOptions options;
  options.account = "bank";
  const auto clean = books::reconcile(file, import::read_statement(write(fund, "good.csv", good), bank), options);
  CHECK(clean.statement_has_balances);
  CHECK(clean.balance_breaks == 0);
  CHECK(clean.statement_opening == 0);
  CHECK(clean.opening_date == "2025-02-28");
  CHECK(clean.statement_closing == 543000);
  CHECK(clean.books_closing == 543000);
  CHECK(clean.clean());

  // 03-06 states ¥10 too much: it breaks there, and the line after it (03-08) too.
  std::string broken = good;
  broken.replace(broken.find("5,380.00"), 8, "5,390.00");
  const auto report = books::reconcile(file, import::read_statement(write(fund, "bad.csv", broken), bank), options);
  CHECK(report.balance_breaks == 2);
  REQUIRE(report.first_break);
  CHECK(report.first_break->line == 3);
  CHECK(report.first_break->expected == 538000);
  CHECK(report.first_break->found == 539000);
  CHECK_FALSE(report.clean());

  // A typed closing balance must agree with the statement's own.
  options.closing_balance = 543100;
  const auto typed = books::reconcile(file, import::read_statement(write(fund, "good.csv", good), bank), options);
  CHECK(typed.statement_closing == 543000);
  CHECK_FALSE(typed.typed_agrees());
  CHECK_FALSE(typed.clean());
}
