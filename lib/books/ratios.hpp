#pragma once
// The figures of a year that the fund's rules measure (the yearly ratios of `cfund
// audit`, the annual report): total income, charitable spending, management cost
// and total spending. They are what the postings dated in the year say, classed by
// the line of the statement of activities their kind and sort feed (model/
// categories.hpp, activity_line_of): the same figures as the annual statements and
// the export, so a year's ratios do not change when an entry is voided later (the
// void counts in its own year). Opening balances are never income.

#include "model/types.hpp"
#include "storage/fund_file.hpp"

namespace cfund::books {

struct YearFigures {
  util::Fen income = 0;      // every income line: donations (money and goods), other income, sales
  util::Fen charitable = 0;  // payments of charitable categories (relief, projects) and goods given out
  util::Fen management = 0;  // payments counted as management cost (management, bank fees)
  util::Fen spending = 0;    // every cost line: payments, goods given out, goods sold
};

YearFigures year_figures(storage::FundFile& file, int year);

}  // namespace cfund::books
