#pragma once
// What the annual accounts and the annual work report read (report/annual.hpp): the
// money the postings moved between two dates, classed by the kind and sort of the
// entry that moved it — a void by its original's, so that a void dated in a year
// reverses its original in that year — and the year's facts behind the work report.
// Every figure is what the postings say, dated by the entry that made them: the same
// flows `cfund export` writes, so a ledger run over the export gives the same totals.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "model/types.hpp"
#include "storage/queries.hpp"

namespace cfund::storage {

class FundFile;

// The postings dated within [from, to] on one target, summed by what classes them.
struct Flow {
  std::string kind;  // the entry's kind; a void's original's
  std::string sort;  // the income kind or payment category of that entry, else ""
  Side side = Side::account;
  std::int64_t target_id = 0;
  util::Fen amount = 0;  // the postings' sum, debit positive (a designation's income is negative)
};
// Only the designation side's flows with designations_only (the ratios read no others),
// and only those of entries of `kinds` when it is not empty.
std::vector<Flow> flows_between(FundFile& file, const std::string& from, const std::string& to,
                                bool designations_only = false, const std::vector<std::string>& kinds = {});
// How a flow of a kind classed beyond its kind (model::kinds_classed_beyond_kind) finds
// its sort: from the entry `o` it names (its own, or a void's original), the payment's
// category or the income's kind. The joins, and the sort they give, for flows_between
// and the audit's one read (posting_facts).
inline constexpr const char* kJoinsOfOriginal =
    "LEFT JOIN disbursements d ON d.entry_id = o.id LEFT JOIN incomes i ON i.entry_id = o.id";
inline constexpr const char* kSortOfOriginal = "COALESCE(d.category, i.income_kind, '')";
// Sums of postings by kind, sort, account (none first) and designation, as flows in that
// order: how flows_between and the audit's one read (posting_facts) make them.
using FlowKey = std::tuple<std::string, std::string, std::optional<std::int64_t>, std::optional<std::int64_t>>;
std::vector<Flow> flows_of(const std::map<FlowKey, util::Fen>& sums);
// Each year's flows on designations (flows_between of the year with designations_only),
// by year: what the yearly ratios read.
using YearFlows = std::map<int, std::vector<Flow>>;

// An entry dated within [from, to] that carries a council decision (approval_ref),
// with what it moved: the sum of its debits to designations (a payment's amount, a
// reallocation's, goods given out at their value; 0 for project events).
struct DecisionEntry {
  std::int64_t entry_id = 0;
  std::string date;
  std::string kind;
  std::string approval_ref;
  util::Fen amount = 0;
  bool voided = false;  // voided by now, whenever
};
std::vector<DecisionEntry> decision_entries(FundFile& file, const std::string& from, const std::string& to);

// What each beneficiary received within [from, to]: payments of `categories` (those
// that name a beneficiary: relief) and goods given to them, net of the voids dated
// within it. Name and category are private / public
// as in model::Beneficiary: the caller masks the name.
struct BeneficiaryHelp {
  std::int64_t number = 0;
  std::string name;
  std::string category;
  util::Fen relief = 0;
  std::int64_t relief_payments = 0;  // payments dated in the range less voids dated in it
  util::Fen goods = 0;
  std::int64_t goods_times = 0;
};
std::vector<BeneficiaryHelp> beneficiary_help(FundFile& file, const std::string& from, const std::string& to,
                                              const std::vector<std::string>& categories);

// Donations within [from, to] by where they arrived: the kind of the account posted
// (bank, cash, wechat, alipay, other; goods for goods into stock), net of voids dated
// within it.
struct DonationChannel {
  std::string account_kind;
  std::int64_t count = 0;
  util::Fen amount = 0;
};
std::vector<DonationChannel> donation_channels(FundFile& file, const std::string& from, const std::string& to);

// A void dated within [from, to], with the amount its original moved: the money or
// goods that came in (donations, income, openings, sales, transfers), else what went
// out (payments, goods given), else what moved between designations (reallocations).
struct VoidInYear {
  std::int64_t id = 0;
  std::string date;
  std::string reason;
  std::int64_t original_id = 0;
  std::string original_kind;
  std::string original_date;
  util::Fen amount = 0;
};
std::vector<VoidInYear> voids_between(FundFile& file, const std::string& from, const std::string& to);

}  // namespace cfund::storage
