#include "report/community.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "books/fund.hpp"
#include "books/wishes.hpp"
#include "storage/community_queries.hpp"

namespace cfund::report {

namespace {

bool in(const util::Period& period, const std::string& iso) {
  return !iso.empty() && period.first.iso() <= iso && iso <= period.last.iso();
}

WishLine wish_line(const model::Wish& wish, const privacy::MentionMasker& scrub) {
  const auto& posting = wish.posting;
  WishLine line;
  line.number = fmt::format("W{:04d}", posting.number);
  line.title = scrub(posting.title);
  line.category = scrub(posting.category);
  if (posting.beneficiary) {
    const std::string masked = privacy::mask_name(posting.beneficiary_name);
    const std::string category = scrub(posting.beneficiary_category);
    line.for_whom = category.empty() ? masked : category + " " + masked;
  } else {
    line.for_whom = scrub(posting.recipient);
  }
  line.estimate = posting.estimate;
  line.status = wish.status;
  line.posted_on = posting.date;
  line.anonymous = wish.anonymous;
  if (!wish.anonymous) line.claimed_by = scrub(wish.donor_name);
  line.fulfilled_on = wish.fulfilled_on;
  line.fulfilled_kind = wish.fulfilled_kind;
  line.fulfilled_entry = wish.fulfilled_by.value_or(0);
  return line;
}

void add_wishes(storage::FundFile& file, const util::Period& period, std::int64_t cutoff,
                const privacy::MentionMasker& scrub, CommunityReport& report) {
  namespace status = model::wish_status;
  for (const auto& wish : books::wishes_as_of(file, period.last.iso(), cutoff)) {
    if (in(period, wish.posting.date)) ++report.wishes_posted;
    if (wish.status == status::fulfilled && in(period, wish.fulfilled_on)) {
      report.wishes_fulfilled.push_back(wish_line(wish, scrub));
    } else if (wish.status == status::open || wish.status == status::claimed) {
      report.wishes_open.push_back(wish_line(wish, scrub));
    } else if (wish.status == status::cancelled && in(period, wish.cancelled_on)) {
      ++report.wishes_cancelled;
    }
  }
}

void add_service(storage::FundFile& file, const util::Period& period, std::int64_t cutoff,
                 const privacy::MentionMasker& scrub, CommunityReport& report) {
  std::map<std::pair<std::string, std::string>, std::size_t> at;
  std::map<std::size_t, std::set<std::int64_t>> people;
  std::set<std::int64_t> everyone;
  const std::string last = period.last.iso();
  for (const auto& service : storage::services(file, period.first.iso(), last, cutoff)) {
    if (service.voided_by && service.void_date <= last) continue;
    const std::string activity = scrub(service.activity);
    const std::string project = scrub(service.project_name);
    auto [found, added] = at.emplace(std::make_pair(activity, project), report.service.size());
    if (added) report.service.push_back({activity, project, 0, 0, 0});
    auto& line = report.service[found->second];
    ++line.sessions;
    line.hours += service.hours;
    people[found->second].insert(service.volunteer);
    line.people = static_cast<int>(people[found->second].size());
    everyone.insert(service.volunteer);
    ++report.sessions;
    report.hours += service.hours;
  }
  report.volunteers = static_cast<int>(everyone.size());
  std::stable_sort(report.service.begin(), report.service.end(), [](const ServiceLine& a, const ServiceLine& b) {
    return std::tie(b.hours, a.activity, a.project) < std::tie(a.hours, b.activity, b.project);
  });
}

void add_points(storage::FundFile& file, const util::Period& period, std::int64_t cutoff,
                const privacy::MentionMasker& scrub, int top_limit, CommunityReport& report) {
  report.points = books::points_in_period(file, period, cutoff);
  std::map<std::string, PointsPurposeLine> by_purpose;
  for (const auto& [purpose, figures] : report.points.by_purpose) {
    auto& line = by_purpose[scrub(purpose)];
    line.purpose = scrub(purpose);
    line.times += figures.first;
    line.points += figures.second;
  }
  report.points.by_purpose.clear();
  for (auto& [purpose, line] : by_purpose) report.redeemed_for.push_back(std::move(line));
  // Named with their consent; a name that is also a beneficiary's or an anonymous
  // donor's is still masked (the privacy rules come first).
  report.top = books::top_contributors(file, period.last, cutoff, top_limit);
  for (auto& line : report.top) line.name = scrub(line.name);
  report.top_year = period.last.year;
}

}  // namespace

CommunityReport build_community(storage::FundFile& file, const util::Period& period, std::int64_t cutoff,
                                const privacy::MentionMasker& scrub, int top_limit) {
  CommunityReport report;
  report.people = books::people_served(file, period, cutoff);
  add_wishes(file, period, cutoff, scrub, report);
  add_service(file, period, cutoff, scrub, report);
  add_points(file, period, cutoff, scrub, top_limit, report);
  return report;
}

}  // namespace cfund::report
