#pragma once
// The detail rows that state an amount their entry must have posted, for the audit's
// check of postings against details: the query (audit_queries.cpp) and the one pass
// (posting_facts.cpp) read this one list. Private to lib/storage.

namespace cfund::storage {

// Which rows of the table state the amount.
enum class StatedRows {
  all,
  money_form,                // donations of money
  goods_form_with_postings,  // goods donations (those recorded before the stock existed have no postings)
};

// A detail row's amount posted to its account and designation: money in debits the
// account and credits the designation, money out the opposite. Goods post to the goods
// stock account and designation (the first of kind goods) instead of the row's own.
struct StatedAmount {
  const char* kind;    // as reported
  const char* table;   // the detail table (entry_id is its key)
  const char* amount;  // the column stating the amount
  bool in;             // money (or goods) coming in
  bool goods;          // posted to the goods stock, not to the row's account and designation
  StatedRows rows;
};

// In the order the report lists the rows of one entry. A goods sale states both its
// price (on its account and designation) and its stock's value (on the goods stock).
inline constexpr StatedAmount kStatedAmounts[] = {
    {"donation", "donations", "amount", true, false, StatedRows::money_form},
    {"donation", "donations", "amount", true, true, StatedRows::goods_form_with_postings},
    {"income", "incomes", "amount", true, false, StatedRows::all},
    {"opening", "openings", "amount", true, false, StatedRows::all},
    {"disbursement", "disbursements", "amount", false, false, StatedRows::all},
    {"goods_given", "goods_given", "value", false, true, StatedRows::all},
    {"goods_sale", "goods_sales", "amount", true, false, StatedRows::all},
    {"goods_sale", "goods_sales", "value", false, true, StatedRows::all},
};

}  // namespace cfund::storage
