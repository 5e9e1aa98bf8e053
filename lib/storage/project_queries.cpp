#include "storage/project_queries.hpp"
#include "storage/columns.hpp"
#include "storage/statement_cache.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include "storage/fund_file.hpp"

namespace cfund::storage {

namespace {

std::optional<std::int64_t> optional_integer(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return column.getInt64();
}

const char* kProjectSelect =
    "SELECT p.entry_id, p.designation_id, p.code, p.name, p.category, p.budget, p.proposer, p.implementer, "
    "p.description, p.planned_start, p.planned_end, e.date, e.memo, e.operator "
    "FROM projects p JOIN entries e ON e.id = p.entry_id ";

ProjectRow read_project(SQLite::Statement& q) {
  ProjectRow row;
  row.entry_id = q.getColumn(0).getInt64();
  row.designation_id = q.getColumn(1).getInt64();
  row.code = q.getColumn(2).getString();
  row.name = q.getColumn(3).getString();
  row.category = q.getColumn(4).getString();
  row.budget = q.getColumn(5).getInt64();
  row.proposer = q.getColumn(6).getString();
  row.implementer = text_or_empty(q.getColumn(7));
  row.description = text_or_empty(q.getColumn(8));
  row.planned_start = text_or_empty(q.getColumn(9));
  row.planned_end = text_or_empty(q.getColumn(10));
  row.date = q.getColumn(11).getString();
  row.memo = text_or_empty(q.getColumn(12));
  row.operator_name = q.getColumn(13).getString();
  return row;
}

}  // namespace

std::vector<ProjectRow> project_rows(FundFile& file) {
  SQLite::Statement q(file.db(), std::string(kProjectSelect) + "ORDER BY p.entry_id");
  std::vector<ProjectRow> rows;
  while (q.executeStep()) rows.push_back(read_project(q));
  return rows;
}

std::optional<ProjectRow> project_row(FundFile& file, std::int64_t designation_id) {
  SQLite::Statement q(file.db(), std::string(kProjectSelect) + "WHERE p.designation_id = ?");
  q.bind(1, static_cast<std::int64_t>(designation_id));
  if (!q.executeStep()) return std::nullopt;
  return read_project(q);
}

std::vector<ProjectStageRow> project_stage_rows(FundFile& file, std::int64_t designation_id) {
  CachedStatement q(file,  // kept prepared: a notice reads each project's several times
                    "SELECT s.entry_id, e.date, s.from_stage, s.to_stage, e.approval_ref, e.reason, e.memo, "
                    "e.operator, s.summary, s.people_served, s.score, s.remainder_entry "
                    "FROM project_stages s JOIN entries e ON e.id = s.entry_id "
                    "WHERE s.designation_id = ? ORDER BY s.entry_id");
  q->bind(1, static_cast<std::int64_t>(designation_id));
  std::vector<ProjectStageRow> rows;
  while (q->executeStep()) {
    ProjectStageRow row;
    row.entry_id = q->getColumn(0).getInt64();
    row.date = q->getColumn(1).getString();
    row.from_stage = q->getColumn(2).getString();
    row.to_stage = q->getColumn(3).getString();
    row.approval_ref = text_or_empty(q->getColumn(4));
    row.reason = text_or_empty(q->getColumn(5));
    row.memo = text_or_empty(q->getColumn(6));
    row.operator_name = q->getColumn(7).getString();
    row.summary = text_or_empty(q->getColumn(8));
    row.people_served = optional_integer(q->getColumn(9));
    row.score = optional_integer(q->getColumn(10));
    row.remainder_entry = optional_integer(q->getColumn(11));
    rows.push_back(row);
  }
  return rows;
}

std::vector<ProjectBudgetRow> project_budget_rows(FundFile& file, std::int64_t designation_id) {
  CachedStatement q(file,  // kept prepared: a notice reads each project's several times
                    "SELECT b.entry_id, e.date, b.previous_budget, b.budget, e.approval_ref, e.reason, e.memo, "
                    "e.operator FROM project_budgets b JOIN entries e ON e.id = b.entry_id "
                    "WHERE b.designation_id = ? ORDER BY b.entry_id");
  q->bind(1, static_cast<std::int64_t>(designation_id));
  std::vector<ProjectBudgetRow> rows;
  while (q->executeStep()) {
    ProjectBudgetRow row;
    row.entry_id = q->getColumn(0).getInt64();
    row.date = q->getColumn(1).getString();
    row.previous_budget = q->getColumn(2).getInt64();
    row.budget = q->getColumn(3).getInt64();
    row.approval_ref = text_or_empty(q->getColumn(4));
    row.reason = text_or_empty(q->getColumn(5));
    row.memo = text_or_empty(q->getColumn(6));
    row.operator_name = q->getColumn(7).getString();
    rows.push_back(row);
  }
  return rows;
}

std::vector<ProjectMoneyRow> project_money_rows(FundFile& file, std::int64_t designation_id) {
  // Donations credit the project (posting negative); a reallocation posts to the
  // project and to one other designation.
  SQLite::Statement q(file.db(),
                      "SELECT e.id, e.date, e.kind, -p.amount, d.donor_name, d.anonymous, o.code, o.name, "
                      "e.approval_ref, e.reason "
                      "FROM postings p JOIN entries e ON e.id = p.entry_id "
                      "LEFT JOIN donations d ON d.entry_id = e.id "
                      "LEFT JOIN postings op ON op.entry_id = e.id AND e.kind = 'reallocation' "
                      "AND op.designation_id IS NOT NULL AND op.designation_id <> p.designation_id "
                      "LEFT JOIN designations o ON o.id = op.designation_id "
                      "WHERE p.designation_id = ? AND e.kind IN ('donation', 'reallocation') "
                      "AND NOT EXISTS (SELECT 1 FROM entries v WHERE v.voids_entry = e.id) "
                      "ORDER BY e.date, e.id");
  q.bind(1, static_cast<std::int64_t>(designation_id));
  std::vector<ProjectMoneyRow> rows;
  while (q.executeStep()) {
    ProjectMoneyRow row;
    row.entry_id = q.getColumn(0).getInt64();
    row.date = q.getColumn(1).getString();
    row.kind = q.getColumn(2).getString();
    row.amount = q.getColumn(3).getInt64();
    if (row.kind == "donation") {
      row.counterpart = text_or_empty(q.getColumn(4));
      row.anonymous = q.getColumn(5).getInt() != 0;
    } else {
      row.counterpart = text_or_empty(q.getColumn(6));
      row.counterpart_name = text_or_empty(q.getColumn(7));
    }
    row.approval_ref = text_or_empty(q.getColumn(8));
    row.reason = text_or_empty(q.getColumn(9));
    rows.push_back(row);
  }
  return rows;
}

util::Fen unvoided_spending(FundFile& file, std::int64_t designation_id) {
  SQLite::Statement q(file.db(),
                      "SELECT COALESCE(SUM(d.amount), 0) FROM disbursements d WHERE d.designation_id = ? "
                      "AND NOT EXISTS (SELECT 1 FROM entries v WHERE v.voids_entry = d.entry_id)");
  q.bind(1, static_cast<std::int64_t>(designation_id));
  q.executeStep();
  return q.getColumn(0).getInt64();
}

std::string last_spending_date(FundFile& file, std::int64_t designation_id) {
  SQLite::Statement q(file.db(),
                      "SELECT MAX(e.date) FROM disbursements d JOIN entries e ON e.id = d.entry_id "
                      "WHERE d.designation_id = ? "
                      "AND NOT EXISTS (SELECT 1 FROM entries v WHERE v.voids_entry = d.entry_id)");
  q.bind(1, static_cast<std::int64_t>(designation_id));
  q.executeStep();
  return text_or_empty(q.getColumn(0));
}

}  // namespace cfund::storage
