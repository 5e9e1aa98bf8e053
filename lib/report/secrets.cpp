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

}  // namespace cfund::report
