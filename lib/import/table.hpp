#pragma once
// A table of named columns in a spreadsheet or CSV file that is not a statement: a
// volunteers' sign-in sheet (签到表), a register. The same sources as statements (CSV in
// UTF-8 or GBK, .xlsx, .xls: import/row_source.hpp), read by the column headers the
// caller names; the header row is the first row that has every required column.
// Cells come cleaned (trimmed, one line); a spreadsheet's dates come as the text a CSV
// would hold.

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "import/reader.hpp"

namespace cfund::import {

struct TableColumn {
  std::string field;                 // the caller's name for it: "hours"
  std::vector<std::string> headers;  // what files call it: 时长, 服务时长, hours (case and width folded)
  bool required = false;
};

struct TableRow {
  int line = 0;                    // CSV: the physical line; a spreadsheet: the sheet's row number
  std::vector<std::string> cells;  // one per column, in the order given; "" when the file has no such column
};

class TableReader {
 public:
  // Opens the file (as StatementReader does) and finds the header row. Throws
  // InputError naming the file when it cannot be read or no row has every required
  // column (naming the first missing one and the headers accepted for it).
  TableReader(const std::string& path, std::vector<TableColumn> columns, const std::string& sheet = "");
  ~TableReader();
  TableReader(const TableReader&) = delete;
  TableReader& operator=(const TableReader&) = delete;

  // The next row that is not blank: false at the end. A row the source cannot read
  // (malformed CSV) is in bad_rows() and skipped.
  bool next(TableRow& row);
  // Whether the file has the column, and its header as the file writes it.
  bool has(std::size_t column) const;
  const std::string& header(std::size_t column) const;
  const std::vector<BadRow>& bad_rows() const;
  const ReadSummary& summary() const;
  const std::string& path() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace cfund::import
