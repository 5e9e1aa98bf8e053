// How statement rows are classified by a profile's [[classify]] rules: each rule's
// words, fields, direction and counterparty condition, their order, and the fund's
// own names.
#include <catch2/catch.hpp>

#include <fstream>

#include "books/classify.hpp"
#include "error.hpp"
#include "fund_fixture.hpp"
#include "import/profile.hpp"
#include "reader_fixture.hpp"

using namespace cfund;

namespace {

import::Profile bank(){return config::load_import_profile("bank");
}

import::Record row(const char* summary, import::Direction direction, const char* counterparty = "",
                   const char* note = ""){import::Record record;
record.summary = summary;
record.direction = direction;
record.counterparty = counterparty;
record.note = note;
return record;
}

const import::Direction in = import::Direction::in;
const import::Direction out = import::Direction::out;

books::OwnNames own() {
  model::FundSettings settings;
  settings.name = "青溪镇桂花里社区慈善基金";
  settings.organisation = "桂花里社区居民委员会";
  return books::OwnNames(settings, {{1, "bank", "青溪农商银行 基本户", "bank"},
                                    {2, "cash", "现金", "cash"},
                                    {3, "bank2", "桂花里基金建行户", "bank"},
                                    {4, "goods", "库存物资", "goods"}});
}

// What the bank profile books the row as ("none" when no rule matches).
std::string booked(const import::Record& record) {
  const auto profile = bank();  // the rule points into it
  const auto* rule = books::matching_rule(profile, record, record.direction == in, own());
  if (rule == nullptr) return "none";
  switch (rule->as) {
    case import::BookAs::income:
      return "income:" + rule->income_kind;
    case import::BookAs::fee:
      return "fee";
    case import::BookAs::transfer:
      return "transfer:" + (rule->account.empty() ? std::string("named") : rule->account);
    case import::BookAs::skip:
      return "skip";
    case import::BookAs::donation:
      break;
  }
  return "donation";
}

std::string profile_error(const std::string& toml) {
  testing::TempFund fund;
  const std::string path = fund.dir() + "/mine.toml";
  std::ofstream(path) << toml;
  return testing::error_of([&] { config::load_import_profile(path); });
}

const char* kColumns = "[columns]\ndate = [\"日期\"]\namount = [\"金额\"]\nsummary = [\"摘要\"]\nnote = [\"备注\"]\n";

}  // namespace

TEST_CASE("the bank profile books interest as income, bank charges as fees, the fund's own cash as transfers",
          "[books][classify]") {
  CHECK(booked(row("结息", in)) == "income:interest");
  CHECK(booked(row("活期利息", in)) == "income:interest");
  CHECK(booked(row("汇划手续费", out)) == "fee");
  CHECK(booked(row("网银年费", out)) == "fee");
  CHECK(booked(row("短信通知费", out)) == "fee");
  CHECK(booked(row("工本费", out)) == "fee");
  CHECK(booked(row("现金存入", in, "青溪镇桂花里社区慈善基金")) == "transfer:cash");
  CHECK(booked(row("现金存入", in)) == "transfer:cash");  // nobody named: the fund's own cash
  CHECK(booked(row("现金支取", out)) == "transfer:cash");
  // A donor who pays cash in under her own name gives it: the rule does not apply.
  CHECK(booked(row("现金存入", in, "孙丽")) == "none");
  CHECK(booked(row("转账存入", in, "张伟")) == "none");
  CHECK(booked(row("网银转账", out, "青溪印务")) == "none");
}

TEST_CASE("a rule applies only to the money going its way", "[books][classify]") {
  // A reversed interest payment and a refunded fee are not interest and fees.
  CHECK(booked(row("结息冲正", out)) == "none");
  CHECK(booked(row("手续费退还", in)) == "none");
  CHECK(booked(row("现金支取", in)) == "none");
}

TEST_CASE("the bank profile's rules read the bank's summary, never the payer's note", "[books][classify]") {
  CHECK(booked(row("转账存入", in, "王芳", "利息捐出")) == "none");
  CHECK(booked(row("网银转账", out, "夕阳红服务社", "含手续费")) == "none");
}

