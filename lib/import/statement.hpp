#pragma once
// A bank / WeChat Pay / Alipay statement as `cfund audit reconcile` compares it with
// the books: every row the import profile takes, with a signed amount, and the
// closing balance when the file states one. Read through the one StatementReader
// (import/reader.hpp), so reconciliation reads exactly what an import would. The
// default cfund profile reads the simple form:
//
//   date,amount,reference,counterparty          (or 日期,金额,流水号,对方)
//   2025-03-01,5000.00,B20250301001,张伟
//   2025-03-06,-120.00,B20250306002,青溪印务
//   closing,6880.00,,                            (optional: 期末余额 also accepted)

#include <optional>
#include <string>
#include <vector>

#include "import/profile.hpp"
#include "import/reader.hpp"
#include "util/date.hpp"
#include "util/money.hpp"

namespace cfund::import {

struct StatementLine {
  int line = 0;  // the physical line of the file where the row starts (1 = first line)
  util::Date date;
  util::Fen amount = 0;  // money out negative
  std::string reference;
  std::string counterparty;
  std::optional<util::Fen> balance;  // the account's balance after the line, when the statement has a balance column
};

struct Statement {
  std::string path;
  std::string sheet;                         // the worksheet read ("" for a CSV file)
  std::vector<StatementLine> lines;          // in file order
  std::optional<util::Fen> closing_balance;  // the cfund CSV's closing line
  bool has_balances = false;                 // the profile has a balance column and lines carry it
};

// Reads the whole file (of a workbook, the sheet named, else the first) through the
// profile. Money out (Direction::out) becomes a negative amount; in and unspecified
// stay positive. Throws InputError when the file cannot be read, has any bad row (all
// of them listed, at most 50 shown), or has no transaction row.
Statement read_statement(const std::string& path, const Profile& profile, const std::string& sheet = "");

// The message listing the bad rows of a file (one per line), each through describe(),
// max_reported of them (what the reader keeps), then "… and N more".
Message describe_bad_rows(const std::string& path, const std::vector<BadRow>& rows, std::int64_t total);

}  // namespace cfund::import
