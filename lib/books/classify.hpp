#pragma once
// How a statement row is booked: the [[classify]] rules of its import profile
// (import/profile.hpp), tried in order, against the row's texts, the way its money
// goes and whether its counterparty is the fund itself. A row no rule matches is a
// donation (money in) or a payment (money out), as before profiles had rules.

#include <optional>
#include <string>
#include <vector>

#include "import/profile.hpp"
#include "import/reader.hpp"
#include "model/types.hpp"
#include "storage/fund_file.hpp"

namespace cfund::books {

// The names under which the fund itself appears on a statement: its own name, its
// organisation's, and its money accounts' names, compared as util::comparable_name.
class OwnNames {
 public:
  OwnNames(const model::FundSettings& settings, const std::vector<model::Account>& accounts);
  static OwnNames of(storage::FundFile& file);

  bool is_own(const std::string& counterparty) const;
  // The money account whose name the counterparty is.
  std::optional<model::Account> account_named(const std::string& counterparty) const;

 private:
  std::vector<std::string> names_;
  std::vector<std::pair<std::string, model::Account>> accounts_;
};

// The first rule of the profile that matches the row, whose money comes in (money_in)
// or goes out; nullptr when none does.
const import::ClassifyRule* matching_rule(const import::Profile& profile, const import::Record& row, bool money_in,
                                          const OwnNames& own);

}  // namespace cfund::books
