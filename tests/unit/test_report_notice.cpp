#include <catch2/catch.hpp>

#include "books/projects.hpp"

#include "books/beneficiaries.hpp"
#include "books/disbursements.hpp"
#include "books/donations.hpp"
#include "books/movements.hpp"
#include "books/publications.hpp"
#include "books/verification.hpp"
#include "error.hpp"
#include "fund_fixture.hpp"
#include "render/notice_document.hpp"
#include "rendered_text.hpp"
#include "report/notice.hpp"
#include "storage/notice_queries.hpp"
#include "storage/queries.hpp"

using namespace cfund;
using cfund::testing::TempFund;

namespace {

util::Date day(const char* iso) { return *util::parse_date(iso); }
util::Period period(const char* label) { return *util::parse_period(label); }

std::int64_t donate(storage::FundFile& file, util::Fen amount, const char* date, const char* designation = "",
                    const char* donor = "张伟", bool anonymous = false) {
  books::DonationInput input;
  input.donor = donor;
  input.anonymous = anonymous;
  input.amount = amount;
  input.account = "bank";
  input.designation = designation;
  input.date = day(date);
  return books::record_donation(file, TempFund::recorder(), input).entry_id;
}

std::int64_t pay(storage::FundFile& file, util::Fen amount, const char* date, const char* designation = "") {
  books::DisbursementInput input;
  input.amount = amount;
  input.account = "bank";
  input.designation = designation;
  input.category = "management";
  input.payee = "青溪印务";
  input.purpose = "海报";
  input.date = day(date);
  return books::record_disbursement(file, TempFund::recorder(), input);
}

report::NoticeModel notice(storage::FundFile& file, const char* label, std::optional<std::int64_t> cutoff = {}) {
  return report::build_notice(file, {period(label), cutoff, 1743469200 /* 2025-04-01T09:00:00+08:00 */});
}

// closing = opening + income - spending + in - out, and equal to the books'
// balance of postings dated up to the period's end (the model checks it too).
void check_adds_up(storage::FundFile& file, const report::NoticeModel& model) {
  const auto booked = storage::designation_balances_through(file, model.period.last.iso(), model.cutoff_entry);
  util::Fen total = 0;
  for (const auto& line : model.designations) {
    CHECK(line.closing == line.opening + line.income - line.spending + line.transferred_in - line.transferred_out);
    total += line.closing;
  }
  util::Fen books_total = 0;
  for (const auto& [id, balance] : booked) books_total += balance;
  CHECK(total == books_total);
  CHECK(model.total.closing == total);
  CHECK(model.restricted.closing + model.unrestricted.closing == total);
}

}  // namespace

TEST_CASE("the summary adds up: opening + income - spending = closing, as in the books", "[report]") {
  TempFund fund;
  auto file = fund.open();
  donate(file, 100000, "2025-02-10");
  donate(file, 50000, "2025-02-11", "elderly");
  pay(file, 20000, "2025-02-20");
  donate(file, 30000, "2025-03-01");
  pay(file, 10000, "2025-03-02", "elderly");
  books::record_reallocation(file, TempFund::recorder(),
                             {day("2025-03-03"), 5000, "general", "elderly", "同意", "议-1", ""});
  books::record_transfer(file, TempFund::recorder(), {day("2025-03-04"), 7000, "bank", "cash", "", ""});

  const auto march = notice(file, "2025-03");
  check_adds_up(file, march);
  CHECK(march.total.opening == 130000);
  CHECK(march.total.income == 30000);
  CHECK(march.total.spending == 10000);
  CHECK(march.total.closing == 150000);
  CHECK(march.total.transferred_in == 5000);
  CHECK(march.total.transferred_out == 5000);
  CHECK(march.restricted.closing == 45000);
  check_adds_up(file, notice(file, "2025-Q1"));
  check_adds_up(file, notice(file, "2025-02"));
  check_adds_up(file, notice(file, "2024"));
}

