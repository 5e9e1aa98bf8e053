#pragma once
// The sorts of two entry kinds, each declared once: the income kinds of
// `cfund income add --kind` and the payment categories of `cfund disburse add
// --category`; and the kinds of accounts. Names, the statement line each feeds,
// the component of its export account and the rules that differ by sort.

#include <string>
#include <vector>

#include "model/entry_kinds.hpp"
#include "util/message.hpp"

namespace cfund::model {

// Income other than donations (SPEC §4): no receipt, never among donors.
struct IncomeKind {
  std::string id;                // grant, matching, interest, service, sales, other
  Message name;                  // 政府补助 / government grant
  ActivityLine line;             // the 业务活动表 line it feeds
  std::string export_component;  // Income:<component>
  Message help;                  // what it is, for --help and docs
};
const std::vector<IncomeKind>& income_kinds();
const IncomeKind* find_income_kind(const std::string& id);

// How a payment is classed (SPEC §2), and what follows from it.
struct PaymentCategory {
  std::string id;  // relief, project, management, fundraising, fee
  Message name;    // 救助 / relief
  ActivityLine line;
  std::string export_component;  // Expenses:<component>
  bool charitable = false;       // counts as charitable spending (the 70% ratio)
  bool management = false;       // counts as management cost (the 10% ratio)
  bool needs_beneficiary = false;
  // Whether the fund's approval threshold applies. A bank fee is taken by the bank,
  // not decided by the council: no threshold applies to it.
  bool approval = true;
};
const std::vector<PaymentCategory>& payment_categories();
const PaymentCategory* find_payment_category(const std::string& id);
// What a category is called; an unknown one (only a raw edit stores it) as stored.
Message category_name(const std::string& category);

// Where money physically sits. "goods" is the fund's stock of donated goods (one
// account every fund has, kept by the goods commands, never named by a payment).
struct AccountKind {
  std::string id;                // bank, cash, wechat, alipay, other, goods
  Message name;                  // 银行 / bank
  std::string export_component;  // Assets:<component>
  bool money = true;             // false: the goods stock
};
const std::vector<AccountKind>& account_kinds();
const AccountKind* find_account_kind(const std::string& id);
// The kinds a fund definition may name (every kind but goods).
std::vector<std::string> money_account_kind_ids();

// The ids of a registry, for a command line's allowed values.
std::vector<std::string> income_kind_ids();
std::vector<std::string> payment_category_ids();
// The line of the statement of activities (业务活动表) that a posting feeds: a
// posting of an entry of `kind` with `sort` (its income kind or payment category; a
// void passes its original's kind and sort, and feeds the same line negated), on
// the goods designation when `goods`. An income kind or category cfund does not
// know (only a raw edit stores one) feeds 其他收入 / 其他费用. none: the posting is
// neither income nor expense (opening balances, reallocations, transfers).
ActivityLine activity_line_of(const std::string& kind, const std::string& sort, bool goods);
// The income lines and the expense lines, in the order the statement shows them.
const std::vector<ActivityLine>& income_lines();
const std::vector<ActivityLine>& cost_lines();
bool is_income_line(ActivityLine line);
// The kinds of entry whose postings may feed an income line (`income`) or an expense
// line, whatever their sort and designation, and the voids (classed by their originals):
// the kinds a year's income or expenses must read.
std::vector<std::string> kinds_feeding(bool income);
// The kinds of entry whose line depends on more than the kind: on their sort (income
// kind or payment category) or, for a void, on its original. The only ones whose sort
// or original a reader of flows needs to look up.
std::vector<std::string> kinds_classed_beyond_kind();

// The choices of a registry, for messages and --help:
// "relief（救助）、project（项目支出）或 fee（手续费）" / "relief, project or fee".
Message income_kind_choices();
Message payment_category_choices();
Message approved_category_choices();  // the categories to which an approval threshold applies

Message account_kind_choices();  // the kinds a fund definition may name

}  // namespace cfund::model
