#include "books/reconcile.hpp"

#include <algorithm>
#include <cstdlib>

#include "books/fund.hpp"
#include "error.hpp"
#include "storage/audit_queries.hpp"
#include "storage/fund_file.hpp"

namespace cfund::books {

namespace {

// Walks the lines in the given order carrying the running balance: each line that
// states a balance must equal the previous stated balance plus the amounts since.
std::int64_t count_breaks(const std::vector<import::StatementLine>& lines, const std::vector<std::size_t>& order,
                          std::optional<BalanceBreak>* first) {
  std::int64_t breaks = 0;
  std::optional<util::Fen> running;
  for (std::size_t index : order) {
    const auto& line = lines[index];
    if (running) *running += line.amount;
    if (!line.balance) continue;
    if (running && *running != *line.balance && ++breaks == 1 && first != nullptr) {
      *first = BalanceBreak{line.line, *running, *line.balance};
    }
    running = line.balance;
  }
  return breaks;
}

// The lines' indexes in date order: file order, or backwards for a newest-first
// export (WeChat's). When the dates do not say (one day), the order whose running
// balance holds better.
std::vector<std::size_t> date_order(const std::vector<import::StatementLine>& lines) {
  std::vector<std::size_t> forward(lines.size()), backward(lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    forward[i] = i;
    backward[i] = lines.size() - 1 - i;
  }
  if (lines.front().date < lines.back().date) return forward;
  if (lines.back().date < lines.front().date) return backward;
  return count_breaks(lines, backward, nullptr) < count_breaks(lines, forward, nullptr) ? backward : forward;
}

// The statement's own balances: running balance, opening and closing, against the books.
void check_balances(storage::FundFile& file, const import::Statement& statement, const ReconcileOptions& options,
                    ReconcileReport& report) {
  const auto& lines = statement.lines;
  const auto stated = [](const import::StatementLine& line) { return line.balance.has_value(); };
  if (!statement.has_balances || std::none_of(lines.begin(), lines.end(), stated)) return;
  report.statement_has_balances = true;
  const auto order = date_order(lines);
  report.balance_breaks = count_breaks(lines, order, &report.first_break);
  // Opening: the first stated balance less the amounts up to it; closing: the last
  // stated balance plus the amounts after it.
  util::Fen before = 0;
  for (std::size_t index : order) {
    before += lines[index].amount;
    if (lines[index].balance) {
      report.statement_opening = *lines[index].balance - before;
      break;
    }
  }
  util::Fen after = 0;
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    if (lines[*it].balance) {
      report.statement_closing = *lines[*it].balance + after;
      break;
    }
    after += lines[*it].amount;
  }
  report.typed_closing = options.closing_balance;
  report.opening_date = util::parse_date(report.first_date)->plus_days(-1).iso();
  report.books_opening = storage::corrected_account_balance_through(file, report.account.id, report.opening_date);
}

}  // namespace

ReconcileReport reconcile(storage::FundFile& file, const import::Statement& statement,
                          const ReconcileOptions& options) {
  storage::FundFile::ReadSnapshot snapshot(file);  // one view of the books
  if (options.tolerance_days < 0 || options.tolerance_days > 31) {
    throw InputError(bilingual("--tolerance-days：应在 0 到 31 之间", "--tolerance-days: must be between 0 and 31"));
  }
  ReconcileReport report;
  report.account = find_account(file, options.account);
  report.statement_path = statement.path;
  report.tolerance_days = options.tolerance_days;
  util::Date first = statement.lines.front().date;
  util::Date last = first;
  for (const auto& line : statement.lines) {
    first = std::min(first, line.date);
    last = std::max(last, line.date);
  }
  report.first_date = first.iso();
  report.last_date = last.iso();

  // Entries a little outside the statement's dates may still match a line in it.
  std::vector<BookItem> books;
  std::vector<bool> used;
  for (const auto& m :
       storage::account_movements(file, report.account.id, first.plus_days(-options.tolerance_days).iso(),
                                  last.plus_days(options.tolerance_days).iso())) {
    if (m.voided_or_void || m.amount == 0) continue;
    if (!util::parse_date(m.date)) continue;  // only a raw edit writes such a date: the audit names it
    books.push_back({m.entry_id, m.date, m.kind, m.amount, m.reference, m.counterparty});
  }
  used.assign(books.size(), false);
  std::vector<bool> line_done(statement.lines.size(), false);

  // 1. By reference.
  for (std::size_t l = 0; l < statement.lines.size(); ++l) {
    const auto& line = statement.lines[l];
    if (line.reference.empty()) continue;
    for (std::size_t b = 0; b < books.size(); ++b) {
      if (used[b] || books[b].reference != line.reference) continue;
      used[b] = true;
      line_done[l] = true;
      (books[b].amount == line.amount ? report.matched : report.amount_mismatches).push_back({books[b], line, true});
      break;
    }
  }
  // 2. By amount, the closest date within the tolerance.
  for (std::size_t l = 0; l < statement.lines.size(); ++l) {
    if (line_done[l]) continue;
    const auto& line = statement.lines[l];
    std::optional<std::size_t> best;
    long best_gap = 0;
    for (std::size_t b = 0; b < books.size(); ++b) {
      if (used[b] || books[b].amount != line.amount) continue;
      // A line with a reference never matches an entry carrying a different one.
      if (!line.reference.empty() && !books[b].reference.empty()) continue;
      const long gap = std::labs(util::parse_date(books[b].date)->days_since_epoch() - line.date.days_since_epoch());
      if (gap > options.tolerance_days) continue;
      if (!best || gap < best_gap) {
        best = b;
        best_gap = gap;
      }
    }
    if (!best) continue;
    used[*best] = true;
    line_done[l] = true;
    report.matched.push_back({books[*best], line, false});
  }
  for (std::size_t l = 0; l < statement.lines.size(); ++l) {
    if (!line_done[l]) report.only_in_statement.push_back(statement.lines[l]);
  }
  for (std::size_t b = 0; b < books.size(); ++b) {
    if (!used[b] && books[b].date >= report.first_date && books[b].date <= report.last_date) {
      report.only_in_books.push_back(books[b]);
    }
  }
  auto by_line = [](const ReconcileMatch& a, const ReconcileMatch& b) { return a.line.line < b.line.line; };
  std::sort(report.matched.begin(), report.matched.end(), by_line);
  std::sort(report.amount_mismatches.begin(), report.amount_mismatches.end(), by_line);

  report.statement_closing = options.closing_balance ? options.closing_balance : statement.closing_balance;
  report.books_closing = storage::corrected_account_balance_through(file, report.account.id, report.last_date);
  check_balances(file, statement, options, report);
  return report;
}

}  // namespace cfund::books
