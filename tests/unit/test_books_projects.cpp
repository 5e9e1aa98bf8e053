#include <catch2/catch.hpp>

#include <functional>

#include "books/disbursements.hpp"
#include "books/donations.hpp"
#include "books/movements.hpp"
#include "books/projects.hpp"
#include "error.hpp"
#include "fund_fixture.hpp"
#include "storage/queries.hpp"

using namespace cfund;
using cfund::testing::TempFund;
namespace stage = books::project_stage;

namespace {

util::Date day(const char* iso) { return *util::parse_date(iso); }

std::int64_t entries(storage::FundFile& file) { return books::recorded_chain_head(file).length; }

void donate(storage::FundFile& file, util::Fen amount, const std::string& designation,
            const char* date = "2025-03-01") {
  books::DonationInput input;
  input.donor = "张伟";
  input.amount = amount;
  input.account = "bank";
  input.designation = designation;
  input.date = day(date);
  books::record_donation(file, TempFund::recorder(), input);
}

std::string propose(storage::FundFile& file, util::Fen budget = 500000, const std::string& name = "一米花园") {
  books::ProjectProposal proposal;
  proposal.name = name;
  proposal.category = "环境保护";
  proposal.budget = budget;
  proposal.proposer = "桂花里3栋居民";
  proposal.implementer = "青溪绿意社工站";
  proposal.date = day("2025-03-02");
  return books::propose_project(file, TempFund::recorder(), proposal).code;
}

books::ProjectStep step_to(const std::string& project, const std::string& to, const char* date = "2025-03-03") {
  books::ProjectStep step;
  step.project = project;
  step.to_stage = to;
  step.date = day(date);
  if (to == stage::approved) step.decision = "议-2025-05";
  if (to == stage::rejected || to == stage::cancelled) step.reason = "居民意见不一";
  if (to == stage::evaluated) {
    step.summary = "居民满意";
    step.people_served = 120;
    step.score = 5;
  }
  return step;
}

books::StepTaken advance(storage::FundFile& file, const std::string& project, const std::string& to,
                         const char* date = "2025-03-03") {
  return books::advance_project(file, TempFund::recorder(), step_to(project, to, date));
}

// The steps that bring a new project to `target` along the main path (or the
// rejection / cancellation branch).
std::vector<std::string> path_to(const std::string& target) {
  if (target == stage::rejected) return {stage::under_review, stage::rejected};
  if (target == stage::cancelled) return {stage::cancelled};
  const std::vector<std::string> main = {stage::under_review, stage::approved,  stage::in_progress,
                                         stage::completed,    stage::evaluated, stage::closed};
  std::vector<std::string> path;
  for (const auto& s : main) {
    if (target == stage::proposed) break;
    path.push_back(s);
    if (s == target) break;
  }
  return path;
}

std::string project_at(storage::FundFile& file, const std::string& target, const std::string& name) {
  const std::string code = propose(file, 500000, name);
  for (const auto& s : path_to(target)) advance(file, code, s);
  return code;
}

books::DisbursementInput payment(const std::string& project, util::Fen amount, const char* date = "2025-03-04") {
  books::DisbursementInput input;
  input.amount = amount;
  input.account = "bank";
  input.designation = project;
  input.category = "project";
  input.payee = "青溪绿意社工站";
  input.purpose = "花箱与种子";
  input.approval_ref = "议-2025-05";
  input.date = day(date);
  return input;
}

std::string stage_of(storage::FundFile& file, const std::string& project) {
  return books::show_project(file, project).status.stage;
}

util::Fen balance_of(storage::FundFile& file, const std::string& designation) {
  return storage::balance(file, storage::Side::designation, books::find_designation(file, designation).id);
}

}  // namespace

TEST_CASE("a proposed project is a restricted designation with its proposal in the journal", "[projects]") {
  TempFund fund;
  auto file = fund.open();
  CHECK(propose(file) == "P001");
  CHECK(propose(file, 300000, "晾衣架更新") == "P002");
  const auto designation = books::find_designation(file, "P001");
  CHECK(designation.kind == "project");
  CHECK(designation.restricted);
  CHECK(designation.name == "一米花园");
  const auto detail = books::show_project(file, "一米花园");
  CHECK(detail.status.stage == stage::proposed);
  CHECK(detail.status.budget == 500000);
  CHECK(detail.status.project.implementer == "青溪绿意社工站");
  CHECK(entries(file) == 3);
  CHECK(books::verify_chain(file).ok());
}

