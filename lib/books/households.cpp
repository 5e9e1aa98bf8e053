#include "books/households.hpp"

#include <set>

#include "error.hpp"
#include "storage/community_queries.hpp"
#include "storage/queries.hpp"
#include "util/text.hpp"

namespace cfund::books {

namespace {}  // namespace

void require_household(storage::FundFile& file, std::int64_t household) {
  if (!storage::household_by_number(file, household)) {
    throw InputError(bilingual("没有编号为 H{0:04d} 的家庭户（见 cfund household list）",
                               "there is no household H{0:04d} (see cfund household list)", household));
  }
}

namespace {

void require_beneficiary(storage::FundFile& file, std::int64_t beneficiary, const char* option) {
  if (!storage::beneficiary_by_number(file, beneficiary)) {
    throw InputError(
        bilingual("{0}：没有编号为 B{1:04d} 的受助对象", "{0}: there is no beneficiary B{1:04d}", option, beneficiary));
  }
}

// Adds the help to a count, each beneficiary and household once.
struct Counter {
  std::set<std::int64_t> persons;
  std::set<std::int64_t> households;  // a beneficiary in no household: minus its number
  HelpCount count;

  void add(const model::HelpGiven& help, const std::map<std::int64_t, std::int64_t>& homes) {
    ++count.times;
    count.amount += help.amount;
    persons.insert(help.beneficiary);
    auto home = homes.find(help.beneficiary);
    households.insert(home == homes.end() ? -help.beneficiary : home->second);
    count.persons = static_cast<int>(persons.size());
    count.households = static_cast<int>(households.size());
  }
};

}  // namespace

std::int64_t register_household(storage::FundFile& file, const Recorder& recorder, const HouseholdInput& input) {
  const std::string name = util::trim(input.name);
  if (name.empty()) {
    throw InputError(bilingual("--name：请写家庭户的称呼，如 王秀英家", "--name: name the household, e.g. 王秀英家"));
  }
  storage::FundFile::WriteTransaction tx(file);
  const std::int64_t number = storage::next_household_number(file);
  EntryDraft draft;
  draft.kind = model::entry_kind::household;
  draft.date = recorder.now.today;
  draft.memo = input.memo;
  draft.detail.set("number", number).set("name", name).set_text("address", util::trim(input.address));
  append_entry(file, recorder, draft);
  tx.commit();
  return number;
}

void append_household_member(storage::FundFile& file, const Recorder& recorder, std::int64_t household,
                             std::int64_t beneficiary) {
  EntryDraft draft;
  draft.kind = model::entry_kind::household_member;
  draft.date = recorder.now.today;
  draft.detail.set("household", household).set("beneficiary", beneficiary);
  append_entry(file, recorder, draft);
}

std::int64_t join_household(storage::FundFile& file, const Recorder& recorder, std::int64_t household,
                            std::int64_t beneficiary, const std::string& memo) {
  storage::FundFile::WriteTransaction tx(file);
  require_household(file, household);
  require_beneficiary(file, beneficiary, "--beneficiary");
  const auto homes = household_of(file, "9999-12-31");
  if (auto home = homes.find(beneficiary); home != homes.end() && home->second == household) {
    throw Refused(bilingual("受助对象 B{0:04d} 已属于家庭户 H{1:04d}",
                            "beneficiary B{0:04d} already belongs to household H{1:04d}", beneficiary, household));
  }
  EntryDraft draft;
  draft.kind = model::entry_kind::household_member;
  draft.date = recorder.now.today;
  draft.memo = memo;
  draft.detail.set("household", household).set("beneficiary", beneficiary);
  const std::int64_t id = append_entry(file, recorder, draft);
  tx.commit();
  return id;
}

std::vector<HouseholdView> list_households(storage::FundFile& file) {
  const auto homes = household_of(file, "9999-12-31");
  std::vector<HouseholdView> views;
  for (auto& household : storage::households(file)) {
    HouseholdView view{std::move(household), {}};
    for (const auto& [beneficiary, home] : homes) {
      if (home == view.household.number) view.members.push_back(beneficiary);
    }
    views.push_back(std::move(view));
  }
  return views;
}

std::map<std::int64_t, std::int64_t> household_of(storage::FundFile& file, const std::string& date_iso,
                                                  std::int64_t cutoff) {
  std::map<std::int64_t, std::int64_t> homes;
  for (const auto& membership : storage::household_memberships(file, cutoff)) {
    if (membership.date <= date_iso) homes[membership.beneficiary] = membership.household;
  }
  return homes;
}

PeopleServed people_served(storage::FundFile& file, const util::Period& period, std::int64_t cutoff) {
  const std::string from = period.first.iso();
  const std::string to = period.last.iso();
  const auto homes = household_of(file, to, cutoff);
  Counter relief;
  Counter goods;
  Counter both;
  for (const auto& help : storage::help_given(file, from, to, cutoff)) {
    (help.kind == model::entry_kind::goods_given ? goods : relief).add(help, homes);
    both.add(help, homes);
  }
  PeopleServed served;
  served.relief = relief.count;
  served.goods = goods.count;
  served.households = both.count.households;
  served.persons = both.count.persons;
  for (const auto& project : storage::projects_evaluated(file, from, to, cutoff)) {
    served.project_people += project.people_served;
    ++served.projects_evaluated;
  }
  return served;
}

}  // namespace cfund::books
