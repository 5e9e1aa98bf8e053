// The annual accounts (report/annual.hpp): a hand-made year with known figures, a
// raw edit that makes the statements not add up, and a property test over generated
// funds — random mixes of every kind of entry over three years, recorded through the
// books API with the rules on — where every year must satisfy the three identities
// and every income and expense line must equal the postings summed here with plain
// SQL, independently of cfund's queries.

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include <random>
#include <stdexcept>

#include "books/beneficiaries.hpp"
#include "books/disbursements.hpp"
#include "books/donations.hpp"
#include "books/goods.hpp"
#include "books/income.hpp"
#include "books/movements.hpp"
#include "books/openings.hpp"
#include "books/projects.hpp"
#include "books/ratios.hpp"
#include "fund_fixture.hpp"
#include "model/categories.hpp"
#include "random_fund.hpp"
#include "report/annual.hpp"

using namespace cfund;
using cfund::testing::RandomFund;
using cfund::testing::TempFund;
using model::ActivityLine;
using util::Fen;

namespace {

util::Date day(const std::string& iso) { return *util::parse_date(iso); }

report::AnnualModel annual(const TempFund& fund, int year) {
  auto file = fund.open();
  report::AnnualOptions options;
  options.year = year;
  return report::build_annual(file, options);
}

report::Split income_line(const report::Activities& activities, ActivityLine line) {
  for (const auto& amount : activities.income) {
    if (amount.line == line) return amount.amount;
  }
  FAIL("no income line");
  return {};
}

Fen cost_line(const report::Activities& activities, ActivityLine line) {
  for (const auto& amount : activities.expenses) {
    if (amount.line == line) return amount.amount.unrestricted;
  }
  FAIL("no cost line");
  return 0;
}

// --- the books summed with plain SQL, the way docs/annual.md defines each line ---------

Fen scalar(SQLite::Database& db, const std::string& sql, int year) {
  SQLite::Statement q(db, sql);
  for (int i = 1; i <= q.getBindParameterCount(); i += 2) {
    q.bind(i, std::to_string(year) + "-01-01");
    q.bind(i + 1, std::to_string(year) + "-12-31");
  }
  q.executeStep();
  return q.getColumn(0).isNull() ? 0 : q.getColumn(0).getInt64();
}

// A detail table's column over the entries dated in the year, less the voids of such
// entries dated in the year (whenever the original was dated), filtered by `where` on x
// and the designation g the detail names.
Fen dated_flows(SQLite::Database& db, const std::string& table, const std::string& column, const std::string& where,
                int year) {
  const bool designated = table != "goods_given";  // goods given out name no designation
  const std::string from =
      " FROM " + table + " x " + (designated ? "LEFT JOIN designations g ON g.id = x.designation_id " : "");
  const std::string originals = "SELECT SUM(x." + column + ")" + from +
                                "JOIN entries e ON e.id = x.entry_id WHERE e.date BETWEEN ? AND ? AND " + where;
  const std::string voids = "SELECT SUM(x." + column + ")" + from +
                            "JOIN entries v ON v.voids_entry = x.entry_id WHERE v.date BETWEEN ? AND ? AND " + where;
  return scalar(db, originals, year) - scalar(db, voids, year);
}

struct Expected {
  Fen donations_u = 0, donations_r = 0, grants = 0, services = 0, sales = 0, interest = 0, other = 0;
  Fen programme = 0, management = 0, fundraising = 0;
};

Expected expected_lines(const std::string& path, int year) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  // Goods donations recorded before the stock existed have no postings: not income.
  const std::string posted = " EXISTS (SELECT 1 FROM postings q WHERE q.entry_id = x.entry_id) ";
  Expected e;
  e.donations_u = dated_flows(db, "donations", "amount", "x.form = 'money' AND g.restricted = 0", year) +
                  dated_flows(db, "incomes", "amount", "x.income_kind = 'matching' AND g.restricted = 0", year);
  e.donations_r = dated_flows(db, "donations", "amount", "x.form = 'money' AND g.restricted = 1", year) +
                  dated_flows(db, "donations", "amount", "x.form = 'goods' AND" + posted, year) +
                  dated_flows(db, "incomes", "amount", "x.income_kind = 'matching' AND g.restricted = 1", year);
  e.grants = dated_flows(db, "incomes", "amount", "x.income_kind = 'grant'", year);
  e.services = dated_flows(db, "incomes", "amount", "x.income_kind = 'service'", year);
  e.sales = dated_flows(db, "incomes", "amount", "x.income_kind = 'sales'", year) +
            dated_flows(db, "goods_sales", "amount", "1", year);
  e.interest = dated_flows(db, "incomes", "amount", "x.income_kind = 'interest'", year);
  e.other = dated_flows(db, "incomes", "amount", "x.income_kind = 'other'", year);
  e.programme = dated_flows(db, "disbursements", "amount", "x.category IN ('relief', 'project')", year) +
                dated_flows(db, "goods_given", "value", "1", year) + dated_flows(db, "goods_sales", "value", "1", year);
  e.management = dated_flows(db, "disbursements", "amount", "x.category IN ('management', 'fee')", year);
  e.fundraising = dated_flows(db, "disbursements", "amount", "x.category = 'fundraising'", year);
  return e;
}

