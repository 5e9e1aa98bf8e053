#pragma once
// What an export of the journal (cfund export) reads: every entry dated in a range as
// the journal stores it — its entry row, its postings and its detail row, with the
// columns the entry-kind registry declares (model/entry_kinds.hpp), private columns
// left unread — streamed in date and entry order, so that a journal of a million
// entries is read in small memory; and the balances of every account and designation
// at a date (the opening and closing of the export).

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "storage/queries.hpp"
#include "storage/rows.hpp"

namespace cfund::storage {

class FundFile;

// Calls back for each entry dated within [from, to] (ISO dates, inclusive), in date
// and entry order. The detail row holds the registry's public columns of the kind's
// table (none for a kind without one).
void for_each_entry_dated(FundFile& file, const std::string& from, const std::string& to,
                          const std::function<void(const EntryRows&)>& visit);

// One entry's rows, read the same way (what a void reverses).
std::optional<EntryRows> entry_rows(FundFile& file, std::int64_t id);

// The void of each voided entry: original id -> void id.
std::map<std::int64_t, std::int64_t> void_links(FundFile& file);

// The latest official receipt number of each donation that has one.
std::map<std::int64_t, std::string> host_receipt_numbers(FundFile& file);

// Each project's code and name, by its designation id.
std::map<std::int64_t, std::pair<std::string, std::string>> project_names(FundFile& file);

// Balances (accounts debit positive, designations credit positive) of the postings
// dated on or before `date_iso`, by id; targets without postings are left out.
struct BalancesAt {
  std::map<std::int64_t, util::Fen> accounts;
  std::map<std::int64_t, util::Fen> designations;
};
BalancesAt balances_at(FundFile& file, const std::string& date_iso);

// The first and last entry dates within [from, to], if any entry is dated there.
std::optional<std::pair<std::string, std::string>> entry_date_range(FundFile& file, const std::string& from,
                                                                    const std::string& to);

}  // namespace cfund::storage
