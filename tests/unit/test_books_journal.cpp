#include <catch2/catch.hpp>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>

#include "books/beneficiaries.hpp"
#include "books/disbursements.hpp"
#include "books/donations.hpp"
#include "books/movements.hpp"
#include "fund_fixture.hpp"
#include "storage/queries.hpp"
#include "util/sha256.hpp"

using namespace cfund;
using cfund::testing::TempFund;

namespace {

util::Date day(const char* iso) { return *util::parse_date(iso); }

// Five entries of different kinds: 1 donation, 2 donation (goods), 3 beneficiary,
// 4 relief, 5 void of 4.
void record_sample(const TempFund& fund) {
  auto file = fund.open();
  const auto rec = TempFund::recorder();
  books::DonationInput money;
  money.donor = "张伟";
  money.amount = 100000;
  money.account = "bank";
  money.designation = "elderly";
  money.date = day("2025-03-01");
  books::record_donation(file, rec, money);
  books::DonationInput goods;
  goods.donor = "惠民超市";
  goods.goods = true;
  goods.item = "大米";
  goods.quantity = "20";
  goods.amount = 50000;
  goods.date = day("2025-03-02");
  books::record_donation(file, rec, goods);
  books::BeneficiaryInput person;
  person.name = "王秀英";
  person.category = "独居老人";
  books::register_beneficiary(file, rec, person);
  books::DisbursementInput relief;
  relief.amount = 30000;
  relief.account = "bank";
  relief.designation = "elderly";
  relief.category = "relief";
  relief.beneficiary = 1;
  relief.purpose = "慰问";
  relief.date = day("2025-03-05");
  const auto paid = books::record_disbursement(file, rec, relief);
  books::void_entry(file, rec, paid, model::entry_kind::disbursement, "录错", day("2025-03-06"));
}

}  // namespace

TEST_CASE("a fresh journal verifies and its head is recorded", "[journal]") {
  TempFund fund;
  record_sample(fund);
  auto file = fund.open();
  const auto report = books::verify_chain(file);
  CHECK(report.ok());
  CHECK(report.entries == 6);
  const auto head = books::recorded_chain_head(file);
  CHECK(head.length == 6);
  CHECK(head.hash == report.head);
  CHECK(head.hash.size() == 64);
}

TEST_CASE("the chain verified beside, on a second connection, is the chain verified in turn", "[journal]") {
  TempFund fund;
  record_sample(fund);
  auto file = fund.open();
  const storage::FundFile::ReadSnapshot snapshot(file);
  SECTION("the same books: the same report") {
    auto beside = books::verify_chain_beside(file);
    REQUIRE(beside.valid());
    const auto report = beside.get();
    CHECK(report.ok());
    CHECK(report.entries == 6);
    CHECK(report.head == books::verify_chain(file).head);
  }
  SECTION("an entry added after the snapshot: nothing, the caller verifies in turn") {
    fund.raw_sql(
        "INSERT INTO entries (id, kind, date, recorded_at, operator, prev_hash, hash) SELECT 7, 'transfer', "
        "'2025-03-07', 'x', 'x', hash, 'fake' FROM entries WHERE id = 6");
    CHECK_FALSE(books::verify_chain_beside(file).valid());
    CHECK(books::verify_chain(file).ok());  // the snapshot still sees six entries
  }
}

TEST_CASE("the chain checked in halves on a file opened read only writes nothing beside it", "[journal][rollup]") {
  TempFund fund;
  record_sample(fund);
  { auto checkpoint = fund.open(); }  // the last writer closes: the log is folded in and removed
  REQUIRE_FALSE(std::filesystem::exists(fund.path() + "-wal"));
  auto file = storage::FundFile::open_read_only(fund.path());
  const auto halves = books::verify_chain(file, 1);  // the second half on a connection of its own
  CHECK(halves.ok());
  CHECK(halves.entries == 6);
  CHECK_FALSE(std::filesystem::exists(fund.path() + "-wal"));
  CHECK_FALSE(std::filesystem::exists(fund.path() + "-shm"));
}

TEST_CASE("every posting set sums to zero and balances follow the postings", "[journal]") {
  TempFund fund;
  record_sample(fund);
  auto file = fund.open();
  for (std::int64_t id = 1; id <= 5; ++id) {
    util::Fen sum = 0;
    for (const auto& posting : storage::postings_of(file, id)) sum += posting.amount;
    CHECK(sum == 0);
  }
  const auto view = books::overview(file);
  CHECK(view.total == 100000);  // the relief was voided; goods hold no money
  CHECK(view.restricted_total == 100000);
}