// Each designation's and account's balance at a day's end, from the postings.
Fen balance_sql(const std::string& path, const std::string& where, const std::string& date) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  SQLite::Statement q(db,
                      "SELECT SUM(p.amount) FROM postings p JOIN entries e ON e.id = p.entry_id "
                      "LEFT JOIN accounts a ON a.id = p.account_id LEFT JOIN designations g ON g.id = p.designation_id "
                      "WHERE e.date <= ? AND " +
                          where);
  q.bind(1, date);
  q.executeStep();
  return q.getColumn(0).isNull() ? 0 : q.getColumn(0).getInt64();
}

void check_year(const TempFund& fund, int year) {
  INFO("year " << year);
  const auto m = annual(fund, year);
  const auto& a = m.activities;
  const auto& s = m.balance;
  // Net assets roll forward by the statement, per column and in total.
  CHECK(s.unrestricted.end == s.unrestricted.start + a.brought_forward.unrestricted + a.change.unrestricted);
  CHECK(s.restricted.end == s.restricted.start + a.brought_forward.restricted + a.change.restricted);
  CHECK(s.net_assets.end == s.net_assets.start + a.brought_forward.total() + a.change.total());
  CHECK(a.change.total() == a.income_total.total() - a.expense_total.total());
  // The cash flow's net change is the change in 货币资金.
  CHECK(m.cash.net_change + m.cash.brought_forward == s.money_total.end - s.money_total.start);
  // No liabilities: assets are net assets.
  CHECK(s.assets.end == s.net_assets.end);
  CHECK(s.liabilities.end == 0);
  // The balance sheet against the postings read here.
  const std::string end = std::to_string(year) + "-12-31";
  CHECK(s.restricted.end == -balance_sql(fund.path(), "g.restricted = 1", end));
  CHECK(s.unrestricted.end == -balance_sql(fund.path(), "g.restricted = 0", end));
  CHECK(s.money_total.end == balance_sql(fund.path(), "a.kind <> 'goods'", end));
  CHECK(s.goods.end == balance_sql(fund.path(), "a.kind = 'goods'", end));
  // Each line against the detail tables.
  const Expected e = expected_lines(fund.path(), year);
  CHECK(income_line(a, ActivityLine::donation_income).unrestricted == e.donations_u);
  CHECK(income_line(a, ActivityLine::donation_income).restricted == e.donations_r);
  CHECK(income_line(a, ActivityLine::grant_income).total() == e.grants);
  CHECK(income_line(a, ActivityLine::service_income).total() == e.services);
  CHECK(income_line(a, ActivityLine::sales_income).total() == e.sales);
  CHECK(income_line(a, ActivityLine::investment_income).total() == e.interest);
  CHECK(income_line(a, ActivityLine::other_income).total() == e.other);
  CHECK(cost_line(a, ActivityLine::program_cost) == e.programme);
  CHECK(cost_line(a, ActivityLine::management_cost) == e.management);
  CHECK(cost_line(a, ActivityLine::fundraising_cost) == e.fundraising);
  CHECK(cost_line(a, ActivityLine::other_cost) == 0);
}

}  // namespace

