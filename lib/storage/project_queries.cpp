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
    "SELECT p.entry_id AS entry_id, p.designation_id AS designation_id, p.code AS code, p.name AS name, "
    "p.category AS category, p.budget AS budget, p.proposer AS proposer, p.implementer AS implementer, "
    "p.description AS description, p.planned_start AS planned_start, p.planned_end AS planned_end, e.date AS date, "
    "e.memo AS memo, e.operator AS operator "
    "FROM projects p JOIN entries e ON e.id = p.entry_id ";

ProjectRow read_project(SQLite::Statement& q) {
  ProjectRow row;
  row.entry_id = q.getColumn("entry_id").getInt64();
  row.designation_id = q.getColumn("designation_id").getInt64();
  row.code = q.getColumn("code").getString();
  row.name = q.getColumn("name").getString();
  row.category = q.getColumn("category").getString();
  row.budget = q.getColumn("budget").getInt64();
  row.proposer = q.getColumn("proposer").getString();
  row.implementer = text_or_empty(q.getColumn("implementer"));
  row.description = text_or_empty(q.getColumn("description"));
  row.planned_start = text_or_empty(q.getColumn("planned_start"));
  row.planned_end = text_or_empty(q.getColumn("planned_end"));
  row.date = q.getColumn("date").getString();
  row.memo = text_or_empty(q.getColumn("memo"));
  row.operator_name = q.getColumn("operator").getString();
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
  CachedStatement q(
      file,  // kept prepared: a notice reads each project's several times
      "SELECT s.entry_id AS entry_id, e.date AS date, s.from_stage AS from_stage, s.to_stage AS to_stage, "
      "e.approval_ref AS approval_ref, e.reason AS reason, e.memo AS memo, e.operator AS operator, "
      "s.summary AS summary, s.people_served AS people_served, s.score AS score, "
      "s.remainder_entry AS remainder_entry "
      "FROM project_stages s JOIN entries e ON e.id = s.entry_id "
      "WHERE s.designation_id = ? ORDER BY s.entry_id");
  q->bind(1, static_cast<std::int64_t>(designation_id));
  std::vector<ProjectStageRow> rows;
  while (q->executeStep()) {
    ProjectStageRow row;
    row.entry_id = q->getColumn("entry_id").getInt64();
    row.date = q->getColumn("date").getString();
    row.from_stage = q->getColumn("from_stage").getString();
    row.to_stage = q->getColumn("to_stage").getString();
    row.approval_ref = text_or_empty(q->getColumn("approval_ref"));
    row.reason = text_or_empty(q->getColumn("reason"));
    row.memo = text_or_empty(q->getColumn("memo"));
    row.operator_name = q->getColumn("operator").getString();
    row.summary = text_or_empty(q->getColumn("summary"));
    row.people_served = optional_integer(q->getColumn("people_served"));
    row.score = optional_integer(q->getColumn("score"));
    row.remainder_entry = optional_integer(q->getColumn("remainder_entry"));
    rows.push_back(row);
  }
  return rows;
}

std::vector<ProjectBudgetRow> project_budget_rows(FundFile& file, std::int64_t designation_id) {
  CachedStatement q(
      file,  // kept prepared: a notice reads each project's several times
      "SELECT b.entry_id AS entry_id, e.date AS date, b.previous_budget AS previous_budget, b.budget AS budget, "
      "e.approval_ref AS approval_ref, e.reason AS reason, e.memo AS memo, e.operator AS operator "
      "FROM project_budgets b JOIN entries e ON e.id = b.entry_id "
      "WHERE b.designation_id = ? ORDER BY b.entry_id");
  q->bind(1, static_cast<std::int64_t>(designation_id));
  std::vector<ProjectBudgetRow> rows;
  while (q->executeStep()) {
    ProjectBudgetRow row;
    row.entry_id = q->getColumn("entry_id").getInt64();
    row.date = q->getColumn("date").getString();
    row.previous_budget = q->getColumn("previous_budget").getInt64();
    row.budget = q->getColumn("budget").getInt64();
    row.approval_ref = text_or_empty(q->getColumn("approval_ref"));
    row.reason = text_or_empty(q->getColumn("reason"));
    row.memo = text_or_empty(q->getColumn("memo"));
    row.operator_name = q->getColumn("operator").getString();
    rows.push_back(row);
  }
  return rows;
}

std::vector<ProjectMoneyRow> project_money_rows(FundFile& file, std::int64_t designation_id) {
  // Donations credit the project (posting negative); a reallocation posts to the
  // project and to one other designation.
  SQLite::Statement q(file.db(),
                      "SELECT e.id AS entry_id, e.date AS date, e.kind AS kind, -p.amount AS amount, "
                      "d.donor_name AS donor_name, d.anonymous AS anonymous, o.code AS other_code, "
                      "o.name AS other_name, e.approval_ref AS approval_ref, e.reason AS reason "
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
    row.entry_id = q.getColumn("entry_id").getInt64();
    row.date = q.getColumn("date").getString();
    row.kind = q.getColumn("kind").getString();
    row.amount = q.getColumn("amount").getInt64();
    if (row.kind == "donation") {
      row.counterpart = text_or_empty(q.getColumn("donor_name"));
      row.anonymous = q.getColumn("anonymous").getInt() != 0;
    } else {
      row.counterpart = text_or_empty(q.getColumn("other_code"));
      row.counterpart_name = text_or_empty(q.getColumn("other_name"));
    }
    row.approval_ref = text_or_empty(q.getColumn("approval_ref"));
    row.reason = text_or_empty(q.getColumn("reason"));
    rows.push_back(row);
  }
  return rows;
}

util::Fen unvoided_spending(FundFile& file, std::int64_t designation_id) {
  SQLite::Statement q(file.db(),
                      "SELECT COALESCE(SUM(d.amount), 0) AS spent FROM disbursements d WHERE d.designation_id = ? "
                      "AND NOT EXISTS (SELECT 1 FROM entries v WHERE v.voids_entry = d.entry_id)");
  q.bind(1, static_cast<std::int64_t>(designation_id));
  q.executeStep();
  return q.getColumn("spent").getInt64();
}

std::string last_spending_date(FundFile& file, std::int64_t designation_id) {
  SQLite::Statement q(file.db(),
                      "SELECT MAX(e.date) AS last_date FROM disbursements d JOIN entries e ON e.id = d.entry_id "
                      "WHERE d.designation_id = ? "
                      "AND NOT EXISTS (SELECT 1 FROM entries v WHERE v.voids_entry = d.entry_id)");
  q.bind(1, static_cast<std::int64_t>(designation_id));
  q.executeStep();
  return text_or_empty(q.getColumn("last_date"));
}

}  // namespace cfund::storage
