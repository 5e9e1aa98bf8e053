#pragma once
// The queries of the community side (schemas/0010_community.sql): households,
// micro-wishes, volunteers and their hours, points redeemed, consents, and the help
// that reached beneficiaries. Every read takes a cut-off entry (only entries with
// id <= cutoff count, voids included), so that a notice can be made again from a
// later state of the books. Rows are read by column name.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/community.hpp"
#include "storage/economy_queries.hpp"

namespace cfund::storage {

class FundFile;

// Households and who belongs to them (memberships in entry order).
std::vector<model::Household> households(FundFile& file);
std::optional<model::Household> household_by_number(FundFile& file, std::int64_t number);
std::int64_t next_household_number(FundFile& file);
std::vector<model::HouseholdMembership> household_memberships(FundFile& file, std::int64_t cutoff = kNoCutoff);

// Micro-wishes as posted, and their steps in entry order.
std::vector<model::WishPosting> wish_postings(FundFile& file, std::int64_t cutoff = kNoCutoff);
std::vector<model::WishStep> wish_steps(FundFile& file, std::int64_t cutoff = kNoCutoff);
std::int64_t next_wish_number(FundFile& file);

// Volunteers in number order.
std::vector<model::Volunteer> volunteers(FundFile& file);
std::int64_t next_volunteer_number(FundFile& file);

// Service dated within [from, to] with id <= cutoff, in date and entry order; a void
// with id <= cutoff marks it.
std::vector<model::Service> services(FundFile& file, const std::string& from, const std::string& to,
                                     std::int64_t cutoff = kNoCutoff);
// The service of one entry (any void within reach marks it).
std::optional<model::Service> service_row(FundFile& file, std::int64_t entry_id);
// The hours (hundredths) a volunteer served on a day, voided service left out.
std::int64_t hours_served_on(FundFile& file, std::int64_t volunteer, const std::string& date);
// How many service rows carry this content key (a sign-in sheet's row imported before).
std::int64_t services_with_content_key(FundFile& file, const std::string& key);

// Points redeemed and consents, in entry order.
std::vector<model::Redemption> redemptions(FundFile& file, std::int64_t cutoff = kNoCutoff);
std::vector<model::Consent> consents(FundFile& file, std::int64_t cutoff = kNoCutoff);

// Donations that name their donor (money and goods), in date and entry order.
std::vector<model::PointsDonation> points_donations(FundFile& file, std::int64_t cutoff = kNoCutoff);
// Whether anyone gave under this name (the donor registry or a donation).
bool known_donor(FundFile& file, const std::string& name);

// Relief payments and goods given to beneficiaries dated within [from, to], with
// id <= cutoff, leaving out those voided by a void with id <= cutoff dated <= to.
std::vector<model::HelpGiven> help_given(FundFile& file, const std::string& from, const std::string& to,
                                         std::int64_t cutoff = kNoCutoff);

// People served by the projects evaluated within [from, to] (evaluations with id <= cutoff).
struct EvaluatedProject {
  std::string code;
  std::string name;
  std::string date;
  std::int64_t people_served = 0;
};
std::vector<EvaluatedProject> projects_evaluated(FundFile& file, const std::string& from, const std::string& to,
                                                 std::int64_t cutoff = kNoCutoff);

}  // namespace cfund::storage
