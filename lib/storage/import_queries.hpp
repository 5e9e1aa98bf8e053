#pragma once
// What an import asks the books: is this row already there (by its transaction
// number, its content key, or as an entry recorded otherwise that it matches), and
// was this file imported before. All SQL of cfund lives under lib/storage.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cfund::storage {

class FundFile;

// The detail tables an import writes: donations, incomes and transfers for money
// received, disbursements and transfers for money paid.
enum class ImportTable { donations, disbursements, incomes, transfers };

// Whether the table has any row (a table never written needs no lookups).
bool import_table_has_rows(FundFile& file, ImportTable table);

// Whether a row of the table with this transaction number is in this account,
// voided or not: a row a worker voided is not brought back by importing again. For
// transfers, the account is the one whose statement the number came from.
bool reference_recorded(FundFile& file, ImportTable table, std::int64_t account_id, const std::string& reference);

// How many rows of the table carry this content key, of entries below `before_entry`.
std::int64_t content_key_count(FundFile& file, ImportTable table, const std::string& content_key,
                               std::int64_t before_entry);

struct PreviousImport {
  std::int64_t entry_id = 0;
  std::string recorded_at;
  std::int64_t rows_added = 0;
};
// The latest import of a file with this SHA-256 into the table ("donations" or
// "disbursements": what the import entry names as its target).
std::optional<PreviousImport> previous_import(FundFile& file, ImportTable table, const std::string& sha256);

// Which recorded entries a statement row may be: those dated within [from, to],
// unvoided, with an id below `before_entry` (not added by the import asking).
struct MatchWindow {
  std::string from;
  std::string to;
  std::int64_t before_entry = 0;
};

// A payment recorded otherwise than from a statement of this profile: by hand, or
// from another file (a relief roll). Payments that carry a transaction number are
// recognised by it, and are never matched by amount and date.
struct PaymentToMatch {
  std::int64_t entry_id = 0;
  std::int64_t account_id = 0;
  std::int64_t amount = 0;
  std::string date;
  std::string category;
  std::string payee;
  std::optional<std::int64_t> beneficiary;
  std::string beneficiary_name;  // private
};
// Unvoided payments without a transaction number, not added by an import with this
// profile, with entries below `before_entry`; by date and id. Read once: an import
// picks each row's candidates (its account, its amount, dated in its window) from them
// in memory (nothing it adds can be one).
std::vector<PaymentToMatch> payments_to_match(FundFile& file, std::int64_t before_entry, const std::string& profile);

struct TransferToMatch {
  std::int64_t entry_id = 0;
  std::string date;
};
// Unvoided transfers of exactly this amount from one account to the other (0 for
// either: any other account) in the window, not recorded from a statement of
// `statement_account` (those are recognised by their transaction number or content
// key); transfers recorded before schema 9 (no detail row) included. By date and id.
std::vector<TransferToMatch> transfers_to_match(FundFile& file, std::int64_t from_account, std::int64_t to_account,
                                                std::int64_t amount, const MatchWindow& window,
                                                std::int64_t statement_account);

}  // namespace cfund::storage