TEST_CASE("SHA-256 known answer", "[journal]") {
  CHECK(util::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(books::chain_hash("ab", "c") == util::sha256_hex("abc"));
}

TEST_CASE("SHA-256 fed in pieces matches a hex digest without making one", "[journal]") {
  const std::string abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  util::Sha256 sha;
  sha.update("a");
  sha.update("bc");
  CHECK(sha.finish_matches(abc));
  sha.restart();  // spent: made new, it is fed again from nothing
  sha.update("abc");
  CHECK_FALSE(sha.finish_matches("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"));  // upper case
  sha.restart();
  sha.update("abc");
  CHECK_FALSE(sha.finish_matches(abc.substr(0, 63)));  // one digit short
  sha.restart();
  sha.update("abd");
  CHECK_FALSE(sha.finish_matches(abc));
  sha.restart();
  sha.update("abc");
  CHECK(sha.finish_matches(abc));
}

TEST_CASE("the canonical encoding sorts keys, leaves out NULLs, the hash and the entry link", "[journal]") {
  storage::EntryRows rows;
  rows.entry.set("kind", std::string("transfer"))
      .set("id", std::int64_t{7})
      .set("memo", storage::Value{})
      .set("hash", std::string("h"));
  storage::Row posting;
  posting.set("entry_id", std::int64_t{7}).set("seq", std::int64_t{1}).set("amount", std::int64_t{-5});
  rows.postings.push_back(posting);
  CHECK(books::canonical_encoding(rows) ==
        R"({"entry":{"id":7,"kind":"transfer"},"postings":[{"amount":-5,"seq":1}]})");
}

TEST_CASE("a raw edit of any journal row made with the sqlite3 shell is found", "[journal][tamper]") {
  struct Edit {
    const char* what;
    const char* sql;
    std::int64_t first_bad;
  };
  const Edit edits[] = {
      {"a posting's amount", "UPDATE postings SET amount = amount + 1 WHERE entry_id = 2 AND seq = 1", 2},
      {"both postings of an entry, still balanced", "UPDATE postings SET amount = amount * 2 WHERE entry_id = 5", 5},
      {"a posting moved to another account", "UPDATE postings SET account_id = 2 WHERE entry_id = 2 AND seq = 1", 2},
      {"an entry's date", "UPDATE entries SET date = '2025-02-01' WHERE id = 3", 3},
      {"an entry's operator", "UPDATE entries SET operator = '别人' WHERE id = 4", 4},
      {"a memo set from NULL", "UPDATE entries SET memo = '' WHERE id = 2", 2},
      {"a void's reason", "UPDATE entries SET reason = '改了' WHERE id = 6", 6},
      {"a donor's name", "UPDATE donations SET donor_name = '李四' WHERE entry_id = 2", 2},
      {"anonymity", "UPDATE donations SET anonymous = 1 WHERE entry_id = 3", 3},
      {"a donation's amount replaced by text", "UPDATE donations SET amount = 'abc' WHERE entry_id = 2", 2},
      {"goods' estimated value", "UPDATE donations SET amount = 1 WHERE entry_id = 3", 3},
      {"a beneficiary's name", "UPDATE beneficiaries SET name = '张三' WHERE number = 1", 4},
      {"a payment's purpose", "UPDATE disbursements SET purpose = '其他' WHERE entry_id = 5", 5},
      {"a stored hash", "UPDATE entries SET hash = 'x' WHERE id = 3", 3},
      {"an entry deleted from the middle", "DELETE FROM entries WHERE id = 4", 4},
      {"the last entry deleted", "DELETE FROM entries WHERE id = 6; DELETE FROM postings WHERE entry_id = 6", 6},
      {"a posting deleted", "DELETE FROM postings WHERE entry_id = 2 AND seq = 2", 2},
      {"a detail row deleted", "DELETE FROM donations WHERE entry_id = 3", 3},
      {"a posting added to an entry", "INSERT INTO postings VALUES (3, 3, 1, NULL, 500)", 3},
      {"a posting for no entry", "INSERT INTO postings VALUES (99, 1, 1, NULL, 500)", 99},
      {"a donation row for no entry",
       "INSERT INTO donations (entry_id, receipt_year, receipt_seq, donor_name, anonymous, form, amount, "
       "designation_id) VALUES (77, 2025, 9, 'x', 0, 'money', 1, 1)",
       77},
      {"a donation row for an entry of another kind",
       "INSERT INTO donations (entry_id, receipt_year, receipt_seq, donor_name, anonymous, form, amount, "
       "designation_id) VALUES (5, 2025, 9, 'x', 0, 'money', 1, 1)",
       5},
      {"a posting whose entry number is text", "INSERT INTO postings VALUES ('abc', 1, 1, NULL, 500)", 0},
      {"a posting for entry 0", "INSERT INTO postings VALUES (0, 1, 1, NULL, 500)", 0},
      {"a posting for a negative entry", "INSERT INTO postings VALUES (-3, 1, 1, NULL, 500)", -3},
      {"a posting whose entry number is a real number", "INSERT INTO postings VALUES (2.5, 1, 1, NULL, 500)", 2},
      {"a payment row for a donation, before the payments",
       "INSERT INTO disbursements (entry_id, category, amount, account_id, designation_id, purpose) "
       "VALUES (2, 'relief', 1, 1, 1, 'x')",
       2},
      {"a row of a kind the journal does not have",
       "INSERT INTO incomes (entry_id, income_kind, source, amount, account_id, designation_id) "
       "VALUES (3, 'interest', 'x', 1, 1, 1)",
       3},
      {"a donation row for entry 0",
       "INSERT INTO donations (entry_id, receipt_year, receipt_seq, donor_name, anonymous, form, amount, "
       "designation_id) VALUES (0, 2025, 9, 'x', 0, 'money', 1, 1)",
       0},
      {"a donor's name that is not UTF-8",
       "UPDATE donations SET donor_name = CAST(X'E5BCA0E4BC' AS TEXT) "
       "WHERE entry_id = 2",
       2},
      {"an amount stored as a real number", "UPDATE postings SET amount = 1.5 WHERE entry_id = 5 AND seq = 1", 5},
      {"a kind stored as a number", "UPDATE entries SET kind = 7 WHERE id = 5", 5},
      {"an entry appended by hand",
       "INSERT INTO entries (id, kind, date, recorded_at, operator, prev_hash, hash) SELECT 7, 'transfer', "
       "'2025-03-07', 'x', 'x', hash, 'fake' FROM entries WHERE id = 6",
       7},
  };
  for (const auto& edit : edits) {
    SECTION(edit.what) {
      TempFund fund;
      record_sample(fund);
      fund.raw_sql(edit.sql);
      auto file = fund.open();
      const auto report = books::verify_chain(file);
      INFO(edit.what);
      REQUIRE_FALSE(report.ok());
      CHECK(*report.first_bad_entry == edit.first_bad);
      REQUIRE(report.problem.has_value());
      CHECK_FALSE(report.problem->zh.empty());
      CHECK_FALSE(report.problem->en.empty());
      // Checked in two halves at once (the second from entry 4 on, on a connection of its
      // own), the report is the walk's in turn: the same entry, words, count and head.
      const auto halves = books::verify_chain(file, 1);
      REQUIRE(halves.first_bad_entry == report.first_bad_entry);
      CHECK(halves.problem->zh == report.problem->zh);
      CHECK(halves.problem->en == report.problem->en);
      CHECK(halves.entries == report.entries);
      CHECK(halves.head == report.head);
      const auto from = books::verify_chain_from(file, 2, INT64_MAX);
      const auto from_halves = books::verify_chain_from(file, 2, 1);
      CHECK(from_halves.first_bad_entry == from.first_bad_entry);
      CHECK(from_halves.entries == from.entries);
      CHECK(from_halves.head == from.head);
      // The entries in runs (2-3 and 4-6, one scanner for both) find what the walk from
      // entry 2 finds; the head is compared as stored.
      const auto runs = books::verify_chain_runs(file, {{4, 6}, {2, 3}});
      CHECK(runs.first_bad_entry == from.first_bad_entry);
    }
  }
}

TEST_CASE("the chain in runs: only the runs' entries rehashed, each linked to the one before, and the head",
          "[books][journal]") {
  TempFund fund;
  record_sample(fund);  // 1 the registries, 2 and 3 donations, 4 a beneficiary, 5 a payment, 6 its void

  SECTION("clean: the runs' entries and no others are read") {
    auto file = fund.open();
    const auto report = books::verify_chain_runs(file, {{2, 2}, {4, 5}});
    CHECK(report.ok());
    CHECK(report.entries == 3);
    CHECK(books::verify_chain_runs(file, {}).ok());  // no run: only the recorded head
  }
  SECTION("two runs of the same detail table read each its own rows") {
    fund.raw_sql("UPDATE donations SET donor_name = '李四' WHERE entry_id = 3");
    auto file = fund.open();
    CHECK(books::verify_chain_runs(file, {{2, 2}}).ok());
    const auto report = books::verify_chain_runs(file, {{2, 2}, {3, 3}});
    REQUIRE_FALSE(report.ok());
    CHECK(*report.first_bad_entry == 3);
    CHECK(report.problem->en.find("hash mismatch") != std::string::npos);
  }
  SECTION("an edit outside the runs is not seen; inside them it is") {
    fund.raw_sql("UPDATE entries SET operator = '别人' WHERE id = 4");
    auto file = fund.open();
    CHECK(books::verify_chain_runs(file, {{1, 3}, {5, 6}}).ok());
    CHECK(books::verify_chain_runs(file, {{4, 4}}).first_bad_entry == std::optional<std::int64_t>(4));
  }
  SECTION("a run's predecessor deleted") {
    fund.raw_sql("DELETE FROM entries WHERE id = 4");
    auto file = fund.open();
    const auto report = books::verify_chain_runs(file, {{5, 5}});
    REQUIRE_FALSE(report.ok());
    CHECK(*report.first_bad_entry == 4);
  }
  SECTION("entries removed at the end, or one appended by hand, whatever the runs") {
    fund.raw_sql(
        "INSERT INTO entries (id, kind, date, recorded_at, operator, prev_hash, hash) SELECT 7, 'transfer', "
        "'2025-03-07', 'x', 'x', hash, 'fake' FROM entries WHERE id = 6");
    auto file = fund.open();
    CHECK(books::verify_chain_runs(file, {{2, 2}}).first_bad_entry == std::optional<std::int64_t>(7));
  }
}

namespace {

// The canonical encoding as nlohmann::json writes it: what entries were hashed with
// before the direct writer, and what it must still equal byte for byte.
nlohmann::json reference_row(const storage::Row& row, const std::string& skip) {
  nlohmann::json object = nlohmann::json::object();
  for (const auto& [column, value] : row.columns) {
    if (column == skip) continue;
    if (const auto* number = std::get_if<std::int64_t>(&value)) object[column] = *number;
    if (const auto* text = std::get_if<std::string>(&value)) object[column] = *text;
  }
  return object;
}

std::string reference_encoding(const storage::EntryRows& rows) {
  nlohmann::json encoding;
  encoding["entry"] = reference_row(rows.entry, "hash");
  encoding["postings"] = nlohmann::json::array();
  for (const auto& posting : rows.postings) encoding["postings"].push_back(reference_row(posting, "entry_id"));
  if (!rows.detail_table.empty()) {
    encoding["detail_table"] = rows.detail_table;
    encoding["detail"] = nlohmann::json::array();
    for (const auto& detail : rows.detail) encoding["detail"].push_back(reference_row(detail, "entry_id"));
  }
  return encoding.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

TEST_CASE("the canonical encoding is byte for byte what nlohmann::json writes, whatever the text") {
  const std::vector<std::string> texts = {"",
                                          "张伟",
                                          "a\"b\\c",
                                          "line\nbreak\ttab\rcr\bback\fform",
                                          std::string("nul\0byte", 8),
                                          "\x01\x1f\x7f",
                                          "emoji 😀 and 全角　空格",
                                          "<script>alert(1)</script>",
                                          "=cmd()|x",
                                          "\xff\xfe invalid",
                                          "\xe4\xb8",
                                          "\xed\xa0\x80 surrogate",
                                          "/",
                                          "¥1,234.56"};
  std::mt19937 random(20251123);
  for (int round = 0; round < 500; ++round) {
    auto text = [&] { return texts[random() % texts.size()]; };
    storage::EntryRows rows;
    rows.entry.set("id", std::int64_t{round + 1})
        .set("kind", text())
        .set("date", std::string("2025-03-05"))
        .set("memo", random() % 2 ? storage::Value{text()} : storage::Value{})
        .set("hash", std::string(64, 'a'))
        .set("amount", static_cast<std::int64_t>(random()) - 1000000000);
    rows.postings.push_back(
        storage::Row().set("entry_id", std::int64_t{1}).set("seq", std::int64_t{1}).set("amount", std::int64_t{-5}));
    if (random() % 3 != 0) {
      rows.detail_table = random() % 2 ? "donations" : text();
      rows.detail.push_back(storage::Row()
                                .set("entry_id", std::int64_t{1})
                                .set(text(), text())
                                .set("zeta", std::int64_t{0})
                                .set("Alpha", text()));
    }
    INFO("round " << round);
    CHECK(books::canonical_encoding(rows) == reference_encoding(rows));
  }
}

TEST_CASE("one appender for many entries writes the same chain as one appender per entry", "[journal][import]") {
  // An import appends through one JournalAppender, whose INSERTs are prepared once
  // and used again while the columns stay the same; the rows and the chain must be
  // what appending the entries one at a time writes, column lists changing or not.
  std::vector<books::DonationInput> gifts(4);
  gifts[0].donor = "张伟";
  gifts[0].amount = 100000;
  gifts[0].account = "bank";
  gifts[0].designation = "elderly";
  gifts[0].external_ref = "BK001";
  gifts[0].date = day("2025-03-01");
  gifts[0].source = model::ImportSource{2, ""};
  gifts[1] = gifts[0];  // no reference: found again by its content key
  gifts[1].donor = "李娜 \"小李\"";
  gifts[1].external_ref.clear();
  gifts[1].source = model::ImportSource{3, "0123456789abcdef0123456789abcdef"};
  gifts[2] = gifts[0];  // not from a statement: no source columns at all
  gifts[2].external_ref = "BK002";
  gifts[2].source.reset();
  gifts[3].donor = "惠民超市";  // goods: into the goods stock, another detail column list
  gifts[3].goods = true;
  gifts[3].item = "大米";
  gifts[3].quantity = "20";

  gifts[3].amount = 50000;
  gifts[3].date = day("2025-03-02");

  TempFund together;
  TempFund apart;
  const auto rec = TempFund::recorder();
  {
    auto file = together.open();
    storage::FundFile::WriteTransaction tx(file);
    books::JournalAppender journal(file, rec);
    books::DonationWriter writer(file, journal);
    for (const auto& gift : gifts) writer.record(gift);
    journal.finish();
    tx.commit();
  }
  {
    auto file = apart.open();
    for (const auto& gift : gifts) {
      storage::FundFile::WriteTransaction tx(file);
      books::JournalAppender journal(file, rec);
      books::DonationWriter(file, journal).record(gift);
      journal.finish();
      tx.commit();
    }
  }
  auto one = together.open();
  auto other = apart.open();
  const auto report = books::verify_chain(one);
  CHECK(report.ok());
  CHECK(report.entries == 5);
  CHECK(report.head == books::verify_chain(other).head);
  CHECK(books::recorded_chain_head(one).hash == books::recorded_chain_head(other).hash);
  CHECK(books::find_donation(one, 3).donor_name == "李娜 \"小李\"");
  CHECK(books::find_donation(one, 4).external_ref == "BK002");
  CHECK(storage::postings_of(one, 4).size() == 2);  // the goods, into the goods stock
}

TEST_CASE("the journal refuses an amount above the limit, a date ahead and a total beyond 64 bits",
          "[journal][limits]") {
  TempFund fund;
  auto file = fund.open();
  books::DonationInput money;
  money.donor = "张伟";
  money.account = "bank";
  money.date = day("2025-03-01");
  money.amount = util::kMaxEntryAmount + 1;
  CHECK_THROWS_AS(books::record_donation(file, TempFund::recorder(), money), InputError);
  money.amount = util::kMaxEntryAmount;
  CHECK_NOTHROW(books::record_donation(file, TempFund::recorder(), money));

  // The fixture allows 366 days ahead; a day more is refused.
  money.amount = 100;
  money.date = day("2025-03-10").plus_days(367);
  CHECK_THROWS_AS(books::record_donation(file, TempFund::recorder(), money), InputError);

  // A balance near the 64-bit limit (as an old file could hold): one more entry would
  // overflow it, and is refused with the books unchanged.
  fund.raw_sql("UPDATE day_totals SET amount = 9223372036854775000 WHERE side = 'account' AND target_id = 1");
  auto reopened = fund.open();
  const auto entries_before = storage::last_entry_id(reopened);
  money.date = day("2025-03-02");
  money.amount = util::kMaxEntryAmount;
  CHECK_THROWS_AS(books::record_donation(reopened, TempFund::recorder(), money), Refused);
  CHECK(storage::last_entry_id(reopened) == entries_before);
}
