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
// stands for a notice of an empty journal. Reads the stored hashes one at a time and
// stops at the first whose code matches.
void find_code(storage::FundFile& file, NoticeCheck& check) {
  const std::int64_t entries = storage::entry_count(file);
  std::int64_t seen = 0;
  std::string first_date;
  std::string last_date;
  if (verification_code(kGenesisHash) == check.code) {
    check.matched = true;
  } else {
    storage::for_each_stored_hash(file, [&](const storage::StoredHash& stored) {
      ++seen;
      if (first_date.empty() || stored.date < first_date) first_date = stored.date;
      last_date = std::max(last_date, stored.date);
      if (verification_code(stored.hash) != check.code) return true;
      check.matched = true;
      check.covered_through = stored.entry_id;
      return false;
    });
  }
  if (!check.matched) return;
  check.first_date = first_date;
  check.last_date = last_date;
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
