#pragma once
// The year's accounts and annual work report (年度报告) as one model, following
// 民间非营利组织会计制度: the statement of activities (业务活动表), the balance sheet
// (资产负债表), the cash flow statement (现金流量表) and the annual work report
// (年度工作报告). Every number is computed once here; render/annual_*.cpp only lay
// it out (docs/annual.md explains each line and the entries that feed it).
//
// How the numbers are made:
// - flows are what the postings dated in the year say (storage/statement_queries.hpp),
//   classed by the entry-kind registry (model::activity_line_of): a void reverses its
//   original on the void's date, so an entry voided in a later year still counts in
//   its own year. The same flows are what `cfund export` writes.
// - income is split by the designation it posts to: a restricted designation (a
//   special fund, a project, the goods designation) makes it 限定性, the general fund
//   非限定性. Expenses are presented as 非限定性; what restricted designations spent
//   (and goods given or sold out of the goods designation) is released from
//   restriction, less what was reallocated into restricted designations:
//     released = restricted expenses − net reallocations into restricted designations
//     change(非限定性) = income(非限定性) − expenses + released
//     change(限定性)   = income(限定性) − released
// - opening balances (kind opening) are never income: they are net assets brought
//   forward in the year they are dated (期初余额转入).
// - identities, checked when building (std::logic_error if any fails — a bug, exit 5):
//   net assets at the year's end = at the previous year's end + brought forward +
//   净资产变动额, per column; 货币资金 at the end = at the start + brought forward in
//   money + the cash flow's net change; assets = net assets (the books hold no
//   liabilities); relief by beneficiary = the relief the statement counts; goods by
//   item = 存货.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "books/audit.hpp"
#include "books/ratios.hpp"
#include "model/entry_kinds.hpp"
#include "model/types.hpp"
#include "report/community.hpp"
#include "storage/fund_file.hpp"
#include "util/clock.hpp"

