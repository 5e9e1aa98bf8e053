#include "report/secrets.hpp"

#include "storage/community_queries.hpp"
#include "storage/notice_queries.hpp"
#include "storage/queries.hpp"

namespace cfund::report {

privacy::Secrets fund_secrets(storage::FundFile& file) {
  privacy::Secrets secrets;
  for (const auto& person : storage::beneficiaries(file)) {
    secrets.names.push_back(person.name);
    secrets.hidden.push_back(person.id_number);
    secrets.hidden.push_back(person.phone);
    secrets.hidden.push_back(person.address);
  }
  // A phone or address replaced by a later one stays private too.
  for (auto& contact : storage::all_beneficiary_contacts(file)) secrets.hidden.push_back(std::move(contact));
  for (const auto& name : storage::anonymous_donor_names(file)) secrets.names.push_back(name);
  // Households are private like beneficiaries; volunteers' phones are private too.
  for (const auto& household : storage::households(file)) {
    secrets.names.push_back(household.name);
    secrets.hidden.push_back(household.address);
  }
  for (const auto& volunteer : storage::volunteers(file)) secrets.hidden.push_back(volunteer.phone);
  return secrets;
}

namespace {

void mask_donation(const privacy::MentionMasker& mask, model::DonationRow& row) {
  row.item = mask(row.item);
  row.memo = mask(row.memo);
  row.void_reason = mask(row.void_reason);
}

}  // namespace

void mask_free_text(storage::FundFile& file, std::vector<model::DonationRow>& rows) {
  const privacy::MentionMasker mask(fund_secrets(file));
  for (auto& row : rows) mask_donation(mask, row);
}

void mask_free_text(storage::FundFile& file, std::vector<model::DisbursementRow>& rows) {
  const privacy::MentionMasker mask(fund_secrets(file));
  for (auto& row : rows) {
    row.payee = mask(row.payee);
    row.purpose = mask(row.purpose);
    row.memo = mask(row.memo);
    row.repeat_reason = mask(row.repeat_reason);
    row.void_reason = mask(row.void_reason);
  }
}

void mask_free_text(storage::FundFile& file, books::Receipt& receipt) {
  mask_donation(privacy::MentionMasker(fund_secrets(file)), receipt.donation);
}

}  // namespace cfund::report
