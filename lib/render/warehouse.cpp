#include "render/warehouse.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace cfund::render {

namespace {

bool quoted(const std::string& type) { return type == "text"; }

std::string csv_quote(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

std::string column_list(const report::WarehouseTable& table) {
  std::vector<std::string> names;
  for (const auto& column : table.columns) names.push_back(column.name);
  return joined(names);
}

}  // namespace

void warehouse_csv_header(std::ostream& out, const report::WarehouseTable& table) {
  for (std::size_t i = 0; i < table.columns.size(); ++i) out << (i == 0 ? "" : ",") << table.columns[i].name;
  out << '\n';
}

void warehouse_csv_row(std::ostream& out, const report::WarehouseTable& table, const report::WarehouseCells& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out << ',';
    if (!cells[i]) continue;  // NULL: nothing between the commas
    if (quoted(table.columns[i].type)) {
      out << csv_quote(*cells[i]);  // "" is an empty text, not NULL
    } else {
      out << *cells[i];
    }
  }
  out << '\n';
}

std::string warehouse_schema_sql() {
  std::string sql =
      "-- cfund warehouse schema (docs/warehouse.md). Safe to run again: it only creates what is missing.\n"
      "-- Every table is keyed by fund_key first: the distribution column for Citus.\n\n";
  for (const auto& table : report::warehouse_tables()) {
    sql += fmt::format("CREATE TABLE IF NOT EXISTS {} (\n", table.name);
    for (const auto& column : table.columns) {
      const bool in_key = std::find(table.key.begin(), table.key.end(), column.name) != table.key.end();
      sql += fmt::format("  {} {}{},\n", column.name, column.type, in_key ? " NOT NULL" : "");
    }
    sql += fmt::format("  PRIMARY KEY ({})", joined(table.key));
    if (table.name != "funds") sql += ",\n  FOREIGN KEY (fund_key) REFERENCES funds (fund_key)";
    sql += "\n);\n";
    for (const auto& index : table.indexes) {
      std::string name = table.name;
      for (const auto& column : index) name += "_" + column;
      sql += fmt::format("CREATE INDEX IF NOT EXISTS {} ON {} ({});\n", name, table.name, joined(index));
    }
    sql += "\n";
  }
  return sql;
}

std::string warehouse_fund_load_sql(const std::string& fund_key) {
  const auto& tables = report::warehouse_tables();
  std::string sql = fmt::format("-- fund {0}: its rows replaced in one transaction\nBEGIN;\n", fund_key);
  for (auto table = tables.rbegin(); table != tables.rend(); ++table) {
    sql += fmt::format("DELETE FROM {} WHERE fund_key = '{}';\n", table->name, fund_key);
  }
  for (const auto& table : tables) {
    sql += fmt::format("\\copy {0} ({1}) FROM '{2}/{0}.csv' WITH (FORMAT csv, HEADER true)\n", table.name,
                       column_list(table), fund_key);
  }
  return sql + "COMMIT;\n";
}

std::string warehouse_load_sql(const std::vector<std::string>& fund_keys) {
  std::string sql =
      "-- cfund warehouse load (docs/warehouse.md): run from this folder, after schema.sql:\n"
      "--   psql -v ON_ERROR_STOP=1 -f schema.sql -f load.sql\n"
      "-- Each fund's rows are replaced in a transaction of their own.\n\\set ON_ERROR_STOP on\n";
  for (const auto& key : fund_keys) sql += "\n" + warehouse_fund_load_sql(key);
  return sql;
}

}  // namespace cfund::render
