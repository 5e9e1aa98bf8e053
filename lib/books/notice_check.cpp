#include "books/notice_check.hpp"

#include <algorithm>
#include <future>

#include "books/verification.hpp"
#include "error.hpp"
#include "storage/audit_queries.hpp"
#include "storage/fund_file.hpp"

namespace cfund::books {

namespace {

// The code is made from the stored head at the notice's cut-off; the genesis head
// stands for a notice of an empty journal. The stored hashes are searched from the last
// entry back, one at a time, stopping at the first whose code matches: the notice or
// witness being checked is most often a recent one, and an entry older than the match
// needs no hash of its code. The entries up to the match are then read for their dates.
void find_code(storage::FundFile& file, NoticeCheck& check) {
  const std::int64_t entries = storage::entry_count(file);
  if (verification_code(kGenesisHash) == check.code) {
    check.matched = true;
    check.later_entries = entries;
    return;
  }
  storage::for_each_stored_hash(file, storage::EntryOrder::newest_first, [&](const storage::StoredHash& stored) {
    if (verification_code(stored.hash) != check.code) return true;
    check.matched = true;
    check.covered_through = stored.entry_id;
    return false;
  });
  if (!check.matched) return;
  std::int64_t seen = 0;
  storage::for_each_entry_date_through(file, check.covered_through, [&](const std::string& date) {
    ++seen;
    if (check.first_date.empty() || date < check.first_date) check.first_date = date;
    check.last_date = std::max(check.last_date, date);
  });
  check.later_entries = entries - seen;
}

}  // namespace

NoticeCheck check_notice(storage::FundFile& file, const std::string& typed_code) {
  storage::FundFile::ReadSnapshot snapshot(file);  // one view of the books
  NoticeCheck check;
  if (!typed_code.empty()) {
    check.code = normalise_verification_code(typed_code);
    if (check.code.empty()) {
      throw InputError(bilingual("--code：“{0}”不是校验码（形如 CF-7K3Q-9XW2-M4TD）",
                                 "--code: '{0}' is not a verification code (it looks like CF-7K3Q-9XW2-M4TD)",
                                 typed_code));
    }
  }
  // The chain is verified beside the search for the code (both read every entry).
  std::future<ChainReport> chain = check.code.empty() ? std::future<ChainReport>{} : verify_chain_beside(file);
  if (!chain.valid()) check.chain = verify_chain(file);
  if (check.code.empty()) return check;
  find_code(file, check);
  if (chain.valid()) check.chain = chain.get();
  return check;
}

}  // namespace cfund::books
