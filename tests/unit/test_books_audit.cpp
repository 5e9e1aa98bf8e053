#include <catch2/catch.hpp>

#include <fstream>

#include "books/projects.hpp"

#include "books/audit.hpp"
#include "books/beneficiaries.hpp"
#include "books/disbursements.hpp"
#include "books/donations.hpp"
#include "books/movements.hpp"
#include "books/periods.hpp"
#include "error.hpp"
#include "fund_fixture.hpp"

using namespace cfund;
using cfund::testing::TempFund;

namespace {

util::Date day(const char* iso) { return *util::parse_date(iso); }

std::int64_t give(storage::FundFile& file, const char* donor, util::Fen amount, const char* account, const char* date,
                  const char* designation = "", const char* ref = "", const char* recorded = "2025-03-10") {
  books::DonationInput in;
  in.donor = donor;
  in.amount = amount;
  in.account = account;
  in.designation = designation;
  in.date = day(date);
  in.external_ref = ref;
  return books::record_donation(file, TempFund::recorder(recorded), in).entry_id;
}

std::int64_t pay(storage::FundFile& file, const char* category, util::Fen amount, const char* account, const char* date,
                 const char* designation = "", std::optional<std::int64_t> beneficiary = std::nullopt,
                 const char* approval = "", const char* repeat_reason = "", const char* recorded = "2025-03-10") {
  books::DisbursementInput in;
  in.category = category;
  in.amount = amount;
  in.account = account;
  in.designation = designation;
  in.date = day(date);
  in.beneficiary = beneficiary;
  in.payee = beneficiary ? "" : "青溪服务社";
  in.purpose = "测试";
  in.approval_ref = approval;
  in.repeat_reason = repeat_reason;
  return books::record_disbursement(file, TempFund::recorder(recorded), in);
}

// A small clean fund (threshold ¥3,000, relief window 30 days):
// 1 the setup (registries) · 2 donation ¥5,000 bank ref R1 · 3 donation ¥500 cash elderly ·
// 4 beneficiary B0001 · 5 relief ¥100 cash elderly · 6 project ¥3,500 bank with approval ·
// 7 management ¥50 bank
void record_sample(const TempFund& fund) {
  auto file = fund.open();
  give(file, "张伟", 500000, "bank", "2025-03-01", "", "R1");
  give(file, "李娜", 50000, "cash", "2025-03-01", "elderly");
  books::BeneficiaryInput person;
  person.name = "王秀英";
  person.category = "独居老人";
  books::register_beneficiary(file, TempFund::recorder(), person);
  pay(file, "relief", 10000, "cash", "2025-03-05", "elderly", 1);
  pay(file, "project", 350000, "bank", "2025-03-06", "", std::nullopt, "议-2025-01");
  pay(file, "management", 5000, "bank", "2025-03-07");
}

books::AuditReport audit(const TempFund& fund, const char* today = "2025-03-10",
                         std::optional<util::Period> period = std::nullopt, bool deep = false,
                         std::int64_t share_from = books::kChainSegment) {
  auto file = fund.open();
  books::AuditOptions options;
  options.today = day(today);
  options.period = period;
  options.deep = deep;
  options.share_from = share_from;
  return books::run_audit(file, options);
}

// Everything a report says, one line a finding.
std::string everything_in(const books::AuditReport& report) {
  std::string text = report.fund_name + " " + std::to_string(report.entries) + "\n";
  for (const auto& code : report.checked) text += code + " ";
  for (const auto& f : report.findings) {
    text += "\n" + f.code + " " + books::severity_name(f.severity) + " " + f.message.zh + " / " + f.message.en + " [";
    for (const auto id : f.entries) text += std::to_string(id) + " ";
    text += "] " + (f.amount ? std::to_string(*f.amount) : "-") + " " + f.from + ".." + f.to;
  }
  return text;
}

// Copies: the report is often a temporary.
std::vector<books::Finding> with_code(const books::AuditReport& report, const std::string& code) {
  std::vector<books::Finding> found;
  for (const auto& f : report.findings) {
    if (f.code == code) found.push_back(f);
  }
  return found;
}

std::string codes_of(const books::AuditReport& report) {
  std::string codes;
  for (const auto& f : report.findings) codes += f.code + "(" + books::severity_name(f.severity) + ") ";
  return codes;
}

using Ids = std::vector<std::int64_t>;

}  // namespace