TEST_CASE("annual: a year of known figures, with restricted money released as it is spent") {
  TempFund fund;
  auto file = fund.open();
  const auto rec = TempFund::recorder();
  books::OpeningInput opening;
  opening.date = day("2024-12-31");
  opening.amount = 100000;
  opening.account = "bank";
  books::record_opening(file, rec, opening);
  books::DonationInput gift;
  gift.donor = "刘芳";
  gift.amount = 50000;
  gift.account = "bank";
  gift.designation = "elderly";
  gift.date = day("2025-02-01");
  books::record_donation(file, rec, gift);
  books::IncomeInput grant;
  grant.kind = "grant";
  grant.source = "镇政府";
  grant.amount = 30000;
  grant.account = "bank";
  grant.date = day("2025-03-01");
  books::record_income(file, rec, grant);
  const auto person = books::register_beneficiary(file, rec, {"王秀英", "", "", "", "独居老人", ""});
  books::DisbursementInput relief;
  relief.amount = 20000;
  relief.account = "bank";
  relief.designation = "elderly";
  relief.category = "relief";
  relief.beneficiary = person;
  relief.purpose = "慰问金";
  relief.payee = "王秀英";
  relief.date = day("2025-04-01");
  books::record_disbursement(file, rec, relief);
  books::DisbursementInput fee = relief;
  fee.amount = 500;
  fee.designation = "";
  fee.category = "fee";
  fee.beneficiary.reset();
  fee.purpose = "手续费";
  books::record_disbursement(file, rec, fee);

  const auto m = annual(fund, 2025);
  CHECK(income_line(m.activities, ActivityLine::donation_income).restricted == 50000);
  CHECK(income_line(m.activities, ActivityLine::grant_income).unrestricted == 30000);
  CHECK(cost_line(m.activities, ActivityLine::program_cost) == 20000);
  CHECK(cost_line(m.activities, ActivityLine::management_cost) == 500);
  CHECK(m.activities.released == 20000);
  CHECK(m.activities.change.unrestricted == 30000 - 20500 + 20000);
  CHECK(m.activities.change.restricted == 50000 - 20000);
  CHECK(m.balance.unrestricted.start == 100000);  // brought forward on 2024-12-31: last year's
  CHECK(m.balance.net_assets.end == 100000 + 80000 - 20500);
  CHECK(m.cash.operating_in_total == 80000);
  CHECK(m.cash.operating_out_total == 20500);
  CHECK(m.work.people_helped == 1);
  CHECK(m.work.relief_total == 20000);
  REQUIRE(m.work.helped.size() == 1);
  CHECK(m.work.helped[0].shown == "独居老人 王*英");
  const auto last = annual(fund, 2024);
  CHECK(last.activities.brought_forward.unrestricted == 100000);
  CHECK(last.activities.income_total.total() == 0);
}

TEST_CASE("annual: a raw edit that breaks the books makes the statements refuse to add up") {
  TempFund fund;
  {
    auto file = fund.open();
    books::DonationInput gift;
    gift.donor = "刘芳";
    gift.amount = 50000;
    gift.account = "bank";
    gift.date = day("2025-02-01");
    books::record_donation(file, TempFund::recorder(), gift);
  }
  CHECK_NOTHROW(annual(fund, 2025));
  fund.raw_sql("INSERT INTO postings (entry_id, seq, designation_id, amount) VALUES (1, 9, 1, -700)");
  CHECK_THROWS_AS(annual(fund, 2025), std::logic_error);
}

TEST_CASE("annual: --year outside what cfund can date is refused") {
  TempFund fund;
  CHECK_THROWS_AS(annual(fund, 1900), InputError);
  CHECK_THROWS_AS(annual(fund, 9999), InputError);
}

TEST_CASE("annual: every year of generated funds satisfies the identities and matches the postings") {
  for (std::uint64_t seed : {1u, 2u, 3u}) {
    INFO("seed " << seed);
    TempFund fund;
    RandomFund(fund, seed).run();
    for (int year = 2022; year <= 2026; ++year) check_year(fund, year);
    // The generated books hold what the test means to cover.
    SQLite::Database db(fund.path(), SQLite::OPEN_READONLY);
    for (const char* kind : {"opening", "donation", "income", "disbursement", "goods_given", "goods_sale", "transfer",
                             "reallocation", "void"}) {
      SQLite::Statement q(db, "SELECT COUNT(*) FROM entries WHERE kind = ?");
      q.bind(1, kind);
      q.executeStep();
      CHECK(q.getColumn(0).getInt() > 0);
    }
    SQLite::Statement cross(db,
                            "SELECT COUNT(*) FROM entries v JOIN entries o ON o.id = v.voids_entry "
                            "WHERE SUBSTR(v.date, 1, 4) <> SUBSTR(o.date, 1, 4)");
    cross.executeStep();
    CHECK(cross.getColumn(0).getInt() > 0);  // some void falls in a later year than its original
  }
}

TEST_CASE("annual: a year's income alone and its costs alone are what the whole year's figures say") {
  for (std::uint64_t seed : {1u, 2u}) {
    TempFund fund;
    RandomFund(fund, seed).run();
    auto file = fund.open();
    for (int year = 2022; year <= 2026; ++year) {
      INFO("seed " << seed << ", " << year);
      const auto all = books::year_figures(file, year);
      const auto income = books::year_figures(file, year, books::YearPart::income);
      const auto costs = books::year_figures(file, year, books::YearPart::costs);
      CHECK(income.income == all.income);
      CHECK(income.spending == 0);
      CHECK(costs.income == 0);
      CHECK(costs.spending == all.spending);
      CHECK(costs.charitable == all.charitable);
      CHECK(costs.management == all.management);
    }
  }
}
