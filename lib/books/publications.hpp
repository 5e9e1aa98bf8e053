#pragma once
// Publications (公示记录): publishing a notice appends a journal entry of kind
// 'publication' naming the period, the cut-off entry and the verification code, so
// that later notices know what was published (for their corrections) and anyone
// can see which state of the books a notice was made from.

#include <cstdint>
#include <optional>
#include <string>

#include "books/journal.hpp"
#include "storage/fund_file.hpp"
#include "util/date.hpp"

namespace cfund::books {

struct PublicationInput {
  util::Period period;
  std::int64_t cutoff_entry = 0;
  std::string code;
  std::string formats;  // "md,html"
};

struct RecordedPublication {
  std::int64_t entry_id = 0;
  bool already_recorded = false;  // the same period and cut-off were recorded before
};

// One transaction. Publishing the same period with the same cut-off again records
// nothing new and returns the earlier record: the notice is the same.
RecordedPublication record_publication(storage::FundFile& file, const Recorder& recorder,
                                       const PublicationInput& input);

}  // namespace cfund::books
