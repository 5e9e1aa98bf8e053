#pragma once
// Income other than donations (其他收入): government grants (政府补助), matching funds
// (配捐, linked to what they match), interest (利息), service and sales income and
// other income — the kinds of model/categories.hpp. No receipt number; never listed
// among donors.

#include <optional>
#include <string>
#include <vector>

#include "books/journal.hpp"
#include "model/types.hpp"
#include "storage/fund_file.hpp"
#include "util/date.hpp"

namespace cfund::books {

struct IncomeInput {
  std::string kind;    // grant, matching, interest, service, sales, other
  std::string source;  // who paid it
  util::Date date;
  Fen amount = 0;
  std::string account;      // code or name
  std::string designation;  // code or name; empty for the general fund
  std::string external_ref;
  // Matching funds name what they match: the entry number of a donation, or
  // a campaign ("99公益日").
  std::string matches;
  std::string memo;
  std::optional<model::ImportSource> source_line;  // set by an import
};

// One transaction: checks, records, returns the entry id.
std::int64_t record_income(storage::FundFile& file, const Recorder& recorder, const IncomeInput& input);

// Records income inside the caller's write transaction (an import), with the rules
// of record_income.
std::int64_t append_income(storage::FundFile& file, JournalAppender& journal, const IncomeInput& input);

std::vector<model::IncomeRow> list_income(storage::FundFile& file, const util::Period& period);

}  // namespace cfund::books
