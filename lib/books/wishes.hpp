#pragma once
// Micro-wishes (微心愿): a resident or a grid worker posts a small wish (a schoolbag, a
// wheelchair, a repaired water pipe), a donor claims it, and it is fulfilled by a
// donation, goods given out or a payment, then shown on the notice board. Each step is
// a journal entry (kinds wish and wish_step); the wish's state follows from them:
//
//   open ──claim──▶ claimed ──fulfil──▶ fulfilled
//     └──cancel──▶ cancelled ◀──cancel──┘
//
// A wish's estimate is what it is thought to cost, never money in the books: the money
// or goods that fulfil it are the entry that does, counted where that entry counts.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "books/journal.hpp"
#include "model/community.hpp"
#include "storage/economy_queries.hpp"
#include "storage/fund_file.hpp"
#include "util/date.hpp"

namespace cfund::books {

// The steps a wish may take from each status, in one place: what claim, fulfil and
// cancel check, and what the unit tests walk.
bool wish_step_allowed(const std::string& from_status, const std::string& to_status);
Message wish_status_name(const std::string& status);

struct WishInput {
  util::Date date;
  std::string title;
  std::string category;
  Fen estimate = 0;
  std::optional<std::int64_t> beneficiary;  // a registered beneficiary (masked like relief)
  std::string recipient;                    // or a described person or group
  std::string posted_by;                    // the grid worker who posted it
  std::string memo;
};
// One transaction; returns the wish's number (W0001 is 1).
std::int64_t post_wish(storage::FundFile& file, const Recorder& recorder, const WishInput& input);

struct ClaimInput {
  util::Date date;
  std::int64_t wish = 0;
  std::string donor;                      // a donor's name (registered on first use, as donate add does)
  std::string donor_kind = "individual";  // or organisation, for a donor new to the books
  bool anonymous = false;                 // shown only as anonymous
  std::string memo;
};
// Each returns the step's entry id; each refuses (Refused) a step its wish's status
// does not allow, and a date before the wish's last step.
std::int64_t claim_wish(storage::FundFile& file, const Recorder& recorder, const ClaimInput& input);
// `entry` is what fulfilled it: a donation (earmarked to the wish), goods given out or a
// payment, not voided.
std::int64_t fulfil_wish(storage::FundFile& file, const Recorder& recorder, std::int64_t wish, std::int64_t entry,
                         const util::Date& date, const std::string& memo = "");
std::int64_t cancel_wish(storage::FundFile& file, const Recorder& recorder, std::int64_t wish,
                         const std::string& reason, const util::Date& date);

// Every wish as it stood at the end of `date_iso`, counting entries with id <= cutoff
// (a wish posted later is left out), in number order.
std::vector<model::Wish> wishes_as_of(storage::FundFile& file, const std::string& date_iso,
                                      std::int64_t cutoff = storage::kNoCutoff);
// Every wish as it stands now, or those of one status.
std::vector<model::Wish> list_wishes(storage::FundFile& file, const std::string& status = "");

}  // namespace cfund::books
