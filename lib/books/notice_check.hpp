#pragma once
// Checking a notice against the books (`cfund audit verify`): the hash chain, and
// which entry a notice's verification code (校验码) stands for.

#include <cstdint>
#include <string>

#include "books/journal.hpp"
#include "storage/fund_file.hpp"

namespace cfund::books {

struct NoticeCheck {
  ChainReport chain;
  std::string code;                  // normalised; empty when no code was given
  bool matched = false;              // some chain head of these books gives the code
  std::int64_t covered_through = 0;  // the notice covered entries 1..N (0: an empty journal)
  std::string first_date;            // the earliest and latest dates among entries 1..N
  std::string last_date;
  std::int64_t later_entries = 0;  // entries recorded after N
  // The chain is broken at or before N: the notice's entries were changed since.
  bool altered_within() const { return matched && chain.first_bad_entry && *chain.first_bad_entry <= covered_through; }
  bool ok() const { return chain.ok() && (code.empty() || matched); }
};

// Verifies the chain; with a code (as a person types it), finds the entry whose chain
// head gives that code. A code that cannot be one is an InputError.
NoticeCheck check_notice(storage::FundFile& file, const std::string& typed_code);

}  // namespace cfund::books
