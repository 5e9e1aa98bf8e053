#pragma once
// Reconciliation (对账) of one account against a statement: which book entries and
// statement lines match, which are on one side only, and whether the statement's
// closing balance agrees with the books. Nothing is written to the books.

#include <optional>
#include <string>
#include <vector>

#include "import/statement.hpp"
#include "model/types.hpp"
#include "storage/fund_file.hpp"

namespace cfund::books {

struct ReconcileOptions {
  std::string account;     // code or name
  int tolerance_days = 3;  // how far apart the dates of a match may be
  // Typed by the user: overrides a cfund CSV's closing line; with a statement that has
  // a balance column it must agree with the statement's own closing balance.
  std::optional<util::Fen> closing_balance;
};

// Where a statement's running balance does not follow from its amounts.
struct BalanceBreak {
  int line = 0;            // the statement line whose balance is wrong
  util::Fen expected = 0;  // the previous line's balance ± this line's amount
  util::Fen found = 0;     // the balance the line states
};

// One entry's effect on the account, as the books hold it.
struct BookItem {
  std::int64_t entry_id = 0;
  std::string date;
  std::string kind;
  util::Fen amount = 0;  // money in positive
  std::string reference;
  std::string counterparty;
};

struct ReconcileMatch {
  BookItem book;
  import::StatementLine line;
  bool by_reference = false;  // else by amount and date
};

struct ReconcileReport {
  model::Account account;
  std::string statement_path;
  std::string first_date;  // the statement's dates
  std::string last_date;
  int tolerance_days = 3;
  std::vector<ReconcileMatch> matched;
  std::vector<ReconcileMatch> amount_mismatches;  // same reference, different amount
  std::vector<BookItem> only_in_books;            // dated within the statement's dates
  std::vector<import::StatementLine> only_in_statement;
  std::optional<util::Fen> statement_closing;
  util::Fen books_closing = 0;  // the account's balance at the end of last_date, voided entries left out
  bool balance_agrees() const { return !statement_closing || *statement_closing == books_closing; }

  // With a balance column (a bank's 余额): the statement's own running balance, read
  // in date order (newest-first exports are read backwards).
  bool statement_has_balances = false;
  std::int64_t balance_breaks = 0;             // lines whose balance is not the previous one ± their amount
  std::optional<BalanceBreak> first_break;     // the first of them, in date order
  std::optional<util::Fen> statement_opening;  // the first line's balance ∓ its amount
  std::string opening_date;                    // the day before first_date
  util::Fen books_opening = 0;                 // the account's balance at the end of opening_date
  std::optional<util::Fen> typed_closing;      // --closing-balance, when the statement states its own
  bool opening_agrees() const { return !statement_opening || *statement_opening == books_opening; }
  bool typed_agrees() const { return !typed_closing || !statement_closing || *typed_closing == *statement_closing; }

  bool clean() const {
    return amount_mismatches.empty() && only_in_books.empty() && only_in_statement.empty() && balance_agrees() &&
           balance_breaks == 0 && opening_agrees() && typed_agrees();
  }
};

// Voided entries and voids are left out of the matching and of the books' closing
// balance: a recording mistake and its correction never reach the bank.
ReconcileReport reconcile(storage::FundFile& file, const import::Statement& statement, const ReconcileOptions& options);

}  // namespace cfund::books
