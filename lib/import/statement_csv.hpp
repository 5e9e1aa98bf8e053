#pragma once
// A bank / WeChat Pay / Alipay statement in the simple CSV form that
// `cfund audit reconcile` reads (richer bank formats come with the importer):
//
//   date,amount,reference,counterparty          (or 日期,金额,流水号,对方)
//   2025-03-01,5000.00,B20250301001,张伟
//   2025-03-06,-120.00,B20250306002,青溪印务
//   closing,6880.00,,                            (optional: 期末余额 also accepted)
//
// Amounts are signed (negative = money out). Only date and amount are required
// columns; others are ignored. Errors name the file, the line and the field.

#include <optional>
#include <string>
#include <vector>

#include "util/date.hpp"
#include "util/money.hpp"

namespace cfund::import {

struct StatementLine {
  int line = 0;  // in the file, 1 = the header
  util::Date date;
  util::Fen amount = 0;
  std::string reference;
  std::string counterparty;
};

struct Statement {
  std::string path;
  std::vector<StatementLine> lines;      // in file order
  std::optional<util::Fen> closing_balance;
};

// Reads and checks the whole file; throws InputError naming file, line and field.
Statement read_statement_csv(const std::string& path);

}  // namespace cfund::import