TEST_CASE("a void in the same period removes both; a void in a later period is a negative row there", "[report]") {
  TempFund fund;
  auto file = fund.open();
  const auto february = donate(file, 80000, "2025-02-10");
  const auto march = donate(file, 30000, "2025-03-05");
  donate(file, 10000, "2025-03-06");
  books::void_entry(file, TempFund::recorder(), march, "donation", "录错", day("2025-03-07"));
  books::void_entry(file, TempFund::recorder(), february, "donation", "重复", day("2025-03-08"));

  const auto model = notice(file, "2025-03");
  check_adds_up(file, model);
  CHECK(model.voided_within_period == 1);
  CHECK(model.total.income == 10000 - 80000);
  REQUIRE(model.donations.size() == 2);
  CHECK(model.donations[0].correction);
  CHECK(model.donations[0].amount == -80000);
  CHECK(model.donations[0].original_date == "2025-02-10");
  CHECK(model.donations[0].reason == "重复");

  // February as the books stand now: the donation counts there, noted as voided later.
  const auto earlier = notice(file, "2025-02");
  check_adds_up(file, earlier);
  REQUIRE(earlier.donations.size() == 1);
  CHECK(earlier.donations[0].voided_on == "2025-03-08");
  CHECK(earlier.total.income == 80000);
  // February was never published: no corrections.
  CHECK(model.corrections.empty());
}

TEST_CASE("voids of published entries are corrections in the next notice only", "[report]") {
  TempFund fund;
  auto file = fund.open();
  const auto february = donate(file, 80000, "2025-02-10");
  auto feb = notice(file, "2025-02");
  books::record_publication(file, TempFund::recorder(),
                            {period("2025-02"), feb.cutoff_entry, feb.verification_code, "md"});
  books::void_entry(file, TempFund::recorder(), february, "donation", "重复", day("2025-03-08"));

  auto march = notice(file, "2025-03");
  REQUIRE(march.corrections.size() == 1);
  CHECK(march.corrections[0].published_in == "2025-02");
  CHECK(march.corrections[0].amount == 80000);
  CHECK(march.corrections[0].reason == "重复");
  books::record_publication(file, TempFund::recorder(),
                            {period("2025-03"), march.cutoff_entry, march.verification_code, "md"});
  // March again, and April after it.
  CHECK(notice(file, "2025-03").corrections.size() == 1);
  CHECK(notice(file, "2025-04").corrections.empty());
}

TEST_CASE("the cut-off: publication records do not count, an older state is reproduced", "[report]") {
  TempFund fund;
  auto file = fund.open();
  donate(file, 10000, "2025-03-01");
  const auto first = notice(file, "2025-03");
  CHECK(first.cutoff_entry == 2);
  const auto head = storage::entry_stamp(file, 2)->hash;
  CHECK(first.verification_code == books::verification_code(head));

  const auto recorded =
      books::record_publication(file, TempFund::recorder(), {period("2025-03"), 2, first.verification_code, "txt"});
  CHECK_FALSE(recorded.already_recorded);
  CHECK(notice(file, "2025-03").verification_code == first.verification_code);
  CHECK(books::record_publication(file, TempFund::recorder(), {period("2025-03"), 2, first.verification_code, "md"})
            .already_recorded);

  donate(file, 20000, "2025-03-02");
  CHECK(notice(file, "2025-03").total.income == 30000);
  const auto again = notice(file, "2025-03", 2);
  CHECK(again.total.income == 10000);
  CHECK(again.verification_code == first.verification_code);
  CHECK_THROWS_AS(notice(file, "2025-03", 99), InputError);

  TempFund empty;
  auto blank = empty.open();
  // A fund with no gifts yet: its notice covers the setup entry.
  CHECK(notice(blank, "2025-03").verification_code == books::verification_code(storage::entry_stamp(blank, 1)->hash));
}

