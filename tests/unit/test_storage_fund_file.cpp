#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

#include "books/donations.hpp"
#include "books/fund.hpp"
#include "books/journal.hpp"
#include "error.hpp"
#include "fund_fixture.hpp"
#include "storage/audit_queries.hpp"
#include "storage/migrations.hpp"
#include "storage/queries.hpp"
#include "storage/rows.hpp"

using namespace cfund;
using cfund::testing::TempFund;

TEST_CASE("the migrations are numbered from 1 without gaps", "[storage]") {
  const auto& all = storage::migrations();
  REQUIRE_FALSE(all.empty());
  for (std::size_t i = 0; i < all.size(); ++i) CHECK(all[i].version == static_cast<int>(i + 1));
  CHECK(storage::latest_schema_version() == all.back().version);
}

TEST_CASE("a new fund file is at the latest schema, in WAL mode, marked as a cfund file", "[storage]") {
  TempFund fund;
  fund.raw_sql("SELECT 1");  // the shell can read it
  const std::string out = fund.dir() + "/pragmas.txt";
  const std::string command = "sqlite3 '" + fund.path() +
                              "' 'PRAGMA user_version; PRAGMA journal_mode; PRAGMA application_id;' > '" + out + "'";
  REQUIRE(std::system(command.c_str()) == 0);
  std::ifstream in(out);
  std::string version, mode, application;
  in >> version >> mode >> application;
  CHECK(version == std::to_string(storage::latest_schema_version()));
  CHECK(mode == "wal");
  CHECK(application == std::to_string(0x43464E44));
}

TEST_CASE("opening never creates a file", "[storage]") {
  TempFund fund;
  const std::string missing = fund.dir() + "/missing.cfund";
  CHECK_THROWS_AS(storage::FundFile::open(missing), FundFileError);
  CHECK_FALSE(std::filesystem::exists(missing));
}

TEST_CASE("create refuses an existing path and leaves it alone", "[storage]") {
  TempFund fund;
  const auto size = std::filesystem::file_size(fund.path());
  CHECK_THROWS_AS(books::create_fund(fund.path(), testing::small_fund_definition()), FundFileError);
  CHECK(std::filesystem::file_size(fund.path()) == size);
}

TEST_CASE("a file from a newer cfund is refused, one that is older is migrated", "[storage]") {
  TempFund fund;
  SECTION("newer") {
    fund.raw_sql("PRAGMA user_version = 999");
    try {
      storage::FundFile::open(fund.path());
      FAIL("a newer file was opened");
    } catch (const FundFileError& e) {
      CHECK(e.message().en.find("newer cfund") != std::string::npos);
      CHECK(e.message().zh.find("999") != std::string::npos);
    }
  }
  SECTION("older: an empty cfund file at version 0 is brought forward") {
    const std::string older = fund.dir() + "/older.cfund";
    const std::string command =
        "sqlite3 '" + older +
        "' 'PRAGMA application_id = 1128681028; PRAGMA user_version = 0; CREATE TABLE scratch(x);'";
    REQUIRE(std::system(command.c_str()) == 0);
    auto file = storage::FundFile::open(older);
    CHECK_FALSE(file.setting("name").has_value());
    CHECK(books::recorded_chain_head(file).length == 0);
  }
}

