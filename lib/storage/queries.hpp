#pragma once
// Typed queries over the books. All SQL of cfund lives under lib/storage.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "model/types.hpp"

namespace cfund::storage {

class FundFile;

// Accounts and designations.
std::vector<model::Account> accounts(FundFile& file);
std::vector<model::Designation> designations(FundFile& file);
std::int64_t insert_account(FundFile& file, const model::Account& account);
std::int64_t insert_designation(FundFile& file, const model::Designation& designation);

// Balances. An account's balance is the sum of its postings; a designation's is
// minus the sum (credit). Voids are ordinary entries and count like any other.
enum class Side { account, designation };
util::Fen balance(FundFile& file, Side side, std::int64_t id);
// The lowest balance the target has on any day from `date_iso` on (inclusive),
// as the books stand: what a new outflow dated `date_iso` may take at most.
util::Fen lowest_balance_from(FundFile& file, Side side, std::int64_t id, const std::string& date_iso);

// The postings summed per target and day (table day_totals, schemas/0006): derived
// from the postings and kept up to date by books::JournalAppender, so that balances
// read a few hundred days instead of every posting. Amounts are signed as in postings.
struct DayKey {
  Side side;
  std::int64_t target_id;
  std::string date;
  bool operator<(const DayKey& other) const {
    return std::tie(side, target_id, date) < std::tie(other.side, other.target_id, other.date);
  }
};
using DayTotals = std::map<DayKey, util::Fen>;
void add_day_totals(FundFile& file, const DayTotals& totals);
// The recorded per-day totals of one side, by target and date, in the target's own
// sign (designations credit positive), as the audit compares them with the postings.
struct RecordedDay {
  std::int64_t target_id = 0;
  std::string date;
  util::Fen total = 0;
};
std::vector<RecordedDay> recorded_day_totals(FundFile& file, Side side);
// The recorded per-day totals of one target, by date, in the target's own sign.
std::vector<RecordedDay> day_totals_of(FundFile& file, Side side, std::int64_t id);

// Donors: the id of the donor with this name, created on first use.
std::int64_t donor_id(FundFile& file, const std::string& name, const std::string& kind);

// The next receipt sequence number in a year (1 for the first).
std::int64_t next_receipt_seq(FundFile& file, int year);
std::int64_t next_beneficiary_number(FundFile& file);

// A void of an entry: its entry id, date and reason.
struct VoidMark {
  std::int64_t id = 0;
  std::string date;
  std::string reason;
};

struct EntrySummary {
  std::int64_t id = 0;
  std::string kind;
  std::string date;
  std::optional<std::int64_t> voids_entry;
  std::optional<std::int64_t> voided_by;
};
std::optional<EntrySummary> entry_summary(FundFile& file, std::int64_t id);

// (account or designation id, amount) postings of an entry, in order.
struct PostingRow {
  Side side;
  std::int64_t target_id;
  util::Fen amount;
};
std::vector<PostingRow> postings_of(FundFile& file, std::int64_t entry_id);

// What a list of donations reads: every column (the JSON list), or those the text list
// shows (the account's name, external reference, host receipt, operator and time left empty).
enum class DonationColumns { all, shown };

// Donations and disbursements dated within [from, to] (ISO dates, inclusive), in
// date and entry order; or the one with the given entry id.
std::vector<model::DonationRow> donation_rows(FundFile& file, const std::string& from, const std::string& to,
                                              DonationColumns columns = DonationColumns::all);
std::optional<model::DonationRow> donation_row(FundFile& file, std::int64_t entry_id);
std::vector<model::DisbursementRow> disbursement_rows(FundFile& file, const std::string& from, const std::string& to);
// The same rows given to `visit` one at a time as they are read, none held: a list of a
// year of a large fund is hundreds of thousands of rows. The row given is reused.
void for_each_donation_row(FundFile& file, const std::string& from, const std::string& to, DonationColumns columns,
                           const std::function<void(model::DonationRow&)>& visit);
void for_each_disbursement_row(FundFile& file, const std::string& from, const std::string& to,
                               const std::function<void(model::DisbursementRow&)>& visit);
// Every payment charged to a project's designation (voided ones too), by date and entry.
std::vector<model::DisbursementRow> project_payment_rows(FundFile& file);
std::optional<model::DisbursementRow> disbursement_row(FundFile& file, std::int64_t entry_id);

// An unvoided donation with this external reference on this account, if any.
std::optional<std::int64_t> live_donation_with_ref(FundFile& file, std::int64_t account_id, const std::string& ref);
std::optional<std::string> host_receipt_of(FundFile& file, std::int64_t donation_entry_id);

// Beneficiaries with their current details: the ID number, phone and address of the
// latest update (kind beneficiary_update) that gives one, else the registration's.
std::vector<model::Beneficiary> beneficiaries(FundFile& file);
std::optional<model::Beneficiary> beneficiary_by_number(FundFile& file, std::int64_t number);
std::optional<model::Beneficiary> beneficiary_by_id_number(FundFile& file, const std::string& id_number);
std::vector<model::Beneficiary> beneficiaries_named(FundFile& file, const std::string& name);
// Every phone and address ever recorded for a beneficiary, current or replaced by an
// update (private data that no published text may show).
std::vector<std::string> all_beneficiary_contacts(FundFile& file);
// Dates of unvoided relief payments to the beneficiary, dated within [from, to].
std::vector<std::pair<std::int64_t, std::string>> relief_payments(FundFile& file, std::int64_t beneficiary,
                                                                  const std::string& from, const std::string& to);

}  // namespace cfund::storage
