#include "storage/warehouse_queries.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <map>
#include <stdexcept>

#include "storage/fund_file.hpp"

namespace cfund::storage {

namespace {

// A void carries its original's kind and sort (its postings reverse the original's):
// `o` is the entry whose flow an entry is, as in statement_queries' flows.
const char* const kFlowJoin =
    "LEFT JOIN entries o ON o.id = COALESCE(e.voids_entry, e.id) "
    "LEFT JOIN disbursements fd ON fd.entry_id = o.id LEFT JOIN incomes fi ON fi.entry_id = o.id ";

const std::map<std::string, std::string>& queries() {
  static const std::map<std::string, std::string> sql = {
      {"accounts", "SELECT id AS account_id, code, name, kind FROM accounts ORDER BY id"},
      {"designations", "SELECT id AS designation_id, code, name, kind, restricted FROM designations ORDER BY id"},
      {"entries", std::string("SELECT e.id AS entry_id, e.kind AS kind, e.date AS date, e.recorded_at AS recorded_at, "
                              "e.operator AS operator, e.memo AS memo, e.approval_ref AS approval_ref, "
                              "e.reason AS reason, e.voids_entry AS voids_entry, o.kind AS flow_kind, "
                              "COALESCE(fd.category, fi.income_kind) AS flow_sort, e.hash AS hash FROM entries e ") +
                      kFlowJoin + "ORDER BY e.id"},
      {"postings", std::string("SELECT p.entry_id AS entry_id, p.seq AS seq, p.account_id AS account_id, "
                               "p.designation_id AS designation_id, p.amount AS amount_fen, e.date AS date, "
                               "o.kind AS flow_kind, COALESCE(fd.category, fi.income_kind) AS flow_sort, "
                               "(g.kind = 'goods') AS on_goods FROM postings p JOIN entries e ON e.id = p.entry_id ") +
                       kFlowJoin + "LEFT JOIN designations g ON g.id = p.designation_id ORDER BY p.entry_id, p.seq"},
      {"donations",
       "SELECT entry_id, receipt_year, receipt_seq, donor_name, anonymous, form, amount AS amount_fen, account_id, "
       "designation_id, item, quantity, unit FROM donations ORDER BY entry_id"},
      {"payments",
       "SELECT entry_id, category, amount AS amount_fen, account_id, designation_id, payee, purpose, "
       "beneficiary AS beneficiary_number, voucher FROM disbursements ORDER BY entry_id"},
      {"beneficiaries", "SELECT number AS beneficiary_number, category FROM beneficiaries ORDER BY number"},
      {"projects",
       "SELECT p.code AS project_code, p.designation_id AS designation_id, p.name AS name, p.category AS category, "
       "e.date AS proposed_on FROM projects p JOIN entries e ON e.id = p.entry_id ORDER BY p.entry_id"},
  };
  return sql;
}

}  // namespace

WarehouseCell& WarehouseRow::at(const std::string& name) const {
  const auto found = std::find(names.begin(), names.end(), name);
  if (found == names.end()) throw std::logic_error("warehouse query has no column " + name);
  return cells[static_cast<std::size_t>(found - names.begin())];
}

const std::vector<std::string>& warehouse_sources() {
  static const std::vector<std::string> sources = {"accounts",  "designations", "entries",       "postings",
                                                   "donations", "payments",     "beneficiaries", "projects"};
  return sources;
}

void warehouse_rows(FundFile& file, const std::string& source, const std::function<void(WarehouseRow&)>& visit) {
  SQLite::Statement query(file.db(), queries().at(source));
  std::vector<std::string> names;
  for (int i = 0; i < query.getColumnCount(); ++i) names.emplace_back(query.getColumnName(i));
  std::vector<WarehouseCell> cells(names.size());
  WarehouseRow row{names, cells};
  while (query.executeStep()) {
    for (int i = 0; i < query.getColumnCount(); ++i) {
      const SQLite::Column column = query.getColumn(i);
      if (column.isNull()) {
        cells[static_cast<std::size_t>(i)].reset();
      } else {
        cells[static_cast<std::size_t>(i)] = column.getString();
      }
    }
    visit(row);
  }
}

}  // namespace cfund::storage