TEST_CASE("a clean fund audits clean, with every check run", "[audit]") {
  TempFund fund;
  record_sample(fund);
  {
    // A voided donation keeps its receipt number: not a gap, not a duplicate.
    auto file = fund.open();
    const auto extra = give(file, "赵敏", 2000, "cash", "2025-03-08");
    books::void_entry(file, TempFund::recorder(), extra, model::entry_kind::donation, "录错", day("2025-03-09"));
    give(file, "钱多", 3000, "cash", "2025-03-09");
  }
  const auto report = audit(fund);
  INFO(codes_of(report));
  CHECK(report.clean());
  CHECK(report.findings.empty());
  CHECK(report.entries == 10);
  CHECK(report.checked.size() == 20);
}

TEST_CASE("the check that reads the postings comes before the ratios that wait for its sums", "[audit]") {
  const auto& checks = books::audit_checks();
  const auto slot_of = [&checks](const std::string& code) {
    for (std::size_t i = 0; i < checks.size(); ++i) {
      if (std::find(checks[i].codes.begin(), checks[i].codes.end(), code) != checks[i].codes.end()) return i;
    }
    FAIL("no check reports " << code);
    return checks.size();
  };
  CHECK(slot_of(books::finding_code::trial_balance) < slot_of(books::finding_code::ratio_charitable));
}

TEST_CASE("TRIAL_BALANCE: an entry whose postings do not sum to zero", "[audit]") {
  TempFund fund;
  record_sample(fund);
  fund.raw_sql("UPDATE postings SET amount = amount + 1 WHERE entry_id = 2 AND seq = 1");
  const auto report = audit(fund);
  CHECK_FALSE(report.clean());
  const auto found = with_code(report, books::finding_code::trial_balance);
  REQUIRE_FALSE(found.empty());
  CHECK(found[0].entries == Ids{2});
  CHECK(found[0].amount == 1);
  CHECK(found[0].severity == books::Severity::error);
  // The accounts and the designations no longer agree either.
  CHECK(found.size() == 2);
  REQUIRE(with_code(report, books::finding_code::chain_broken).size() == 1);
  CHECK(with_code(report, books::finding_code::chain_broken)[0].entries == Ids{2});
}

TEST_CASE("TRIAL_BALANCE: postings that belong to no entry", "[audit]") {
  TempFund fund;
  record_sample(fund);
  fund.raw_sql("INSERT INTO postings VALUES (99, 1, 1, NULL, 700)");
  const auto found = with_code(audit(fund), books::finding_code::trial_balance);
  REQUIRE(found.size() == 2);
  CHECK(found[0].entries == Ids{99});
  CHECK(found[0].amount == 700);
}

TEST_CASE("POSTING_MISMATCH: postings doubled but still balanced", "[audit]") {
  TempFund fund;
  record_sample(fund);
  fund.raw_sql("UPDATE postings SET amount = amount * 2 WHERE entry_id = 5");
  const auto report = audit(fund);
  const auto found = with_code(report, books::finding_code::posting_mismatch);
  REQUIRE(found.size() == 1);
  CHECK(found[0].entries == Ids{5});
  CHECK(found[0].amount == 10000);
  CHECK(with_code(report, books::finding_code::trial_balance).empty());
}

TEST_CASE("DAY_TOTALS: a per-day total changed, added or removed by hand", "[audit]") {
  TempFund fund;
  record_sample(fund);
  CHECK(with_code(audit(fund), books::finding_code::day_totals).empty());
  SECTION("changed: the bank account's total on 2025-03-06 raised by ¥3,000") {
    fund.raw_sql("UPDATE day_totals SET amount = amount + 300000 WHERE side = 'account' AND date = '2025-03-06'");
    const auto found = with_code(audit(fund), books::finding_code::day_totals);
    REQUIRE(found.size() == 1);
    CHECK(found[0].from == "2025-03-06");
    CHECK(found[0].amount == 300000);
    CHECK(found[0].message.zh.find("资金账户“") != std::string::npos);
    // ¥3,500 paid out that day: -¥500 recorded against -¥3,500 posted.
    CHECK(found[0].message.en.find("¥500.00 recorded, -¥3,500.00 posted") != std::string::npos);
    CHECK(found[0].message.en.find("1 day(s)") != std::string::npos);
  }
  SECTION("a day with no postings, and a day removed") {
    fund.raw_sql(
        "INSERT INTO day_totals VALUES ('designation', 1, '2025-01-01', -100); "
        "DELETE FROM day_totals WHERE side = 'designation' AND date = '2025-03-05'");
    const auto found = with_code(audit(fund), books::finding_code::day_totals);
    REQUIRE(found.size() == 2);  // the general fund (an extra day) and elderly (a day missing)
    CHECK(found[0].from == "2025-01-01");
    CHECK(found[0].amount == 100);
    CHECK(found[1].from == "2025-03-05");
    CHECK(found[1].amount == 10000);  // nothing recorded, ¥100 paid out of elderly that day
  }
}

