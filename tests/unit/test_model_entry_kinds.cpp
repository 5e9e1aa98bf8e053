#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <set>

#include "fund_fixture.hpp"
#include "model/categories.hpp"
#include "model/entry_kinds.hpp"

using namespace cfund;
using cfund::testing::TempFund;

namespace {

bool has_cjk(const std::string& text) {
  for (unsigned char c : text) {
    if (c >= 0xE4 && c <= 0xE9) return true;  // lead bytes of U+4000..U+9FFF
  }
  return false;
}

bool is_ascii(const std::string& text) {
  for (unsigned char c : text) {
    if (c >= 0x80) return false;
  }
  return !text.empty();
}

bool moves_designations(model::PostingShape shape) {
  using P = model::PostingShape;
  return shape == P::money_in || shape == P::money_out || shape == P::goods_sold || shape == P::between_designations;
}

bool moves_goods(model::PostingShape shape) {
  using P = model::PostingShape;
  return shape == P::goods_in || shape == P::goods_out || shape == P::goods_sold;
}

// A concrete line of the statement of activities (not "by income kind" and the like).
bool is_concrete(model::ActivityLine line) {
  using A = model::ActivityLine;
  return line != A::none && line != A::by_income_kind && line != A::by_category && line != A::by_original;
}

std::vector<std::string> table_columns(SQLite::Database& db, const std::string& table) {
  SQLite::Statement q(db, "SELECT name FROM pragma_table_info(?) ORDER BY cid");
  q.bind(1, table);
  std::vector<std::string> columns;
  while (q.executeStep()) columns.push_back(q.getColumn("name").getString());
  return columns;
}

}  // namespace

TEST_CASE("every entry kind in the registry is complete: names, a command, a notice placement, an export mapping",
          "[model]") {
  std::set<std::string> ids;
  for (const auto& kind : model::entry_kinds()) {
    INFO(kind.id);
    CHECK(ids.insert(kind.id).second);
    CHECK(has_cjk(kind.name.zh));
    CHECK(is_ascii(kind.name.en));
    CHECK(kind.command.rfind("cfund ", 0) == 0);
    CHECK(model::find_entry_kind(kind.id) == &kind);
    // Money that moves between a designation and something else is income, expense or
    // net assets in an export, and has a line of the statement or is none of them.
    const auto& mapping = kind.export_mapping;
    if (moves_designations(kind.postings)) CHECK_FALSE(mapping.designation_root.empty());
    if (moves_goods(kind.postings)) CHECK_FALSE(mapping.goods_root.empty());
    if (kind.postings == model::PostingShape::none) {
      CHECK(mapping.designation_root.empty());
      CHECK(mapping.goods_root.empty());
      CHECK(kind.activity == model::ActivityLine::none);
      CHECK((kind.notice == model::NoticePlacement::not_shown || kind.notice == model::NoticePlacement::projects ||
             kind.notice == model::NoticePlacement::community));
    } else {
      CHECK(kind.notice != model::NoticePlacement::not_shown);
      CHECK(kind.notice != model::NoticePlacement::projects);
      CHECK(kind.notice != model::NoticePlacement::community);  // what the community side shows is never money
    }
    if (kind.postings == model::PostingShape::money_out) CHECK(kind.activity != model::ActivityLine::none);
    // Only what a donor gives gets a receipt.
    CHECK(kind.receipt == (kind.id == model::entry_kind::donation));
  }
  // Opening balances are never income; moves inside the fund are neither income nor expense.
  CHECK(model::find_entry_kind(model::entry_kind::opening)->activity == model::ActivityLine::none);
  CHECK(model::find_entry_kind(model::entry_kind::transfer)->activity == model::ActivityLine::none);
  CHECK(model::find_entry_kind(model::entry_kind::reallocation)->activity == model::ActivityLine::none);
  CHECK(model::find_entry_kind("interest") == nullptr);
  CHECK(model::entry_kind_name("interest", Lang::en) == "interest");
}

