#include "report/annual_work.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <stdexcept>

#include "books/fund.hpp"
#include "books/goods.hpp"
#include "books/projects.hpp"
#include "model/categories.hpp"
#include "privacy/mask.hpp"
#include "report/notice.hpp"
#include "report/secrets.hpp"
#include "storage/economy_queries.hpp"
#include "storage/project_queries.hpp"
#include "util/date.hpp"

namespace cfund::report {

namespace {

namespace kind = model::entry_kind;

struct YearScope {
  storage::FundFile& file;
  int year;
  std::string from;
  std::string to;
  std::int64_t cutoff;
  privacy::MentionMasker scrub;
};

// One line per council decision: what the year's entries carrying it did.
std::vector<Decision> decisions(YearScope& scope) {
  std::vector<Decision> found;
  std::map<std::string, std::size_t> index;
  for (const auto& entry : storage::decision_entries(scope.file, scope.from, scope.to)) {
    const std::string reference = scope.scrub(entry.approval_ref);
    auto [at, added] = index.emplace(reference, found.size());
    if (added) found.push_back(Decision{reference, entry.date, {}, 0, 0, 0});
    Decision& decision = found[at->second];
    if (std::find(decision.kinds.begin(), decision.kinds.end(), entry.kind) == decision.kinds.end()) {
      decision.kinds.push_back(entry.kind);
    }
    ++decision.entries;
    decision.amount += entry.amount;
    if (entry.voided) ++decision.voided;
  }
  return found;
}

bool ended(const std::string& stage) {
  return stage == books::project_stage::closed || stage == books::project_stage::rejected ||
         stage == books::project_stage::cancelled;
}

// The projects that were under way in the year (not ended before it began).
std::vector<ProjectYear> projects(YearScope& scope, const std::vector<storage::Flow>& flows) {
  const util::Period year{*util::parse_date(scope.from), *util::parse_date(scope.to), std::to_string(scope.year)};
  const util::Period before{util::Date{1900, 1, 1}, year.first.plus_days(-1), ""};
  std::map<std::string, std::string> stage_before;
  for (const auto& progress : load_project_progress(scope.file, before, scope.cutoff)) {
    stage_before[progress.code] = progress.stage;
  }
  std::map<std::string, std::int64_t> designation_of;
  for (const auto& row : storage::project_rows(scope.file)) designation_of[row.code] = row.designation_id;
  std::vector<ProjectYear> found;
  for (const auto& progress : load_project_progress(scope.file, year, scope.cutoff)) {
    auto earlier = stage_before.find(progress.code);
    if (earlier != stage_before.end() && ended(earlier->second)) continue;
    ProjectYear project{
        progress.code, progress.name, progress.stage, progress.budget, 0, progress.spent, progress.people_served, "",
        std::nullopt};
    const std::int64_t designation = designation_of.at(progress.code);
    for (const auto& flow : flows) {
      if (flow.side == storage::Side::designation && flow.target_id == designation && flow.kind == kind::disbursement)
        project.spent_in_year += flow.amount;
    }
    for (const auto& step : storage::project_stage_rows(scope.file, designation)) {
      if (step.entry_id > scope.cutoff || step.date > scope.to || step.to_stage != books::project_stage::evaluated)
        continue;
      project.evaluation = scope.scrub(step.summary);
      project.score = step.score;
    }
    project.name = scope.scrub(project.name);
    found.push_back(std::move(project));
  }
  return found;
}

// The categories whose payments name a beneficiary (relief).
std::vector<std::string> beneficiary_categories() {
  std::vector<std::string> ids;
  for (const auto& category : model::payment_categories()) {
    if (category.needs_beneficiary) ids.push_back(category.id);
  }
  return ids;
}

// Who was helped, masked, by beneficiary and by their category; the relief they
// received must be the relief the statement counts.
void relief(YearScope& scope, const std::vector<storage::Flow>& flows, WorkReport& work) {
  const auto categories = beneficiary_categories();
  std::map<std::string, std::size_t> by_category;
  for (const auto& help : storage::beneficiary_help(scope.file, scope.from, scope.to, categories)) {
    if (help.relief == 0 && help.goods == 0 && help.relief_payments == 0 && help.goods_times == 0) continue;
    const std::string category = scope.scrub(help.category);
    const std::string masked = privacy::mask_name(help.name);
    work.helped.push_back({category.empty() ? masked : category + " " + masked, category, help.relief_payments,
                           help.relief, help.goods_times, help.goods});
    auto [at, added] = by_category.emplace(category, work.relief_by_category.size());
    if (added) work.relief_by_category.push_back({category, 0, 0, 0, 0});
    auto& line = work.relief_by_category[at->second];
    if (help.relief + help.goods > 0) {
      ++line.beneficiaries;
      ++work.people_helped;
    }
    line.payments += help.relief_payments;
    line.relief += help.relief;
    line.goods += help.goods;
    work.relief_total += help.relief;
    work.goods_to_people += help.goods;
  }
  Fen counted = 0;
  for (const auto& flow : flows) {
    const bool named = std::find(categories.begin(), categories.end(), flow.sort) != categories.end();
    if (flow.side == storage::Side::designation && flow.kind == kind::disbursement && named) counted += flow.amount;
  }
  if (counted != work.relief_total) {
    throw std::logic_error(fmt::format("relief by beneficiary ({}) is not the relief the statement counts ({})",
                                       work.relief_total, counted));
  }
}

// Donations by channel (in the registry's order of account kinds) and matching funds.
void fundraising(YearScope& scope, WorkReport& work) {
  const auto channels = storage::donation_channels(scope.file, scope.from, scope.to);
  for (const auto& account_kind : model::account_kinds()) {
    for (const auto& channel : channels) {
      if (channel.account_kind == account_kind.id)
        work.channels.push_back({channel.account_kind, channel.count, channel.amount});
    }
  }
  for (const auto& channel : channels) {
    if (model::find_account_kind(channel.account_kind) == nullptr)
      work.channels.push_back({channel.account_kind, channel.count, channel.amount});
  }
  for (const auto& row : storage::income_rows(scope.file, scope.from, scope.to)) {
    if (row.income_kind != "matching" && !row.matches_entry && row.matches_campaign.empty()) continue;
    const std::string matches =
        row.matches_entry ? fmt::format("#{}", *row.matches_entry) : scope.scrub(row.matches_campaign);
    work.matching.push_back({row.date, scope.scrub(row.source), matches, row.amount, row.voided_by.has_value()});
  }
}

std::string item_key(const std::string& item, const std::string& unit) { return item + '\x1f' + unit; }

// Goods by item: in stock at the start, in, out, in stock at the end; the stock must
// be what the goods account holds (存货).
void goods(YearScope& scope, const BalanceSheet& sheet, WorkReport& work) {
  std::map<std::string, GoodsItemYear> items;
  auto item = [&items](const std::string& name, const std::string& unit) -> GoodsItemYear& {
    auto& line = items[item_key(name, unit)];
    line.item = name;
    line.unit = unit;
    return line;
  };
  for (const auto& line : books::goods_stock(scope.file, sheet.start_date))
    item(line.item, line.unit).start = line.value;
  for (const auto& line : books::goods_stock(scope.file, sheet.end_date)) {
    auto& entry = item(line.item, line.unit);
    entry.end = line.value;
    entry.end_quantity = line.quantity;
  }
  for (const auto& movement : storage::goods_movements(scope.file, "0000-01-01", scope.to)) {
    const Fen sign = (movement.date >= scope.from ? 1 : 0) -
                     (movement.voided_by && movement.void_date >= scope.from && movement.void_date <= scope.to ? 1 : 0);
    if (sign == 0) continue;
    auto& line = item(movement.item, movement.unit);
    if (movement.in) {
      line.received += sign * movement.value;
    } else if (movement.kind == kind::goods_sale) {
      line.sold += sign * movement.value;
      line.price += sign * movement.price;
    } else {
      line.given += sign * movement.value;
    }
  }
  Fen stock = 0;
  for (auto& [key, line] : items) {
    if (line.start + line.received - line.given - line.sold != line.end) {
      throw std::logic_error(fmt::format("goods '{}' do not add up: {} + {} - {} - {} != {}", line.item, line.start,
                                         line.received, line.given, line.sold, line.end));
    }
    stock += line.end;
    line.item = scope.scrub(line.item);
    work.goods.push_back(line);
  }
  if (stock != sheet.goods.end) {
    throw std::logic_error(
        fmt::format("goods in stock by item ({}) are not the goods account ({})", stock, sheet.goods.end));
  }
}

std::vector<YearCorrection> corrections(YearScope& scope) {
  std::vector<YearCorrection> found;
  for (const auto& record : storage::voids_between(scope.file, scope.from, scope.to)) {
    found.push_back({record.date, record.original_date, record.original_kind, record.original_id, record.amount,
                     scope.scrub(record.reason)});
  }
  return found;
}

// The audit of the year (books::run_audit) as the year's end sees it: its verdict,
// what it found, and the yearly ratios with the figures behind them.
AuditConclusion audit(YearScope& scope) {
  books::AuditOptions options;
  options.period = util::Period{*util::parse_date(scope.from), *util::parse_date(scope.to), std::to_string(scope.year)};
  options.today = util::Date{scope.year + 1, 1, 1};  // the year has ended: its ratios are due
  const auto report = books::run_audit(scope.file, options);
  AuditConclusion conclusion;
  conclusion.clean = report.clean();
  conclusion.errors = report.count(books::Severity::error);
  conclusion.warnings = report.count(books::Severity::warning);
  for (const auto& finding : report.findings) {
    if (finding.code == books::finding_code::ratio_charitable ||
        finding.code == books::finding_code::ratio_management) {
      conclusion.ratios.push_back(finding);  // shown with their figures, not among the codes
      continue;
    }
    if (finding.severity == books::Severity::info) continue;
    auto counted = std::find_if(conclusion.codes.begin(), conclusion.codes.end(),
                                [&finding](const auto& code) { return code.first == finding.code; });
    if (counted == conclusion.codes.end()) {
      conclusion.codes.emplace_back(finding.code, 1);
    } else {
      ++counted->second;
    }
  }
  conclusion.figures = books::year_figures(scope.file, scope.year);
  conclusion.previous_figures = books::year_figures(scope.file, scope.year - 1);
  return conclusion;
}

}  // namespace

WorkReport build_work_report(storage::FundFile& file, int year, std::int64_t cutoff,
                             const std::vector<storage::Flow>& flows, const BalanceSheet& sheet) {
  YearScope scope{file,
                  year,
                  util::first_day_of_year(year),
                  util::last_day_of_year(year),
                  cutoff,
                  privacy::MentionMasker(fund_secrets(file))};
  WorkReport work;
  work.decisions = decisions(scope);
  work.projects = projects(scope, flows);
  relief(scope, flows, work);
  fundraising(scope, work);
  goods(scope, sheet, work);
  work.corrections = corrections(scope);
  work.audit = audit(scope);
  const util::Period whole_year{util::Date{year, 1, 1}, util::Date{year, 12, 31}, std::to_string(year)};
  work.community = build_community(file, whole_year, cutoff, scope.scrub, books::load_settings(file).points.notice_top);
  return work;
}

}  // namespace cfund::report
