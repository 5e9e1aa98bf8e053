// The statement line of a posting (model::activity_line_of) agrees with the account it
// is exported to: an Income:… root feeds an income line, an Expenses:… root a cost
// line, Funds (opening balances, reallocations) no line — so
// that `ledger balance ^Income` over an export gives the statement's income.

#include <catch2/catch.hpp>

#include <algorithm>

#include "model/categories.hpp"
#include "model/entry_kinds.hpp"

using namespace cfund::model;

namespace {

// The sorts a kind comes in: its income kinds or payment categories, else none.
std::vector<std::string> sorts_of(const EntryKind& kind) {
  std::vector<std::string> sorts;
  if (kind.activity == ActivityLine::by_income_kind) {
    for (const auto& income : income_kinds()) sorts.push_back(income.id);
  } else if (kind.activity == ActivityLine::by_category) {
    for (const auto& category : payment_categories()) sorts.push_back(category.id);
  } else {
    sorts.push_back("");
  }
  return sorts;
}

}  // namespace

TEST_CASE("categories: each posting's statement line agrees with its export account") {
  for (const auto& kind : entry_kinds()) {
    if (kind.id == entry_kind::void_entry) continue;  // a void is classed by its original
    for (const bool goods : {false, true}) {
      const std::string& root = goods ? kind.export_mapping.goods_root : kind.export_mapping.designation_root;
      if (root.empty()) continue;  // the kind posts nothing on that side (goods given out: goods only)
      for (const auto& sort : sorts_of(kind)) {
        INFO(kind.id << " " << sort << (goods ? " (goods)" : ""));
        const ActivityLine line = activity_line_of(kind.id, sort, goods);
        if (root.rfind("Income", 0) == 0) {
          CHECK(is_income_line(line));
        } else if (root.rfind("Expenses", 0) == 0) {
          CHECK(std::find(cost_lines().begin(), cost_lines().end(), line) != cost_lines().end());
        } else {
          CHECK(line == ActivityLine::none);
        }
      }
    }
  }
}

TEST_CASE("categories: a sale's price is sales income and the stock's value a programme cost") {
  CHECK(activity_line_of(entry_kind::goods_sale, "", false) == ActivityLine::sales_income);
  CHECK(activity_line_of(entry_kind::goods_sale, "", true) == ActivityLine::program_cost);
  CHECK(activity_line_of(entry_kind::income, "matching", false) == ActivityLine::donation_income);
  CHECK(activity_line_of(entry_kind::disbursement, "fee", false) == ActivityLine::management_cost);
  CHECK(activity_line_of(entry_kind::disbursement, "gift", false) == ActivityLine::other_cost);  // a raw edit
  CHECK(activity_line_of(entry_kind::income, "lottery", false) == ActivityLine::other_income);
  CHECK(activity_line_of(entry_kind::opening, "", false) == ActivityLine::none);
  CHECK(activity_line_of("made_up", "", false) == ActivityLine::none);
}

TEST_CASE("categories: the kinds a year's income or costs read are those whose lines can be income or cost") {
  auto has = [](const std::vector<std::string>& kinds, const std::string& kind) {
    return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
  };
  const auto income = kinds_feeding(true);
  const auto costs = kinds_feeding(false);
  for (const auto& kind : {"donation", "income", "goods_sale", "void"}) CHECK(has(income, kind));
  for (const auto& kind : {"disbursement", "goods_given", "goods_sale", "void"}) CHECK(has(costs, kind));
  for (const auto& kind : {"opening", "transfer", "reallocation", "registry"}) {
    CHECK_FALSE(has(income, kind));
    CHECK_FALSE(has(costs, kind));
  }
  // Every kind that feeds a line for some sort is in one of them.
  for (const auto& kind : entry_kinds()) {
    for (const auto& sort : sorts_of(kind)) {
      for (const bool goods : {false, true}) {
        const auto line = activity_line_of(kind.id, sort, goods);
        if (line == ActivityLine::none) continue;
        INFO(kind.id << " " << sort);
        CHECK(has(is_income_line(line) ? income : costs, kind.id));
      }
    }
  }
  // The kinds whose line is found by more than the kind: by sort, or (a void) by its original.
  const auto beyond = kinds_classed_beyond_kind();
  for (const auto& kind : {"income", "disbursement", "void"}) CHECK(has(beyond, kind));
  CHECK_FALSE(has(beyond, "donation"));
}