TEST_CASE("a proposal is checked: name, category, budget, proposer, code, dates", "[projects]") {
  TempFund fund;
  auto file = fund.open();
  books::ProjectProposal good;
  good.name = "休闲座椅";
  good.category = "社区营造";
  good.budget = 200000;
  good.proposer = "居民议事会";
  good.date = day("2025-03-02");
  auto with = [&good](auto change) {
    books::ProjectProposal p = good;
    change(p);
    return p;
  };
  const auto recorder = TempFund::recorder();
  CHECK_THROWS_AS(books::propose_project(file, recorder, with([](auto& p) { p.name = " "; })), InputError);
  CHECK_THROWS_AS(books::propose_project(file, recorder, with([](auto& p) { p.category = "体育比赛"; })), InputError);
  CHECK_THROWS_AS(books::propose_project(file, recorder, with([](auto& p) { p.budget = 0; })), InputError);
  CHECK_THROWS_AS(books::propose_project(file, recorder, with([](auto& p) { p.proposer = ""; })), InputError);
  CHECK_THROWS_AS(books::propose_project(file, recorder, with([](auto& p) { p.code = "P 1"; })), InputError);
  CHECK_THROWS_AS(books::propose_project(file, recorder, with([](auto& p) {
                                           p.planned_start = day("2025-05-01");
                                           p.planned_end = day("2025-04-01");
                                         })),
                  InputError);
  // codes and names are unique among all designations
  CHECK_THROWS_AS(books::propose_project(file, recorder, with([](auto& p) { p.code = "elderly"; })), Refused);
  CHECK_THROWS_AS(books::propose_project(file, recorder, with([](auto& p) { p.name = "独居老人关爱微基金"; })),
                  Refused);
  CHECK(entries(file) == 1);
  CHECK(storage::designations(file).size() == 3);  // general, elderly, goods
  CHECK(books::propose_project(file, recorder, with([](auto& p) { p.code = "ZY-01"; })).code == "ZY-01");
  CHECK_THROWS_AS(books::propose_project(file, recorder, with([](auto& p) {
                                           p.name = "座椅二期";
                                           p.code = "ZY-01";
                                         })),
                  Refused);
  try {
    books::propose_project(file, recorder, with([](auto& p) { p.category = "体育比赛"; }));
  } catch (const InputError& e) {
    CHECK(e.message().zh.find("关爱帮扶") != std::string::npos);  // lists the categories there are
  }
}

TEST_CASE("a fund may add project categories of its own", "[projects]") {
  TempFund fund;
  auto definition = testing::small_fund_definition();
  definition.settings.project_categories = {"邻里互助"};
  const std::string path = fund.dir() + "/other.cfund";
  auto file = books::create_fund(path, definition);
  const auto categories = books::project_categories(file);
  CHECK(categories.size() == 7);
  CHECK(categories.back() == "邻里互助");
  books::ProjectProposal proposal;
  proposal.name = "楼道互助角";
  proposal.category = "邻里互助";
  proposal.budget = 10000;
  proposal.proposer = "5栋居民";
  proposal.date = day("2025-03-02");
  CHECK(books::propose_project(file, TempFund::recorder(), proposal).code == "P001");
  auto plain = fund.open();
  CHECK(books::project_categories(plain).size() == 6);
}

TEST_CASE("every legal step of the lifecycle is recorded with its date, decision and note", "[projects]") {
  TempFund fund;
  auto file = fund.open();
  const std::string code = propose(file);
  std::string previous = stage::proposed;
  for (const auto& next : path_to(stage::closed)) {
    const auto taken = advance(file, code, next, "2025-03-05");
    CHECK(taken.from_stage == previous);
    CHECK(taken.to_stage == next);
    CHECK(stage_of(file, code) == next);
    previous = next;
  }
  const auto detail = books::show_project(file, code);
  REQUIRE(detail.history.size() == 6);
  CHECK(detail.history[1].approval_ref == "议-2025-05");
  CHECK(detail.history[1].date == "2025-03-05");
  CHECK(detail.history[1].operator_name == "测试员");
  REQUIRE(detail.evaluation);
  CHECK(detail.evaluation->summary == "居民满意");
  CHECK(detail.evaluation->people_served == 120);
  CHECK(detail.evaluation->score == 5);

  // rejection after review, and cancellation from every stage before completion
  const std::string rejected = project_at(file, stage::rejected, "晾衣架更新");
  CHECK(stage_of(file, rejected) == stage::rejected);
  CHECK(books::show_project(file, rejected).history.back().reason == "居民意见不一");
  int n = 0;
  for (const auto& from : {stage::proposed, stage::under_review, stage::approved, stage::in_progress}) {
    const std::string project = project_at(file, from, "休闲座椅" + std::to_string(++n));
    advance(file, project, stage::cancelled);
    CHECK(stage_of(file, project) == stage::cancelled);
  }
  CHECK(books::verify_chain(file).ok());
}