TEST_CASE("OVERDRAWN: below zero on some days even though the end balance is fine", "[audit]") {
  TempFund fund;
  record_sample(fund);
  // The management cost moved before any money arrived.
  fund.raw_sql("UPDATE entries SET date = '2025-02-20' WHERE id = 7");
  const auto report = audit(fund);
  const auto found = with_code(report, books::finding_code::overdrawn);
  REQUIRE(found.size() == 2);  // the general fund and the bank account
  for (const auto& f : found) {
    CHECK(f.entries == Ids{7});
    CHECK(f.amount == -5000);
    CHECK(f.from == "2025-02-20");
    CHECK(f.to == "2025-02-20");
    CHECK(f.message.zh.find("2025-03-01 起恢复") != std::string::npos);
  }
  CHECK(found[0].message.zh.find("非限定性资金") != std::string::npos);
  CHECK(found[1].message.en.find("account '银行'") != std::string::npos);
  // An audit of March alone does not report February's overdraft; one of February does.
  CHECK(with_code(audit(fund, "2025-03-10", *util::parse_period("2025-03")), books::finding_code::overdrawn).empty());
  CHECK(with_code(audit(fund, "2025-03-10", *util::parse_period("2025-02")), books::finding_code::overdrawn).size() ==
        2);
}

TEST_CASE("OVERDRAWN: restricted money spent beyond what it holds, still negative", "[audit]") {
  TempFund fund;
  record_sample(fund);
  fund.raw_sql(
      "UPDATE postings SET amount = 60000 WHERE entry_id = 5 AND designation_id IS NOT NULL;"
      "UPDATE postings SET amount = -60000 WHERE entry_id = 5 AND account_id IS NOT NULL");
  const auto found = with_code(audit(fund), books::finding_code::overdrawn);
  REQUIRE(found.size() == 2);  // the elderly fund and the cash box
  CHECK(found[0].message.zh.find("专款专用") != std::string::npos);
  CHECK(found[0].message.zh.find("至今仍为负") != std::string::npos);
  CHECK(found[0].amount == -10000);
}

TEST_CASE("APPROVAL_MISSING: a payment above the threshold without a decision number", "[audit]") {
  TempFund fund;
  record_sample(fund);
  SECTION("the reference removed by hand") {
    fund.raw_sql("UPDATE entries SET approval_ref = NULL WHERE id = 6");
    const auto found = with_code(audit(fund), books::finding_code::approval_missing);
    REQUIRE(found.size() == 1);
    CHECK(found[0].entries == Ids{6});
    CHECK(found[0].amount == 350000);
  }
  SECTION("the threshold lowered by hand is found, and judges nothing") {
    fund.raw_sql("UPDATE fund_settings SET value = '6000' WHERE key = 'approval_threshold'");
    const auto report = audit(fund);
    CHECK(with_code(report, books::finding_code::approval_missing).empty());
    const auto found = with_code(report, books::finding_code::registry);
    REQUIRE(found.size() == 1);
    CHECK(found[0].severity == books::Severity::error);
    CHECK(found[0].message.en.find("approval_threshold") != std::string::npos);
    CHECK(found[0].message.zh.find("链上为“300000”，表中为“6000”") != std::string::npos);
  }
  SECTION("the threshold lowered by decision applies from then on") {
    auto file = fund.open();
    TempFund::set_setting(file, "approval_threshold", "60.00");
    CHECK_THROWS_AS(pay(file, "relief", 10000, "cash", "2025-03-11", "elderly", 1, "", "复诊"), Refused);
    const auto report = audit(fund);
    CHECK(report.clean());
    CHECK(with_code(report, books::finding_code::approval_missing).empty());  // entry 5 was recorded before
  }
}

TEST_CASE("RECEIPT_GAP and RECEIPT_DUPLICATE: receipt numbers within a year", "[audit]") {
  TempFund fund;
  record_sample(fund);
  {
    auto file = fund.open();
    give(file, "钱多", 1000, "cash", "2025-03-08");  // receipt 2025-000003, entry 7
  }
  SECTION("a gap") {
    fund.raw_sql("UPDATE donations SET receipt_seq = 6 WHERE entry_id = 8");
    const auto found = with_code(audit(fund), books::finding_code::receipt_gap);
    REQUIRE(found.size() == 1);
    CHECK(found[0].entries == Ids{3, 8});
    CHECK(found[0].message.zh.find("2025-000003 … 2025-000005") != std::string::npos);
  }
  SECTION("a duplicate (the UNIQUE constraint dropped by rebuilding the table)") {
    fund.raw_sql(
        "CREATE TABLE d2 AS SELECT * FROM donations; DROP TABLE donations; "
        "ALTER TABLE d2 RENAME TO donations; UPDATE donations SET receipt_seq = 2 WHERE entry_id = 8");
    const auto report = audit(fund);
    const auto found = with_code(report, books::finding_code::receipt_duplicate);
    REQUIRE(found.size() == 1);
    CHECK(found[0].entries == Ids{3, 8});
    CHECK(with_code(report, books::finding_code::receipt_gap).empty());
  }
}

