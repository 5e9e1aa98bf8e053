#include "import/statement.hpp"

#include "error.hpp"
#include "import/reader.hpp"

namespace cfund::import {

Message describe_bad_rows(const std::string& path, const std::vector<BadRow>& rows, std::int64_t total) {
  if (total == 1 && rows.size() == 1) return describe(path, rows.front());
  Message out = bilingual("{0} 有 {1} 行无法读取，未做任何处理：",
                          "{0}: {1} rows cannot be read; nothing was done:", path, total);
  for (const auto& row : rows) {
    const Message line = describe(path, row);
    out.zh += "\n  " + line.zh;
    out.en += "\n  " + line.en;
  }
  const std::int64_t more = total - static_cast<std::int64_t>(rows.size());
  if (more > 0) {
    const Message rest = bilingual("… 另有 {0} 行", "… and {0} more", more);
    out.zh += "\n  " + rest.zh;
    out.en += "\n  " + rest.en;
  }
  return out;
}

Statement read_statement(const std::string& path, const Profile& profile, const std::string& sheet) {
  require_kind(profile, ProfileKind::statement);
  StatementReader reader(path, profile, sheet);
  Statement statement;
  statement.path = path;
  statement.sheet = reader.summary().sheet;
  statement.has_balances = profile.headers_of("balance") != nullptr;
  Record record;
  while (reader.next(record)) {
    const util::Fen amount = record.direction == Direction::out ? -record.amount : record.amount;
    statement.lines.push_back(
        {record.line, record.date, amount, record.reference, record.counterparty, record.balance});
  }
  const auto& summary = reader.summary();
  if (summary.bad_rows > 0) throw InputError(describe_bad_rows(path, reader.bad_rows(), summary.bad_rows));
  if (statement.lines.empty()) {
    throw InputError(bilingual("{0}：对账单没有交易行", "{0}: the statement has no transaction lines", path));
  }
  statement.closing_balance = summary.closing_balance;
  return statement;
}

}  // namespace cfund::import
