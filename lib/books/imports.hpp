#pragma once
// Importing a statement (`cfund donate import`, `cfund disburse import`): every row
// the profile takes is read and checked, and the new ones are recorded as ordinary
// donations or payments, through the same rules as `donate add` / `disburse add`,
// in ONE transaction, followed by one journal entry of kind 'import' naming the
// file (SHA-256) and the entries it added.
//
// All or nothing: if any row is bad (unreadable, or refused by a rule), nothing is
// written and every bad row is reported. Idempotent: a row whose transaction number
// is already recorded in that account (voided or not) is skipped as present; a row
// without one is recognised by its content (date, time, amount, counterparty, note,
// account), counted, so that two identical gifts on one day stay two and importing
// an overlapping statement adds only what is new.

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
  std::string account;      // for rows that name none; else the profile's default account
  std::string designation;  // for rows that name none; else the profile's, else the general fund
  std::string category;     // payments: for rows that name none
  bool dry_run = false;     // check and count everything, write nothing
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
  std::int64_t rows_present = 0;                   // already in the books
  std::int64_t rows_other_direction = 0;           // payments in a donation import, and the reverse
  std::int64_t rows_filtered = 0;                  // left out by the profile (refunds, failed trades, ...)
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
};

// Reads the whole statement and records its new rows in one transaction (rolled
// back in a dry run). Throws InputError listing every unreadable row, or Refused
// listing every row a rule refused (file and line first); then nothing is written.
ImportReport import_statement(storage::FundFile& file, const Recorder& recorder, import::StatementReader& reader,
                              ImportTarget target, const ImportOptions& options);

}  // namespace cfund::books