TEST_CASE("REF_DUPLICATE: the same bank reference booked twice", "[audit]") {
  TempFund fund;
  record_sample(fund);
  {
    auto file = fund.open();
    give(file, "张伟", 500000, "bank", "2025-03-02", "", "R2");  // entry 7
  }
  fund.raw_sql("UPDATE donations SET external_ref = 'R1' WHERE entry_id = 8");
  const auto found = with_code(audit(fund), books::finding_code::ref_duplicate);
  REQUIRE(found.size() == 1);
  CHECK(found[0].entries == Ids{2, 8});
  CHECK(found[0].severity == books::Severity::error);
  CHECK(found[0].message.zh.find("“R1”") != std::string::npos);
}

TEST_CASE("LIKELY_DUPLICATE: same donor, amount, date and account is a warning", "[audit]") {
  TempFund fund;
  record_sample(fund);
  auto file = fund.open();
  const auto a = give(file, "孙丽", 20000, "cash", "2025-03-08");
  const auto b = give(file, "孙丽", 20000, "cash", "2025-03-08");
  give(file, "周杰", 20000, "bank", "2025-03-08", "", "X1");
  give(file, "周杰", 20000, "bank", "2025-03-08", "", "X2");  // two bank lines: two gifts
  auto report = audit(fund);
  auto found = with_code(report, books::finding_code::likely_duplicate);
  REQUIRE(found.size() == 1);
  CHECK(found[0].entries == Ids{a, b});
  CHECK(found[0].severity == books::Severity::warning);
  CHECK(report.clean());
  // Payments too, named by payee or by beneficiary number.
  const auto c = pay(file, "project", 3000, "bank", "2025-03-08");
  const auto d = pay(file, "project", 3000, "bank", "2025-03-08");
  const auto e = pay(file, "relief", 2000, "cash", "2025-03-08", "elderly", 1, "", "追加");
  const auto f = pay(file, "relief", 2000, "cash", "2025-03-08", "elderly", 1, "", "追加");
  found = with_code(audit(fund), books::finding_code::likely_duplicate);
  REQUIRE(found.size() == 3);
  CHECK(found[1].entries == Ids{c, d});
  CHECK(found[1].message.zh.find("付给 青溪服务社") != std::string::npos);
  CHECK(found[2].entries == Ids{e, f});
  CHECK(found[2].message.en.find("paid to B0001") != std::string::npos);
  books::void_entry(file, TempFund::recorder(), d, model::entry_kind::disbursement, "重复录入", day("2025-03-09"));
  books::void_entry(file, TempFund::recorder(), f, model::entry_kind::disbursement, "重复录入", day("2025-03-09"));
  // Voiding one of them settles it.
  books::void_entry(file, TempFund::recorder(), b, model::entry_kind::donation, "重复录入", day("2025-03-09"));
  CHECK(with_code(audit(fund), books::finding_code::likely_duplicate).empty());
}

TEST_CASE("LIKELY_DUPLICATE and REF_DUPLICATE among many gifts: the few that may be in a group found by key",
          "[audit]") {
  // 400 gifts that differ, and four pairs: the second read finds the eight entries by
  // their keys (fewer than one in forty of the movements read), not by reading them all.
  TempFund fund;
  record_sample(fund);
  auto file = fund.open();
  for (int i = 0; i < 400; ++i) {
    const std::string donor = "捐赠人" + std::to_string(i);
    give(file, donor.c_str(), 1000 + i, i % 2 == 0 ? "cash" : "bank", "2025-03-05");
  }
  const auto a = give(file, "孙丽", 20000, "cash", "2025-03-08");
  const auto b = give(file, "孙丽", 20000, "cash", "2025-03-08");
  const auto c = give(file, "周杰", 30000, "bank", "2025-03-08", "", "Q1");
  const auto d = give(file, "吴敏", 40000, "bank", "2025-03-09", "", "Q2");
  const auto e = pay(file, "project", 3000, "bank", "2025-03-08");
  const auto f = pay(file, "project", 3000, "bank", "2025-03-08");
  const auto g = give(file, "郑强", 5000, "cash", "2025-03-08");
  const auto h = give(file, "郑强", 5000, "cash", "2025-03-08");
  books::void_entry(file, TempFund::recorder(), h, model::entry_kind::donation, "重复录入", day("2025-03-09"));
  fund.raw_sql("UPDATE donations SET external_ref = 'Q1' WHERE entry_id = " + std::to_string(d));
  const auto report = audit(fund);
  const auto references = with_code(report, books::finding_code::ref_duplicate);
  REQUIRE(references.size() == 1);
  CHECK(references[0].entries == Ids{c, d});
  const auto likely = with_code(report, books::finding_code::likely_duplicate);
  REQUIRE(likely.size() == 2);
  CHECK(likely[0].entries == Ids{a, b});
  CHECK(likely[1].entries == Ids{e, f});
  CHECK(likely[1].message.zh.find("付给 青溪服务社") != std::string::npos);
  CHECK(g > 0);  // its twin voided: no group
}

