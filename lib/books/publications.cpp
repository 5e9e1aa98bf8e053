#include "books/publications.hpp"

#include "storage/notice_queries.hpp"

namespace cfund::books {

RecordedPublication record_publication(storage::FundFile& file, const Recorder& recorder,
                                       const PublicationInput& input) {
  storage::FundFile::WriteTransaction tx(file);
  for (const auto& earlier : storage::publications(file)) {
    if (earlier.period_label == input.period.label && earlier.cutoff_entry == input.cutoff_entry) {
      return {earlier.entry_id, true};
    }
  }
  EntryDraft draft;
  draft.kind = model::entry_kind::publication;
  draft.date = recorder.now.today;
  draft.detail.set("period_label", input.period.label)
      .set("first_date", input.period.first.iso())
      .set("last_date", input.period.last.iso())
      .set("cutoff_entry", input.cutoff_entry)
      .set("code", input.code)
      .set("formats", input.formats);
  const std::int64_t id = append_entry(file, recorder, draft);
  tx.commit();
  return {id, false};
}

}  // namespace cfund::books
