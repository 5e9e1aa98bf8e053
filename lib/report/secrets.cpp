#include "report/secrets.hpp"

#include <array>
#include <optional>
#include <string>

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

// The free text of each row a list shows.
std::array<std::string*, 3> free_text(model::DonationRow& row) { return {&row.item, &row.memo, &row.void_reason}; }
std::array<std::string*, 5> free_text(model::DisbursementRow& row) {
  return {&row.payee, &row.purpose, &row.memo, &row.repeat_reason, &row.void_reason};
}

}  // namespace

template <typename Texts>
void FreeTextMasker::mask(const Texts& texts) {
  for (std::string* text : texts) {
    if (text->empty()) continue;
    if (!masker_) masker_.emplace(fund_secrets(file_));
    *text = (*masker_)(*text);
  }
}

void FreeTextMasker::operator()(model::DonationRow& row) { mask(free_text(row)); }
void FreeTextMasker::operator()(model::DisbursementRow& row) { mask(free_text(row)); }

void mask_free_text(storage::FundFile& file, books::Receipt& receipt) {
  FreeTextMasker mask(file);
  mask(receipt.donation);
}

}  // namespace cfund::report