TEST_CASE("RELIEF_REPEATED: a second relief inside the window without a reason", "[audit]") {
  TempFund fund;
  record_sample(fund);
  std::int64_t second = 0;
  {
    auto file = fund.open();
    second = pay(file, "relief", 10000, "cash", "2025-03-20", "elderly", 1, "", "住院");
  }
  CHECK(with_code(audit(fund), books::finding_code::relief_repeated).empty());
  SECTION("the reason removed by hand") {
    fund.raw_sql("UPDATE disbursements SET repeat_reason = NULL WHERE entry_id = " + std::to_string(second));
    const auto found = with_code(audit(fund), books::finding_code::relief_repeated);
    REQUIRE(found.size() == 1);
    CHECK(found[0].entries == Ids{5, second});
  }
  SECTION("the window widened by hand is found, and judges nothing") {
    auto file = fund.open();
    pay(file, "relief", 10000, "cash", "2025-05-10", "elderly", 1);  // 51 days after
    fund.raw_sql("UPDATE fund_settings SET value = '60' WHERE key = 'relief_window_days'");
    const auto report = audit(fund);
    CHECK(with_code(report, books::finding_code::relief_repeated).empty());
    REQUIRE(with_code(report, books::finding_code::registry).size() == 1);
  }
  SECTION("the window widened by decision applies to the reliefs recorded after it") {
    auto file = fund.open();
    TempFund::set_setting(file, "relief_window_days", "60", "2025-04-01");
    CHECK_THROWS_AS(pay(file, "relief", 10000, "cash", "2025-05-10", "elderly", 1), Refused);  // 51 days after
    pay(file, "relief", 10000, "cash", "2025-05-10", "elderly", 1, "", "再次住院");
    CHECK(audit(fund).clean());
  }
}

TEST_CASE("RATIO_CHARITABLE and RATIO_MANAGEMENT: advisory yearly indicators with their figures", "[audit]") {
  TempFund fund;
  {
    auto file = fund.open();
    give(file, "张伟", 1000000, "bank", "2024-05-01");  // 2024 income ¥10,000
    books::BeneficiaryInput person;
    person.name = "王秀英";
    person.category = "独居老人";
    books::register_beneficiary(file, TempFund::recorder(), person);
    pay(file, "relief", 100000, "bank", "2025-02-01", "", 1);
    const auto voided = pay(file, "project", 200000, "bank", "2025-02-02");
    books::void_entry(file, TempFund::recorder(), voided, model::entry_kind::disbursement, "录错", day("2025-02-03"));
    pay(file, "management", 50000, "bank", "2025-02-04");
  }
  SECTION("years that have not ended are not judged") {
    CHECK(with_code(audit(fund, "2025-12-31"), books::finding_code::ratio_charitable).empty());
  }
  SECTION("below 70% of last year's income: a warning with the figures") {
    const auto report = audit(fund, "2026-01-05");
    CHECK(report.clean());
    const auto found = with_code(report, books::finding_code::ratio_charitable);
    REQUIRE(found.size() == 1);  // 2024 has no 2023 income to compare with
    CHECK(found[0].severity == books::Severity::warning);
    CHECK(found[0].amount == 100000);
    CHECK(found[0].message.zh.find("¥1,000.00") != std::string::npos);
    CHECK(found[0].message.zh.find("¥10,000.00") != std::string::npos);
    CHECK(found[0].message.zh.find("10.0%") != std::string::npos);
    const auto management = with_code(report, books::finding_code::ratio_management);
    REQUIRE(management.size() == 1);
    CHECK(management[0].severity == books::Severity::info);  // below the ¥200,000 floor
    CHECK(management[0].message.en.find("33.3%") != std::string::npos);
  }
  SECTION("management cost above the limit once the floor is lowered") {
    auto file = fund.open();
    TempFund::set_setting(file, "audit.management_ratio_floor", "0");
    const auto found = with_code(audit(fund, "2026-01-05"), books::finding_code::ratio_management);
    REQUIRE(found.size() == 1);
    CHECK(found[0].severity == books::Severity::warning);
    CHECK(found[0].amount == 50000);
  }
  SECTION("passing and switched off") {
    auto file = fund.open();
    TempFund::set_setting(file, "audit.charitable_ratio_min", "5");
    auto found = with_code(audit(fund, "2026-01-05"), books::finding_code::ratio_charitable);
    REQUIRE(found.size() == 1);
    CHECK(found[0].severity == books::Severity::info);
    TempFund::set_setting(file, "audit.charitable_ratio_check", "false");
    TempFund::set_setting(file, "audit.management_ratio_check", "false");
    const auto report = audit(fund, "2026-01-05");
    CHECK(with_code(report, books::finding_code::ratio_charitable).empty());
    CHECK(with_code(report, books::finding_code::ratio_management).empty());
  }
}

