#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "books/fund.hpp"
#include "error.hpp"
#include "fund_fixture.hpp"
#include "storage/migrations.hpp"

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
    const std::string command = "sqlite3 '" + older + "' 'PRAGMA application_id = 1128681028; PRAGMA user_version = 0; CREATE TABLE scratch(x);'";
    REQUIRE(std::system(command.c_str()) == 0);
    auto file = storage::FundFile::open(older);
    CHECK_FALSE(file.setting("name").has_value());
    CHECK(books::recorded_chain_head(file).length == 0);
  }
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
