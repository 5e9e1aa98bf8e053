#pragma once
// The registry of entry kinds: every kind of journal entry cfund writes, declared
// once. For each kind it says its name (zh/en), its detail table and columns, the
// shape of its postings, whether it takes a receipt number and whether approval
// applies, which notice section and which line of the annual statement of
// activities (业务活动表) it feeds, and how it exports to ledger/beancount/JSON.
// The journal, the audit, the lists, the notice, the export and the help text read
// it; a test checks that every row is complete and that each declared detail table
// has exactly the declared columns.
//
// Two small registries sit beside it, for the kinds that come in sorts: the income
// kinds of `cfund income add --kind` and the payment categories of
// `cfund disburse add --category` (model/categories.hpp).
//
// Adding a kind (docs/ARCHITECTURE.md walks through the income, opening and goods
// kinds as the example): one row here (entry_kinds.cpp), one migration with its
// detail table (schemas/), and its command (books/ for the rules, cli/ for the verb).

#include <string>
#include <vector>

#include "util/message.hpp"

namespace cfund::model {

namespace entry_kind {
inline const std::string donation = "donation";
inline const std::string income = "income";    // income other than donations: grants, interest, ...
inline const std::string opening = "opening";  // a balance brought forward from before cfund (期初余额)
inline const std::string disbursement = "disbursement";
inline const std::string goods_given = "goods_given";    // goods taken out of stock and given (物资发放)
inline const std::string goods_sale = "goods_sale";      // goods taken out of stock and sold (慈善义卖)
inline const std::string transfer = "transfer";          // between accounts
inline const std::string reallocation = "reallocation";  // between designations
inline const std::string void_entry = "void";            // 红冲: reverses another entry
inline const std::string beneficiary = "beneficiary";    // registers a beneficiary
inline const std::string beneficiary_update = "beneficiary_update";  // a beneficiary's new phone or address
inline const std::string host_receipt = "host_receipt";              // records an official receipt number
inline const std::string project = "project";                        // proposes a project (books/projects.hpp)
inline const std::string project_stage = "project_stage";            // a step of a project's lifecycle
inline const std::string project_budget = "project_budget";          // amends a project's budget
inline const std::string period_close = "period_close";              // 结账: closes every month up to a month
inline const std::string publication = "publication";                // a published notice (公示)
inline const std::string import = "import";                          // a statement import: which file, which entries
inline const std::string registry = "registry";  // facts of the registries: settings, accounts, designations, donors
// The community side of the fund (books/community.hpp): never money.
inline const std::string household = "household";                  // registers a household (家庭户)
inline const std::string household_member = "household_member";    // a beneficiary belongs to a household
inline const std::string wish = "wish";                            // a micro-wish is posted (微心愿)
inline const std::string wish_step = "wish_step";                  // a wish is claimed, fulfilled or cancelled
inline const std::string volunteer = "volunteer";                  // registers a volunteer (志愿者)
inline const std::string service = "service";                      // hours of volunteer service (志愿服务)
inline const std::string points_redemption = "points_redemption";  // credit points redeemed (积分兑换)
inline const std::string consent = "consent";  // a person agrees (or no longer) to be named among top contributors
}  // namespace entry_kind

// How an entry's money moves. Accounts are debit positive, designations credit.
enum class PostingShape {
  none,                  // no money moves: registrations, project events, closes, publications, imports
  money_in,              // account +amount, designation −amount (money donations, income, openings)
  money_out,             // designation +amount, account −amount (payments)
  goods_in,              // goods stock account +value, goods designation −value (goods donations, goods openings)
  goods_out,             // goods designation +value, goods stock account −value (goods given out)
  goods_sold,            // money_in of the price and goods_out of the stock's value, in one entry
  between_accounts,      // transfers
  between_designations,  // reallocations
  reversal,              // a void: the original's postings, reversed
};

// Where a kind shows in a notice (公示).
enum class NoticePlacement {
  donations,      // 捐赠公示 (money, and goods received)
  income,         // 其他收入: income that is not a donation
  opening,        // 资金概况, in the opening balance (期初余额), never as income
  spending,       // 支出公示
  goods,          // 物资收发: goods given out or sold, and stock on hand
  summary_moves,  // 资金概况, as moved in / moved out (调入/调出)
  accounts_only,  // moves money between accounts only: in no list, in no designation's figures
  corrections,    // a void: as a negative line beside what it voids, or in 更正说明
  projects,       // 项目进展 (project events)
  community,  // 微心愿、志愿服务、积分: what the fund does besides money, disclosed, never counted as money
  not_shown,  // registrations and bookkeeping events that no notice lists
};

// A line of the statement of activities (业务活动表, 民间非营利组织会计制度) that an
// entry's money feeds. Some kinds feed the line of their income kind or category.
enum class ActivityLine {
  none,
  donation_income,    // 捐赠收入
  grant_income,       // 政府补助收入
  service_income,     // 提供服务收入
  sales_income,       // 商品销售收入
  investment_income,  // 投资收益
  other_income,       // 其他收入
  program_cost,       // 业务活动成本
  management_cost,    // 管理费用
  fundraising_cost,   // 筹资费用
  other_cost,         // 其他费用
  by_income_kind,     // the line of the entry's income kind (model/categories.hpp)
  by_category,        // the line of the payment's category
  by_original,        // a void: the line of the entry it reverses, negated
};
Message activity_line_name(ActivityLine line);

// One column of a detail table. Private columns (a beneficiary's name, ID number,
// phone, address) are never exported or published.
struct DetailColumn {
  std::string name;
  bool is_private = false;
};

// How a kind's postings are named in an export (report/export.cpp). A posting on an
// account is Assets:<AccountKind>:<Code> (goods stock: Assets:Goods:<Item>); a posting
// on a designation is <designation_root>:<Unrestricted|Restricted>:<Code>, and on the
// goods designation <goods_root>:Restricted:<Code>. Roots ending in ':' take the
// income kind's or the category's component (Income:Grant, Expenses:Relief).
struct ExportMapping {
  std::string designation_root;  // "" when the kind moves no designation money
  std::string goods_root;        // "" when the kind moves no goods
};

struct EntryKind {
  std::string id;                     // as stored in entries.kind
  Message name;                       // 捐赠 / donation
  std::string detail_table;           // "" when the kind has none
  std::vector<DetailColumn> columns;  // the detail table's columns after entry_id, in schema order
  bool many_rows = false;             // an entry has one detail row or more (else exactly one)
  // Entries of the kind recorded before its detail table existed have no detail row
  // (transfers before schema 9); every later one has exactly one.
  bool detail_optional = false;
  PostingShape postings = PostingShape::none;
  bool receipt = false;   // takes a donation receipt number (and appears among donors)
  bool approval = false;  // a council decision may be required (payments by threshold, reallocations always)
  bool voidable = false;  // `… void ID` may reverse it
  NoticePlacement notice = NoticePlacement::not_shown;
  ActivityLine activity = ActivityLine::none;        // what its postings on money designations feed
  ActivityLine goods_activity = ActivityLine::none;  // what its postings on the goods designation feed
  ExportMapping export_mapping;
  std::string command;  // the command that records it, for help and docs ("cfund income add")
};

// Every kind, in the order the documentation lists them.
const std::vector<EntryKind>& entry_kinds();
// The kind with this id, or nullptr (a kind cfund never writes: only a raw edit).
const EntryKind* find_entry_kind(const std::string& id);
// The detail table of a kind, "" when it has none or is unknown.
std::string detail_table_for(const std::string& kind);
// The kind's name in the language asked for; an unknown kind is shown as stored.
std::string entry_kind_name(const std::string& kind, Lang lang);

}  // namespace cfund::model
