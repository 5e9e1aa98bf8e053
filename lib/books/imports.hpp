#pragma once
// Importing a statement (`cfund donate import`, `cfund disburse import`): every row
// the profile takes is read and checked, and the new ones are recorded as ordinary
// entries, through the same rules as the commands that record them one by one, in
// ONE transaction, followed by one journal entry of kind 'import' naming the file
// (SHA-256) and the entries it added.
//
// What a row becomes follows the profile's [[classify]] rules (books/classify.hpp):
// `donate import` books money received as donations, income of a kind (interest …)
// or transfers from another account of the fund; `disburse import` books money paid
// as payments (fees among them) or transfers to another account.
//
// All or nothing: if any row is bad (unreadable, or refused by a rule), nothing is
// written and every bad row is reported. One exception: a payment row that lacks what
// only a person can give (a category, a purpose, a decision number above the approval
// threshold, a beneficiary) and matches no payment recorded by hand is reported as
// unrecorded, and the rest of the file is imported (the command then exits 1).
//
// Idempotent: a row whose transaction number is already recorded in that account, as
// whatever it was booked (voided or not), is skipped as present; a row without one is
// recognised by its content (date, time, amount, counterparty, note, account, and a
// relief's beneficiary), counted, so that two identical gifts on one day stay two and
// importing an overlapping statement adds only what is new. A payment or transfer
// recorded otherwise (by hand, from another file, from the other account's statement)
// is matched by amount, account(s) and date within three days, and counts as present.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "books/journal.hpp"
#include "import/reader.hpp"
#include "model/types.hpp"
#include "storage/fund_file.hpp"
#include "storage/import_queries.hpp"

namespace cfund::books {

enum class ImportTarget { donations, disbursements };

struct ImportOptions {
  std::string account;       // for rows that name none; else the profile's default account
  std::string designation;   // for rows that name none; else the profile's, else the general fund
  std::string category;      // payments: for rows that name none
  std::string approval_ref;  // payments: the council decision for rows that name none
  bool dry_run = false;      // check and count everything, write nothing
  // Called now and then with the bytes read so far and the file's size.
  std::function<void(std::uint64_t done, std::uint64_t total)> progress;
};

// One row added (or, in a dry run, that would be added).
struct ImportedRow {
  int line = 0;
  std::string date;
  Fen amount = 0;
  std::string counterparty;  // donor or payee, as in the file (private: for the operator's screen)
  bool anonymous = false;
  std::string reference;
  std::string account;      // code
  std::string designation;  // code
  std::string category;     // payments
  std::string receipt_no;   // donations
  std::int64_t entry_id = 0;
  std::string booked_as;      // the entry's kind: donation, income, disbursement or transfer
  std::string income_kind;    // income: interest, grant, ...
  std::string other_account;  // transfer: the account money came from or went to (code)
};

// A row the books already hold as an entry recorded otherwise (by hand, from another
// file), matched by amount, account and date.
struct MatchedRow {
  int line = 0;
  std::string date;
  Fen amount = 0;
  std::string counterparty;
  std::int64_t entry_id = 0;
  std::string kind;  // disbursement or transfer
};

// A payment row that could not be recorded for want of what only a person can give.
struct UnrecordedRow {
  int line = 0;
  std::string date;
  Fen amount = 0;
  std::string counterparty;  // the payee, or the beneficiary masked
  std::string reference;
  Message why;
};

// How many rows were booked as one kind, and their total.
struct Tally {
  std::int64_t rows = 0;
  Fen amount = 0;
};

struct ImportReport {
  ImportTarget target = ImportTarget::donations;
  bool dry_run = false;
  std::string path;
  std::string profile;
  import::Encoding encoding = import::Encoding::utf8;
  import::FileFormat format = import::FileFormat::csv;
  std::string sheet;  // the worksheet read, for a workbook
  std::string sha256;
  std::int64_t rows_read = 0;  // transaction rows the profile took
  std::int64_t rows_added = 0;
  Tally donations;  // what rows_added holds, by what the rows were booked as
  Tally incomes;
  Tally payments;  // fees included
  Tally transfers;
  std::int64_t rows_present = 0;                              // already in the books (matched rows included)
  std::int64_t rows_matched = 0;                              // present as an entry recorded otherwise
  std::vector<MatchedRow> matched;                            // the first kListed of them
  std::int64_t rows_unrecorded = 0;                           // payments left for a person to record
  std::vector<UnrecordedRow> unrecorded;                      // the first kListed of them
  std::int64_t rows_skipped = 0;                              // left out by a [[classify]] rule with as = "skip"
  std::vector<std::pair<std::string, std::int64_t>> skipped;  // each rule's reason and its rows
  std::int64_t rows_other_direction = 0;                      // payments in a donation import, and the reverse
  std::int64_t rows_filtered = 0;                             // left out by the profile (refunds, failed trades, ...)
  std::int64_t characters_removed = 0;             // control, direction and zero-width characters taken out of text
  std::vector<int> lines_with_characters_removed;  // the first of them
  Fen amount_added = 0;
  std::int64_t first_entry = 0;  // the entries added (0 when none)
  std::int64_t last_entry = 0;
  std::int64_t import_entry = 0;  // the 'import' entry (0 when nothing was added, or a dry run)
  std::string first_receipt;      // donations: receipt numbers given
  std::string last_receipt;
  std::optional<storage::PreviousImport> same_file_before;
  std::vector<ImportedRow> first_rows;  // the first rows added, at most kShownRows
  static constexpr std::size_t kShownRows = 20;
  static constexpr std::size_t kListed = 50;
};

// Reads the whole statement and records its new rows in one transaction (rolled
// back in a dry run). Throws InputError listing every unreadable row, or Refused
// listing every row a rule refused (file and line first); then nothing is written.
// Unrecorded payment rows are in the report (rows_unrecorded), not thrown.
ImportReport import_statement(storage::FundFile& file, const Recorder& recorder, import::StatementReader& reader,
                              ImportTarget target, const ImportOptions& options);

}  // namespace cfund::books
