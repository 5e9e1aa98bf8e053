#pragma once
// Donation and payment rows, read one way wherever storage needs them: the books'
// lists (any void counts) and the notice (only voids within its cut-off count).
// Internal to lib/storage.

#include <optional>
#include <string>

#include "books/types.hpp"
#include "storage/queries.hpp"

namespace SQLite {
class Statement;
}

namespace cfund::storage::detail {

// "SELECT … FROM … <void_join>": the detail row is aliased d, its entry e and its
// void v; the caller appends WHERE and ORDER BY.
std::string donation_select(const std::string& void_join);
std::string disbursement_select(const std::string& void_join);
// The void join of the books' lists: whatever void the entry has.
inline const char* const kAnyVoid = "LEFT JOIN entries v ON v.voids_entry = e.id ";

// Read a row of the selects above; voided_by and void_reason come from v.
books::DonationRow read_donation(SQLite::Statement& q);
books::DisbursementRow read_disbursement(SQLite::Statement& q);
// The void of the current row, if any.
std::optional<VoidMark> read_void(SQLite::Statement& q);

}  // namespace cfund::storage::detail
