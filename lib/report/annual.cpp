#include "report/annual.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <stdexcept>

#include "books/fund.hpp"
#include "books/goods.hpp"
#include "books/journal.hpp"
#include "books/projects.hpp"
#include "books/verification.hpp"
#include "error.hpp"
#include "model/categories.hpp"
#include "privacy/mask.hpp"
#include "report/annual_work.hpp"
#include "report/secrets.hpp"
#include "storage/economy_queries.hpp"
#include "storage/export_queries.hpp"
#include "storage/notice_queries.hpp"
#include "storage/project_queries.hpp"
#include "storage/queries.hpp"
#include "storage/statement_queries.hpp"
#include "util/date.hpp"

namespace cfund::report {

namespace {

using model::ActivityLine;
namespace kind = model::entry_kind;

Fen& column(Split& split, bool restricted) { return restricted ? split.restricted : split.unrestricted; }

// The fund's accounts and designations by id, read once.
struct Targets {
  std::map<std::int64_t, model::Account> accounts;
  std::map<std::int64_t, model::Designation> designations;

  explicit Targets(storage::FundFile& file) {
    for (auto& account : storage::accounts(file)) accounts[account.id] = account;
    for (auto& designation : storage::designations(file)) designations[designation.id] = designation;
  }
  const model::Designation& designation(std::int64_t id) const {
    auto found = designations.find(id);
    if (found == designations.end()) throw std::logic_error(fmt::format("a posting names designation {}", id));
    return found->second;
  }
  // Money (货币资金), as opposed to the goods stock (存货).
  bool money(std::int64_t account_id) const {
    auto found = accounts.find(account_id);
    if (found == accounts.end()) throw std::logic_error(fmt::format("a posting names account {}", account_id));
    const model::AccountKind* sort = model::find_account_kind(found->second.kind);
    return sort == nullptr || sort->money;
  }
};

ActivityAmount& line_of(std::vector<ActivityAmount>& lines, ActivityLine line) {
  for (auto& amount : lines) {
    if (amount.line == line) return amount;
  }
  throw std::logic_error("a statement line missing from the registry's order");
}

// One year's statement of activities from the flows on designations.
Activities activities_of(int year, const std::vector<storage::Flow>& flows, const Targets& targets) {
  Activities activities;
  activities.year = year;
  for (auto line : model::income_lines()) activities.income.push_back({line, {}});
  for (auto line : model::cost_lines()) activities.expenses.push_back({line, {}});
  for (const auto& flow : flows) {
    if (flow.side != storage::Side::designation) continue;
    const model::Designation& designation = targets.designation(flow.target_id);
    const bool restricted = designation.restricted;
    if (flow.kind == kind::opening) {
      column(activities.brought_forward, restricted) -= flow.amount;
      continue;
    }
    if (flow.kind == kind::reallocation) {
      if (restricted) activities.allocated_to_restricted -= flow.amount;
      continue;
    }
    const ActivityLine line = model::activity_line_of(flow.kind, flow.sort, designation.kind == model::kGoodsKind);
    if (line == ActivityLine::none) {
      throw std::logic_error(fmt::format("postings of kind '{}' on designation '{}' feed no line of the statement",
                                         flow.kind, designation.code));
    }
    if (model::is_income_line(line)) {
      column(line_of(activities.income, line).amount, restricted) -= flow.amount;
    } else {
      line_of(activities.expenses, line).amount.unrestricted += flow.amount;  // expenses are 非限定性
      if (restricted) activities.restricted_expenses += flow.amount;
    }
  }
  for (const auto& amount : activities.income) {
    activities.income_total.unrestricted += amount.amount.unrestricted;
    activities.income_total.restricted += amount.amount.restricted;
  }
  for (const auto& amount : activities.expenses) activities.expense_total.unrestricted += amount.amount.unrestricted;
  activities.released = activities.restricted_expenses - activities.allocated_to_restricted;
  activities.change.unrestricted =
      activities.income_total.unrestricted - activities.expense_total.unrestricted + activities.released;
  activities.change.restricted = activities.income_total.restricted - activities.released;
  return activities;
}

CashAmount& cash_line(std::vector<CashAmount>& lines, CashLine line, const std::string& category = "") {
  for (auto& amount : lines) {
    if (amount.line == line && amount.category == category) return amount;
  }
  throw std::logic_error("a cash flow line missing");
}

// Where money coming into or leaving an account is shown, by the line its entry feeds.
void add_cash(CashFlows& cash, const storage::Flow& flow) {
  const ActivityLine line = model::activity_line_of(flow.kind, flow.sort, false);
  switch (line) {
    case ActivityLine::donation_income:
      cash_line(cash.operating_in, CashLine::donations).amount += flow.amount;
      return;
    case ActivityLine::grant_income:
      cash_line(cash.operating_in, CashLine::grants).amount += flow.amount;
      return;
    case ActivityLine::service_income:
      cash_line(cash.operating_in, CashLine::services).amount += flow.amount;
      return;
    case ActivityLine::sales_income:
      cash_line(cash.operating_in, CashLine::sales).amount += flow.amount;
      return;
    case ActivityLine::other_income:
      cash_line(cash.operating_in, CashLine::other_in).amount += flow.amount;
      return;
    case ActivityLine::investment_income:
      cash_line(cash.investing_in, CashLine::investment_income).amount += flow.amount;
      return;
    case ActivityLine::none:
      throw std::logic_error(fmt::format("money moved by entries of kind '{}' feeds no cash flow line", flow.kind));
    default:
      break;
  }
  const bool known = flow.kind == kind::disbursement && model::find_payment_category(flow.sort) != nullptr;
  auto& paid = known ? cash_line(cash.operating_out, CashLine::paid_by_category, flow.sort)
                     : cash_line(cash.operating_out, CashLine::other_out);
  paid.amount -= flow.amount;
}

// One year's cash flows from the flows on money accounts (direct method).
CashFlows cash_of(int year, const std::vector<storage::Flow>& flows, const Targets& targets) {
  CashFlows cash;
  cash.year = year;
  for (auto line : {CashLine::donations, CashLine::grants, CashLine::services, CashLine::sales, CashLine::other_in}) {
    cash.operating_in.push_back({line, "", 0});
  }
  for (const auto& category : model::payment_categories()) {
    cash.operating_out.push_back({CashLine::paid_by_category, category.id, 0});
  }
  cash.operating_out.push_back({CashLine::other_out, "", 0});
  cash.investing_in.push_back({CashLine::investment_income, "", 0});
  for (const auto& flow : flows) {
    if (flow.side != storage::Side::account || !targets.money(flow.target_id)) continue;
    if (flow.kind == kind::opening) {
      cash.brought_forward += flow.amount;
    } else if (flow.kind != kind::transfer) {  // between the fund's own accounts: no cash flow
      add_cash(cash, flow);
    }
  }
  for (const auto& line : cash.operating_in) cash.operating_in_total += line.amount;
  for (const auto& line : cash.operating_out) cash.operating_out_total += line.amount;
  cash.operating_net = cash.operating_in_total - cash.operating_out_total;
  for (const auto& line : cash.investing_in) cash.investing_net += line.amount;
  cash.net_change = cash.operating_net + cash.investing_net + cash.financing_net;
  return cash;
}

Fen value_at(const std::map<std::int64_t, Fen>& balances, std::int64_t id) {
  auto found = balances.find(id);
  return found == balances.end() ? 0 : found->second;
}

BalanceSheet balance_sheet(int year, const storage::BalancesAt& start, const storage::BalancesAt& end,
                           const Targets& targets) {
  BalanceSheet sheet;
  sheet.start_date = util::last_day_of_year(year - 1);
  sheet.end_date = util::last_day_of_year(year);
  for (const auto& [id, account] : targets.accounts) {
    const Balance balance{value_at(start.accounts, id), value_at(end.accounts, id)};
    if (!targets.money(id)) {
      sheet.goods.start += balance.start;
      sheet.goods.end += balance.end;
      continue;
    }
    sheet.money.push_back({account.code, account.name, account.kind, balance});
    sheet.money_total.start += balance.start;
    sheet.money_total.end += balance.end;
  }
  sheet.assets = {sheet.money_total.start + sheet.goods.start, sheet.money_total.end + sheet.goods.end};
  for (const auto& [id, designation] : targets.designations) {
    const Balance balance{value_at(start.designations, id), value_at(end.designations, id)};
    Balance& side = designation.restricted ? sheet.restricted : sheet.unrestricted;
    side.start += balance.start;
    side.end += balance.end;
    if (designation.restricted && (balance.start != 0 || balance.end != 0)) {
      sheet.restricted_funds.push_back({designation.code, designation.name, designation.kind, balance});
    }
  }
  sheet.net_assets = {sheet.unrestricted.start + sheet.restricted.start, sheet.unrestricted.end + sheet.restricted.end};
  return sheet;
}

void require(bool holds, const std::string& what, Fen computed, Fen booked) {
  if (!holds) {
    throw std::logic_error(
        fmt::format("annual statements do not add up: {}: {} computed, {} in the books", what, computed, booked));
  }
}

// The identities of one year: net assets roll forward by the statement of activities,
// money by the cash flows, and assets equal net assets (no liabilities).
void check_year(const Activities& activities, const CashFlows& cash, const BalanceSheet& sheet) {
  const int year = activities.year;
  const Fen unrestricted =
      sheet.unrestricted.start + activities.brought_forward.unrestricted + activities.change.unrestricted;
  require(unrestricted == sheet.unrestricted.end, fmt::format("{} unrestricted net assets", year), unrestricted,
          sheet.unrestricted.end);
  const Fen restricted = sheet.restricted.start + activities.brought_forward.restricted + activities.change.restricted;
  require(restricted == sheet.restricted.end, fmt::format("{} restricted net assets", year), restricted,
          sheet.restricted.end);
  const Fen money = cash.opening_cash + cash.brought_forward + cash.net_change;
  require(money == cash.closing_cash, fmt::format("{} cash", year), money, cash.closing_cash);
  require(sheet.assets.end == sheet.net_assets.end + sheet.liabilities.end,
          fmt::format("{} assets against net assets", year), sheet.assets.end, sheet.net_assets.end);
  require(sheet.assets.start == sheet.net_assets.start + sheet.liabilities.start,
          fmt::format("{} assets against net assets at the start", year), sheet.assets.start, sheet.net_assets.start);
}

}  // namespace

AnnualModel build_annual(storage::FundFile& file, const AnnualOptions& options) {
  const int year = options.year;
  if (year < 1901 || year > 9998) {
    throw InputError(
        bilingual("--year：年份须在 1901 到 9998 之间，收到 {0}", "--year: a year from 1901 to 9998, not {0}", year));
  }
  storage::FundFile::ReadSnapshot snapshot(file);  // every figure from one view of the books
  AnnualModel model;
  const auto settings = books::load_settings(file);
  model.fund_name = settings.name;
  model.organisation = settings.organisation;
  model.host = settings.host;
  model.supervision_phone = settings.supervision_phone;
  model.year = year;
  model.generated_at = util::wall_time(options.generated_at, books::load_settings(file).time_zone);
  model.cutoff_entry = storage::last_entry_before_publications(file);
  const auto stamp = model.cutoff_entry > 0 ? storage::entry_stamp(file, model.cutoff_entry) : std::nullopt;
  model.verification_code = books::verification_code(stamp ? stamp->hash : books::kGenesisHash);

  const Targets targets(file);
  const auto before = storage::balances_at(file, util::last_day_of_year(year - 2));
  const auto start = storage::balances_at(file, util::last_day_of_year(year - 1));
  const auto end = storage::balances_at(file, util::last_day_of_year(year));
  const auto flows = storage::flows_between(file, util::first_day_of_year(year), util::last_day_of_year(year));
  const auto previous_flows =
      storage::flows_between(file, util::first_day_of_year(year - 1), util::last_day_of_year(year - 1));

  model.activities = activities_of(year, flows, targets);
  model.previous_activities = activities_of(year - 1, previous_flows, targets);
  model.balance = balance_sheet(year, start, end, targets);
  const BalanceSheet previous_sheet = balance_sheet(year - 1, before, start, targets);
  model.cash = cash_of(year, flows, targets);
  model.cash.opening_cash = model.balance.money_total.start;
  model.cash.closing_cash = model.balance.money_total.end;
  model.previous_cash = cash_of(year - 1, previous_flows, targets);
  model.previous_cash.opening_cash = previous_sheet.money_total.start;
  model.previous_cash.closing_cash = previous_sheet.money_total.end;
  check_year(model.activities, model.cash, model.balance);
  check_year(model.previous_activities, model.previous_cash, previous_sheet);

  if (options.work_report) model.work = build_work_report(file, year, model.cutoff_entry, flows, model.balance);
  return model;
}

}  // namespace cfund::report
