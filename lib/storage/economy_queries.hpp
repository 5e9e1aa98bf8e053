#pragma once
// The queries of the kinds beyond donations and payments (model/entry_kinds.hpp):
// income, opening balances and goods in stock. Rows are read by column name.

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "model/types.hpp"
#include "storage/queries.hpp"

namespace cfund::storage {

class FundFile;

// The fund's goods stock account and goods designation (kind goods, one of each).
struct GoodsTargets {
  std::int64_t account_id = 0;
  std::int64_t designation_id = 0;
};
GoodsTargets goods_targets(FundFile& file);

// Income dated within [from, to], in date and entry order (any void marks it); or one.
std::vector<model::IncomeRow> income_rows(FundFile& file, const std::string& from, const std::string& to);
std::optional<model::IncomeRow> income_row(FundFile& file, std::int64_t entry_id);
// An unvoided income with this external reference on this account, if any.
std::optional<std::int64_t> live_income_with_ref(FundFile& file, std::int64_t account_id, const std::string& ref);

// Opening balances, in date and entry order (any void marks them); or one.
std::vector<model::OpeningRow> opening_rows(FundFile& file);
std::optional<model::OpeningRow> opening_row(FundFile& file, std::int64_t entry_id);

// The earliest entry that moves money and is neither an opening balance nor a void
// of one (a registry or project entry moves none): opening
// balances must be dated before it.
struct DatedEntry {
  std::int64_t id = 0;
  std::string date;
  std::string kind;
};
std::optional<DatedEntry> earliest_entry_besides_openings(FundFile& file);

// Goods coming into or leaving the stock (goods donations recorded since the stock
// exists, goods openings, goods given out and sold) with id <= cutoff, dated within
// [from, to], in date and entry order; a void with id <= cutoff marks its movement.
// Beneficiaries' names are read (private: the caller masks them).
inline constexpr std::int64_t kNoCutoff = std::numeric_limits<std::int64_t>::max();
std::vector<model::GoodsMovement> goods_movements(FundFile& file, const std::string& from, const std::string& to,
                                                  std::int64_t cutoff = kNoCutoff);
// The goods movement of one entry (any void marks it).
std::optional<model::GoodsMovement> goods_movement(FundFile& file, std::int64_t entry_id);

// Goods donations recorded before goods were kept in stock (no postings): they stay
// out of stock, as they were recorded.
std::int64_t goods_donations_outside_stock(FundFile& file);

}  // namespace cfund::storage