TEST_CASE("the fund's own name, its organisation's and its accounts' names make a transfer", "[books][classify]") {
  const auto names = own();
  CHECK(names.is_own("青溪镇桂花里社区慈善基金"));
  CHECK(names.is_own(" 青溪镇桂花里社区慈善基金 "));
  CHECK(names.is_own("桂花里社区居民委员会"));
  CHECK(names.is_own("青溪农商银行基本户"));  // spaces do not matter
  CHECK_FALSE(names.is_own("库存物资"));      // the goods stock is no money account
  CHECK_FALSE(names.is_own("桂花里社区"));
  CHECK_FALSE(names.is_own(""));
  REQUIRE(names.account_named("桂花里基金建行户"));
  CHECK(names.account_named("桂花里基金建行户")->code == "bank2");
  CHECK_FALSE(names.account_named("青溪镇桂花里社区慈善基金"));
  CHECK(booked(row("转账存入", in, "桂花里基金建行户")) == "transfer:named");
  CHECK(booked(row("网银转账", out, "桂花里社区居民委员会")) == "transfer:named");
}

TEST_CASE("rules are tried in order: the first that matches decides", "[books][classify]") {
  testing::TempFund fund;
  const std::string path = fund.dir() + "/rules.toml";
  std::ofstream(path) << kColumns
                      << "[[classify]]\nwords = [\"内部往来\"]\nas = \"skip\"\nreason = \"内部往来\"\n"
                         "[[classify]]\nfield = [\"summary\"]\nwords = [\"利息\"]\nas = \"income:interest\"\n"
                         "[[classify]]\nfield = [\"note\"]\nwords = [\"补助\"]\ndirection = \"in\"\n"
                         "as = \"income:grant\"\nsource = \"青溪镇人民政府\"\n"
                         "[[classify]]\nwords = [\"利息\"]\nas = \"income:other\"\n";
  const auto profile = config::load_import_profile(path);
  REQUIRE(profile.classify.size() == 4);
  const auto first = [&](const import::Record& record) {
    const auto* rule = books::matching_rule(profile, record, record.direction == in, own());
    return rule == nullptr ? -1 : static_cast<int>(rule - profile.classify.data());
  };
  CHECK(first(row("利息", in)) == 1);                      // not the later income:other
  CHECK(first(row("转账", in, "", "内部往来利息")) == 0);  // skip comes first, in the note too
  CHECK(first(row("转账", in, "镇政府", "困难补助")) == 2);
  CHECK(first(row("转账", out, "镇政府", "困难补助")) == -1);  // income rules take money in only
  CHECK(profile.classify[2].source == "青溪镇人民政府");
  CHECK(profile.classify[0].fields == std::vector<std::string>{"summary", "note"});  // the default
}

TEST_CASE("a profile without rules books every credit a donation and every debit a payment", "[books][classify]") {
  const auto profile = config::load_import_profile("cfund");
  CHECK(profile.classify.empty());
  CHECK(books::matching_rule(profile, row("结息", in), true, own()) == nullptr);
  CHECK(books::matching_rule(profile, row("手续费", out), false, own()) == nullptr);
}

TEST_CASE("a mistake in a classify rule is named by file, line and key", "[books][classify]") {
  CHECK_THAT(profile_error(std::string(kColumns) + "[[classify]]\nwords = [\"利息\"]\nas = \"income:bonus\"\n"),
             Catch::Contains("classify[1].as") && Catch::Contains("income:bonus") && Catch::Contains("interest"));
  CHECK_THAT(profile_error(std::string(kColumns) + "[[classify]]\nwords = [\"x\"]\nas = \"skip\"\n"),
             Catch::Contains("classify[1].reason"));
  CHECK_THAT(profile_error(std::string(kColumns) + "[[classify]]\nas = \"fee\"\n"),
             Catch::Contains("classify[1].words"));
  CHECK_THAT(profile_error(std::string(kColumns) +
                           "[[classify]]\nfield = [\"counterparty\"]\nwords = [\"银行\"]\nas = \"fee\"\n"),
             Catch::Contains("classify[1].field") && Catch::Contains("counterparty"));
  CHECK_THAT(
      profile_error(std::string(kColumns) + "[[classify]]\nwords = [\"费\"]\nas = \"fee\"\ndirection = \"in\"\n"),
      Catch::Contains("classify[1].direction"));
  CHECK_THAT(
      profile_error(std::string(kColumns) + "[[classify]]\nwords = [\"费\"]\nas = \"fee\"\naccount = \"cash\"\n"),
      Catch::Contains("classify[1].account"));
  CHECK_THAT(profile_error(std::string(kColumns) + "[[classify]]\nwords = [\"费\"]\nas = \"fee\"\nwhen = \"always\"\n"),
             Catch::Contains("classify[1].when") && Catch::Contains("第 9 行"));
}
