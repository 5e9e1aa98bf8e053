#pragma once
// The rows of the warehouse export (report/warehouse.hpp, docs/warehouse.md), read
// from one fund file table by table, streamed. Columns are named as the warehouse
// names them; the report layer adds the fund key and the columns cfund derives.

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cfund::storage {

class FundFile;

// NULL, or the value as text (integers in decimal).
using WarehouseCell = std::optional<std::string>;

struct WarehouseRow {
  const std::vector<std::string>& names;  // the same for every row of a table
  std::vector<WarehouseCell>& cells;
  // The cell of a column by name; throws std::logic_error for a name the query lacks.
  WarehouseCell& at(const std::string& name) const;
};

// The source tables the warehouse reads: accounts, designations, entries, postings,
// donations, payments, beneficiaries, projects.
const std::vector<std::string>& warehouse_sources();

// Calls back for each row of `source` in key order.
void warehouse_rows(FundFile& file, const std::string& source, const std::function<void(WarehouseRow&)>& visit);

}  // namespace cfund::storage
