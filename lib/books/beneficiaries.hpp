#pragma once
// The beneficiary registry (受助对象). Registration is a journal entry, so the
// registry is covered by the hash chain; the data itself is private (SPEC §6).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "books/journal.hpp"
#include "model/types.hpp"
#include "storage/fund_file.hpp"

namespace cfund::books {

struct BeneficiaryInput {
  std::string name;
  std::string id_number;  // 18-character resident ID; checked
  std::string phone;
  std::string address;
  std::string category;  // 困难学生, 独居老人, 隐形困难人群, ...
  std::string memo;
  std::optional<std::int64_t> household;  // H0001 is 1: recorded as a household_member entry right after
};

// One transaction; returns the new beneficiary's number (B0001 is 1). With a household,
// the beneficiary's membership is a second entry of the same transaction.
std::int64_t register_beneficiary(storage::FundFile& file, const Recorder& recorder, const BeneficiaryInput& input);
std::vector<model::Beneficiary> list_beneficiaries(storage::FundFile& file);

// A phone number as people write it: digits with an optional leading +, spaces and
// dashes, 5 to 20 digits (mobile or landline). Beneficiaries' and volunteers'.
bool plausible_phone(const std::string& phone);

}  // namespace cfund::books
