#pragma once
// Rules of the books that more than one kind of entry must meet. Each refuses with a
// Refused error that says what is wrong and what is available.

#include <vector>

#include "books/journal.hpp"
#include "model/types.hpp"
#include "storage/fund_file.hpp"

namespace cfund::books {

// No account and no designation may go below zero on any day from the entry's date
// on (专款专用: restricted money is spent only on its purpose, and a back-dated
// payment cannot spend money that arrived later).
void require_no_overdraft(storage::FundFile& file, const EntryDraft& draft);
// The same rule with the balances the journal keeps in memory: what the books held
// when it first read a target, plus everything appended through it since (an import
// checks each row against the rows before it without writing the per-day totals).
void require_no_overdraft(storage::FundFile& file, JournalAppender& journal, const EntryDraft& draft);

// A payment above the fund's approval threshold for its category ([approval] in the
// fund TOML, else approval_threshold) needs an approval reference; categories to
// which no approval applies (bank fees, model/categories.cpp) never do.
void require_approval(storage::FundFile& file, const std::string& category, Fen amount,
                      const std::string& approval_ref);
void require_approval(const model::FundSettings& settings, const std::string& category, Fen amount,
                      const std::string& approval_ref);
// Whether require_approval asks a payment of this category and amount for a reference.
bool needs_approval(const model::FundSettings& settings, const std::string& category, Fen amount);

}  // namespace cfund::books
