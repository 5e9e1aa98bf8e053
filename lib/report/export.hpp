#pragma once
// The journal as plain-text accounting tools see it (cfund export): one model of the
// books, streamed entry by entry to a sink (lib/render/export_*.cpp lay it out as a
// ledger-cli/hledger journal, a beancount file or JSON).
//
// - Each cfund posting becomes one posting, so every total equals cfund's own:
//   accounts are debit positive (Assets:<Kind>:<Code>), designations credit, so a
//   designation's balance shows negative (Funds:Unrestricted:General,
//   Funds:Restricted:<Code> for special funds and projects).
// - Account names are ASCII; the Chinese names go into the account declarations.
// - A void is the reversing entry it is, linked to the entry it voids.
// - Entries that move no money (goods donations, beneficiary registrations, project
//   events, official receipt numbers, period closes, publications, statement imports)
//   carry no postings:
//   the renderers show them as comments, JSON lists them with empty postings.
// - A period export starts with the opening balances as of the day before the period
//   (one entry that sums to zero, as the books do), so balances at the end of the
//   period are right.
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

// An account or a designation, as a ledger account.
struct ExportAccount {
  std::string path;  // Assets:Bank:Bank, Funds:Restricted:Elderly
  std::string code;
  std::string name;
  std::string kind;  // bank, cash, wechat, alipay, other; general, special, project
  bool designation = false;
  bool restricted = false;
  Fen opening = 0;  // balance at the end of the day before the export (accounts debit, designations credit positive)
  Fen closing = 0;  // balance at the end of its last day
  // What a ledger shows as the account's total: debit positive, so designations negative.
  Fen ledger_closing() const { return designation ? -closing : closing; }
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
  std::int64_t id = 0;  // 0 for the opening balances
  std::string kind;     // a journal kind, or "opening"
  std::string date;
  std::string code;  // receipt number or voucher (a ledger transaction's code)
  std::string payee;
  std::string narration;
  std::vector<ExportMeta> meta;
  std::string link;                     // "cfund-12" on entry 12 once voided and on its void
  std::vector<ExportPosting> postings;  // empty: no money moved (shown as a comment)
};

struct ExportHeader {
  std::string fund_name;
  std::string period_label;  // "" for the whole journal
  std::string first_date;    // the period's first day, or the first entry's ("" for an empty journal)
  std::string last_date;     // the period's last day, or the last entry's
  std::string open_date;     // when accounts are opened: first_date, or the day before a period
  std::string assert_date;   // the day after last_date, when closing balances hold
  Lang lang = Lang::zh;
  std::vector<ExportAccount> accounts;
  std::optional<ExportEntry> opening;  // a period's opening balances, when any is not zero
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
