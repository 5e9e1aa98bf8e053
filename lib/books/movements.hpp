#pragma once
// Money that moves inside the fund: neither income nor spending.
// - a transfer moves money between accounts (cash deposited at the bank);
// - a reallocation moves money between designations (a donor agrees to re-purpose),
//   with a reason and the council's decision reference.
// And the void (红冲): an entry that reverses an earlier one, with a reason.

#include <optional>
#include <string>
#include <vector>

#include "books/journal.hpp"
#include "model/types.hpp"
#include "storage/fund_file.hpp"

namespace cfund::books {

struct TransferInput {
  util::Date date;
  Fen amount = 0;
  std::string from_account;  // code or name
  std::string to_account;
  std::string memo;
  // Set by an import: the account whose statement the row came from (one of the two),
  // the statement's transaction number, and the row's line and content key.
  std::string statement_account;
  std::string external_ref;
  std::optional<model::ImportSource> source;
};
// One transaction: checks, records, returns the entry id.
std::int64_t record_transfer(storage::FundFile& file, const Recorder& recorder, const TransferInput& input);
// The same inside the caller's write transaction (an import), with the same rules.
std::int64_t append_transfer(storage::FundFile& file, JournalAppender& journal, const TransferInput& input);

struct ReallocationInput {
  util::Date date;
  Fen amount = 0;
  std::string from_designation;
  std::string to_designation;
  std::string reason;
  std::string approval_ref;
  std::string memo;
};
std::int64_t record_reallocation(storage::FundFile& file, const Recorder& recorder, const ReallocationInput& input);

// Appends a reversing entry for `entry_id`, which must be of `expected_kind` (a
// voidable kind of model/entry_kinds.hpp) and not voided already. Voiding goods
// meets the stock rule (books/goods.hpp).
// The void is dated `date` (normally today), never before the original.
std::int64_t void_entry(storage::FundFile& file, const Recorder& recorder, std::int64_t entry_id,
                        const std::vector<std::string>& expected_kinds, const std::string& reason,
                        const util::Date& date);
inline std::int64_t void_entry(storage::FundFile& file, const Recorder& recorder, std::int64_t entry_id,
                               const std::string& expected_kind, const std::string& reason, const util::Date& date) {
  return void_entry(file, recorder, entry_id, std::vector<std::string>{expected_kind}, reason, date);
}

}  // namespace cfund::books
