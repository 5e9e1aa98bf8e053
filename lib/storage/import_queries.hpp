#pragma once
// What an import asks the books: is this row already there, and was this file
// imported before. All SQL of cfund lives under lib/storage.

#include <cstdint>
#include <optional>
#include <string>

namespace cfund::storage {

class FundFile;

// The detail table an import writes: "donations" or "disbursements".
enum class ImportTable { donations, disbursements };

// Whether a row of the table with this transaction number is in this account,
// voided or not: a row a worker voided is not brought back by importing again.
bool reference_recorded(FundFile& file, ImportTable table, std::int64_t account_id, const std::string& reference);

// How many rows of the table carry this content key.
std::int64_t content_key_count(FundFile& file, ImportTable table, const std::string& content_key);

struct PreviousImport {
  std::int64_t entry_id = 0;
  std::string recorded_at;
  std::int64_t rows_added = 0;
};
// The latest import of a file with this SHA-256 into the table.
std::optional<PreviousImport> previous_import(FundFile& file, ImportTable table, const std::string& sha256);

}  // namespace cfund::storage
