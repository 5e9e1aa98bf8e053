#pragma once
// Goods in stock (物资): what comes in (goods donations, goods openings) and what
// leaves (given out 物资发放, sold 慈善义卖), by item and unit, at its estimated value.
// Goods post to the fund's goods stock account and goods designation (kind goods),
// never to money: a payment can never be covered by goods.
//
// Valuing what leaves: the share of the item's value on hand that the quantity
// carries (rounded to the fen), so that taking out everything takes out exactly the
// value that came in. The value is computed when the entry is recorded and stored
// in it, so the books never need recomputing.

#include <optional>
#include <string>
#include <vector>

#include "books/journal.hpp"
#include "model/types.hpp"
#include "storage/economy_queries.hpp"
#include "storage/fund_file.hpp"
#include "util/date.hpp"

namespace cfund::books {

// The stock by item at the end of `date_iso`, counting entries with id <= cutoff
// (a notice's cut-off); items with nothing left are left out. In item order.
std::vector<model::StockLine> goods_stock(storage::FundFile& file, const std::string& date_iso,
                                          std::int64_t cutoff = storage::kNoCutoff);

// Goods given out: to a beneficiary (masked like relief in notices), to a project,
// or to a described group (独居老人慰问), exactly one of the three.
struct GiveInput {
  util::Date date;
  std::string item;
  std::string unit;      // may be empty when the item is kept in one unit
  std::string quantity;  // as typed: a positive decimal
  std::optional<std::int64_t> beneficiary;
  std::string project;    // code or name
  std::string recipient;  // a group or occasion
  std::string purpose;
  std::string approval_ref;
  std::string memo;
};
std::int64_t give_goods(storage::FundFile& file, const Recorder& recorder, const GiveInput& input);

// Goods sold (a charity sale): the price is sales income into an account and a
// designation (default the general fund); the stock's value leaves as cost.
struct SaleInput {
  util::Date date;
  std::string item;
  std::string unit;
  std::string quantity;
  Fen amount = 0;  // the price received
  std::string account;
  std::string designation;
  std::string buyer;
  std::string external_ref;
  std::string memo;
};
std::int64_t sell_goods(storage::FundFile& file, const Recorder& recorder, const SaleInput& input);

// Goods in and out dated within the period (voided ones included, marked).
std::vector<model::GoodsMovement> list_goods(storage::FundFile& file, const util::Period& period);

// The stock rule, for an entry about to be appended (or a void of one) that moves
// `quantity` of an item in (positive) or out (negative) on `date`: no item's stock
// may go below zero on that day or any later one, and an item with nothing left may
// hold no value. Refuses with what is on hand.
struct StockChange {
  std::string item;
  std::string unit;
  std::int64_t quantity = 0;  // thousandths, signed
  Fen value = 0;              // signed
};
void require_stock(storage::FundFile& file, const StockChange& change, const util::Date& date);

// What voiding the entry would do to the stock (nothing when it moved no goods).
std::optional<StockChange> stock_reversal(storage::FundFile& file, std::int64_t entry_id);

}  // namespace cfund::books
