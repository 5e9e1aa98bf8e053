#include "books/notice_check.hpp"

#include <algorithm>

#include "books/verification.hpp"
#include "error.hpp"
#include "storage/audit_queries.hpp"
#include "storage/fund_file.hpp"

namespace cfund::books {

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
  check.chain = verify_chain(file);
  if (check.code.empty()) return check;

  const auto hashes = storage::stored_hashes(file);
  // The code is made from the stored head at the notice's cut-off; the genesis head
  // stands for a notice of an empty journal.
  std::optional<std::size_t> found;
  if (verification_code(kGenesisHash) == check.code) found = 0;
  for (std::size_t i = 0; i < hashes.size() && !found; ++i) {
    if (verification_code(hashes[i].hash) == check.code) found = i + 1;
  }
  if (!found) return check;
  check.matched = true;
  check.covered_through = *found == 0 ? 0 : hashes[*found - 1].entry_id;
  for (std::size_t i = 0; i < *found; ++i) {
    if (check.first_date.empty() || hashes[i].date < check.first_date) check.first_date = hashes[i].date;
    check.last_date = std::max(check.last_date, hashes[i].date);
  }
  check.later_entries = static_cast<std::int64_t>(hashes.size() - *found);
  return check;
}

}  // namespace cfund::books