TEST_CASE(
    "each kind's detail table has exactly the columns the registry declares, is no other kind's, and no "
    "table is left out",
    "[model]") {
  TempFund fund;
  SQLite::Database db(fund.path(), SQLite::OPEN_READONLY);
  std::set<std::string> declared;
  for (const auto& kind : model::entry_kinds()) {
    if (kind.detail_table.empty()) {
      CHECK(kind.columns.empty());
      continue;
    }
    INFO(kind.id << " / " << kind.detail_table);
    CHECK(declared.insert(kind.detail_table).second);  // the chain's walk claims a table's rows for one kind
    std::vector<std::string> expected = {"entry_id"};
    for (const auto& column : kind.columns) expected.push_back(column.name);
    CHECK(table_columns(db, kind.detail_table) == expected);
  }
  // Every table keyed by an entry (but the postings) is some kind's detail table.
  SQLite::Statement tables(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  while (tables.executeStep()) {
    const std::string table = tables.getColumn("name").getString();
    const auto columns = table_columns(db, table);
    if (table == "postings" || columns.empty() || columns.front() != "entry_id") continue;
    INFO(table);
    CHECK(declared.count(table) == 1);
  }
  // Private columns are the personal data of beneficiaries and their households and
  // volunteers' phones, and nothing else.
  std::set<std::string> private_columns;
  for (const auto& kind : model::entry_kinds()) {
    for (const auto& column : kind.columns) {
      if (column.is_private) private_columns.insert(kind.detail_table + "." + column.name);
    }
  }
  CHECK(private_columns == std::set<std::string>{"beneficiaries.name", "beneficiaries.id_number", "beneficiaries.phone",
                                                 "beneficiaries.address", "beneficiary_updates.id_number",
                                                 "beneficiary_updates.phone", "beneficiary_updates.address",
                                                 "households.name", "households.address", "volunteers.phone"});
}

TEST_CASE("income kinds, payment categories and account kinds each have names, a statement line and an export name",
          "[model]") {
  std::set<std::string> components;
  for (const auto& kind : model::income_kinds()) {
    INFO(kind.id);
    CHECK(has_cjk(kind.name.zh));
    CHECK(is_ascii(kind.name.en));
    CHECK(is_concrete(kind.line));
    CHECK(components.insert("Income:" + kind.export_component).second);
    CHECK(has_cjk(kind.help.zh));
  }
  for (const auto& category : model::payment_categories()) {
    INFO(category.id);
    CHECK(has_cjk(category.name.zh));
    CHECK(is_concrete(category.line));
    CHECK(components.insert("Expenses:" + category.export_component).second);
    CHECK_FALSE((category.charitable && category.management));
  }
  // Bank fees are management cost that no council decides.
  const auto* fee = model::find_payment_category("fee");
  REQUIRE(fee != nullptr);
  CHECK(fee->management);
  CHECK_FALSE(fee->approval);
  CHECK(model::find_payment_category("relief")->needs_beneficiary);
  int stocks = 0;
  for (const auto& kind : model::account_kinds()) {
    CHECK(has_cjk(kind.name.zh));
    if (!kind.money) ++stocks;
  }
  CHECK(stocks == 1);
  CHECK(model::payment_category_choices().en == "relief, project, management, fundraising or fee");
}

TEST_CASE("the community kinds move no money and are disclosed, never counted", "[model]") {
  namespace k = model::entry_kind;
  for (const auto& id : {k::household, k::household_member, k::wish, k::wish_step, k::volunteer, k::service,
                         k::points_redemption, k::consent}) {
    INFO(id);
    const auto* kind = model::find_entry_kind(id);
    REQUIRE(kind != nullptr);
    CHECK(kind->postings == model::PostingShape::none);
    CHECK(kind->activity == model::ActivityLine::none);
    CHECK(kind->export_mapping.designation_root.empty());
    CHECK_FALSE(kind->receipt);
  }
  // Hours and redemptions can be corrected; registrations and wish steps cannot (a wish is cancelled).
  CHECK(model::find_entry_kind(k::service)->voidable);
  CHECK(model::find_entry_kind(k::points_redemption)->voidable);
  CHECK_FALSE(model::find_entry_kind(k::wish_step)->voidable);
  CHECK_FALSE(model::find_entry_kind(k::volunteer)->voidable);
}
