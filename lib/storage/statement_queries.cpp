#include "storage/statement_queries.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <map>
#include <optional>
#include <tuple>

#include "model/categories.hpp"
#include "storage/columns.hpp"
#include "storage/fund_file.hpp"

namespace cfund::storage {

namespace {

// +1 for an entry, -1 for a void (which reverses its original).
const char* const kSign = "CASE WHEN e.voids_entry IS NULL THEN 1 ELSE -1 END";

void bind_range(SQLite::Statement& q, const std::string& from, const std::string& to, int first = 1) {
  q.bind(first, from);
  q.bind(first + 1, to);
}

// "(?first, ?first+1, ...)" for `count` values.
std::string parameter_list(int first, std::size_t count) {
  std::string list = "(";
  for (std::size_t i = 0; i < count; ++i) list += fmt::format("{}?{}", i == 0 ? "" : ", ", first + static_cast<int>(i));
  return list + ")";
}

}  // namespace

std::vector<Flow> flows_between(FundFile& file, const std::string& from, const std::string& to, bool designations_only,
                                const std::vector<std::string>& kinds) {
  // A void carries its original's kind and sort: its postings are the original's reversed.
  // Only voids and the kinds classed by their sort look up an original or a sort; the
  // others are read from the index on kind and date alone, never from the entry's row
  // (half the time of reading a year), and have no sort.
  const auto sorted = model::kinds_classed_beyond_kind();
  const std::string sorted_list = parameter_list(3, sorted.size());
  const std::string filters =
      std::string(designations_only ? " AND p.designation_id IS NOT NULL" : "") +
      (kinds.empty() ? "" : " AND e.kind IN " + parameter_list(3 + sorted.size(), kinds.size()));
  SQLite::Statement q(file.db(),
                      "SELECT e.kind AS kind, '' AS sort, p.account_id AS account_id, "
                      "p.designation_id AS designation_id, p.amount AS amount "
                      "FROM postings p JOIN entries e ON e.id = p.entry_id "
                      "WHERE e.date BETWEEN ?1 AND ?2 AND e.kind NOT IN " +
                          sorted_list + filters +
                          " UNION ALL "
                          "SELECT COALESCE(o.kind, e.kind), " +
                          kSortOfOriginal +
                          ", p.account_id, p.designation_id, p.amount "
                          "FROM postings p JOIN entries e ON e.id = p.entry_id "
                          "LEFT JOIN entries o ON o.id = COALESCE(e.voids_entry, e.id) " +
                          kJoinsOfOriginal + " WHERE e.date BETWEEN ?1 AND ?2 AND e.kind IN " + sorted_list + filters);
  bind_range(q, from, to);
  int parameter = 3;
  for (const auto& kind : sorted) q.bind(parameter++, kind);
  for (const auto& kind : kinds) q.bind(parameter++, kind);
  // Summed here rather than by GROUP BY: a few dozen sums, and SQLite would sort every
  // posting of the period to make them (a fifth of a full audit's time).
  // In the order the query used to give: kind, sort, account (none first), designation.
  std::map<FlowKey, util::Fen> sums;
  FlowKey key;
  const int kind_at = column_at(q, "kind");
  const int sort_at = column_at(q, "sort");
  const int account_at = column_at(q, "account_id");
  const int designation_at = column_at(q, "designation_id");
  const int amount_at = column_at(q, "amount");
  while (q.executeStep()) {
    std::get<0>(key) = q.getColumn(kind_at).getString();
    std::get<1>(key) = text_or_empty(q.getColumn(sort_at));
    std::get<2>(key) = optional_id(q.getColumn(account_at));
    std::get<3>(key) = optional_id(q.getColumn(designation_at));
    sums[key] += q.getColumn(amount_at).getInt64();
  }
  return flows_of(sums);
}

std::vector<Flow> flows_of(const std::map<FlowKey, util::Fen>& sums) {
  std::vector<Flow> flows;
  for (const auto& [group, amount] : sums) {
    Flow flow;
    flow.kind = std::get<0>(group);
    flow.sort = std::get<1>(group);
    const auto& account = std::get<2>(group);
    flow.side = account ? Side::account : Side::designation;
    flow.target_id = account ? *account : std::get<3>(group).value_or(0);
    flow.amount = amount;
    flows.push_back(std::move(flow));
  }
  return flows;
}

std::vector<DecisionEntry> decision_entries(FundFile& file, const std::string& from, const std::string& to) {
  SQLite::Statement q(file.db(),
                      "SELECT e.id AS id, e.date AS date, e.kind AS kind, e.approval_ref AS approval_ref, "
                      "(SELECT COALESCE(SUM(p.amount), 0) FROM postings p WHERE p.entry_id = e.id "
                      " AND p.designation_id IS NOT NULL AND p.amount > 0) AS amount, "
                      "EXISTS (SELECT 1 FROM entries v WHERE v.voids_entry = e.id) AS voided "
                      "FROM entries e WHERE e.date BETWEEN ? AND ? AND e.voids_entry IS NULL "
                      "AND TRIM(COALESCE(e.approval_ref, '')) <> '' ORDER BY e.date, e.id");
  bind_range(q, from, to);
  std::vector<DecisionEntry> found;
  while (q.executeStep()) {
    found.push_back({q.getColumn("id").getInt64(), q.getColumn("date").getString(), q.getColumn("kind").getString(),
                     q.getColumn("approval_ref").getString(), q.getColumn("amount").getInt64(),
                     q.getColumn("voided").getInt() != 0});
  }
  return found;
}

std::vector<BeneficiaryHelp> beneficiary_help(FundFile& file, const std::string& from, const std::string& to,
                                              const std::vector<std::string>& categories) {
  std::string in_categories;
  for (std::size_t i = 0; i < categories.size(); ++i) in_categories += i == 0 ? "?" : ", ?";
  if (in_categories.empty()) in_categories = "NULL";
  const std::string sign = kSign;
  SQLite::Statement q(
      file.db(),
      "SELECT b.number AS number, b.name AS name, b.category AS category, SUM(h.relief) AS relief, "
      "SUM(h.relief_n) AS relief_payments, SUM(h.goods) AS goods, SUM(h.goods_n) AS goods_times FROM ("
      " SELECT d.beneficiary AS number, " +
          sign + " * d.amount AS relief, " + sign +
          " AS relief_n, 0 AS goods, 0 AS goods_n FROM entries e JOIN disbursements d "
          " ON d.entry_id = COALESCE(e.voids_entry, e.id) WHERE e.date BETWEEN ? AND ? "
          " AND d.beneficiary IS NOT NULL AND d.category IN (" +
          in_categories +
          ")"
          " UNION ALL SELECT g.beneficiary, 0, 0, " +
          sign + " * g.value, " + sign +
          " FROM entries e JOIN goods_given g ON g.entry_id = COALESCE(e.voids_entry, e.id) "
          " WHERE e.date BETWEEN ? AND ? AND g.beneficiary IS NOT NULL"
          ") h JOIN beneficiaries b ON b.number = h.number GROUP BY b.number ORDER BY b.category, b.number");
  int at = 1;
  bind_range(q, from, to, at);
  at += 2;
  for (const auto& category : categories) q.bind(at++, category);
  bind_range(q, from, to, at);
  std::vector<BeneficiaryHelp> found;
  while (q.executeStep()) {
    BeneficiaryHelp help;
    help.number = q.getColumn("number").getInt64();
    help.name = text_or_empty(q.getColumn("name"));
    help.category = text_or_empty(q.getColumn("category"));
    help.relief = q.getColumn("relief").getInt64();
    help.relief_payments = q.getColumn("relief_payments").getInt64();
    help.goods = q.getColumn("goods").getInt64();
    help.goods_times = q.getColumn("goods_times").getInt64();
    found.push_back(std::move(help));
  }
  return found;
}

std::vector<DonationChannel> donation_channels(FundFile& file, const std::string& from, const std::string& to) {
  SQLite::Statement q(file.db(), std::string("SELECT a.kind AS account_kind, SUM(") + kSign +
                                     ") AS count, SUM(p.amount) AS amount FROM postings p "
                                     "JOIN entries e ON e.id = p.entry_id "
                                     "JOIN entries o ON o.id = COALESCE(e.voids_entry, e.id) "
                                     "JOIN accounts a ON a.id = p.account_id "
                                     "WHERE o.kind = 'donation' AND e.date BETWEEN ? AND ? "
                                     "GROUP BY a.kind ORDER BY a.kind");
  bind_range(q, from, to);
  std::vector<DonationChannel> found;
  while (q.executeStep()) {
    found.push_back(
        {q.getColumn("account_kind").getString(), q.getColumn("count").getInt64(), q.getColumn("amount").getInt64()});
  }
  return found;
}

std::vector<VoidInYear> voids_between(FundFile& file, const std::string& from, const std::string& to) {
  SQLite::Statement q(
      file.db(),
      "SELECT v.id AS id, v.date AS date, v.reason AS reason, o.id AS original_id, o.kind AS original_kind, "
      "o.date AS original_date, "
      "(SELECT COALESCE(SUM(p.amount), 0) FROM postings p WHERE p.entry_id = o.id AND p.account_id IS NOT NULL "
      " AND p.amount > 0) AS came_in, "
      "(SELECT COALESCE(-SUM(p.amount), 0) FROM postings p WHERE p.entry_id = o.id AND p.account_id IS NOT NULL "
      " AND p.amount < 0) AS went_out, "
      "(SELECT COALESCE(SUM(p.amount), 0) FROM postings p WHERE p.entry_id = o.id AND p.designation_id IS NOT NULL "
      " AND p.amount > 0) AS moved "
      "FROM entries v JOIN entries o ON o.id = v.voids_entry WHERE v.date BETWEEN ? AND ? ORDER BY v.date, v.id");
  bind_range(q, from, to);
  std::vector<VoidInYear> found;
  while (q.executeStep()) {
    VoidInYear record;
    record.id = q.getColumn("id").getInt64();
    record.date = q.getColumn("date").getString();
    record.reason = text_or_empty(q.getColumn("reason"));
    record.original_id = q.getColumn("original_id").getInt64();
    record.original_kind = q.getColumn("original_kind").getString();
    record.original_date = q.getColumn("original_date").getString();
    const util::Fen came_in = q.getColumn("came_in").getInt64();
    const util::Fen went_out = q.getColumn("went_out").getInt64();
    record.amount = came_in > 0 ? came_in : went_out > 0 ? went_out : q.getColumn("moved").getInt64();
    found.push_back(std::move(record));
  }
  return found;
}

}  // namespace cfund::storage