namespace cfund::report {

using util::Fen;

struct AnnualOptions {
  int year = 0;
  std::int64_t generated_at = 0;  // seconds since 1970 (UTC), printed in the fund's time zone; the caller decides
  // false: the statements only, without the work report (and so without its audit of
  // the year): what the roll-up of many funds reads (report/rollup.hpp).
  bool work_report = true;
};

// A figure in the two columns of net assets.
struct Split {
  Fen unrestricted = 0;  // 非限定性
  Fen restricted = 0;    // 限定性
  Fen total() const { return unrestricted + restricted; }
};

struct ActivityAmount {
  model::ActivityLine line = model::ActivityLine::none;
  Split amount;  // expenses: unrestricted only
};

// One year's statement of activities (业务活动表).
struct Activities {
  int year = 0;
  std::vector<ActivityAmount> income;  // model::income_lines(), in order
  Split income_total;
  std::vector<ActivityAmount> expenses;  // model::cost_lines(), in order
  Split expense_total;
  Fen restricted_expenses = 0;      // expenses charged to restricted designations (goods given and sold included)
  Fen allocated_to_restricted = 0;  // net reallocations into restricted designations (allocations less remainders)
  Fen released = 0;  // 限定性净资产转为非限定性净资产: restricted_expenses − allocated_to_restricted
  Split change;      // 净资产变动额
  Split brought_forward;  // opening balances dated in the year (期初余额), not income
};

// A balance at the previous year's end and at this year's.
struct Balance {
  Fen start = 0;
  Fen end = 0;
};

struct BalanceLine {
  std::string code;
  std::string name;
  std::string kind;  // account kind, or designation kind
  Balance balance;
};

// The balance sheet (资产负债表) at the previous year's end and this year's.
struct BalanceSheet {
  std::string start_date;  // YYYY-12-31 of the previous year
  std::string end_date;
  std::vector<BalanceLine> money;  // 货币资金, by account
  Balance money_total;
  Balance goods;  // 存货: the goods in stock at their estimated value
  Balance assets;
  Balance liabilities;  // the books hold none
  Balance unrestricted;
  Balance restricted;
  Balance net_assets;
  std::vector<BalanceLine> restricted_funds;  // each restricted designation (note)
};

// A line of the cash flow statement (direct method).
enum class CashLine {
  donations,          // 接受捐赠收到的现金
  grants,             // 政府补助收到的现金
  services,           // 提供服务收到的现金
  sales,              // 销售商品收到的现金
  other_in,           // 收到的其他与业务活动有关的现金
  paid_by_category,   // 支付的现金, one line per payment category (CashAmount::category)
  other_out,          // 支付的其他与业务活动有关的现金
  investment_income,  // 取得投资收益所收到的现金
};

struct CashAmount {
  CashLine line = CashLine::other_in;
  std::string category;  // paid_by_category: the payment category
  Fen amount = 0;        // in: received; out: paid (positive)
};

// One year's cash flows (现金流量表).
struct CashFlows {
  int year = 0;
  std::vector<CashAmount> operating_in;
  Fen operating_in_total = 0;
  std::vector<CashAmount> operating_out;
  Fen operating_out_total = 0;
  Fen operating_net = 0;
  std::vector<CashAmount> investing_in;
  Fen investing_net = 0;
  Fen financing_net = 0;  // cfund records no borrowing: always 0
  Fen net_change = 0;
  Fen brought_forward = 0;  // money opening balances dated in the year
  Fen opening_cash = 0;     // 货币资金 at the previous year's end
  Fen closing_cash = 0;
};

// The annual work report (年度工作报告).
struct Decision {
  std::string reference;           // the council's decision number
  std::string date;                // of its first entry in the year
  std::vector<std::string> kinds;  // entry kinds it approved, in order of appearance
  int entries = 0;
  Fen amount = 0;  // what those entries moved
  int voided = 0;  // of them, voided since
};

struct ProjectYear {
  std::string code;
  std::string name;
  std::string stage;  // at the year's end
  Fen budget = 0;     // as amended by then
  Fen spent_in_year = 0;
  Fen spent_total = 0;  // up to the year's end
  std::optional<std::int64_t> people_served;
  std::string evaluation;  // the evaluation's summary, privacy applied
  std::optional<std::int64_t> score;
};

struct HelpedBeneficiary {
  std::string shown;  // category and masked name: 独居老人 王*英
  std::string category;
  std::int64_t payments = 0;
  Fen relief = 0;
  std::int64_t goods_times = 0;
  Fen goods = 0;
};

struct ReliefByCategory {
  std::string category;  // the beneficiaries' category (独居老人, 困难学生, ...)
  int beneficiaries = 0;
  std::int64_t payments = 0;
  Fen relief = 0;
  Fen goods = 0;
};

struct ChannelLine {
  std::string account_kind;  // model/categories.hpp account kinds (goods: goods into stock)
  std::int64_t count = 0;
  Fen amount = 0;
};

struct MatchingLine {
  std::string date;
  std::string source;
  std::string matches;  // a campaign, or "#12" (the entry it matches)
  Fen amount = 0;
  bool voided = false;
};

struct GoodsItemYear {
  std::string item;
  std::string unit;
  Fen start = 0;     // value in stock at the previous year's end
  Fen received = 0;  // donations and goods brought forward, net of voids in the year
  Fen given = 0;
  Fen sold = 0;   // the stock's value sold
  Fen price = 0;  // what it fetched
  Fen end = 0;
  std::int64_t end_quantity = 0;  // thousandths
};

struct YearCorrection {
  std::string date;  // the void's
  std::string original_date;
  std::string original_kind;
  std::int64_t original_id = 0;
  Fen amount = 0;
  std::string reason;  // privacy applied
};

struct AuditConclusion {
  bool clean = true;
  int errors = 0;
  int warnings = 0;
  std::vector<std::pair<std::string, int>> codes;  // error and warning codes with their counts
  std::vector<books::Finding> ratios;              // RATIO_* findings of the year (messages include the figures)
  books::YearFigures figures;                      // the year's (books/ratios.hpp)
  books::YearFigures previous_figures;             // the previous year's (the charitable ratio's base)
};

struct WorkReport {
  std::vector<Decision> decisions;
  std::vector<ProjectYear> projects;
  std::vector<HelpedBeneficiary> helped;
  std::vector<ReliefByCategory> relief_by_category;
  int people_helped = 0;
  Fen relief_total = 0;
  Fen goods_to_people = 0;
  std::vector<ChannelLine> channels;
  std::vector<MatchingLine> matching;
  std::vector<GoodsItemYear> goods;
  std::vector<YearCorrection> corrections;
  AuditConclusion audit;
  // Households and people helped, volunteer hours and people, micro-wishes, credit
  // points: disclosed, never money (report/community.hpp).
  CommunityReport community;
};

struct AnnualModel {
  std::string fund_name;
  std::string organisation;
  std::string host;
  std::string supervision_phone;
  int year = 0;
  std::int64_t cutoff_entry = 0;  // the last entry that is not a publication (0: empty books)
  std::string verification_code;
  util::WallTime generated_at;     // in the fund's time zone
  Activities activities;           // this year
  Activities previous_activities;  // last year
  BalanceSheet balance;
  CashFlows cash;
  CashFlows previous_cash;
  WorkReport work;
};

// Builds the model; reads only. Throws InputError for a year cfund cannot date
// (before 1900 or after 9998) and std::logic_error if a statement does not add up.
AnnualModel build_annual(storage::FundFile& file, const AnnualOptions& options);

}  // namespace cfund::report