namespace {

// A project P001 (budget ¥1,000) proposed 03-01, approved 03-03, in progress 03-04,
// funded by an earmarked donation of ¥1,000 (entry 2) and paid ¥600 on 03-05.
std::int64_t project_with_payment(const TempFund& fund) {
  auto file = fund.open();
  books::ProjectProposal proposal;
  proposal.name = "一米花园";
  proposal.category = "环境保护";
  proposal.budget = 100000;
  proposal.proposer = "桂花里3栋居民";
  proposal.date = day("2025-03-01");
  const std::string code = books::propose_project(file, TempFund::recorder(), proposal).code;
  give(file, "张伟", 100000, "bank", "2025-03-01", code.c_str());
  for (const auto& [to, date] :
       std::vector<std::pair<std::string, const char*>>{{books::project_stage::under_review, "2025-03-02"},
                                                        {books::project_stage::approved, "2025-03-03"},
                                                        {books::project_stage::in_progress, "2025-03-04"}}) {
    books::ProjectStep step;
    step.project = code;
    step.to_stage = to;
    step.date = day(date);
    step.decision = to == books::project_stage::approved ? "议-2025-05" : "";
    books::advance_project(file, TempFund::recorder(), step);
  }
  return pay(file, "project", 60000, "bank", "2025-03-05", code.c_str());
}

}  // namespace

TEST_CASE("PROJECT_STAGE and PROJECT_BUDGET: project spending outside its stages or budget", "[audit]") {
  TempFund fund;
  const auto paid = project_with_payment(fund);
  CHECK(with_code(audit(fund), books::finding_code::project_stage).empty());
  CHECK(with_code(audit(fund), books::finding_code::project_budget).empty());
  SECTION("a payment moved by hand to before the approval") {
    fund.raw_sql("UPDATE entries SET date = '2025-03-02' WHERE id = " + std::to_string(paid));
    const auto found = with_code(audit(fund), books::finding_code::project_stage);
    REQUIRE(found.size() == 1);
    CHECK(found[0].entries == Ids{paid});
    CHECK(found[0].amount == 60000);
    CHECK(found[0].message.zh.find("评审中") != std::string::npos);
  }
  SECTION("the budget lowered by hand below what was spent") {
    fund.raw_sql("UPDATE projects SET budget = 50000");
    const auto found = with_code(audit(fund), books::finding_code::project_budget);
    REQUIRE(found.size() == 1);
    CHECK(found[0].entries == Ids{paid});
    CHECK(found[0].amount == 10000);
  }
  SECTION("a voided payment does not count") {
    auto file = fund.open();
    books::void_entry(file, TempFund::recorder(), paid, model::entry_kind::disbursement, "录错", day("2025-03-06"));
    fund.raw_sql("UPDATE projects SET budget = 50000");
    CHECK(with_code(audit(fund), books::finding_code::project_budget).empty());
  }
}

TEST_CASE("INTEGRITY: SQLite's own integrity check", "[audit]") {
  TempFund fund;
  record_sample(fund);
  CHECK(with_code(audit(fund, "2025-03-10", std::nullopt, true), books::finding_code::integrity).empty());
  // An index whose definition no longer matches its content.
  fund.raw_sql(
      "PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = 'CREATE INDEX entries_by_date ON "
      "entries(operator)' WHERE name = 'entries_by_date'");
  SECTION("the full check (--deep) compares every index with its table") {
    const auto found = with_code(audit(fund, "2025-03-10", std::nullopt, true), books::finding_code::integrity);
    REQUIRE(found.size() == 1);
    CHECK(found[0].severity == books::Severity::error);
    CHECK(found[0].message.en.find("missing from index entries_by_date") != std::string::npos);
  }
  SECTION("the default quick check does not") { CHECK(with_code(audit(fund), books::finding_code::integrity).empty()); }
}

