#pragma once
// Opening balances (期初余额): what a fund that existed before cfund brings forward,
// money into an account and a designation, or goods into stock. Never income, never
// in a ratio's base; dated before every other entry of the books.

#include <string>
#include <vector>

#include "books/journal.hpp"
#include "model/types.hpp"
#include "storage/fund_file.hpp"
#include "util/date.hpp"

namespace cfund::books {

struct OpeningInput {
  util::Date date;
  Fen amount = 0;  // money, or the estimated value of goods
  // Money: the account and the designation (empty: the general fund).
  std::string account;
  std::string designation;
  // Goods: the item, its unit and quantity (into the goods stock).
  std::string item;
  std::string unit;
  std::string quantity;
  std::string approval_ref;
  std::string memo;
};

// One transaction: checks, records, returns the entry id. Refused when any other
// entry of the books is dated on or before `date`.
std::int64_t record_opening(storage::FundFile& file, const Recorder& recorder, const OpeningInput& input);

// Records an opening balance inside the caller's write transaction (cfund init).
std::int64_t append_opening(storage::FundFile& file, JournalAppender& journal, const OpeningInput& input);

std::vector<model::OpeningRow> list_openings(storage::FundFile& file);

}  // namespace cfund::books
