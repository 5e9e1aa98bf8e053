#include <catch2/catch.hpp>

#include <map>

#include "books/donations.hpp"
#include "books/movements.hpp"
#include "fund_fixture.hpp"
#include "report/export.hpp"

using namespace cfund;
using cfund::testing::TempFund;

namespace {

util::Date day(const char* iso) { return *util::parse_date(iso); }

std::int64_t donate(storage::FundFile& file, util::Fen amount, const char* designation, const char* date,
                    bool anonymous = false) {
  books::DonationInput input;
  input.donor = "刘芳";
  input.anonymous = anonymous;
  input.amount = amount;
  input.account = "bank";
  input.designation = designation;
  input.date = day(date);
  return books::record_donation(file, TempFund::recorder(), input).entry_id;
}

// Keeps what the export hands over.
struct Collected : report::ExportSink {
  report::ExportHeader header;
  std::vector<report::ExportEntry> entries;
  bool ended = false;
  void begin(const report::ExportHeader& h) override { header = h; }
  void entry(const report::ExportEntry& e) override { entries.push_back(e); }
  void end(const report::ExportHeader&) override { ended = true; }

  std::map<std::string, util::Fen> totals() const {
    std::map<std::string, util::Fen> sums;
    if (header.opening) {
      for (const auto& p : header.opening->postings) sums[p.path] += p.amount;
    }
    for (const auto& e : entries) {
      for (const auto& p : e.postings) sums[p.path] += p.amount;
    }
    return sums;
  }

  // What a ledger shows for an account, or for a designation: the sum of every
  // account that ends in its suffix (Funds, Income and Expenses of it).
  util::Fen shown(const report::ExportAccount& account) const {
    util::Fen total = 0;
    for (const auto& [path, amount] : totals()) {
      const bool ends = path.size() > account.suffix.size() &&
                        path.compare(path.size() - account.suffix.size(), std::string::npos, account.suffix) == 0 &&
                        path[path.size() - account.suffix.size() - 1] == ':';
      if (account.designation() ? ends : path == account.path) total += amount;
    }
    return total;
  }
};

Collected export_of(storage::FundFile& file, const char* period = "") {
  report::ExportOptions options;
  if (*period != '\0') {
    options.period = *util::parse_period(period);
  } else {
    options.period = util::Period{util::Date{1900, 1, 1}, util::Date{9999, 12, 31}, ""};
  }
  Collected sink;
  report::export_books(file, options, sink);
  return sink;
}

}  // namespace

TEST_CASE("account names are ASCII components that start with a capital", "[export]") {
  CHECK(report::account_component("elderly", "D2") == "Elderly");
  CHECK(report::account_component("fund_2024", "D2") == "Fund-2024");
  CHECK(report::account_component("P001", "D9") == "P001");
  CHECK(report::account_component("2024", "D9") == "D2024");
  CHECK(report::account_component("老人", "D9") == "D9");
  CHECK(report::account_component("--", "A3") == "A3");
}

TEST_CASE("the export's postings add up to every balance of the books", "[export]") {
  TempFund fund;
  auto file = fund.open();
  donate(file, 50000, "general", "2025-02-10");
  const auto wrong = donate(file, 30000, "elderly", "2025-03-02", true);
  books::void_entry(file, TempFund::recorder(), wrong, "donation", "录错", day("2025-03-03"));
  books::record_transfer(file, TempFund::recorder(), {day("2025-03-04"), 10000, "bank", "cash", "", ""});

  const auto whole = export_of(file);
  REQUIRE(whole.ended);
  CHECK(whole.header.first_date == "2025-01-01");  // the day it was set up
  CHECK(whole.header.last_date == "2025-03-04");
  CHECK_FALSE(whole.header.opening);
  const auto sums = whole.totals();
  for (const auto& account : whole.header.accounts) {
    INFO(account.path);
    CHECK(whole.shown(account) == account.ledger_closing());
  }
  CHECK(sums.at("Assets:Bank:Bank") == 40000);
  CHECK(sums.at("Assets:Cash:Cash") == 10000);
  // Donations are income, by the designation they were given for; the void cancels its donation.
  CHECK(sums.at("Income:Donation:Unrestricted:General") == -50000);
  CHECK(sums.at("Income:Donation:Restricted:Elderly") == 0);
  CHECK(sums.count("Funds:Unrestricted:General") == 0);

  // The void is its own reversing entry, linked with the entry it voids.
  // Entry 1 sets the fund up: it states its registries and moves no money.
  REQUIRE(whole.entries.size() == 5);
  CHECK(whole.entries[0].kind == "registry");
  CHECK(whole.entries[0].postings.empty());
  CHECK(whole.entries[2].link == "cfund-3");
  CHECK(whole.entries[3].kind == "void");
  CHECK(whole.entries[3].link == "cfund-3");
  CHECK(whole.entries[3].postings[0].amount == -whole.entries[2].postings[0].amount);
  // An anonymous donor is shown as such, never by the name given.
  CHECK(whole.entries[2].payee == "匿名");
}

TEST_CASE("a period export starts with the opening balances of the day before", "[export]") {
  TempFund fund;
  auto file = fund.open();
  donate(file, 50000, "general", "2025-02-10");
  donate(file, 20000, "elderly", "2025-03-02");
  const auto march = export_of(file, "2025-03");
  CHECK(march.header.open_date == "2025-02-28");
  CHECK(march.header.assert_date == "2025-04-01");
  REQUIRE(march.header.opening);
  CHECK(march.header.opening->date == "2025-02-28");
  REQUIRE(march.entries.size() == 1);
  const auto sums = march.totals();
  CHECK(sums.at("Assets:Bank:Bank") == 70000);
  // Brought forward into Funds; the period's own donations are its income.
  CHECK(sums.at("Funds:Unrestricted:General") == -50000);
  CHECK(sums.count("Funds:Restricted:Elderly") == 0);
  CHECK(sums.at("Income:Donation:Restricted:Elderly") == -20000);
  for (const auto& account : march.header.accounts) {
    INFO(account.path);
    CHECK(march.shown(account) == account.ledger_closing());
  }

  // A period before the fund was set up has no opening entry and nothing in it.
  const auto january = export_of(file, "2024-12");
  CHECK_FALSE(january.header.opening);
  CHECK(january.entries.empty());
}
