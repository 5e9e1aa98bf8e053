#include "books/notice_check.hpp"

#include <algorithm>
#include <future>

#include "books/verification.hpp"
#include "error.hpp"
#include "storage/audit_queries.hpp"
#include "storage/fund_file.hpp"

namespace cfund::books {

namespace {

// The entries a search for a code has read from the first one on: how many, and their
// earliest and latest dates.
struct Covered {
  std::int64_t seen = 0;
  std::string first_date;
  std::string last_date;
  void add(const std::string& date) {
    ++seen;
    if (first_date.empty() || date < first_date) first_date = date;
    last_date = std::max(last_date, date);
  }
};

// The code is made from the stored head at the notice's cut-off; the genesis head
// stands for a notice of an empty journal. The stored hashes are read from both ends
// in turn, the first entry on and the last entry back, one at a time, until one's code
// matches or the two meet: a notice or witness from the fund's first days or from the
// last ones is found at once, and no entry's code is computed twice. The dates are
// those of entries 1..N; entries the search from the back passed over are read again
// for them.
void find_code(storage::FundFile& file, NoticeCheck& check) {
  const std::int64_t entries = storage::entry_count(file);
  if (verification_code(kGenesisHash) == check.code) {
    check.matched = true;
    check.later_entries = entries;
    return;
  }
  storage::StoredHashes oldest(file, storage::EntryOrder::oldest_first);
  storage::StoredHashes newest(file, storage::EntryOrder::newest_first);
  storage::StoredHash row;
  Covered covered;
  std::int64_t front = 0;         // the last id read from the first entry on
  std::int64_t back = INT64_MAX;  // the last id read from the last entry back
  while (!check.matched) {
    if (!oldest.next(row) || row.entry_id >= back) break;
    front = row.entry_id;
    covered.add(row.date);
    if (verification_code(row.hash) == check.code) {
      check.matched = true;
      check.covered_through = row.entry_id;
    } else if (newest.next(row) && row.entry_id > front) {
      back = row.entry_id;
      if (verification_code(row.hash) != check.code) continue;
      check.matched = true;
      check.covered_through = row.entry_id;
      storage::for_each_entry_date(file, front + 1, row.entry_id, [&](const std::string& date) { covered.add(date); });
    } else {
      break;
    }
  }
  if (!check.matched) return;
  check.first_date = covered.first_date;
  check.last_date = covered.last_date;
  check.later_entries = entries - covered.seen;
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
