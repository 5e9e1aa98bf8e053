#pragma once
// The queries behind `cfund audit`, reconciliation, period closing and notice
// verification. They read the books as they are stored (a raw edit included), so
// that the checks in books/audit.cpp can say precisely what is wrong.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/types.hpp"
#include "storage/queries.hpp"
#include "storage/statement_queries.hpp"

namespace SQLite {
class Statement;
}

namespace cfund::storage {

class FundFile;

// Lines of PRAGMA integrity_check (deep) or PRAGMA quick_check other than "ok"
// (empty when the file is sound). quick_check does not compare indexes with tables.
std::vector<std::string> integrity_problems(FundFile& file, bool deep);

std::int64_t entry_count(FundFile& file);

// What the trial balance, the check of postings against details and the balances by
// day read: every posting, with its entry, and the detail rows that state amounts.

// An entry whose postings do not sum to zero, with the difference.
struct UnbalancedEntry {
  std::int64_t entry_id = 0;
  std::string date;
  util::Fen sum = 0;
};

// The sum of all postings to accounts and to designations (they must cancel), and
// the sum of postings that belong to no entry.
struct PostingTotals {
  util::Fen accounts = 0;      // sum of account balances
  util::Fen designations = 0;  // sum of designation balances (credit-normal)
  util::Fen orphaned = 0;      // sum of postings whose entry does not exist
  std::int64_t orphaned_rows = 0;
};

// A detail row whose entry did not post its amount to the row's account or designation
// (or to the goods stock, for goods).
struct DetailMismatch {
  std::int64_t entry_id = 0;
  std::string date;
  std::string kind;
  util::Fen detail_amount = 0;
  util::Fen account_posted = 0;      // in the account's own sign
  util::Fen designation_posted = 0;  // in the designation's own sign
};

// A target's postings summed by day: the day's total in the target's own sign and the
// entries that took money out that day (in entry and posting order).
struct PostingDay {
  std::int64_t target_id = 0;
  std::string date;
  util::Fen total = 0;
  std::vector<std::int64_t> outflows;
};
struct PostingDays {  // each target in id order with its days in date order
  std::vector<PostingDay> accounts;
  std::vector<PostingDay> designations;
};

struct PostingFacts {
  std::vector<UnbalancedEntry> unbalanced;  // in entry order
  PostingTotals totals;
  std::vector<DetailMismatch> mismatches;  // in entry order, an entry's rows as kStatedAmounts lists them
  PostingDays days;
  std::optional<YearFlows> flows_by_year;  // from the one pass only: the queries read them year by year
};
// Read in one pass (posting_facts_in_one_pass), else by the queries.
PostingFacts posting_facts(FundFile& file);
// The entries, the postings and the detail tables read side by side, each once in key
// order (posting_facts.cpp). Nothing when a raw edit left a value of another type (an
// amount, a target or a form that is not what cfund writes, a date that is not text) or
// a sum overflows: the queries then decide.
std::optional<PostingFacts> posting_facts_in_one_pass(FundFile& file);
// The same facts by one query each, ordering and comparing values of any type as
// SQLite does.
PostingFacts posting_facts_by_queries(FundFile& file);

// The sums of the day totals the notices' balances come from (no orphans there): a
// check of the trial balance that costs what the days cost, not what the postings do.
PostingTotals day_totals_by_side(FundFile& file);

// Disbursements above `threshold` with no approval reference (the caller applies the
// threshold of each category; `threshold` is the lowest of them).
struct UnapprovedPayment {
  std::int64_t entry_id = 0;
  std::string date;
  util::Fen amount = 0;
  std::string category;
  bool voided = false;
};
std::vector<UnapprovedPayment> unapproved_payments(FundFile& file, util::Fen threshold);

// Receipt numbers as stored, by year, number and entry id.
struct ReceiptNumber {
  int year = 0;
  std::int64_t seq = 0;
  std::int64_t entry_id = 0;
  std::string date;
};
// In order of year, number and entry: memory stays small however many donations.
void for_each_receipt_number(FundFile& file, const std::function<void(const ReceiptNumber&)>& visit);

// Unvoided money movements (donations and disbursements) that share something:
// - same account and external reference (the same bank line imported twice);
// - same donor or payee, amount, date and account (likely recorded twice).
struct MovementGroup {
  std::string kind;  // donation, disbursement
  std::string account_code;
  std::string key;  // the reference, or the donor / payee
  util::Fen amount = 0;
  std::string date;  // of the first
  std::vector<std::int64_t> entry_ids;
  std::vector<std::string> dates;
};
std::vector<MovementGroup> duplicate_references(FundFile& file);
std::vector<MovementGroup> likely_duplicates(FundFile& file);
// Both lists from one read of donations and disbursements, grouped here instead of
// sorted by SQLite; nullopt when a raw edit left a value of another type (an amount
// or beneficiary that is not an integer, a date that is not text or holds a comma,
// a detail row of an entry of another kind): the caller then runs the two queries.
struct DuplicateGroups {
  std::vector<MovementGroup> references;
  std::vector<MovementGroup> likely;
};
std::optional<DuplicateGroups> duplicate_groups(FundFile& file);

// Unvoided relief payments by beneficiary and date.
struct ReliefPayment {
  std::int64_t beneficiary = 0;
  std::string beneficiary_category;  // what the relief window depends on
  std::int64_t entry_id = 0;
  std::string date;
  util::Fen amount = 0;
  std::string repeat_reason;
};
std::vector<ReliefPayment> relief_payments_all(FundFile& file);

// The years in which any entry is dated, ascending.
std::vector<int> entry_years(FundFile& file);

// Period closes (结账) in entry order: the entry and the last month it closed.
struct PeriodClose {
  std::int64_t entry_id = 0;
  std::string date;
  std::string through;  // YYYY-MM
};
std::vector<PeriodClose> period_closes(FundFile& file);
std::optional<std::string> latest_closed_month(FundFile& file);

// Entries recorded after entry `after_id` and dated on or before `date_iso`.
std::vector<EntrySummary> entries_after_dated_until(FundFile& file, std::int64_t after_id, const std::string& date_iso);

// The net effect of each entry on an account dated within [from, to], with the
// reference and counterparty the entry carries, in date and entry order.
struct AccountMovement {
  std::int64_t entry_id = 0;
  std::string date;
  std::string kind;
  util::Fen amount = 0;  // in the account's sign: money in positive
  std::string reference;
  std::string counterparty;
  bool voided_or_void = false;  // a voided entry or a void: neither reaches a bank
};
std::vector<AccountMovement> account_movements(FundFile& file, std::int64_t account_id, const std::string& from,
                                               const std::string& to);
// An account's balance at the end of a day as corrected: voided entries and voids
// left out (a recording mistake never reached the bank, whenever it was voided).
util::Fen corrected_account_balance_through(FundFile& file, std::int64_t account_id, const std::string& date_iso);
// An account's or designation's balance at the end of a day.
util::Fen balance_through(FundFile& file, Side side, std::int64_t id, const std::string& date_iso);

// (id, date, stored hash) of an entry.
struct StoredHash {
  std::int64_t entry_id = 0;
  std::string date;
  std::string hash;
};
enum class EntryOrder { oldest_first, newest_first };
// The entries' stored hashes one at a time, in id order or from the last entry back:
// memory stays flat. Two of them (one each way) may be read in turn on one connection.
class StoredHashes {
 public:
  StoredHashes(FundFile& file, EntryOrder order);
  ~StoredHashes();
  StoredHashes(const StoredHashes&) = delete;
  StoredHashes& operator=(const StoredHashes&) = delete;
  // The next entry's, or false when there are no more.
  bool next(StoredHash& row);

 private:
  std::unique_ptr<SQLite::Statement> query_;
  int id_at_, date_at_, hash_at_;
};
// The date of each entry with an id from `first_id` to `last_id`, in id order.
void for_each_entry_date(FundFile& file, std::int64_t first_id, std::int64_t last_id,
                         const std::function<void(const std::string&)>& visit);

}  // namespace cfund::storage
