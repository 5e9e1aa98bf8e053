// The audit's one read of the postings (storage::posting_facts_in_one_pass) against the
// queries it stands in for (storage::posting_facts_by_queries, flows_between): on funds
// of random events of every kind, clean and after raw edits, the two give the same
// unbalanced entries, totals, details that disagree with their postings, days, and each
// year's flows.

#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <string>

#include "fund_fixture.hpp"
#include "random_fund.hpp"
#include "storage/audit_queries.hpp"
#include "util/date.hpp"

using namespace cfund;
using cfund::testing::RandomFund;
using cfund::testing::TempFund;

namespace {

std::string days_text(const std::vector<storage::PostingDay>& days) {
  std::string text;
  for (const auto& d : days) {
    text += fmt::format("{} {} {} [{}]\n", d.target_id, d.date, d.total, fmt::join(d.outflows, ","));
  }
  return text;
}

// Everything the facts say, one line each, for a comparison that shows the difference.
std::string text_of(const storage::PostingFacts& facts) {
  std::string text;
  for (const auto& u : facts.unbalanced) text += fmt::format("unbalanced {} {} {}\n", u.entry_id, u.date, u.sum);
  const auto& t = facts.totals;
  text += fmt::format("totals {} {} {} {}\n", t.accounts, t.designations, t.orphaned, t.orphaned_rows);
  for (const auto& m : facts.mismatches) {
    text += fmt::format("mismatch {} {} {} {} {} {}\n", m.entry_id, m.date, m.kind, m.detail_amount, m.account_posted,
                        m.designation_posted);
  }
  return text + "accounts\n" + days_text(facts.days.accounts) + "designations\n" + days_text(facts.days.designations);
}

std::string flows_text(const std::vector<storage::Flow>& flows) {
  std::string text;
  for (const auto& f : flows) text += fmt::format("{} {} {} {}\n", f.kind, f.sort, f.target_id, f.amount);
  return text;
}

// The pass's flows of every year the entries name (and the year before each) against
// flows_between of that year, as the yearly ratios read them.
void check_flows(storage::FundFile& file, const storage::YearFlows& flows) {
  for (const int named : storage::entry_years(file)) {
    for (const int year : {named - 1, named}) {
      INFO("year " << year);
      const auto found = flows.find(year);
      const auto queried =
          storage::flows_between(file, util::first_day_of_year(year), util::last_day_of_year(year), true);
      CHECK(flows_text(found == flows.end() ? std::vector<storage::Flow>{} : found->second) == flows_text(queried));
    }
  }
}

// The id of the first entry of a detail table, as text for the edits below.
const char* first_of(const char* table) {
  static std::string sql;
  sql = fmt::format("(SELECT MIN(entry_id) FROM {})", table);
  return sql.c_str();
}

}  // namespace

