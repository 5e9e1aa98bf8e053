#pragma once
// The queries a notice (公示) is made from. Every one takes the cut-off entry: only
// entries with id <= cutoff count, so a notice can be reproduced from a later state
// of the books.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/types.hpp"
#include "storage/queries.hpp"

namespace cfund::storage {

class FundFile;

// The highest entry id whose kind is not 'publication' (0 for none): the default
// cut-off, so that publishing twice gives the same notice.
std::int64_t last_entry_before_publications(FundFile& file);

struct EntryStamp {
  std::int64_t id = 0;
  std::string kind;
  std::string date;
  std::string recorded_at;
  std::string hash;
};
std::optional<EntryStamp> entry_stamp(FundFile& file, std::int64_t id);

// How many entries of any kind are dated in [from, to].
std::size_t entries_dated_between(FundFile& file, const std::string& from, const std::string& to);

// Designation id -> balance (credit positive) of the postings dated <= last_date of
// entries with id <= cutoff.
std::map<std::int64_t, util::Fen> designation_balances_through(FundFile& file, const std::string& last_date,
                                                               std::int64_t cutoff);

// Both balances a notice needs in one read: before `first_date` (opening) and through
// `last_date` (closing), by the same rule.
struct DesignationBalances {
  std::map<std::int64_t, util::Fen> opening;
  std::map<std::int64_t, util::Fen> closing;
};
DesignationBalances designation_balances_around(FundFile& file, const std::string& first_date,
                                                const std::string& last_date, std::int64_t cutoff);

// Donations (money and goods) with id <= cutoff that are dated in [from, to] or whose
// void (within the cut-off) is, visited in date and entry order. `void_mark` is that
// void (also in the row's voided_by and void_reason). Only what a notice shows is
// read: the row's account, external reference, memo, host receipt, operator and
// recorded time are left empty (the same holds for NoticeDisbursement, whose
// repeat reason is left empty too). The visitor may move what it keeps out of the
// row.
struct NoticeDonation {
  model::DonationRow row;
  std::optional<VoidMark> void_mark;
};
void notice_donations(FundFile& file, const std::string& from, const std::string& to, std::int64_t cutoff,
                      const std::function<void(NoticeDonation&)>& visit);

struct NoticeDisbursement {
  model::DisbursementRow row;
  std::optional<VoidMark> void_mark;
};
void notice_disbursements(FundFile& file, const std::string& from, const std::string& to, std::int64_t cutoff,
                          const std::function<void(NoticeDisbursement&)>& visit);

// Income other than donations, chosen the same way (any account and designation read).
struct NoticeIncome {
  model::IncomeRow row;
  std::optional<VoidMark> void_mark;
};
void notice_income(FundFile& file, const std::string& from, const std::string& to, std::int64_t cutoff,
                   const std::function<void(NoticeIncome&)>& visit);

// Designation id -> what was paid from it (disbursements) in entries with id <= cutoff
// dated <= last_date, less those voided by then, for each of `designation_ids`.
std::map<std::int64_t, util::Fen> spending_through(FundFile& file, const std::vector<std::int64_t>& designation_ids,
                                                   const std::string& last_date, std::int64_t cutoff);

// Reallocations between designations, chosen the same way.
struct NoticeReallocation {
  std::int64_t entry_id = 0;
  std::string date;
  std::string reason;
  std::string approval_ref;
  std::vector<std::pair<std::int64_t, util::Fen>> postings;  // designation id, amount (debit positive)
  std::optional<VoidMark> void_mark;
};
std::vector<NoticeReallocation> notice_reallocations(FundFile& file, const std::string& from, const std::string& to,
                                                     std::int64_t cutoff);

// A published notice, as recorded in the journal.
struct PublicationRecord {
  std::int64_t entry_id = 0;
  std::string period_label;
  std::string first_date;
  std::string last_date;
  std::int64_t cutoff_entry = 0;
  std::string code;
  std::string formats;
};
std::vector<PublicationRecord> publications(FundFile& file);

// Voids with id <= cutoff dated <= last_date, with what they voided.
struct VoidRecord {
  std::int64_t id = 0;
  std::string date;
  std::string reason;
  std::int64_t original_id = 0;
  std::string original_kind;
  std::string original_date;
};
std::vector<VoidRecord> voids_through(FundFile& file, const std::string& last_date, std::int64_t cutoff);

// Names given with donations recorded as anonymous: they must appear nowhere.
std::vector<std::string> anonymous_donor_names(FundFile& file);

}  // namespace cfund::storage
