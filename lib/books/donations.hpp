#pragma once
// Donations (捐赠): money into an account, or goods with an estimated value, credited
// to one designation. Each gets the next receipt number of its year, without gaps.

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "books/journal.hpp"
#include "model/types.hpp"
#include "storage/economy_queries.hpp"
#include "storage/fund_file.hpp"
#include "storage/queries.hpp"
#include "util/date.hpp"

namespace cfund::books {

struct DonationInput {
  std::string donor;                      // name; may be empty when anonymous
  std::string donor_kind = "individual";  // or organisation: used when the donor is new
  bool anonymous = false;                 // the notice shows 爱心人士（匿名）
  util::Date date;
  Fen amount = 0;  // money, or the estimated value of goods
  bool goods = false;
  std::string item;
  std::string quantity;
  std::string unit;
  std::string account;      // code or name; money only
  std::string designation;  // code or name; empty for the general fund
  std::string external_ref;
  std::string memo;
  std::string host_receipt;                   // the host's official receipt number, if already issued
  std::optional<model::ImportSource> source;  // set by an import
};

struct RecordedDonation {
  std::int64_t entry_id = 0;
  std::string receipt_no;
};

// One transaction: validates, records, returns the entry and its receipt number.
RecordedDonation record_donation(storage::FundFile& file, const Recorder& recorder, const DonationInput& input);

// Records donations one after another inside the caller's write transaction, with
// accounts, designations, donors and receipt numbers looked up once: what
// record_donation does for one donation, an import does for a million. The rules
// are the same (record_donation is one DonationWriter with one donation).
class DonationWriter {
 public:
  DonationWriter(storage::FundFile& file, JournalAppender& journal);
  RecordedDonation record(const DonationInput& input);

 private:
  const model::Account& account(const std::string& code_or_name);
  const model::Designation& designation(const std::string& code_or_name);
  std::int64_t donor(const std::string& name, const std::string& kind);

  storage::FundFile& file_;
  JournalAppender& journal_;
  std::map<std::string, model::Account> accounts_;
  std::map<std::string, model::Designation> designations_;
  struct Donor {
    std::int64_t id = 0;
    std::string kind;  // as this writer last set it ("" before it has)
  };
  std::unordered_map<std::string, Donor> donors_;
  std::map<int, std::int64_t> next_receipt_seq_;  // by year
  std::optional<storage::GoodsTargets> goods_;    // the goods stock, once a goods donation needs it
};

// The donations of the period; `shown` reads only what the text list shows.
std::vector<model::DonationRow> list_donations(storage::FundFile& file, const util::Period& period,
                                               storage::DonationColumns columns = storage::DonationColumns::all);
// The same donations given to `visit` one at a time, none held (a year's list).
void for_each_donation(storage::FundFile& file, const util::Period& period, storage::DonationColumns columns,
                       const std::function<void(model::DonationRow&)>& visit);
model::DonationRow find_donation(storage::FundFile& file, std::int64_t entry_id);

// Records the host organisation's official receipt number for a donation.
std::int64_t record_host_receipt(storage::FundFile& file, const Recorder& recorder, std::int64_t donation_entry_id,
                                 const std::string& number);

// What a printed receipt (捐赠收据) shows.
struct Receipt {
  std::string fund_name;
  std::string organisation;
  std::string host;
  model::DonationRow donation;
  std::string amount_in_words;  // 大写金额
};
Receipt make_receipt(storage::FundFile& file, std::int64_t entry_id);

}  // namespace cfund::books