TEST_CASE("INTEGRITY: the default quick check finds damage to the file's structure", "[audit]") {
  TempFund fund;
  record_sample(fund);
  // The count of free pages in the file header (bytes 36-39, big-endian) overwritten.
  {
    std::fstream bytes(fund.path(), std::ios::in | std::ios::out | std::ios::binary);
    bytes.seekp(36);
    const char five[] = {0, 0, 0, 5};
    bytes.write(five, sizeof five);
  }
  const auto found = with_code(audit(fund), books::finding_code::integrity);
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == books::Severity::error);
  CHECK(found[0].message.en.find("freelist") != std::string::npos);
}

TEST_CASE("closing a period: refused back-dated entries, voids still work, the audit gate", "[audit][close]") {
  TempFund fund;
  record_sample(fund);
  auto file = fund.open();
  const auto april = TempFund::recorder("2025-04-02");

  CHECK_THROWS_AS(books::close_period(file, TempFund::recorder("2025-03-31"), "2025-03"), Refused);  // not over yet
  CHECK_THROWS_AS(books::close_period(file, april, "2025-3-x"), InputError);
  CHECK_THROWS_AS(books::close_period(file, april, "2025-Q1"), InputError);

  const auto closed = books::close_period(file, april, "2025-03");
  CHECK(closed.entry_id == 8);
  CHECK(closed.through == "2025-03");
  CHECK(books::latest_closed_month(file) == "2025-03");
  CHECK_THROWS_AS(books::close_period(file, april, "2025-03"), Refused);
  CHECK_THROWS_AS(books::close_period(file, april, "2025-02"), Refused);

  // Nothing can be dated inside the closed months, whichever command writes.
  try {
    give(file, "钱多", 1000, "cash", "2025-03-31", "", "", "2025-04-02");
    FAIL("a donation dated inside a closed period was recorded");
  } catch (const Refused& e) {
    CHECK(e.message().zh.find("已结账至 2025-03") != std::string::npos);
    CHECK(e.message().en.find("corrections") != std::string::npos);
  }
  CHECK_THROWS_AS(pay(file, "management", 100, "bank", "2025-01-15", "", std::nullopt, "", "", "2025-04-02"), Refused);
  CHECK_THROWS_AS(books::void_entry(file, april, 6, model::entry_kind::disbursement, "录错", day("2025-03-20")),
                  Refused);
  // A void dated in the open period is the way to correct.
  const auto void_id = books::void_entry(file, april, 6, model::entry_kind::disbursement, "录错", day("2025-04-02"));
  give(file, "钱多", 1000, "cash", "2025-04-01", "", "", "2025-04-02");
  CHECK(audit(fund, "2025-04-02").clean());

  SECTION("an entry moved into the closed period by hand is found") {
    fund.raw_sql("UPDATE entries SET date = '2025-03-15' WHERE id = " + std::to_string(void_id));
    const auto found = with_code(audit(fund, "2025-04-02"), books::finding_code::closed_period_entry);
    REQUIRE(found.size() == 1);
    CHECK(found[0].entries == Ids{8, void_id});
  }
  SECTION("closing refuses when the audit up to the month finds errors") {
    fund.raw_sql("UPDATE postings SET amount = amount + 1 WHERE entry_id = " + std::to_string(void_id) +
                 " AND seq = 1");
    auto tampered = fund.open();
    try {
      books::close_period(tampered, TempFund::recorder("2025-05-02"), "2025-04");
      FAIL("closing despite audit errors");
    } catch (const Refused& e) {
      CHECK(e.message().en.find("CHAIN_BROKEN") != std::string::npos);
    }
    CHECK(books::latest_closed_month(tampered) == "2025-03");
  }
}

