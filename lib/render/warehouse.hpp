#pragma once
// The warehouse export as files (docs/warehouse.md): each table as CSV with a header
// that PostgreSQL's COPY ... (FORMAT csv, HEADER) reads as it is (text quoted, NULL
// as an empty unquoted field), schema.sql (tables, primary keys, indexes; safe to run
// again), and the psql scripts that load one fund, or every fund, each in one
// transaction that first removes that fund's rows (so loading twice, or loading a
// later export of the same fund, leaves exactly the export's rows).

#include <ostream>
#include <string>
#include <vector>

#include "report/warehouse.hpp"

namespace cfund::render {

void warehouse_csv_header(std::ostream& out, const report::WarehouseTable& table);
void warehouse_csv_row(std::ostream& out, const report::WarehouseTable& table, const report::WarehouseCells& cells);

std::string warehouse_schema_sql();
// The psql script that replaces one fund's rows from its folder (FUND_KEY/TABLE.csv),
// run from the export's folder.
std::string warehouse_fund_load_sql(const std::string& fund_key);
// Every fund of an export, one transaction each.
std::string warehouse_load_sql(const std::vector<std::string>& fund_keys);

}  // namespace cfund::render
