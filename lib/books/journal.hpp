#pragma once
// The journal: append-only entries, each with postings that sum to zero and a hash
// chained to the previous entry. Nothing here updates or deletes a journal row.
//
// hash(n) = SHA-256( hash(n-1) ‖ canonical_encoding(entry n) ), hash(0) = 64 zeros.
// The canonical encoding is compact JSON with sorted keys of the entry row (without
// its hash), its postings in order and its detail row, NULL columns left out (so a
// later migration may add nullable columns without breaking old hashes).

#include <cstdint>
#include <functional>
#include <future>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "model/entry_kinds.hpp"
#include "storage/queries.hpp"
#include "storage/rows.hpp"
#include "util/clock.hpp"
#include "util/date.hpp"
#include "util/message.hpp"
#include "util/money.hpp"

namespace cfund::storage {
class FundFile;
}

namespace cfund::books {

using util::Fen;

// Who records, and when: taken once per command.
struct Recorder {
  std::string operator_name;
  util::Moment now;
};

struct PostingDraft {
  enum class Side { account, designation };
  Side side;
  std::int64_t target_id;
  util::Fen amount;  // debit positive
};

struct EntryDraft {
  std::string kind;
  util::Date date;
  std::string memo;
  std::string approval_ref;
  std::string reason;
  std::optional<std::int64_t> voids_entry;
  std::vector<PostingDraft> postings;
  storage::Row detail;  // columns of the kind's detail table, without entry_id
  // For a kind with many detail rows (model::EntryKind::many_rows): the rows, in order
  // (`detail` is then unused).
  std::vector<storage::Row> details;
};

// Appends the entry inside the caller's write transaction and returns its id.
// Refuses (Refused) an entry dated inside a closed period, or moving money of a
// closed account or designation: this is the one place every writer meets, so no
// command can write into a closed month or a closed account. For the same
// reason it refuses (InputError, naming the column) text that is not UTF-8, holds a
// control character other than tab and line breaks, or is over 2000 characters.
// It refuses (InputError) an amount above the fund's max_amount (at most
// util::kMaxEntryAmount) and a date later than today plus the fund's future_days, and
// (Refused) an entry whose postings would take a balance or a day's total beyond what
// 64 bits hold: checked here, the one place every writer meets, so no command can
// store a total that later reads could not add up. A void is not held to max_amount:
// it reverses what was recorded, however large.
// Throws std::logic_error if the postings do not sum to zero (a bug, not input).
std::int64_t append_entry(storage::FundFile& file, const Recorder& recorder, const EntryDraft& draft);

// Appends many entries inside one write transaction (an import): the chain head,
// the next id and the closed period are read once and kept in memory; finish()
// records the chain head and adds the postings to the per-day totals (day_totals),
// so balances read inside the transaction count the appended entries only after it.
// append_entry is one JournalAppender with one entry.
class JournalAppender {
 public:
  JournalAppender(storage::FundFile& file, const Recorder& recorder);
  std::int64_t append(const EntryDraft& draft);
  void finish();
  std::int64_t last_id() const { return next_id_ - 1; }
  // The lowest balance the target has on any day from `date` on (inclusive): what
  // storage::lowest_balance_from gives once the appended entries are finished, kept in
  // memory (the target's per-day totals read once, then what each entry appended
  // since adds), so that an import checks each row against the rows before it
  // without writing the per-day totals after every row.
  util::Fen lowest_balance_from(storage::Side side, std::int64_t id, const util::Date& date);
  const Recorder& recorder() const { return recorder_; }

 private:
  storage::FundFile& file_;
  const Recorder& recorder_;
  std::string head_;
  std::int64_t next_id_;
  std::optional<util::Date> closed_through_;
  std::set<std::int64_t> closed_accounts_, closed_designations_;  // closed: they take no postings
  util::Fen max_amount_;
  util::Date latest_date_;  // today plus the fund's future_days
  void check_limits(const EntryDraft& draft, const storage::Row& detail) const;
  void add_to_day_totals(const EntryDraft& draft);
  storage::DayTotals day_totals_;  // what the appended postings add, written by finish()
  // The per-day balances of the targets lowest_balance_from was asked about, in each
  // target's own sign, by date; the dates and totals side by side.
  struct Days {
    std::vector<std::string> dates;
    std::vector<util::Fen> totals;
  };
  std::map<std::pair<storage::Side, std::int64_t>, Days> balances_;
  void add_to_balances(const EntryDraft& draft);
  // The INSERTs, prepared once for the whole import.
  storage::RowInserter entries_;
  storage::RowInserter postings_;
  std::map<std::string, storage::RowInserter> details_;  // by detail table
};

std::string canonical_encoding(const storage::EntryRows& rows);
std::string chain_hash(const std::string& previous_hash, const std::string& canonical);
inline const std::string kGenesisHash(64, '0');

struct ChainReport {
  std::int64_t entries = 0;         // entries read
  std::string head = kGenesisHash;  // hash of the last good entry
  std::optional<std::int64_t> first_bad_entry;
  std::optional<Message> problem;  // what is wrong with first_bad_entry
  bool ok() const { return !first_bad_entry.has_value(); }
};

// Recomputes every hash, checks the links, the ids, the postings' sums, rows that
// belong to no entry, and the recorded chain head. Names the first bad entry.
// With at least 2 × `segment` entries, the chain is checked in pieces (at most 16, of at
// least `segment` entries) that this connection and a second one, in a thread of its own,
// take in turn (the report is the same).
inline constexpr std::int64_t kChainSegment = 20000;
ChainReport verify_chain(storage::FundFile& file, std::int64_t segment = kChainSegment);

// The same checks for the entries from first_id to the last, the first one linked to
// the hash stored in entry first_id - 1 (taken as it is), and the recorded chain head.
// Costs what those entries cost. Rows outside any entry are not looked for.
ChainReport verify_chain_from(storage::FundFile& file, std::int64_t first_id, std::int64_t segment = kChainSegment);

// The same checks for some runs of entries, each run's first linked to the hash stored
// in the entry before it (taken as it is, or the genesis); and the recorded chain head
// against the last entry's id and its hash as stored. A roll-up's quick check reads a
// period's entries with it (docs/rollup.md says what this proves and what it does not).
// Rows outside any entry are not looked for.
ChainReport verify_chain_runs(storage::FundFile& file, std::vector<storage::IdRun> runs);

// verify_chain on a second connection in a thread of its own, so that the caller can
// read other things meanwhile. Only when that connection sees the same books as
// `file` (the same chain head, chain length and last entry: SQLite's Debian build has
// no snapshot API to share one view); nothing (verify in turn) when it cannot.
std::future<ChainReport> verify_chain_beside(storage::FundFile& file);

// `work` on a second connection in a thread of its own, when that connection sees the
// same books as `file` (as verify_chain_beside); an empty future (the caller does the
// work itself, on `file`) when it cannot. The future's get() rethrows what work threw.
std::future<void> run_beside(storage::FundFile& file, std::function<void(storage::FundFile&)> work);

// The chain head and length as recorded at the last append.
struct ChainHead {
  std::int64_t length = 0;
  std::string hash = kGenesisHash;
};
ChainHead recorded_chain_head(storage::FundFile& file);

}  // namespace cfund::books
