#pragma once
// Public-benefit projects (公益项目) and their lifecycle:
//
//   proposed ──review──▶ under_review ──approve──▶ approved ──start──▶ in_progress
//      │                   │    └──reject──▶ rejected                    │
//      │                   │                                            complete
//      └──────cancel───────┴──── (from any stage before completed) ──▶ cancelled
//                                                                        ▼
//                         closed ◀──close── evaluated ◀──evaluate── completed
//
// A project is a restricted designation (kind 'project'). Proposing it, every step
// and every budget amendment are journal entries; the current stage and budget are
// derived from them. Money reaches a project by earmarked donations and by explicit
// allocations (reallocations with a council decision); it is spent only while the
// project is approved or in progress, within its budget. A step that ends a project
// (closed, rejected, cancelled) while it still holds money must say where the
// remainder goes; the reallocation and the step are one transaction.

#include <optional>
#include <string>
#include <vector>

#include "books/journal.hpp"
#include "model/types.hpp"
#include "storage/fund_file.hpp"
#include "storage/project_queries.hpp"
#include "util/date.hpp"

namespace cfund::books {

namespace project_stage {
inline const std::string proposed = "proposed";
inline const std::string under_review = "under_review";
inline const std::string approved = "approved";
inline const std::string rejected = "rejected";
inline const std::string in_progress = "in_progress";
inline const std::string completed = "completed";
inline const std::string evaluated = "evaluated";
inline const std::string closed = "closed";
inline const std::string cancelled = "cancelled";
}  // namespace project_stage

// Every stage, in lifecycle order.
const std::vector<std::string>& project_stages();
// 征集中 / proposed, 评审中 / under review, ...; the key itself when unknown.
Message project_stage_name(const std::string& stage);
// The stage a name given on the command line stands for ("approved", "已批准",
// "in-progress"), or "" when none.
std::string parse_project_stage(const std::string& text);
// The stages a project may go to from `stage`, in the order they are offered.
std::vector<std::string> next_project_stages(const std::string& stage);
// The command that takes a project to `stage` (review, approve, ...).
std::string project_step_command(const std::string& stage);

// The six categories every fund has; a fund's TOML may add more (project_categories).
inline const std::vector<std::string> kProjectCategories = {"扶贫济困", "教科文卫体", "社会组织培育",
                                                            "环境保护", "社区营造",   "关爱帮扶"};
// The six, then the fund's own.
std::vector<std::string> project_categories(storage::FundFile& file);

struct ProjectProposal {
  std::string code;  // optional: P001, P002, ... when empty
  std::string name;
  std::string category;
  Fen budget = 0;
  std::string proposer;
  std::string implementer;  // the social organisation that will carry it out
  std::string description;
  std::optional<util::Date> planned_start;
  std::optional<util::Date> planned_end;
  util::Date date;
  std::string note;
};

struct ProposedProject {
  std::int64_t entry_id = 0;
  std::string code;
};

// One transaction: creates the project's designation and appends its proposal.
ProposedProject propose_project(storage::FundFile& file, const Recorder& recorder, const ProjectProposal& proposal);

// Where the money a project still holds goes when it ends.
struct RemainderDisposal {
  std::string destination;  // designation code or name; empty: none given
  bool to_general = false;  // given as --return-to: must be the general (unrestricted) fund
};

struct ProjectStep {
  std::string project;   // code or name
  std::string to_stage;  // project_stage::...
  util::Date date;
  std::string note;
  std::string decision;  // required to approve, and to move a remainder
  std::string reason;    // required to reject and to cancel
  // evaluate
  std::string summary;
  std::optional<std::int64_t> people_served;
  std::optional<std::int64_t> score;
  RemainderDisposal remainder;
};

struct StepTaken {
  std::string code;
  std::string name;
  std::string from_stage;
  std::string to_stage;
  std::int64_t entry_id = 0;
  Fen remainder = 0;                            // moved out on closing, rejecting, cancelling
  std::optional<std::int64_t> remainder_entry;  // the reallocation that moved it
  std::string remainder_to;                     // that reallocation's destination name
};

// One transaction: checks that the step is allowed from the current stage (the
// refusal names the current stage and the allowed next steps), records it, and
// moves the remainder first when the step ends the project.
StepTaken advance_project(storage::FundFile& file, const Recorder& recorder, const ProjectStep& step);

struct BudgetAmendment {
  std::string project;
  Fen budget = 0;  // the new budget
  std::string decision;
  std::string reason;
  util::Date date;
  std::string note;
};
std::int64_t amend_project_budget(storage::FundFile& file, const Recorder& recorder, const BudgetAmendment& amendment);

// The general fund (or another designation) funds a project: a reallocation with the
// council's decision, allowed while the project is approved or in progress.
struct ProjectAllocation {
  std::string project;
  Fen amount = 0;
  std::string from;  // empty: the general fund
  std::string decision;
  std::string reason;  // empty: a standard one naming the project
  util::Date date;
  std::string note;
};
std::int64_t allocate_to_project(storage::FundFile& file, const Recorder& recorder,
                                 const ProjectAllocation& allocation);

// Rules that other entries meet when their designation is a project (no-ops for
// other designations):
// - goods given to a project: the project is approved or in progress, and the goods
//   are not given before the approval;
void require_project_at_work(storage::FundFile& file, const model::Designation& designation, const util::Date& date);
// - a payment: the project is approved or in progress, the payment is not dated
//   before the approval, and the unvoided spending with it stays within the budget;

void require_project_spending_allowed(storage::FundFile& file, const model::Designation& designation, Fen amount,
                                      const util::Date& date);
// The same rule with what it reads of the project read once (an import checks many
// payments): `spent` is the unvoided spending when read, plus what the caller adds.
struct ProjectSpending {
  std::optional<storage::ProjectRow> project;  // none: not a project (or made by hand)
  std::vector<storage::ProjectStageRow> history;
  Fen budget = 0;
  Fen spent = 0;
};
ProjectSpending project_spending(storage::FundFile& file, const model::Designation& designation);
void require_project_spending_allowed(const ProjectSpending& facts, Fen amount, const util::Date& date);
// - money coming in (an earmarked donation, a reallocation): the project has not
//   ended (rejected, cancelled, closed).
void require_project_accepts_money(storage::FundFile& file, const model::Designation& designation);

// Where a project stands, computed from the journal.
struct ProjectStatus {
  storage::ProjectRow project;
  std::string stage;
  Fen budget = 0;     // current, after amendments
  Fen allocated = 0;  // net reallocations into the project (allocations)
  Fen donated = 0;    // unvoided money donations earmarked to it
  Fen spent = 0;      // unvoided payments charged to it
  Fen moved_out = 0;  // reallocated out of it (remainders)
  Fen balance = 0;    // money it holds now
  Fen budget_left() const { return budget - spent; }
};

struct ProjectFilter {
  std::string stage;     // project_stage::..., empty for all
  std::string category;  // empty for all
};

std::vector<ProjectStatus> list_projects(storage::FundFile& file, const ProjectFilter& filter);

struct ProjectDetail {
  ProjectStatus status;
  std::vector<storage::ProjectStageRow> history;
  std::vector<storage::ProjectBudgetRow> amendments;
  std::vector<storage::ProjectMoneyRow> money;   // donations and reallocations, in and out
  std::vector<model::DisbursementRow> spending;  // voided ones included, marked
  std::optional<storage::ProjectStageRow> evaluation;
};

// The project by code or name; an InputError lists the projects there are.
ProjectDetail show_project(storage::FundFile& file, const std::string& code_or_name);

}  // namespace cfund::books
