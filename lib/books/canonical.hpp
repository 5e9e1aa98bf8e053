#pragma once
// The canonical encoding of a journal entry, which the hash chain hashes (journal.hpp):
// compact JSON with sorted keys — "detail" and "detail_table" when the entry has detail
// rows, "entry" (its row without its hash), "postings" (in seq order) — NULL columns and
// the link columns (hash, entry_id) left out.

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "storage/rows.hpp"
#include "util/sha256.hpp"

namespace cfund::books {

// Writes an entry's canonical encoding straight from its rows as SQLite holds them,
// without copying them into storage::Row, and feeds it to SHA-256: the chain's walk
// reads every entry of the file this way. The same bytes as canonical_encoding() of the
// same rows, which the caller takes instead when valid() is false after feed() (a text
// that is not UTF-8: only a raw edit writes one).
class CanonicalWriter {
 public:
  void entry(const storage::RawRow& row);  // starts the entry
  void posting(const storage::RawRow& row);
  void detail(const storage::RawRow& row);
  bool valid() const { return valid_; }
  // Feeds the encoding to `sha`, piece by piece (nothing copied into one string); the
  // detail part only with detail rows of a named detail table.
  void feed(util::Sha256& sha, const std::string& detail_table);

 private:
  // A table's columns in key order, each with its key as JSON ("name":), the left-out
  // column passed over.
  struct Layout {
    std::vector<std::pair<std::size_t, std::string>> keys;
    bool valid = true;  // false for two columns of one name (nothing cfund makes)
  };
  const Layout& layout_for(const storage::RawRow& row, std::string_view skip);
  std::string_view detail_table_json(const std::string& detail_table);
  void append_row(std::string& out, const storage::RawRow& row, std::string_view skip);

  std::unordered_map<const std::vector<std::string>*, Layout> layouts_;  // by the scan's column names
  std::string entry_, postings_, detail_;
  std::string table_, table_json_;  // the last detail table named and its JSON string
  std::size_t detail_rows_ = 0;
  bool valid_ = true;
};

}  // namespace cfund::books