TEST_CASE("every illegal step is refused, naming the current stage and the allowed next steps", "[projects]") {
  TempFund fund;
  auto file = fund.open();
  int n = 0;
  for (const auto& from : books::project_stages()) {
    const std::string project = project_at(file, from, "项目" + std::to_string(++n));
    REQUIRE(stage_of(file, project) == from);
    const auto allowed = books::next_project_stages(from);
    for (const auto& to : books::project_stages()) {
      if (to == stage::proposed || std::find(allowed.begin(), allowed.end(), to) != allowed.end()) continue;
      const auto before = entries(file);
      try {
        advance(file, project, to);
        FAIL("step from " << from << " to " << to << " accepted");
      } catch (const Refused& e) {
        CHECK(e.message().zh.find("当前阶段为“" + books::project_stage_name(from).zh + "”") != std::string::npos);
        CHECK(e.message().en.find("stage '" + books::project_stage_name(from).en + "'") != std::string::npos);
        for (const auto& next : allowed) {
          CHECK(e.message().en.find("cfund project " + books::project_step_command(next)) != std::string::npos);
        }
        if (allowed.empty()) CHECK(e.message().zh.find("无（项目已终结）") != std::string::npos);
      }
      CHECK(entries(file) == before);
      CHECK(stage_of(file, project) == from);
    }
  }
  CHECK(books::verify_chain(file).ok());
}

TEST_CASE("a step needs what it records: decision, reason, evaluation, a date not before the last step", "[projects]") {
  TempFund fund;
  auto file = fund.open();
  const std::string code = propose(file);
  advance(file, code, stage::under_review);
  const auto before = entries(file);
  auto approve = step_to(code, stage::approved);
  approve.decision = " ";
  CHECK_THROWS_AS(books::advance_project(file, TempFund::recorder(), approve), InputError);
  auto reject = step_to(code, stage::rejected);
  reject.reason = "";
  CHECK_THROWS_AS(books::advance_project(file, TempFund::recorder(), reject), InputError);
  auto cancel = step_to(code, stage::cancelled);
  cancel.reason = "";
  CHECK_THROWS_AS(books::advance_project(file, TempFund::recorder(), cancel), InputError);
  CHECK_THROWS_AS(advance(file, code, stage::approved, "2025-03-01"), InputError);  // before the review
  CHECK(entries(file) == before);

  advance(file, code, stage::approved);
  advance(file, code, stage::in_progress);
  advance(file, code, stage::completed);
  for (auto change : std::vector<std::function<void(books::ProjectStep&)>>{
           [](auto& s) { s.summary = ""; }, [](auto& s) { s.people_served.reset(); },
           [](auto& s) { s.people_served = -1; }, [](auto& s) { s.score = 0; }, [](auto& s) { s.score = 6; },
           [](auto& s) { s.score.reset(); }}) {
    auto evaluate = step_to(code, stage::evaluated);
    change(evaluate);
    CHECK_THROWS_AS(books::advance_project(file, TempFund::recorder(), evaluate), InputError);
  }
  CHECK(stage_of(file, code) == stage::completed);
}

