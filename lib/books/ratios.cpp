#include "books/ratios.hpp"

#include <fmt/format.h>

#include "model/categories.hpp"
#include "storage/economy_queries.hpp"
#include "storage/statement_queries.hpp"

namespace cfund::books {

YearFigures year_figures(storage::FundFile& file, int year) {
  YearFigures figures;
  const auto goods = storage::goods_targets(file);
  for (const auto& flow :
       storage::flows_between(file, fmt::format("{:04d}-01-01", year), fmt::format("{:04d}-12-31", year))) {
    if (flow.side != storage::Side::designation) continue;
    const bool on_goods = flow.target_id == goods.designation_id;
    const model::ActivityLine line = model::activity_line_of(flow.kind, flow.sort, on_goods);
    if (line == model::ActivityLine::none) continue;
    if (model::is_income_line(line)) {
      figures.income -= flow.amount;  // income credits its designation
      continue;
    }
    figures.spending += flow.amount;
    const model::PaymentCategory* category =
        flow.kind == model::entry_kind::disbursement ? model::find_payment_category(flow.sort) : nullptr;
    if ((category != nullptr && category->charitable) || flow.kind == model::entry_kind::goods_given) {
      figures.charitable += flow.amount;
    }
    if (category != nullptr && category->management) figures.management += flow.amount;
  }
  return figures;
}

}  // namespace cfund::books
