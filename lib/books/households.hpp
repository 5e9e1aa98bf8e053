#pragma once
// Households (家庭户) and the people served. Beneficiaries may belong to a household
// (`cfund household add`, `cfund beneficiary add --household H0001`, `cfund household
// join`), so that relief and goods given are counted by household as well as by
// person: a town fund reports "95 households, ¥247,000". A beneficiary in no household
// counts as a household of one. Registration and membership are journal entries; the
// name and address of a household are private, like a beneficiary's.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "books/journal.hpp"
#include "model/community.hpp"
#include "storage/economy_queries.hpp"
#include "storage/fund_file.hpp"
#include "util/date.hpp"

namespace cfund::books {

struct HouseholdInput {
  std::string name;
  std::string address;
  std::string memo;
};

// One transaction; returns the new household's number (H0001 is 1).
std::int64_t register_household(storage::FundFile& file, const Recorder& recorder, const HouseholdInput& input);

// Records that a beneficiary belongs to a household from today (a later entry moves
// them). Refuses an unknown household or beneficiary, and a beneficiary already in it.
std::int64_t join_household(storage::FundFile& file, const Recorder& recorder, std::int64_t household,
                            std::int64_t beneficiary, const std::string& memo = "");

// Refuses (InputError) a household number that is not registered.
void require_household(storage::FundFile& file, std::int64_t household);

// Inside the caller's transaction: the membership entry of a beneficiary just registered.
void append_household_member(storage::FundFile& file, const Recorder& recorder, std::int64_t household,
                             std::int64_t beneficiary);

// A household as listed: its members' numbers as of now.
struct HouseholdView {
  model::Household household;
  std::vector<std::int64_t> members;
};
std::vector<HouseholdView> list_households(storage::FundFile& file);

// Each beneficiary's household as of `date_iso` and the cut-off (absent: in none).
std::map<std::int64_t, std::int64_t> household_of(storage::FundFile& file, const std::string& date_iso,
                                                  std::int64_t cutoff = storage::kNoCutoff);

// The people a fund's help reached in a period: relief payments and goods given to
// beneficiaries dated in it (id <= cutoff; those voided by a void within the cut-off
// dated in or before the period left out). Persons are distinct beneficiaries;
// households are their households at the period's end, a beneficiary in none counting
// as a household of one. This is what the notice, the annual report and the roll-up
// across funds (relief_households) count.
struct HelpCount {
  int households = 0;
  int persons = 0;
  std::int64_t times = 0;  // payments, or times goods were given
  util::Fen amount = 0;    // money paid, or the goods' estimated value
};
struct PeopleServed {
  HelpCount relief;                 // relief payments (a payment that names a beneficiary)
  HelpCount goods;                  // goods given to beneficiaries
  int households = 0;               // reached by either, each counted once
  int persons = 0;                  // likewise
  std::int64_t project_people = 0;  // people served by the projects evaluated in the period, summed
  int projects_evaluated = 0;
};
PeopleServed people_served(storage::FundFile& file, const util::Period& period,
                           std::int64_t cutoff = storage::kNoCutoff);

}  // namespace cfund::books
