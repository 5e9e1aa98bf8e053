#pragma once
// The nouns of the community side of a fund (schemas/0010_community.sql): households,
// micro-wishes (微心愿), volunteers and their hours (志愿服务), credit points (积分).
// None of them is money. Names of beneficiaries and households, and volunteers'
// phones, are private: callers that publish go through the privacy rules.

#include <cstdint>
#include <optional>
#include <string>

#include "util/money.hpp"

namespace cfund::model {

// A household (家庭户) that beneficiaries belong to. Name and address are private.
struct Household {
  std::int64_t number = 0;  // H0001 is 1
  std::int64_t entry_id = 0;
  std::string date;
  std::string name;
  std::string address;
};

// A beneficiary joining a household (a later one moves them).
struct HouseholdMembership {
  std::int64_t entry_id = 0;
  std::string date;
  std::int64_t household = 0;
  std::int64_t beneficiary = 0;
};

namespace wish_status {
inline const std::string open = "open";  // posted, waiting for a donor (待认领)
inline const std::string claimed = "claimed";
inline const std::string fulfilled = "fulfilled";
inline const std::string cancelled = "cancelled";
}  // namespace wish_status

// A micro-wish as posted (kind wish), with its beneficiary's name read (private).
struct WishPosting {
  std::int64_t number = 0;  // W0001 is 1
  std::int64_t entry_id = 0;
  std::string date;
  std::string title;
  std::string category;
  util::Fen estimate = 0;  // what it is thought to cost: never money in the books
  std::optional<std::int64_t> beneficiary;
  std::string beneficiary_name;  // private
  std::string beneficiary_category;
  std::string recipient;  // a described person or group
  std::string posted_by;  // the grid worker
  std::string memo;
};

// One step of a wish (kind wish_step).
struct WishStep {
  std::int64_t entry_id = 0;
  std::string date;
  std::int64_t wish = 0;
  std::string from_status;
  std::string to_status;
  std::string donor_name;  // claimed: who claimed it
  bool anonymous = false;
  std::optional<std::int64_t> fulfilled_by;  // fulfilled: the entry that did it
  std::string fulfilled_kind;                // that entry's kind (donation, goods_given, disbursement)
  std::string reason;                        // cancelled: why
};

// A wish as it stands: its posting and what its steps made of it.
struct Wish {
  WishPosting posting;
  std::string status = wish_status::open;
  std::string claimed_on;
  std::string donor_name;  // shown only as anonymous when the claim was anonymous
  bool anonymous = false;
  std::string fulfilled_on;
  std::optional<std::int64_t> fulfilled_by;
  std::string fulfilled_kind;
  std::string cancelled_on;
  std::string reason;
};

// A volunteer (志愿者). The phone is private.
struct Volunteer {
  std::int64_t number = 0;  // V0001 is 1
  std::int64_t entry_id = 0;
  std::string date;
  std::string name;
  std::string phone;
};

// Hours a volunteer served (kind service), any void marking it.
struct Service {
  std::int64_t entry_id = 0;
  std::string date;
  std::int64_t volunteer = 0;
  std::string volunteer_name;
  std::int64_t hours = 0;  // hundredths of an hour (util/hours.hpp)
  std::string activity;
  std::string project_code;
  std::string project_name;
  int source_line = 0;
  std::optional<std::int64_t> voided_by;
  std::string void_date;
  std::string void_reason;
};

// Credit points redeemed (kind points_redemption), any void marking it.
struct Redemption {
  std::int64_t entry_id = 0;
  std::string date;
  std::string holder;
  std::int64_t points = 0;
  std::string purpose;
  std::optional<std::int64_t> voided_by;
  std::string void_date;
};

// A consent to be named among the year's top contributors, or its withdrawal.
struct Consent {
  std::int64_t entry_id = 0;
  std::string date;
  std::string holder;
  bool agreed = false;
};

// A donation as points see it: who gave (by name), how much, whether in the open.
struct PointsDonation {
  std::int64_t entry_id = 0;
  std::string date;
  std::string donor_name;
  util::Fen amount = 0;  // money, or goods at their estimated value
  bool anonymous = false;
  std::optional<std::int64_t> voided_by;
  std::string void_date;
};

// Help that reached a beneficiary: a relief payment or goods given to them.
struct HelpGiven {
  std::int64_t entry_id = 0;
  std::string kind;  // disbursement or goods_given
  std::string date;
  std::int64_t beneficiary = 0;
  util::Fen amount = 0;  // money paid, or the goods' estimated value
};

}  // namespace cfund::model
