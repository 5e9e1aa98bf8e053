#include "books/ratios.hpp"

#include "model/categories.hpp"
#include "storage/economy_queries.hpp"
#include "storage/statement_queries.hpp"
#include "util/date.hpp"

namespace cfund::books {

RatioRole ratio_role(const std::string& kind, const std::string& sort, bool on_goods) {
  const model::ActivityLine line = model::activity_line_of(kind, sort, on_goods);
  if (line == model::ActivityLine::none) return RatioRole::none;
  if (model::is_income_line(line)) return RatioRole::income;
  const model::PaymentCategory* category =
      kind == model::entry_kind::disbursement ? model::find_payment_category(sort) : nullptr;
  if ((category != nullptr && category->charitable) || kind == model::entry_kind::goods_given) {
    return RatioRole::charitable;
  }
  if (category != nullptr && category->management) return RatioRole::management;
  return RatioRole::other_cost;
}

std::string ratio_role_id(RatioRole role) {
  switch (role) {
    case RatioRole::none:
      return "";
    case RatioRole::income:
      return "income";
    case RatioRole::charitable:
      return "charitable";
    case RatioRole::management:
      return "management";
    case RatioRole::other_cost:
      return "other_cost";
  }
  return "";
}

YearFigures year_figures(storage::FundFile& file, int year, YearPart part) {
  const auto goods = storage::goods_targets(file);
  const auto kinds =
      part == YearPart::all ? std::vector<std::string>{} : model::kinds_feeding(part == YearPart::income);
  return year_figures_of(
      storage::flows_between(file, util::first_day_of_year(year), util::last_day_of_year(year), true, kinds),
      goods.designation_id, part);
}

YearFigures year_figures_of(const std::vector<storage::Flow>& flows, std::int64_t goods_designation, YearPart part) {
  YearFigures figures;
  for (const auto& flow : flows) {
    const RatioRole role = ratio_role(flow.kind, flow.sort, flow.target_id == goods_designation);
    if (role == RatioRole::none || (part == YearPart::income && role != RatioRole::income) ||
        (part == YearPart::costs && role == RatioRole::income)) {
      continue;
    }
    if (role == RatioRole::income) {
      figures.income -= flow.amount;  // income credits its designation
      continue;
    }
    figures.spending += flow.amount;
    if (role == RatioRole::charitable) figures.charitable += flow.amount;
    if (role == RatioRole::management) figures.management += flow.amount;
  }
  return figures;
}

YearRatios judge_ratios(const model::AuditSettings& rules, int year, const YearFigures& figures,
                        const YearFigures& previous) {
  YearRatios ratios;
  ratios.year = year;
  auto& charitable = ratios.charitable;
  charitable.part = figures.charitable;
  charitable.whole = previous.income;
  if (rules.charitable_ratio_check && charitable.whole > 0) {
    charitable.applies = true;
    charitable.ok = charitable.part * 100 >= charitable.whole * rules.charitable_ratio_min;
  }
  auto& management = ratios.management;
  management.part = figures.management;
  management.whole = figures.spending;
  if (rules.management_ratio_check && management.whole > 0) {
    management.applies = true;
    management.below_floor = management.part < rules.management_ratio_floor;
    management.ok = management.below_floor || management.part * 100 <= management.whole * rules.management_ratio_max;
  }
  return ratios;
}

}  // namespace cfund::books
