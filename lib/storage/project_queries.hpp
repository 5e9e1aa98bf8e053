#pragma once
// Typed queries over projects (schemas/0002_projects.sql). All SQL lives under
// lib/storage; the rules that use these rows are in books/projects.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/types.hpp"

namespace cfund::storage {

class FundFile;

// A project as proposed (its 'project' entry).
struct ProjectRow {
  std::int64_t entry_id = 0;
  std::int64_t designation_id = 0;
  std::string code;
  std::string name;
  std::string category;
  util::Fen budget = 0;  // as proposed; amendments are ProjectBudgetRow
  std::string proposer;
  std::string implementer;
  std::string description;
  std::string planned_start;
  std::string planned_end;
  std::string date;
  std::string memo;
  std::string operator_name;
};

// One step of a project's lifecycle (its 'project_stage' entries), in entry order.
struct ProjectStageRow {
  std::int64_t entry_id = 0;
  std::string date;
  std::string from_stage;
  std::string to_stage;
  std::string approval_ref;
  std::string reason;
  std::string memo;
  std::string operator_name;
  std::string summary;
  std::optional<std::int64_t> people_served;
  std::optional<std::int64_t> score;
  std::optional<std::int64_t> remainder_entry;
};

// One amendment of a project's budget (its 'project_budget' entries), in entry order.
struct ProjectBudgetRow {
  std::int64_t entry_id = 0;
  std::string date;
  util::Fen previous_budget = 0;
  util::Fen budget = 0;
  std::string approval_ref;
  std::string reason;
  std::string memo;
  std::string operator_name;
};

// Money into or out of a project other than spending: unvoided donations and
// reallocations (allocations from the general fund, remainders moved on closing).
struct ProjectMoneyRow {
  std::int64_t entry_id = 0;
  std::string date;
  std::string kind;              // donation, reallocation
  util::Fen amount = 0;          // into the project positive, out of it negative
  std::string counterpart;       // the donor's name, or the other designation's code
  std::string counterpart_name;  // the other designation's name
  bool anonymous = false;        // an anonymous donor
  std::string approval_ref;
  std::string reason;
};

std::vector<ProjectRow> project_rows(FundFile& file);
std::optional<ProjectRow> project_row(FundFile& file, std::int64_t designation_id);
std::vector<ProjectStageRow> project_stage_rows(FundFile& file, std::int64_t designation_id);
std::vector<ProjectBudgetRow> project_budget_rows(FundFile& file, std::int64_t designation_id);
std::vector<ProjectMoneyRow> project_money_rows(FundFile& file, std::int64_t designation_id);

// Sum of the unvoided payments charged to the designation.
util::Fen unvoided_spending(FundFile& file, std::int64_t designation_id);
// The date of the latest unvoided payment charged to it ("" when none).
std::string last_spending_date(FundFile& file, std::int64_t designation_id);

}  // namespace cfund::storage
