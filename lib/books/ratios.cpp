#include "books/ratios.hpp"

#include "model/categories.hpp"

namespace cfund::books {

YearFigures year_figures(storage::FundFile& file, int year) {
  YearFigures figures;
  figures.totals = storage::year_totals(file, year);
  const auto& totals = figures.totals;
  figures.income = totals.money_donations + totals.goods_donations + totals.goods_sales;
  for (const auto& [kind, amount] : totals.income) figures.income += amount;
  for (const auto& [category, amount] : totals.payments) {
    figures.spending += amount;
    const model::PaymentCategory* sort = model::find_payment_category(category);
    if (sort != nullptr && sort->charitable) figures.charitable += amount;
    if (sort != nullptr && sort->management) figures.management += amount;
  }
  figures.charitable += totals.goods_given;
  figures.spending += totals.goods_given;
  return figures;
}

}  // namespace cfund::books
