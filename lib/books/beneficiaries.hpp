#pragma once
// The beneficiary registry (受助对象). Registration is a journal entry, so the
// registry is covered by the hash chain; the data itself is private (SPEC §6).

#include <string>
#include <vector>

#include "books/journal.hpp"
#include "model/types.hpp"
#include "storage/fund_file.hpp"
#include "util/date.hpp"

namespace cfund::books {

struct BeneficiaryInput {
  std::string name;
  std::string id_number;  // 18-character resident ID; checked
  std::string phone;
  std::string address;
  std::string category;  // 困难学生, 独居老人, 隐形困难人群, ...
  std::string memo;
};

// One transaction; returns the new beneficiary's number (B0001 is 1).
std::int64_t register_beneficiary(storage::FundFile& file, const Recorder& recorder, const BeneficiaryInput& input);
std::vector<model::Beneficiary> list_beneficiaries(storage::FundFile& file);

// The households that relief reached in a period, as the roll-up shows them (cfund
// rollup, "relief households"). For now: the distinct beneficiaries of the payments
// whose category names a beneficiary (relief) dated in the period, up to `cutoff`,
// leaving out payments voided by then. When beneficiaries belong to households, this
// is the one place to count households instead.
std::int64_t relief_households(storage::FundFile& file, const util::Period& period, std::int64_t cutoff);

}  // namespace cfund::books
