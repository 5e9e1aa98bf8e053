#pragma once
// The figures of a year that the fund's rules measure (the yearly ratios of `cfund
// audit`, the annual report): total income, charitable spending, management cost
// and total spending, each summed from the year's unvoided entries by what the
// registry says of their kind and category (model/entry_kinds.hpp,
// model/categories.hpp). Opening balances are never income.

#include "model/types.hpp"
#include "storage/audit_queries.hpp"
#include "storage/fund_file.hpp"

namespace cfund::books {

struct YearFigures {
  storage::YearTotals totals;
  util::Fen income = 0;      // donations (money and goods), other income, what goods sold fetched
  util::Fen charitable = 0;  // payments of charitable categories (relief, projects) and goods given out
  util::Fen management = 0;  // payments counted as management cost (management, bank fees)
  util::Fen spending = 0;    // every payment and the goods given out
};

YearFigures year_figures(storage::FundFile& file, int year);

}  // namespace cfund::books