TEST_CASE("spending is allowed only while approved or in progress, and not before the approval", "[projects]") {
  TempFund fund;
  auto file = fund.open();
  const std::string code = propose(file);
  donate(file, 300000, code);
  const auto recorder = TempFund::recorder();
  CHECK_THROWS_AS(books::record_disbursement(file, recorder, payment(code, 10000)), Refused);  // proposed
  advance(file, code, stage::under_review);
  try {
    books::record_disbursement(file, recorder, payment(code, 10000));
    FAIL("spending under review accepted");
  } catch (const Refused& e) {
    CHECK(e.message().zh.find("评审中") != std::string::npos);
  }
  advance(file, code, stage::approved, "2025-03-04");
  CHECK_THROWS_AS(books::record_disbursement(file, recorder, payment(code, 10000, "2025-03-03")), Refused);
  books::record_disbursement(file, recorder, payment(code, 10000, "2025-03-04"));
  advance(file, code, stage::in_progress, "2025-03-05");
  books::record_disbursement(file, recorder, payment(code, 10000, "2025-03-06"));
  CHECK_THROWS_AS(advance(file, code, stage::completed, "2025-03-05"), InputError);  // before the last payment
  advance(file, code, stage::completed, "2025-03-07");
  const auto before = entries(file);
  CHECK_THROWS_AS(books::record_disbursement(file, recorder, payment(code, 10000, "2025-03-08")), Refused);
  CHECK(entries(file) == before);
  CHECK(books::show_project(file, code).status.spent == 20000);
}

TEST_CASE("spending stays within the budget unless the council amends it", "[projects]") {
  TempFund fund;
  auto file = fund.open();
  const std::string code = propose(file, 100000);  // ¥1,000.00
  donate(file, 200000, code);
  advance(file, code, stage::under_review);
  advance(file, code, stage::approved);
  const auto recorder = TempFund::recorder();
  books::record_disbursement(file, recorder, payment(code, 80000));
  try {
    books::record_disbursement(file, recorder, payment(code, 20001));
    FAIL("overrun accepted");
  } catch (const Refused& e) {
    CHECK(e.message().zh.find("超出预算") != std::string::npos);
    CHECK(e.message().zh.find("¥0.01") != std::string::npos);
    CHECK(e.message().en.find("amend-budget") != std::string::npos);
  }
  books::record_disbursement(file, recorder, payment(code, 20000));  // exactly the budget

  books::BudgetAmendment amendment;
  amendment.project = code;
  amendment.budget = 150000;
  amendment.decision = "议-2025-09";
  amendment.reason = "增加花箱";
  amendment.date = day("2025-03-05");
  auto without = amendment;
  without.decision = "";
  CHECK_THROWS_AS(books::amend_project_budget(file, recorder, without), InputError);
  without = amendment;
  without.reason = "";
  CHECK_THROWS_AS(books::amend_project_budget(file, recorder, without), InputError);
  auto lower = amendment;
  lower.budget = 90000;  // below what is spent
  CHECK_THROWS_AS(books::amend_project_budget(file, recorder, lower), Refused);
  auto same = amendment;
  same.budget = 100000;
  CHECK_THROWS_AS(books::amend_project_budget(file, recorder, same), InputError);
  books::amend_project_budget(file, recorder, amendment);

  auto detail = books::show_project(file, code);
  CHECK(detail.status.budget == 150000);
  REQUIRE(detail.amendments.size() == 1);
  CHECK(detail.amendments[0].previous_budget == 100000);
  CHECK(detail.amendments[0].approval_ref == "议-2025-09");
  books::record_disbursement(file, recorder, payment(code, 50000, "2025-03-06"));
  CHECK_THROWS_AS(books::record_disbursement(file, recorder, payment(code, 1, "2025-03-06")), Refused);

  // a voided payment no longer counts against the budget
  auto more = amendment;
  more.budget = 160000;
  books::amend_project_budget(file, recorder, more);
  const auto spent_id = books::record_disbursement(file, recorder, payment(code, 10000, "2025-03-06"));
  CHECK_THROWS_AS(books::record_disbursement(file, recorder, payment(code, 10000, "2025-03-06")), Refused);
  books::void_entry(file, recorder, spent_id, model::entry_kind::disbursement, "录错", day("2025-03-07"));
  books::record_disbursement(file, recorder, payment(code, 10000, "2025-03-07"));

  // no amendment once the work is completed
  advance(file, code, stage::in_progress, "2025-03-08");
  advance(file, code, stage::completed, "2025-03-08");
  auto late = amendment;
  late.budget = 300000;
  CHECK_THROWS_AS(books::amend_project_budget(file, recorder, late), Refused);
  CHECK(books::verify_chain(file).ok());
}

