#pragma once
// What the chain-covered registries read and write (books/registry.hpp): the facts the
// registry entries state, and the tables that hold the current values (fund_settings,
// accounts, designations, donors), which cfund keeps in step with the chain and the
// audit checks against it. Rows are read by column name.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/types.hpp"
#include "storage/economy_queries.hpp"

namespace cfund::storage {

class FundFile;

// One fact of a registry entry, in entry and seq order.
struct RegistryFact {
  std::int64_t entry_id = 0;
  std::string subject;  // setting, account, designation, donor
  std::optional<std::int64_t> subject_id;
  std::string field;
  std::string value;
};
// Every fact up to the cut-off, or only those about one subject ("setting", …).
std::vector<RegistryFact> registry_facts(FundFile& file, std::int64_t cutoff = kNoCutoff,
                                         const std::string& subject = "");
// The first entry of kind registry, if the chain has one.
std::optional<std::int64_t> first_registry_entry(FundFile& file);

// Every row of fund_settings, by key.
std::map<std::string, std::string> stored_settings(FundFile& file);

// The donors table, and each donor as the donations give it (the latest donation's
// name and kind; the kind is empty for donations recorded before it was kept).
struct DonorRow {
  std::int64_t id = 0;
  std::string name;
  std::string kind;
};
std::vector<DonorRow> donors(FundFile& file);
// The same rows one at a time, by id (a fund may have hundreds of thousands of donors).
void for_each_donor(FundFile& file, const std::function<void(DonorRow&&)>& visit);
struct DonorAsGiven {
  std::int64_t id = 0;
  std::int64_t entry_id = 0;  // the donation naming the donor
  std::string name;
  std::string kind;
};
// How many donors there are, and the largest id among them (0 for none).
struct DonorIds {
  std::int64_t count = 0;
  std::int64_t largest = 0;
};
DonorIds donor_ids(FundFile& file);
// Every donation naming a donor, in entry order (the table's own: no sort of a million
// rows), so that a donor's last one is its latest.
void for_each_donor_as_given(FundFile& file, const std::function<void(DonorAsGiven&&)>& visit);

// Keeping the current values in step with a registry entry.
void update_account(FundFile& file, const model::Account& account);              // name, closed_on
void update_designation(FundFile& file, const model::Designation& designation);  // name, closed_on
void set_donor_kind(FundFile& file, std::int64_t donor_id, const std::string& kind);

}  // namespace cfund::storage
