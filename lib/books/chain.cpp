// The hash chain's check (journal.hpp): every entry read once, straight from SQLite, in
// pieces that two connections take in turn when the journal is long.

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "books/canonical.hpp"
#include "books/journal.hpp"
#include "storage/fund_file.hpp"
#include "util/sha256.hpp"

namespace cfund::books {

namespace {

void fail_chain(ChainReport& report, std::int64_t entry, Message problem) {
  if (report.first_bad_entry) return;
  report.first_bad_entry = entry;
  report.problem = std::move(problem);
}

// The index of `column` among the scan's column names (the same object for every row).
class ColumnIndex {
 public:
  explicit ColumnIndex(std::string column) : column_(std::move(column)) {}
  std::optional<std::size_t> in(const storage::RawRow& row) {
    if (&row.names() != names_) {
      names_ = &row.names();
      const auto found = std::find(names_->begin(), names_->end(), column_);
      index_ = found == names_->end() ? std::nullopt : std::optional(found - names_->begin());
    }
    return index_;
  }
  // The column's text as storage::Row holds it ("" for NULL, an integer or no column).
  std::string_view text(const storage::RawRow& row) {
    const auto index = in(row);
    if (!index || row.type(*index) != storage::RawRow::Type::text) return {};
    return row.text(*index);
  }

 private:
  std::string column_;
  const std::vector<std::string>* names_ = nullptr;
  std::optional<std::size_t> index_;
};

// Recomputes the entries of a scan: ids without gaps from first_id, kinds cfund writes,
// links (the first to `previous`), hashes, the detail rows the kind has, balanced
// postings. Stops looking at the first bad entry.
class ChainWalk : public storage::EntryScanVisitor {
 public:
  ChainWalk(storage::FundFile& file, ChainReport& report, std::int64_t first_id, std::string previous)
      : file_(file), report_(report), expected_id_(first_id), previous_(std::move(previous)) {
    report_.head = previous_;
  }
  std::int64_t next_id() const { return expected_id_; }

  void entry(std::int64_t id, const storage::RawRow& row) override {
    if (report_.first_bad_entry) return;
    id_ = id;
    kind_ = kind_column_.text(row);
    prev_hash_ = prev_hash_column_.text(row);
    hash_ = hash_column_.text(row);
    sum_ = 0;
    detail_rows_ = 0;
    writer_.entry(row);
  }
  void posting(const storage::RawRow& row) override {
    if (report_.first_bad_entry) return;
    const auto amount = amount_column_.in(row);
    if (amount) sum_ += row.integer(*amount);
    writer_.posting(row);
  }
  void detail(const storage::RawRow& row) override {
    if (report_.first_bad_entry) return;
    ++detail_rows_;
    writer_.detail(row);
  }
  void end_entry(const std::string& detail_table) override {
    if (report_.first_bad_entry) return;
    ++report_.entries;
    if (const auto problem = check(detail_table)) {
      fail_chain(report_, problem->first, problem->second);
      return;
    }
    previous_ = hash_;
    report_.head = hash_;
    ++expected_id_;
  }

 private:
  std::optional<std::pair<std::int64_t, Message>> check(const std::string& detail_table);
  bool hash_matches(const std::string& detail_table);

