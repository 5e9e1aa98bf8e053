#pragma once
// The figures of a year that the fund's rules measure (the yearly ratios of `cfund
// audit`, the annual report): total income, charitable spending, management cost
// and total spending. They are what the postings dated in the year say, classed by
// the line of the statement of activities their kind and sort feed (model/
// categories.hpp, activity_line_of): the same figures as the annual statements and
// the export, so a year's ratios do not change when an entry is voided later (the
// void counts in its own year). Opening balances are never income.

#include <vector>

#include "model/types.hpp"
#include "storage/fund_file.hpp"
#include "storage/statement_queries.hpp"

namespace cfund::books {

struct YearFigures {
  util::Fen income = 0;      // every income line: donations (money and goods), other income, sales
  util::Fen charitable = 0;  // payments of charitable categories (relief, projects) and goods given out
  util::Fen management = 0;  // payments counted as management cost (management, bank fees)
  util::Fen spending = 0;    // every cost line: payments, goods given out, goods sold
};

// What of a year's figures to read: all of them; only the income (a previous year's, the
// base of the charitable ratio); only the costs (the year judged). Each part reads only
// the kinds of entry that feed it (model::kinds_feeding); the other part stays 0.
enum class YearPart { all, income, costs };
YearFigures year_figures(storage::FundFile& file, int year, YearPart part = YearPart::all);
// The figures of one year's flows on designations (flows_between of the year, or the
// audit's one read of the postings); goods_designation is the goods stock's.
YearFigures year_figures_of(const std::vector<storage::Flow>& flows, std::int64_t goods_designation,
                            YearPart part = YearPart::all);

// What a designation posting counts as in those figures, by the kind and sort of
// the entry whose flow it is (a void: its original's) and whether it is on the goods
// designation. Every cost is spending; charitable and management are parts of it.
// year_figures adds postings up by it, and the warehouse export writes it beside
// each posting (docs/warehouse.md), so SQL over the warehouse finds the same ratios.
enum class RatioRole { none, income, charitable, management, other_cost };
RatioRole ratio_role(const std::string& kind, const std::string& sort, bool on_goods);
std::string ratio_role_id(RatioRole role);  // "", income, charitable, management, other_cost

// One of the yearly ratio rules ([audit] in the fund TOML) judged on a year's figures.
struct RatioJudgement {
  bool applies = false;      // the rule is on and has a base (income last year; spending this year)
  bool ok = true;            // met, or not applicable
  bool below_floor = false;  // management: less cost than the floor, so the limit does not apply
  util::Fen part = 0;        // charitable spending; management cost
  util::Fen whole = 0;       // last year's income; this year's spending
};

struct YearRatios {
  int year = 0;
  RatioJudgement charitable;  // charitable spending >= charitable_ratio_min % of last year's income
  RatioJudgement management;  // management cost <= management_ratio_max % of the year's spending
};

// The one place the rules are applied: `cfund audit` (RATIO_* findings) and the
// roll-up (the funds that miss them) both judge with it.
YearRatios judge_ratios(const model::AuditSettings& rules, int year, const YearFigures& figures,
                        const YearFigures& previous);

}  // namespace cfund::books