namespace {

// Turns a fund file back into its schema-5 shape: none of schema 7's, 9's or 10's tables, goods
// account and designation; no per-day totals, the UNIQUE index on entries.hash,
// every entry in the voids_entry index.
void back_to_schema_5(const TempFund& fund) {
  fund.raw_sql(
      "DROP TABLE incomes; DROP TABLE openings; DROP TABLE goods_given; DROP TABLE goods_sales; "
      "DROP TABLE transfers; DROP TABLE beneficiary_updates; "
      "DROP INDEX donations_goods; DELETE FROM accounts WHERE kind = 'goods'; "
      "DELETE FROM designations WHERE kind = 'goods'; "
      "DROP TABLE day_totals; DROP INDEX donations_by_anonymous_name; DROP INDEX disbursements_by_designation; "
      "DROP TABLE households; DROP TABLE household_members; DROP TABLE wishes; DROP TABLE wish_steps; "
      "DROP TABLE volunteers; DROP TABLE services; DROP TABLE points_redemptions; DROP TABLE consents; "
      "DROP INDEX entries_by_voided; CREATE UNIQUE INDEX old_voids ON entries(voids_entry); "
      "CREATE UNIQUE INDEX old_hash ON entries(hash); "
      // Schema 8's registry: its facts kept aside (a schema-5 file has no table for
      // them), its columns gone.
      "CREATE TABLE kept_facts AS SELECT * FROM registry_facts; DROP TABLE registry_facts; "
      "ALTER TABLE accounts DROP COLUMN closed_on; ALTER TABLE designations DROP COLUMN closed_on; "
      "CREATE TABLE kept_kinds AS SELECT entry_id, donor_kind FROM donations; "
      "ALTER TABLE donations DROP COLUMN donor_kind; PRAGMA user_version = 5;");
}

// After the migrations, the setup entry's facts and the donors' kinds are where schema
// 8 keeps them.
void restore_registry_facts(const TempFund& fund) {
  fund.raw_sql(
      "INSERT INTO registry_facts SELECT * FROM kept_facts; DROP TABLE kept_facts; "
      "UPDATE donations SET donor_kind = (SELECT donor_kind FROM kept_kinds k WHERE k.entry_id = donations.entry_id); "
      "DROP TABLE kept_kinds;");
}

std::string shell(const TempFund& fund, const std::string& sql) {
  const std::string out = fund.dir() + "/shell.txt";
  const std::string command = "sqlite3 '" + fund.path() + "' \"" + sql + "\" > '" + out + "'";
  if (std::system(command.c_str()) != 0) throw std::runtime_error("sqlite3 failed: " + sql);
  std::ifstream in(out);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void give(storage::FundFile& file, util::Fen amount, const char* designation, const char* date) {
  books::DonationInput input;
  input.donor = "李秀英";
  input.amount = amount;
  input.account = "bank";
  input.designation = designation;
  input.date = *util::parse_date(date);
  books::record_donation(file, TempFund::recorder(), input);
}

}  // namespace

TEST_CASE("schema 6 keeps the books of a schema-5 file and sums its postings per day", "[storage]") {
  TempFund fund;
  {
    auto file = fund.open();
    give(file, 50000, "general", "2025-03-01");
    give(file, 20000, "elderly", "2025-03-01");
    give(file, 1234, "elderly", "2025-03-02");
  }
  back_to_schema_5(fund);
  const std::string entries_before = shell(fund, "SELECT * FROM entries ORDER BY id");
  auto file = fund.open();  // migrates
  restore_registry_facts(fund);
  CHECK(shell(fund, "PRAGMA user_version") == std::to_string(storage::latest_schema_version()) + "\n");
  CHECK(shell(fund, "SELECT * FROM entries ORDER BY id") == entries_before);
  CHECK(books::verify_chain(file).ok());
  // The per-day totals are the postings summed, and nothing else.
  const std::string by_day =
      "SELECT 'designation', p.designation_id, e.date, SUM(p.amount) FROM postings p JOIN entries e ON e.id = "
      "p.entry_id "
      "WHERE p.designation_id IS NOT NULL GROUP BY 2, 3 UNION ALL "
      "SELECT 'account', p.account_id, e.date, SUM(p.amount) FROM postings p JOIN entries e ON e.id = p.entry_id "
      "WHERE p.account_id IS NOT NULL GROUP BY 2, 3 ORDER BY 1, 2, 3";
  CHECK(shell(fund, "SELECT * FROM day_totals ORDER BY 1, 2, 3") == shell(fund, by_day));
  CHECK(shell(fund, "SELECT COUNT(*) FROM day_totals") == "5\n");  // general on 1 day, elderly and bank on 2
  CHECK(storage::balance(file, storage::Side::designation, books::find_designation(file, "elderly").id) == 21234);
  CHECK(storage::balance(file, storage::Side::account, books::find_account(file, "bank").id) == 71234);
  // Only voids are in the voids_entry index, and hashes are not indexed.
  CHECK(shell(fund, "SELECT name FROM sqlite_master WHERE tbl_name = 'entries' AND type = 'index' ORDER BY name") ==
        "entries_by_date\nentries_by_kind\nentries_by_voided\n");
  // Later entries add to the totals.
  give(file, 100, "elderly", "2025-03-02");
  CHECK(shell(fund, "SELECT * FROM day_totals ORDER BY 1, 2, 3") == shell(fund, by_day));
}

TEST_CASE("a schema-5 file whose rows point at missing rows is not upgraded", "[storage]") {
  TempFund fund;
  {
    auto file = fund.open();
    give(file, 50000, "general", "2025-03-01");
  }
  back_to_schema_5(fund);
  fund.raw_sql("PRAGMA foreign_keys = OFF; UPDATE postings SET account_id = 99 WHERE account_id IS NOT NULL;");
  try {
    storage::FundFile::open(fund.path());
    FAIL("a damaged file was upgraded");
  } catch (const FundFileError& e) {
    CHECK(e.message().en.find("postings") != std::string::npos);
    CHECK(e.message().zh.find("无法升级") != std::string::npos);
  }
  CHECK(shell(fund, "PRAGMA user_version") == "5\n");
}

TEST_CASE("files that are not funds are refused", "[storage]") {
  TempFund fund;
  const std::string text = fund.dir() + "/notes.txt";
  std::ofstream(text) << "not a database at all, just some notes\n";
  CHECK_THROWS_AS(storage::FundFile::open(text), FundFileError);
  const std::string other = fund.dir() + "/other.db";
  REQUIRE(std::system(("sqlite3 '" + other + "' 'CREATE TABLE t(x)'").c_str()) == 0);
  CHECK_THROWS_AS(storage::FundFile::open(other), FundFileError);
}

TEST_CASE("a write transaction that is not committed leaves nothing", "[storage]") {
  TempFund fund;
  auto file = fund.open();
  {
    storage::FundFile::WriteTransaction tx(file);
    file.set_setting("name", "改过的名字");
    {
      storage::FundFile::WriteTransaction inner(file);
      file.set_setting("host", "内层");
      inner.commit();
    }
  }
  CHECK(books::load_settings(file).name == "测试社区基金");
  CHECK(books::load_settings(file).host.empty());
}

TEST_CASE("a reader's snapshot does not see what another process commits meanwhile", "[storage]") {
  TempFund fund;
  auto reader = fund.open();
  auto writer = fund.open();
  {
    storage::FundFile::ReadSnapshot snapshot(reader);
    const auto before = reader.setting("chain_length");
    storage::FundFile::WriteTransaction tx(writer);
    writer.set_setting("chain_length", "99");
    tx.commit();
    // The audit reads the chain, then the recorded head: both from the same moment.
    CHECK(reader.setting("chain_length") == before);
  }
  CHECK(reader.setting("chain_length") == std::optional<std::string>("99"));
}

TEST_CASE("a read-only open of a fund nobody writes leaves no file beside it and notices a writer's change",
          "[storage]") {
  TempFund fund;
  const std::string path = fund.path();
  REQUIRE_FALSE(std::filesystem::exists(path + "-wal"));
  auto reader = storage::FundFile::open_read_only(path);
  const std::int64_t entries = storage::last_entry_id(reader);
  CHECK_FALSE(std::filesystem::exists(path + "-wal"));
  CHECK_FALSE(std::filesystem::exists(path + "-shm"));
  CHECK_FALSE(reader.changed_since_open());
  {
    auto writer = fund.open();
    books::DonationInput input;
    input.donor = "张伟";
    input.amount = 100;
    input.account = "bank";
    input.date = *util::parse_date("2025-03-01");
    books::record_donation(writer, TempFund::recorder(), input);
  }  // the last connection closes: the log is checkpointed into the file
  CHECK(reader.changed_since_open());
  auto again = storage::FundFile::open_read_only(path, false);
  CHECK(storage::last_entry_id(again) == entries + 1);
}

TEST_CASE("the trial balance's sums and the postings outside any entry, read in one pass or by the queries",
          "[storage][audit]") {
  cfund::testing::TempFund fund;
  {
    auto file = fund.open();
    books::DonationInput gift;
    gift.donor = "张伟";
    gift.amount = 100000;
    gift.account = "bank";
    gift.date = *util::parse_date("2025-03-01");
    books::record_donation(file, cfund::testing::TempFund::recorder(), gift);
    books::record_donation(file, cfund::testing::TempFund::recorder(), gift);
  }
  struct Case {
    const char* what;
    const char* sql;
    util::Fen accounts, designations, orphaned;
    std::int64_t orphaned_rows;
  };
  const Case cases[] = {
      {"clean books", "", 200000, 200000, 0, 0},
      {"a posting for an entry after the last", "INSERT INTO postings VALUES (99, 1, 1, NULL, 500)", 200500, 200000,
       500, 1},
      {"a posting whose entry_id is text", "INSERT INTO postings VALUES ('x', 1, 1, NULL, 700)", 200700, 200000, 700,
       1},
      {"a posting whose entry_id is a fraction", "INSERT INTO postings VALUES (2.5, 1, NULL, 1, 300)", 200000, 199700,
       300, 1},
      {"an entry removed from the middle (its postings stay): the queries decide", "DELETE FROM entries WHERE id = 2",
       200000, 200000, 0, 2},
      {"an amount that is text: the queries decide", "UPDATE postings SET amount = '12' WHERE entry_id = 2 AND seq = 1",
       100012, 200000, 0, 0},
  };
  for (const auto& c : cases) {
    SECTION(c.what) {
      if (*c.sql != 0) fund.raw_sql(c.sql);
      auto file = fund.open();
      for (const auto& totals : {storage::posting_facts(file).totals, storage::posting_facts_by_queries(file).totals}) {
        CHECK(totals.accounts == c.accounts);
        CHECK(totals.designations == c.designations);
        CHECK(totals.orphaned == c.orphaned);
        CHECK(totals.orphaned_rows == c.orphaned_rows);
      }
    }
  }
}

TEST_CASE("a connection opened again is opened as the first was: a reader's never writes", "[storage]") {
  cfund::testing::TempFund fund;
  { auto writer = fund.open(); }  // closed: the log is folded into the file
  auto reader = storage::FundFile::open_read_only(fund.path());
  CHECK(reader.open_again().read_only());
  auto logged_reader = storage::FundFile::open_read_only(fund.path(), false);
  CHECK(logged_reader.open_again().read_only());
  auto writer = fund.open();
  CHECK_FALSE(writer.open_again().read_only());
}
