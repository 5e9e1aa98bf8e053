#pragma once
// What a period's notice and the annual report disclose of the fund's community side,
// computed once, privacy applied: the households and people its help reached, the
// micro-wishes fulfilled and still open, the volunteer hours and people by activity and
// project, and credit points earned and redeemed (with the year's top contributors who
// agreed to be named). None of it is money: nothing here enters a money total.

#include <cstdint>
#include <string>
#include <vector>

#include "books/households.hpp"
#include "books/points.hpp"
#include "privacy/mask.hpp"
#include "storage/fund_file.hpp"
#include "util/date.hpp"

namespace cfund::report {

// A micro-wish as published: its beneficiary as relief shows one (独居老人 王*英).
struct WishLine {
  std::string number;  // W0001
  std::string title;
  std::string category;
  std::string for_whom;  // masked beneficiary, a described group, or ""
  util::Fen estimate = 0;
  std::string status;  // model::wish_status
  std::string posted_on;
  std::string claimed_by;  // the donor, "" when anonymous
  bool anonymous = false;
  std::string fulfilled_on;
  std::string fulfilled_kind;  // the entry kind that fulfilled it
  std::int64_t fulfilled_entry = 0;
};

// Volunteer service in the period for one activity and project.
struct ServiceLine {
  std::string activity;
  std::string project;  // the project's name, "" for none
  int people = 0;       // distinct volunteers
  std::int64_t sessions = 0;
  std::int64_t hours = 0;  // hundredths
};

struct PointsPurposeLine {
  std::string purpose;
  std::int64_t times = 0;
  std::int64_t points = 0;
};

struct CommunityReport {
  books::PeopleServed people;
  std::vector<WishLine> wishes_fulfilled;  // fulfilled in the period
  std::vector<WishLine> wishes_open;       // open or claimed at its end
  int wishes_posted = 0;                   // in the period
  int wishes_cancelled = 0;                // in the period
  std::vector<ServiceLine> service;        // by activity and project
  int volunteers = 0;                      // distinct people who served in the period
  std::int64_t sessions = 0;
  std::int64_t hours = 0;
  books::PointsPeriod points;  // by_purpose left empty: see redeemed_for
  std::vector<PointsPurposeLine> redeemed_for;
  std::vector<books::TopContributor> top;  // with their consent
  int top_year = 0;

  bool any_people() const { return people.relief.times + people.goods.times > 0 || people.projects_evaluated > 0; }
  bool any_wishes() const { return !wishes_fulfilled.empty() || !wishes_open.empty() || wishes_cancelled > 0; }
  bool any_service() const { return sessions > 0; }
  bool any_points() const { return points.any() || !top.empty(); }
};

// Service voided by a void dated on or before the period's end (within the cut-off) is
// left out; free text is masked with `scrub`. `top_limit` is [points] notice_top.
CommunityReport build_community(storage::FundFile& file, const util::Period& period, std::int64_t cutoff,
                                const privacy::MentionMasker& scrub, int top_limit);

}  // namespace cfund::report