  storage::FundFile& file_;
  ChainReport& report_;
  std::int64_t expected_id_;
  std::string previous_;
  CanonicalWriter writer_;
  ColumnIndex kind_column_{"kind"}, prev_hash_column_{"prev_hash"}, hash_column_{"hash"}, amount_column_{"amount"};
  std::int64_t id_ = 0;
  std::string kind_, prev_hash_, hash_, slow_;
  util::Sha256 sha_;
  util::Fen sum_ = 0;
  std::size_t detail_rows_ = 0;
};

// Whether the entry's stored hash is that of the link and its canonical encoding: the
// encoding fed to SHA-256 as it was written while read, or (text that is not UTF-8)
// made from its rows read again.
bool ChainWalk::hash_matches(const std::string& detail_table) {
  sha_.restart();
  sha_.update(previous_);
  writer_.feed(sha_, detail_table);
  if (writer_.valid()) return sha_.finish_matches(hash_);
  slow_.clear();
  storage::for_each_entry(
      file_, model::detail_table_for,
      [this](const storage::EntryRows& rows) { slow_ = chain_hash(previous_, canonical_encoding(rows)); }, id_, id_);
  return slow_ == hash_;
}

std::optional<std::pair<std::int64_t, Message>> ChainWalk::check(const std::string& detail_table) {
  const std::int64_t id = id_;
  if (id != expected_id_) {
    return std::pair(expected_id_, bilingual("第 {0} 号分录缺失（下一条是第 {1} 号）",
                                             "entry {0} is missing (the next one is {1})", expected_id_, id));
  }
  const model::EntryKind* registered = model::find_entry_kind(kind_);
  if (registered == nullptr) {
    return std::pair(id, bilingual("第 {0} 号分录的类型“{1}”不是 cfund 写入的",
                                   "entry {0} has kind '{1}', which cfund never writes", id, kind_));
  }
  if (prev_hash_ != previous_) {
    return std::pair(
        id, bilingual("第 {0} 号分录与前一条的链接被改动", "entry {0} no longer links to the entry before it", id));
  }
  if (!hash_matches(detail_table)) {
    return std::pair(id, bilingual("第 {0} 号分录或其过账行在记录之后被改动（哈希不符）",
                                   "entry {0} or its postings were changed after recording (hash mismatch)", id));
  }
  const bool optional = detail_rows_ == 0 && registered->detail_optional;
  if (!detail_table.empty() && !optional && (registered->many_rows ? detail_rows_ == 0 : detail_rows_ != 1)) {
    return std::pair(id, bilingual("第 {0} 号分录的明细行数不对（{1} 行）",
                                   "entry {0} has {1} detail rows instead of one", id, detail_rows_));
  }
  if (sum_ != 0) {
    return std::pair(
        id, bilingual("第 {0} 号分录借贷不平（差额 {1} 分）", "entry {0} does not balance (off by {1} fen)", id, sum_));
  }
  return std::nullopt;
}

// Walks the entries first_id..last_id (all from first_id on by default) with the
// scanner of `file`. Returns the id the next entry would have.
std::int64_t walk_range(storage::FundFile& file, storage::EntryScanner& scanner, ChainReport& report,
                        std::int64_t first_id, std::string previous, std::int64_t last_id = INT64_MAX) {
  ChainWalk walk(file, report, first_id, std::move(previous));
  scanner.scan(walk, first_id, last_id);
  return walk.next_id();
}

// The registry's detail tables (each one kind's).
const std::vector<std::string>& detail_tables() {
  static const std::vector<std::string> tables = [] {
    std::vector<std::string> found;
    for (const auto& kind : model::entry_kinds()) {
      if (!kind.detail_table.empty()) found.push_back(kind.detail_table);
    }
    return found;
  }();
  return tables;
}

// How a walk of first_id..last_id ended: the id the next entry would have, and (when
// asked for, and the walk found no bad entry) the smallest entry_id of the rows within
// the range that no entry claimed (EntryScanner::unclaimed_rows).
struct Walked {
  std::int64_t next_id = 0;
  std::optional<std::int64_t> unclaimed;
};

// A second connection on the same file, in its own read snapshot, when it sees the same
// books as `file` (the same chain head and length, the same last entry): SQLite's Debian
// build has no snapshot API to share one view. Null when it cannot.
struct Beside {
  storage::FundFile file;  // not mapped into memory: its pages would count twice
  std::unique_ptr<storage::FundFile::ReadSnapshot> snapshot;
};

std::unique_ptr<Beside> open_beside(storage::FundFile& file) {
  try {
    auto beside = std::make_unique<Beside>(Beside{file.open_again(), nullptr});
    beside->snapshot = std::make_unique<storage::FundFile::ReadSnapshot>(beside->file);
    const ChainHead ours = recorded_chain_head(file);
    const ChainHead theirs = recorded_chain_head(beside->file);
    if (ours.hash != theirs.hash || ours.length != theirs.length ||
        storage::last_entry_id(file) != storage::last_entry_id(beside->file)) {
      return nullptr;
    }
    return beside;
  } catch (const std::exception&) {
    return nullptr;
  }
}

// work(connection) on a second connection (open_beside) in a thread of its own, the
// connection closed in that thread when the work is done; an empty future when no such
// connection can be had (the caller then does the work itself).
template <typename Work>
auto start_beside(storage::FundFile& file, Work work) -> std::future<decltype(work(file))> {
  std::unique_ptr<Beside> beside = open_beside(file);
  if (!beside) return {};
  return std::async(std::launch::async, [beside = std::move(beside), work = std::move(work)]() mutable {
    const auto done = std::move(beside);
    return work(done->file);
  });
}

// The walk from first_id on in pieces: each piece's first id (rising) and the hash stored
// in the entry before it, which that entry must link to.
struct Pieces {
  std::vector<std::int64_t> starts;
  std::vector<std::string> anchors;
  bool find_unclaimed = false;
  std::int64_t last_of(std::size_t piece) const {
    return piece + 1 < starts.size() ? starts[piece + 1] - 1 : INT64_MAX;
  }
};
struct PieceWalked {
  ChainReport report;
  Walked walked;
};

// At most kMaxPieces pieces of at least `segment` entries each (one when there are
// fewer than 2 × segment), cut where an entry exists.
constexpr std::int64_t kMaxPieces = 16;
Pieces cut_chain(storage::FundFile& file, std::int64_t first_id, std::string previous, std::int64_t segment) {
  const std::int64_t count = storage::last_entry_id(file) - first_id + 1;
  const std::int64_t wanted = segment > 0 ? std::min(kMaxPieces, count / segment) : 1;
  Pieces pieces{{first_id}, {std::move(previous)}, false};
  for (std::int64_t k = 1; k < wanted; ++k) {
    const auto start = storage::entry_id_from(file, first_id + count * k / wanted);
    if (!start || *start <= pieces.starts.back()) continue;
    pieces.starts.push_back(*start);
    pieces.anchors.push_back(storage::stored_hash(file, *start - 1).value_or(""));
  }
  return pieces;
}

// Walks the next piece not yet taken, and the next, until none is left, on `file`'s
// connection. A piece after one with a bad entry is not needed and not walked.
struct PieceQueue {
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> first_bad{SIZE_MAX};
};
void take_pieces(storage::FundFile& file, const Pieces& pieces, std::vector<PieceWalked>& done, PieceQueue& queue) {
  storage::EntryScanner scanner(file, model::detail_table_for);
  for (std::size_t k = queue.next++; k < pieces.starts.size(); k = queue.next++) {
    if (k > queue.first_bad) continue;
    auto& piece = done[k];
    piece.walked.next_id =
        walk_range(file, scanner, piece.report, pieces.starts[k], pieces.anchors[k], pieces.last_of(k));
    if (piece.report.first_bad_entry) {
      for (std::size_t bad = queue.first_bad; k < bad && !queue.first_bad.compare_exchange_weak(bad, k);) {
      }
    } else if (pieces.find_unclaimed) {
      piece.walked.unclaimed = scanner.unclaimed_rows(detail_tables());
    }
  }
}

// The pieces' reports, in order, as the walk of the whole would give them: the first bad
// entry, or the first gap where a piece begins; the smallest unclaimed row.
Walked join_pieces(ChainReport& report, const Pieces& pieces, const std::vector<PieceWalked>& done) {
  Walked walked{pieces.starts.front(), std::nullopt};
  for (std::size_t k = 0; k < done.size(); ++k) {
    if (k > 0 && walked.next_id != pieces.starts[k]) {
      ++report.entries;  // the walk in turn reads the piece's first entry before it sees the gap
      fail_chain(report, walked.next_id,
                 bilingual("第 {0} 号分录缺失（下一条是第 {1} 号）", "entry {0} is missing (the next one is {1})",
                           walked.next_id, pieces.starts[k]));
      return walked;
    }
    const PieceWalked& piece = done[k];
    report.entries += piece.report.entries;
    report.head = piece.report.head;
    walked.next_id = piece.walked.next_id;
    if (piece.report.first_bad_entry) {
      report.first_bad_entry = piece.report.first_bad_entry;
      report.problem = piece.report.problem;
      return walked;
    }
    const auto& unclaimed = piece.walked.unclaimed;
    if (unclaimed && (!walked.unclaimed || *unclaimed < *walked.unclaimed)) walked.unclaimed = unclaimed;
  }
  return walked;
}

// walk_range from first_id to the end, in pieces. With more than one piece (at least
// 2 × `segment` entries), this connection and a second one (open_beside, in a thread of
// its own) take them in turn, each the next piece when done with one: neither waits long
// for the other, even on a machine whose two cores do not run at the same speed.
Walked walk_chain(storage::FundFile& file, ChainReport& report, std::int64_t first_id, std::string previous,
                  std::int64_t segment, bool find_unclaimed) {
  Pieces pieces = cut_chain(file, first_id, std::move(previous), segment);
  pieces.find_unclaimed = find_unclaimed;
  std::vector<PieceWalked> done(pieces.starts.size());
  PieceQueue queue;
  std::future<void> second;
  if (pieces.starts.size() > 1) {
    second = start_beside(
        file, [&pieces, &done, &queue](storage::FundFile& other) { take_pieces(other, pieces, done, queue); });
  }
  take_pieces(file, pieces, done, queue);
  if (second.valid()) second.get();
  return join_pieces(report, pieces, done);
}

// The chain head and length recorded at the last append must be the last entry's. The
// entry named is the first one missing, or the first the record does not count.
void check_recorded_head(storage::FundFile& file, ChainReport& report, std::int64_t next_id) {
  const ChainHead recorded = recorded_chain_head(file);
  if (recorded.length != next_id - 1 || recorded.hash != report.head) {
    fail_chain(report, std::min(recorded.length, next_id - 1) + 1,
               bilingual("账套记录的链尾是第 {0} 号分录，实际只有 {1} 条：末尾的分录被删除或链尾被改动",
                         "the file records {0} entries in its chain but holds {1}: entries at the end were "
                         "removed or the chain head was changed",
                         recorded.length, next_id - 1));
  }
}

}  // namespace

ChainReport verify_chain(storage::FundFile& file, std::int64_t segment) {
  ChainReport report;
  const Walked walked = walk_chain(file, report, 1, kGenesisHash, segment, true);
  if (report.first_bad_entry) return report;

  // Rows that belong to no entry (or to an entry of another kind) were added by hand:
  // the walk passed over those with an entry_id in its range, the rest are searched for.
  std::vector<std::int64_t> orphans;
  if (walked.unclaimed) orphans.push_back(*walked.unclaimed);
  const auto outside = [&orphans, &file](const std::string& table, const std::vector<std::string>& kinds) {
    const auto found = storage::rows_without_entry_outside(file, table, kinds, 1, INT64_MAX);
    orphans.insert(orphans.end(), found.begin(), found.end());
  };
  outside("postings", {});
  for (const auto& kind : model::entry_kinds()) {
    if (!kind.detail_table.empty()) outside(kind.detail_table, {kind.id});
  }
  if (!orphans.empty()) {
    const auto entry = *std::min_element(orphans.begin(), orphans.end());
    fail_chain(report, entry,
               bilingual("发现不属于任何分录的行（指向第 {0} 号分录）",
                         "found rows that belong to no entry (pointing at entry {0})", entry));
    return report;
  }
  check_recorded_head(file, report, walked.next_id);
  return report;
}

ChainReport verify_chain_from(storage::FundFile& file, std::int64_t first_id, std::int64_t segment) {
  ChainReport report;
  if (first_id <= 1) {
    const std::int64_t next_id = walk_chain(file, report, 1, kGenesisHash, segment, false).next_id;
    if (!report.first_bad_entry) check_recorded_head(file, report, next_id);
    return report;
  }
  const auto anchor = storage::stored_hash(file, first_id - 1);
  if (!anchor) {
    fail_chain(report, first_id - 1, bilingual("第 {0} 号分录缺失", "entry {0} is missing", first_id - 1));
    return report;
  }
  const std::int64_t next_id = walk_chain(file, report, first_id, *anchor, segment, false).next_id;
  if (!report.first_bad_entry) check_recorded_head(file, report, next_id);
  return report;
}

ChainReport verify_chain_runs(storage::FundFile& file, std::vector<storage::IdRun> runs) {
  ChainReport report;
  const std::int64_t last = storage::last_entry_id(file);
  std::sort(runs.begin(), runs.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::int64_t next_id = 1;  // past the entries walked so far
  storage::EntryScanner scanner(file, model::detail_table_for);
  for (const auto& run : runs) {
    const std::int64_t first = std::max(run.first, next_id);
    if (first > run.last) continue;  // inside a run walked already
    std::string anchor = kGenesisHash;
    if (first > 1 && first != next_id) {
      const auto stored = storage::stored_hash(file, first - 1);
      if (!stored) {
        fail_chain(report, first - 1, bilingual("第 {0} 号分录缺失", "entry {0} is missing", first - 1));
        return report;
      }
      anchor = *stored;
    } else if (first > 1) {
      anchor = report.head;
    }
    next_id = walk_range(file, scanner, report, first, std::move(anchor), run.last);
    if (report.first_bad_entry) return report;
  }
  // The last entry, as stored, must be the head the file records.
  if (next_id <= last) report.head = storage::stored_hash(file, last).value_or("");
  check_recorded_head(file, report, last + 1);
  return report;
}

std::future<ChainReport> verify_chain_beside(storage::FundFile& file) {
  return start_beside(file, [](storage::FundFile& other) { return verify_chain(other); });
}

std::future<void> run_beside(storage::FundFile& file, std::function<void(storage::FundFile&)> work) {
  return start_beside(file, std::move(work));
}

}  // namespace cfund::books