TEST_CASE("audit catches raw edits, deletions and insertions of journal rows, naming the entry", "[audit][tamper]") {
  struct Edit {
    const char* what;
    const char* sql;
    std::int64_t first_bad;
    const char* also;  // another finding that names the same entry, or ""
  };
  const Edit edits[] = {
      {"a posting's amount", "UPDATE postings SET amount = amount + 1 WHERE entry_id = 2 AND seq = 1", 2,
       "TRIAL_BALANCE"},
      {"both postings of a payment, still balanced", "UPDATE postings SET amount = amount * 2 WHERE entry_id = 5", 5,
       "POSTING_MISMATCH"},
      {"a posting moved to another account", "UPDATE postings SET account_id = 2 WHERE entry_id = 2 AND seq = 1", 2,
       "POSTING_MISMATCH"},
      {"a donation's amount", "UPDATE donations SET amount = 400000 WHERE entry_id = 2", 2, "POSTING_MISMATCH"},
      {"an entry's date", "UPDATE entries SET date = '2025-02-01' WHERE id = 6", 6, "OVERDRAWN"},
      {"a payment's approval removed", "UPDATE entries SET approval_ref = NULL WHERE id = 6", 6, "APPROVAL_MISSING"},
      {"a donor's name", "UPDATE donations SET donor_name = '李四' WHERE entry_id = 2", 2, ""},
      {"an entry's date made unreadable", "UPDATE entries SET date = '2025-03-0x' WHERE id = 5", 5, ""},
      {"a beneficiary's name", "UPDATE beneficiaries SET name = '张三' WHERE number = 1", 4, ""},
      {"an entry deleted from the middle", "DELETE FROM entries WHERE id = 4", 4, ""},
      {"the last entry and its postings deleted",
       "DELETE FROM disbursements WHERE entry_id = 7; DELETE FROM postings WHERE entry_id = 7; DELETE FROM entries "
       "WHERE id = 7",
       7, ""},
      {"a posting deleted", "DELETE FROM postings WHERE entry_id = 3 AND seq = 2", 3, "TRIAL_BALANCE"},
      {"a donation row deleted", "DELETE FROM donations WHERE entry_id = 3", 3, ""},
      {"a posting inserted into an entry", "INSERT INTO postings VALUES (3, 3, 2, NULL, 500)", 3, "TRIAL_BALANCE"},
      {"a posting for no entry", "INSERT INTO postings VALUES (99, 1, 1, NULL, 500)", 99, "TRIAL_BALANCE"},
      {"an entry appended by hand",
       "INSERT INTO entries (id, kind, date, recorded_at, operator, prev_hash, hash) SELECT 8, 'transfer', "
       "'2025-03-08', 'x', 'x', hash, 'fake' FROM entries WHERE id = 7",
       8, ""},
  };
  for (const auto& edit : edits) {
    SECTION(edit.what) {
      TempFund fund;
      record_sample(fund);
      fund.raw_sql(edit.sql);
      const auto report = audit(fund);
      INFO(edit.what << ": " << codes_of(report));
      CHECK_FALSE(report.clean());
      const auto chain = with_code(report, books::finding_code::chain_broken);
      REQUIRE(chain.size() == 1);
      CHECK(chain[0].entries == Ids{edit.first_bad});
      if (*edit.also != '\0') {
        bool named = false;
        for (const auto& f : with_code(report, edit.also)) {
          named = named || std::find(f.entries.begin(), f.entries.end(), edit.first_bad) != f.entries.end();
        }
        CHECK(named);
      }
    }
  }
}

TEST_CASE("the checks shared with a second connection report what the checks in turn report", "[audit][tamper]") {
  // share_from 1: every fund is large enough for the second worker; 0: every check in turn.
  const char* const edits[] = {
      "",  // the clean sample
      "UPDATE postings SET amount = amount + 1 WHERE entry_id = 2 AND seq = 1",
      "UPDATE postings SET amount = amount * 2 WHERE entry_id = 5",
      "UPDATE donations SET amount = 400000 WHERE entry_id = 2",
      "UPDATE entries SET date = '2025-02-01' WHERE id = 6",
      "UPDATE entries SET approval_ref = NULL WHERE id = 6",
      "UPDATE donors SET name = '李四' WHERE id = 1",
      "DELETE FROM entries WHERE id = 4",
      "INSERT INTO postings VALUES (99, 1, 1, NULL, 500)",
      "UPDATE day_totals SET amount = amount + 300000 WHERE side = 'account' AND date = '2025-03-06'",
  };
  for (const char* sql : edits) {
    SECTION(std::string("edit: ") + sql) {
      TempFund fund;
      record_sample(fund);
      {
        auto file = fund.open();
        give(file, "李娜", 50000, "cash", "2025-03-01", "elderly");  // entry 3 again: a likely duplicate
      }
      if (*sql != '\0') fund.raw_sql(sql);
      const auto in_turn = audit(fund, "2026-03-10", std::nullopt, false, 0);
      const auto shared = audit(fund, "2026-03-10", std::nullopt, false, 1);
      CHECK_FALSE(in_turn.findings.empty());
      CHECK(everything_in(shared) == everything_in(in_turn));
    }
  }
}