TEST_CASE("the postings read once give what the queries give, on generated funds and after raw edits",
          "[storage][audit]") {
  // Each edit keeps the types cfund writes, and is made on top of those before it.
  const std::vector<std::string> edits = {
      "",
      fmt::format("UPDATE postings SET amount = amount + 1 WHERE entry_id = {} AND seq = 1", first_of("donations")),
      fmt::format("UPDATE postings SET amount = amount * 2 WHERE entry_id = (SELECT MAX(entry_id) FROM disbursements)"),
      fmt::format("UPDATE postings SET account_id = (SELECT MAX(id) FROM accounts) WHERE entry_id = {} AND account_id "
                  "IS NOT NULL",
                  first_of("incomes")),
      fmt::format("UPDATE goods_given SET value = value + 5 WHERE entry_id = {}", first_of("goods_given")),
      fmt::format("UPDATE goods_sales SET amount = amount + 7, value = value - 3 WHERE entry_id = {}",
                  first_of("goods_sales")),
      "UPDATE donations SET form = 'goods' WHERE entry_id = (SELECT MAX(entry_id) FROM donations WHERE form = "
      "'money')",
      // A second detail row for a donation, in another table: both reported, in the list's order.
      fmt::format("CREATE TEMP TABLE copied AS SELECT * FROM openings LIMIT 1; UPDATE copied SET entry_id = {}; "
                  "INSERT INTO openings SELECT * FROM copied",
                  first_of("donations")),
      fmt::format("DELETE FROM entries WHERE id = (SELECT MAX(entry_id) FROM goods_sales)"),
      fmt::format("DELETE FROM postings WHERE entry_id = (SELECT MAX(entry_id) FROM goods_given)"),
      "UPDATE entries SET date = '2024-13-01' WHERE id = 40",
      "UPDATE entries SET date = '2025-06-01 noon' WHERE id = 70",
      // A void of an entry that is not there; an income with a payment's detail row.
      "UPDATE entries SET voids_entry = 999999 WHERE id = (SELECT MIN(id) FROM entries WHERE kind = 'void')",
      "UPDATE entries SET kind = 'income' WHERE id = (SELECT MIN(entry_id) FROM disbursements)",
      "UPDATE postings SET designation_id = 99 WHERE entry_id = 60 AND designation_id IS NOT NULL",
      "INSERT INTO postings VALUES (999999, 1, 1, NULL, 500)",
      "INSERT INTO postings VALUES (0, 1, NULL, 1, 200)",
      "INSERT INTO postings VALUES (2.5, 1, NULL, 1, 300)",
      "INSERT INTO postings VALUES ('x', 1, 1, NULL, 700)",
      "UPDATE accounts SET kind = 'bank' WHERE kind = 'goods'",
  };
  for (const std::uint64_t seed : {1u, 2u}) {
    TempFund fund;
    RandomFund(fund, seed).run();
    for (const auto& sql : edits) {
      INFO("seed " << seed << ", after: " << sql);
      if (!sql.empty()) fund.raw_sql(sql);
      auto file = fund.open();
      const auto once = storage::posting_facts_in_one_pass(file);
      REQUIRE(once);
      CHECK(text_of(*once) == text_of(storage::posting_facts_by_queries(file)));
      REQUIRE(once->flows_by_year);
      check_flows(file, *once->flows_by_year);
    }
    auto file = fund.open();
    CHECK_FALSE(storage::posting_facts_by_queries(file).mismatches.empty());
    CHECK(storage::posting_facts(file).flows_by_year->size() >= 3);  // 2023-2025
  }
}

TEST_CASE("values of a type cfund never writes are left to the queries", "[storage][audit]") {
  const char* const edits[] = {
      "UPDATE postings SET amount = 'twelve' WHERE entry_id = (SELECT MIN(entry_id) FROM postings) AND seq = 1",
      "UPDATE postings SET account_id = 'bank' WHERE entry_id = (SELECT MIN(entry_id) FROM postings) AND account_id "
      "IS NOT NULL",
      "UPDATE entries SET date = CAST('2025-03-01' AS BLOB) WHERE id = (SELECT MIN(entry_id) FROM postings)",
      "UPDATE entries SET date = '-001-05-05' WHERE id = (SELECT MIN(entry_id) FROM postings)",
      "UPDATE donations SET amount = 1.5 WHERE entry_id = (SELECT MIN(entry_id) FROM donations)",
      "UPDATE disbursements SET designation_id = 'x' WHERE entry_id = (SELECT MIN(entry_id) FROM disbursements)",
      // The accounts' sum overflows.
      "UPDATE postings SET amount = 9223372036854775807 WHERE account_id IS NOT NULL AND entry_id = (SELECT "
      "MIN(entry_id) FROM donations)",
  };
  for (const char* sql : edits) {
    SECTION(sql) {
      TempFund fund;
      RandomFund(fund, 1).run();
      fund.raw_sql(sql);
      auto file = fund.open();
      CHECK_FALSE(storage::posting_facts_in_one_pass(file));
    }
  }
}