TEST_CASE("earmarked donations are taken until the project ends", "[projects]") {
  TempFund fund;
  auto file = fund.open();
  const std::string code = propose(file);
  donate(file, 30000, code, "2025-03-02");  // proposed: residents may already give
  advance(file, code, stage::under_review);
  donate(file, 20000, "一米花园", "2025-03-03");
  CHECK(books::show_project(file, code).status.donated == 50000);
  CHECK(balance_of(file, code) == 50000);

  for (const auto& ending : {stage::rejected, stage::cancelled, stage::closed}) {
    const std::string other = project_at(file, ending, std::string("已终结-") + ending);
    const auto before = entries(file);
    try {
      donate(file, 100, other, "2025-03-04");
      FAIL("donation to a project that ended accepted");
    } catch (const Refused& e) {
      CHECK(e.message().zh.find(books::project_stage_name(ending).zh) != std::string::npos);
    }
    CHECK(entries(file) == before);
  }
}

TEST_CASE("the general fund funds a project only by an explicit allocation with a decision", "[projects]") {
  TempFund fund;
  auto file = fund.open();
  donate(file, 500000, "general");
  const std::string code = propose(file);
  const auto recorder = TempFund::recorder();
  books::ProjectAllocation allocation;
  allocation.project = code;
  allocation.amount = 200000;
  allocation.decision = "议-2025-05";
  allocation.date = day("2025-03-04");
  CHECK_THROWS_AS(books::allocate_to_project(file, recorder, allocation), Refused);  // not approved yet
  advance(file, code, stage::under_review);
  advance(file, code, stage::approved);
  auto without = allocation;
  without.decision = "";
  CHECK_THROWS_AS(books::allocate_to_project(file, recorder, without), InputError);
  auto too_much = allocation;
  too_much.amount = 500001;
  CHECK_THROWS_AS(books::allocate_to_project(file, recorder, too_much), Refused);
  const auto id = books::allocate_to_project(file, recorder, allocation);
  const auto detail = books::show_project(file, code);
  CHECK(detail.status.allocated == 200000);
  REQUIRE(detail.money.size() == 1);
  CHECK(detail.money[0].entry_id == id);
  CHECK(detail.money[0].kind == "reallocation");
  CHECK(detail.money[0].counterpart == "general");
  CHECK(detail.money[0].approval_ref == "议-2025-05");
  CHECK(balance_of(file, "general") == 300000);
  CHECK(balance_of(file, code) == 200000);
}

TEST_CASE("closing with money left needs an explicit destination, recorded with the step", "[projects]") {
  TempFund fund;
  auto file = fund.open();
  donate(file, 100000, "general");
  const std::string code = propose(file);
  donate(file, 80000, code, "2025-03-02");
  advance(file, code, stage::under_review);
  advance(file, code, stage::approved);
  advance(file, code, stage::in_progress);
  books::record_disbursement(file, TempFund::recorder(), payment(code, 50000));
  advance(file, code, stage::completed, "2025-03-05");
  advance(file, code, stage::evaluated, "2025-03-06");

  const auto before = entries(file);
  auto close = step_to(code, stage::closed, "2025-03-07");
  try {
    books::advance_project(file, TempFund::recorder(), close);
    FAIL("closing with a remainder and no instruction accepted");
  } catch (const Refused& e) {
    CHECK(e.message().zh.find("¥300.00") != std::string::npos);
    CHECK(e.message().en.find("--return-to general") != std::string::npos);
  }
  close.remainder.destination = "general";
  close.remainder.to_general = true;
  CHECK_THROWS_AS(books::advance_project(file, TempFund::recorder(), close), InputError);  // no decision
  close.decision = "议-2025-12";
  auto restricted = close;
  restricted.remainder.destination = "elderly";  // --return-to takes the general fund only
  CHECK_THROWS_AS(books::advance_project(file, TempFund::recorder(), restricted), InputError);
  CHECK(entries(file) == before);
  CHECK(stage_of(file, code) == stage::evaluated);

  const auto taken = books::advance_project(file, TempFund::recorder(), close);
  CHECK(taken.remainder == 30000);
  REQUIRE(taken.remainder_entry);
  CHECK(*taken.remainder_entry == before + 1);
  CHECK(taken.entry_id == before + 2);
  CHECK(stage_of(file, code) == stage::closed);
  CHECK(balance_of(file, code) == 0);
  CHECK(balance_of(file, "general") == 130000);
  const auto detail = books::show_project(file, code);
  CHECK(detail.history.back().remainder_entry == taken.remainder_entry);
  CHECK(detail.status.moved_out == 30000);
  CHECK(books::verify_chain(file).ok());
}