TEST_CASE("small donations are counted in bands, anonymous donors shown only as anonymous", "[report]") {
  TempFund fund;
  auto file = fund.open();
  TempFund::set_setting(file, "band_donations_below", "100.00");
  donate(file, 2000, "2025-03-01");
  donate(file, 5000, "2025-03-01");
  donate(file, 9999, "2025-03-01", "", "刘芳", true);
  donate(file, 10000, "2025-03-01", "", "刘芳", true);
  const auto model = notice(file, "2025-03");
  REQUIRE(model.bands.size() == 2);
  CHECK(model.bands[0].from == 0);
  CHECK(model.bands[0].to == 5000);
  CHECK(model.bands[0].count == 1);
  CHECK(model.bands[1].count == 2);
  CHECK(model.bands[1].total == 14999);
  REQUIRE(model.donations.size() == 1);
  CHECK(model.donations[0].donor.anonymous);
  CHECK(model.donations[0].donor.name.empty());

  using Edges = std::vector<std::pair<util::Fen, util::Fen>>;
  CHECK(report::donation_band_edges(0).empty());
  CHECK(report::donation_band_edges(10000) == Edges{{0, 5000}, {5000, 10000}});
  CHECK(report::donation_band_edges(30000) == Edges{{0, 5000}, {5000, 10000}, {10000, 20000}, {20000, 30000}});
  CHECK(report::donation_band_edges(3000) == Edges{{0, 3000}});
}

TEST_CASE("the names given by anonymous donors are each listed once, in order, for masking", "[report]") {
  TempFund fund;
  auto file = fund.open();
  CHECK(storage::anonymous_donor_names(file).empty());
  donate(file, 1000, "2025-03-01", "", "刘芳", true);
  donate(file, 1000, "2025-03-02", "", "王建国", true);
  donate(file, 1000, "2025-03-03", "", "刘芳", true);
  donate(file, 1000, "2025-03-04", "", "赵敏");  // not anonymous: shown by name
  donate(file, 1000, "2025-03-05", "", "王建", true);
  donate(file, 1000, "2025-03-06", "", "刘芳", true);
  CHECK(storage::anonymous_donor_names(file) == std::vector<std::string>{"刘芳", "王建", "王建国"});
}

TEST_CASE("the chart is by month for a quarter and by designation for a month", "[report]") {
  TempFund fund;
  auto file = fund.open();
  donate(file, 10000, "2025-01-05");
  donate(file, 20000, "2025-03-05", "elderly");
  pay(file, 5000, "2025-03-06", "elderly");
  const auto quarter = notice(file, "2025-Q1");
  CHECK(quarter.chart_by_month);
  REQUIRE(quarter.chart.size() == 3);
  CHECK(quarter.chart[0].income == 10000);
  CHECK(quarter.chart[1].income == 0);
  CHECK(quarter.chart[2].spending == 5000);
  const auto month = notice(file, "2025-03");
  CHECK_FALSE(month.chart_by_month);
  REQUIRE(month.chart.size() == 1);
  CHECK(month.chart[0].label == "elderly");
}

