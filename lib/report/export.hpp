#pragma once
// The journal as plain-text accounting tools see it (cfund export): one model of the
// books, streamed entry by entry to a sink (lib/render/export_*.cpp lay it out as a
// ledger-cli/hledger journal, a beancount file or JSON).
//
// - Accounts are assets: Assets:<Kind>:<Code> for money (Assets:Bank:Bank), and
//   Assets:Goods:<Item> for goods in stock, one account per item.
// - A designation (what money is for) is the suffix <Unrestricted|Restricted>:<Code>.
//   Each posting on a designation goes to <root>:<suffix>, where the entry-kind
//   registry (model/entry_kinds.hpp) names the root: Income:Donation, Income:Grant
//   (the income kind's), Expenses:Relief (the payment category's), Expenses:GoodsGiven,
//   Funds (opening balances, reallocations: the fund's net assets brought forward or
//   moved). So `ledger balance Income` is the income by source, `ledger balance
//   Expenses` the spending by category, and a designation's balance is minus the sum
//   of every account that ends in its suffix (Funds + Income − Expenses of it).
// - Account names are ASCII; the Chinese names go into the account declarations. An
//   income or expense account is declared just before the first entry that uses it.
// - A void reverses the postings of the entry it voids, on the same accounts, and is
//   linked to it.
// - Entries that move no money (beneficiary registrations, project events, official
//   receipt numbers, period closes, publications, statement imports) carry no
//   postings: the renderers show them as comments, JSON lists them with empty postings.
// - A period export starts with the balances as of the day before the period (one
//   entry, kind "period_opening", on the assets and Funds:<suffix> accounts), so that
//   balances at the end of the period are right and Income/Expenses hold the period's flows.
// - Privacy (SPEC §6): beneficiaries appear only by number (B0001), anonymous donors
//   as 匿名, and free text (purposes, memos, reasons) is masked like a notice's.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/fund_file.hpp"
#include "util/date.hpp"
#include "util/message.hpp"
#include "util/money.hpp"

namespace cfund::report {

using util::Fen;

struct ExportOptions {
  util::Period period;   // an empty label means the whole journal
  Lang lang = Lang::zh;  // the language of narrations and comments
};

// An account of the export: an asset (a money account or a goods item), a
// designation's Funds account, or an income or expense account.
struct ExportAccount {
  enum class Type { asset, funds, income, expense };
  Type type = Type::asset;
  std::string path;  // Assets:Bank:Bank, Funds:Restricted:Elderly, Income:Grant:Unrestricted:General
  std::string code;  // the account's, designation's or item's code as cfund knows it
  std::string name;  // in the export's language
  std::string kind;  // bank, cash, ..., goods; general, special, project, goods; income; expense
  bool restricted = false;
  // Assets and designations: the balance at the end of the day before the export and
  // at the end of its last day (accounts debit, designations credit positive). For a
  // designation these are its whole balance, which every account ending in `suffix`
  // makes up together.
  Fen opening = 0;
  Fen closing = 0;
  std::string suffix;  // designations: "Restricted:Elderly"
  bool designation() const { return type == Type::funds; }
  // What a ledger shows as the total: debit positive, so designations negative.
  Fen ledger_closing() const { return designation() ? -closing : closing; }
};

struct ExportPosting {
  std::string path;
  Fen amount = 0;  // debit positive
};

struct ExportMeta {
  std::string key;  // lowercase ASCII: entry, kind, receipt, reference, ...
  std::string value;
};

struct ExportEntry {
  std::int64_t id = 0;  // 0 for a period's opening balances
  std::string kind;     // a journal kind, or "period_opening"
  std::string date;
  std::string code;  // receipt number or voucher (a ledger transaction's code)
  std::string payee;
  std::string narration;
  std::vector<ExportMeta> meta;
  std::string link;                     // "cfund-12" on entry 12 once voided and on its void
  std::vector<ExportPosting> postings;  // empty: no money moved (shown as a comment)
  std::vector<ExportAccount> declare;   // accounts first used here: declare them before the entry
};

struct ExportHeader {
  std::string fund_name;
  std::string period_label;  // "" for the whole journal
  std::string first_date;    // the period's first day, or the first entry's ("" for an empty journal)
  std::string last_date;     // the period's last day, or the last entry's
  std::string open_date;     // when accounts are opened: first_date, or the day before a period
  std::string assert_date;   // the day after last_date, when closing balances hold
  Lang lang = Lang::zh;
  std::vector<ExportAccount> accounts;  // assets, then designations (Funds)
  std::optional<ExportEntry> opening;   // a period's opening balances, when any is not zero
};

class ExportSink {
 public:
  virtual ~ExportSink() = default;
  virtual void begin(const ExportHeader& header) = 0;
  virtual void entry(const ExportEntry& entry) = 0;
  virtual void end(const ExportHeader& header) = 0;
};

// Reads the books once and hands the header, every entry dated in the period (date
// and entry order) and the end to the sink.
void export_books(storage::FundFile& file, const ExportOptions& options, ExportSink& sink);

// One component of an account name: ASCII letters, digits and '-', starting with a
// capital letter ("elderly" → "Elderly", "fund_2024" → "Fund-2024"); `fallback` when
// the code has anything else (a Chinese code).
std::string account_component(const std::string& code, const std::string& fallback);

}  // namespace cfund::report
