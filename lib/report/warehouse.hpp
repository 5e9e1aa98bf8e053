#pragma once
// The warehouse export (cfund export --format warehouse, docs/warehouse.md): the
// books of many funds as typed tables for PostgreSQL (or any engine that speaks its
// COPY, Citus included), one set of rows per fund under a fund key that keeps every
// key unique across funds. This is the model: the tables, their columns and keys,
// and each fund's rows; render/warehouse.cpp writes them as CSV with a header and
// writes schema.sql and the load script.
//
// - fund_key: 16 hexadecimal characters of SHA-256 over the hash of the fund's entry 1
//   (where its chain starts), its name, town and region: the same in every copy of the
//   fund and for every export of it; two funds share it only if they have the same
//   name and place and an identical first entry (recorded in the same second by the
//   same operator), which the export refuses.
// - Money is integer fen (bigint, *_fen). Dates are dates; booleans are booleans.
// - Each entry and posting carries flow_kind and flow_sort: its own kind and its
//   income kind or payment category, or for a void its original's (a void reverses
//   its original), so SQL groups flows as the notice and the statements do; each
//   posting carries ratio_role (books::ratio_role), so SQL finds the yearly ratios
//   as `cfund audit` does.
// - Privacy (SPEC §6): beneficiaries are codes only (B0001) with their category;
//   anonymous donors have no name; free text (memos, reasons, purposes, payees,
//   vouchers, items, decision numbers) is masked as a notice masks it.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "storage/fund_file.hpp"

namespace cfund::report {

struct WarehouseColumn {
  std::string name;
  std::string type;  // PostgreSQL: text, bigint, integer, boolean, date
};

struct WarehouseTable {
  std::string name;
  std::vector<WarehouseColumn> columns;  // fund_key first
  std::vector<std::string> key;          // the primary key (fund_key first)
  std::vector<std::vector<std::string>> indexes;
};

// funds first, then the tables that refer to it.
const std::vector<WarehouseTable>& warehouse_tables();

using WarehouseCells = std::vector<std::optional<std::string>>;  // in the table's column order; nullopt: NULL

// The fund's key (see above).
std::string warehouse_fund_key(storage::FundFile& file);

// Streams one fund's rows of `table`. Reads only.
void warehouse_rows(storage::FundFile& file, const std::string& fund_key, const WarehouseTable& table,
                    const std::function<void(const WarehouseCells&)>& visit);

}  // namespace cfund::report