TEST_CASE("project progress is a section of every format when the fund has projects", "[report][render]") {
  TempFund fund;
  auto file = fund.open();
  books::ProjectProposal proposal;
  proposal.name = "楼道微花园";
  proposal.category = "环境保护";
  proposal.budget = 80000;
  proposal.proposer = "桂花里3栋居民";
  proposal.date = *util::parse_date("2025-03-01");
  const std::string code = books::propose_project(file, TempFund::recorder(), proposal).code;
  auto step = [&](const std::string& to, const char* date) {
    books::ProjectStep s;
    s.project = code;
    s.to_stage = to;
    s.date = *util::parse_date(date);
    if (to == books::project_stage::approved) s.decision = "议-2025-05";
    if (to == books::project_stage::evaluated) {
      s.summary = "居民满意";
      s.people_served = 96;
      s.score = 5;
    }
    books::advance_project(file, TempFund::recorder(), s);
  };
  step(books::project_stage::under_review, "2025-03-01");
  step(books::project_stage::approved, "2025-03-01");
  step(books::project_stage::in_progress, "2025-03-01");
  donate(file, 100000, "2025-03-01", code.c_str());
  pay(file, 30000, "2025-03-02", code.c_str());
  books::BudgetAmendment amendment;
  amendment.project = code;
  amendment.budget = 100000;
  amendment.decision = "议-2025-06";
  amendment.reason = "增加楼层";
  amendment.date = *util::parse_date("2025-03-20");
  books::amend_project_budget(file, TempFund::recorder(), amendment);
  pay(file, 70000, "2025-04-02", code.c_str());
  step(books::project_stage::completed, "2025-04-05");
  step(books::project_stage::evaluated, "2025-04-10");

  const auto model = notice(file, "2025-03");
  check_adds_up(file, model);
  REQUIRE(model.projects.size() == 1);
  CHECK(model.projects[0].name == "楼道微花园");
  CHECK(model.projects[0].stage == books::project_stage::in_progress);  // as of 2025-03-31
  CHECK(model.projects[0].budget == 100000);                            // amended in March
  CHECK(model.projects[0].spent == 30000);
  CHECK(model.projects[0].remaining == 70000);
  CHECK_FALSE(model.projects[0].people_served.has_value());
  const auto april = notice(file, "2025-04");
  REQUIRE(april.projects.size() == 1);
  CHECK(april.projects[0].stage == books::project_stage::evaluated);
  CHECK(april.projects[0].spent == 100000);
  CHECK(april.projects[0].remaining == 0);
  CHECK(april.projects[0].people_served == 96);
  const auto february = notice(file, "2025-02");
  CHECK(february.projects.empty());  // not yet proposed
  for (Lang lang : {Lang::zh, Lang::en}) {
    const auto document = render::notice_document(model, lang);
    for (const auto& format : render::kNoticeFormats) {
      std::string all;
      for (const auto& out : render::render_notice(document, format)) all += out.name + "\n" + test::rendered_text(out);
      INFO(format);
      CHECK(all.find("楼道微花园") != std::string::npos);
      const std::string heading = format == std::string("csv") ? "notice-2025-03-projects.csv"
                                  : lang == Lang::en           ? "Project progress"
                                                               : "项目进展";
      CHECK(all.find(heading) != std::string::npos);
    }
  }
  TempFund plain;
  auto other = plain.open();
  donate(other, 100000, "2025-03-01");
  const auto none = notice(other, "2025-03");
  CHECK(none.projects.empty());
  CHECK(render::render_notice(render::notice_document(none, Lang::zh), "md").front().bytes.find("项目进展") ==
        std::string::npos);
}

TEST_CASE("lists read again from the books lay out the same text and Markdown as lists held in memory",
          "[report][render]") {
  TempFund fund;
  auto file = fund.open();
  TempFund::set_setting(file, "band_donations_below", "100.00");
  const auto february = donate(file, 80000, "2025-02-10", "elderly");
  donate(file, 2000, "2025-03-01");
  donate(file, 30000, "2025-03-01", "", "刘芳", true);
  const auto later = donate(file, 45000, "2025-03-02", "elderly", "王\n芳");
  const auto within = donate(file, 12000, "2025-03-03");
  donate(file, 15000, "2025-03-04", "", "陈静");
  books::void_entry(file, TempFund::recorder(), within, "donation", "录错", day("2025-03-05"));
  books::void_entry(file, TempFund::recorder(), february, "donation", "重复", day("2025-03-06"));
  books::void_entry(file, TempFund::recorder(), later, "donation", "退回", day("2025-04-02"));
  pay(file, 20000, "2025-03-03");
  const auto paid = pay(file, 5000, "2025-03-04");
  books::void_entry(file, TempFund::recorder(), paid, "disbursement", "重复支付", day("2025-04-03"));
  for (const char* label : {"2025-03", "2025-02", "2025-04", "2025"}) {
    for (const Lang lang : {Lang::zh, Lang::en}) {
      report::NoticeOptions options{period(label), {}, 1743469200};
      const auto held = render::notice_document(report::build_notice(file, options), lang);
      options.keep_donations_up_to = 0;  // every list is read again
      auto replayed_model = report::build_notice(file, options);
      CHECK(replayed_model.donations.empty());
      CHECK(replayed_model.spending.empty());
      const auto replayed = render::notice_document(std::move(replayed_model), lang);
      for (const char* format : {"txt", "md"}) {
        CHECK(render::render_notice(replayed, format).front().bytes ==
              render::render_notice(held, format).front().bytes);
      }
      CHECK_THROWS_AS(render::render_notice(replayed, "csv"), std::logic_error);
    }
  }
}