TEST_CASE("a remainder may move to another designation; an ending step without money takes no destination",
          "[projects]") {
  TempFund fund;
  auto file = fund.open();
  const std::string seats = propose(file, 100000, "休闲座椅");
  const std::string garden = propose(file, 100000, "一米花园");
  donate(file, 40000, seats, "2025-03-02");
  advance(file, seats, stage::under_review);

  // rejecting a project that holds donations: the money must go somewhere too
  auto reject = step_to(seats, stage::rejected);
  CHECK_THROWS_AS(books::advance_project(file, TempFund::recorder(), reject), Refused);
  reject.remainder.destination = seats;
  reject.decision = "议-2025-06";
  CHECK_THROWS_AS(books::advance_project(file, TempFund::recorder(), reject), InputError);  // not to itself
  // a project that has ended takes no money, so the move fails and nothing is written
  const std::string ended = project_at(file, stage::cancelled, "已取消项目");
  const auto before = entries(file);
  reject.remainder.destination = ended;
  CHECK_THROWS_AS(books::advance_project(file, TempFund::recorder(), reject), Refused);
  CHECK(entries(file) == before);
  CHECK(stage_of(file, seats) == stage::under_review);

  reject.remainder.destination = garden;
  const auto taken = books::advance_project(file, TempFund::recorder(), reject);
  CHECK(taken.remainder == 40000);
  CHECK(taken.remainder_to == "一米花园");
  CHECK(balance_of(file, garden) == 40000);
  CHECK(balance_of(file, seats) == 0);
  CHECK(books::show_project(file, garden).status.allocated == 40000);

  // nothing left: --return-to is refused rather than recorded as an empty move
  auto cancel = step_to(garden, stage::cancelled);
  cancel.remainder.destination = "general";
  cancel.remainder.to_general = true;
  cancel.decision = "议-2025-07";
  const std::string empty = propose(file, 100000, "空项目");
  cancel.project = empty;
  CHECK_THROWS_AS(books::advance_project(file, TempFund::recorder(), cancel), InputError);
  // a destination on a step that does not end the project is a mistake
  auto review = step_to(empty, stage::under_review);
  review.remainder.destination = "general";
  CHECK_THROWS_AS(books::advance_project(file, TempFund::recorder(), review), InputError);
  CHECK(books::verify_chain(file).ok());
}

TEST_CASE("projects are listed by stage and category, with their money", "[projects]") {
  TempFund fund;
  auto file = fund.open();
  donate(file, 100000, "general");
  const std::string garden = project_at(file, stage::in_progress, "一米花园");
  project_at(file, stage::under_review, "休闲座椅");
  donate(file, 10000, garden, "2025-03-04");
  books::record_disbursement(file, TempFund::recorder(), payment(garden, 6000));
  CHECK(books::list_projects(file, {}).size() == 2);
  const auto running = books::list_projects(file, {stage::in_progress, ""});
  REQUIRE(running.size() == 1);
  CHECK(running[0].project.code == garden);
  CHECK(running[0].donated == 10000);
  CHECK(running[0].spent == 6000);
  CHECK(running[0].balance == 4000);
  CHECK(running[0].budget_left() == 494000);
  CHECK(books::list_projects(file, {"", "环境保护"}).size() == 2);
  CHECK(books::list_projects(file, {"", "扶贫济困"}).empty());
  CHECK(books::parse_project_stage("实施中") == stage::in_progress);
  CHECK(books::parse_project_stage("in-progress") == stage::in_progress);
  CHECK(books::parse_project_stage("done").empty());
  CHECK_THROWS_AS(books::show_project(file, "P404"), InputError);
}

TEST_CASE("a project's stage and budget come from the journal: a raw edit breaks the chain", "[projects]") {
  TempFund fund;
  {
    auto file = fund.open();
    const std::string code = propose(file);
    advance(file, code, stage::under_review);
    CHECK(books::verify_chain(file).ok());
  }
  fund.raw_sql("UPDATE project_stages SET to_stage = 'approved' WHERE entry_id = 3");
  auto file = fund.open();
  const auto report = books::verify_chain(file);
  CHECK_FALSE(report.ok());
  CHECK(report.first_bad_entry == 3);
}
